import { type Kysely, sql } from 'kysely';

// Issue 9: one state machine (server/core/state-machine.ts, ADR 014). Every status move of every
// capability appends one row here: who, when, from, to and the reason. The batches' own log
// moves in; `batch_status_log` stays readable as a view over the batch rows.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('status_history')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // the audit log's object type: 'batch', 'post', 'nomination', 'correction' …
    .addColumn('object_type', 'text', (c) => c.notNull())
    .addColumn('object_id', 'text', (c) => c.notNull())
    // 1, 2, 3 … per record: the order of its moves, even within one millisecond
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('from_status', 'text', (c) => c.notNull())
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .execute();
  await db.schema
    .createIndex('status_history_object_uq')
    .on('status_history')
    .columns(['object_type', 'object_id', 'seq'])
    .unique()
    .execute();
  await db
    .insertInto('status_history')
    .columns([
      'id',
      'object_type',
      'object_id',
      'seq',
      'from_status',
      'to_status',
      'reason',
      'at',
      'actor_id',
    ])
    .expression((eb) =>
      eb
        .selectFrom('batch_status_log')
        .select([
          'id',
          sql.lit('batch').as('object_type'),
          'batch_id',
          sql`row_number() over (partition by batch_id order by at, id)`.as('seq'),
          'from_status',
          'to_status',
          'reason',
          'at',
          'actor_id',
        ]),
    )
    .execute();
  await db.schema.dropTable('batch_status_log').execute();
  await db.schema
    .createView('batch_status_log')
    .as(
      db
        .selectFrom('status_history')
        .select(['id', 'object_id as batch_id', 'from_status', 'to_status', 'reason', 'at', 'actor_id'])
        .where('object_type', '=', sql.lit('batch')),
    )
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropView('batch_status_log').execute();
  await db.schema
    .createTable('batch_status_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('batch_id', 'text', (c) => c.notNull().references('batches.id').onDelete('cascade'))
    .addColumn('from_status', 'text', (c) => c.notNull())
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .execute();
  await db
    .insertInto('batch_status_log')
    .columns(['id', 'batch_id', 'from_status', 'to_status', 'reason', 'at', 'actor_id'])
    .expression((eb) =>
      eb
        .selectFrom('status_history')
        .select([
          'id',
          'object_id',
          'from_status',
          'to_status',
          eb.fn.coalesce('reason', sql.lit('')).as('reason'),
          'at',
          'actor_id',
        ])
        .where('object_type', '=', sql.lit('batch')),
    )
    .execute();
  await db.schema.dropTable('status_history').execute();
}
