import { type Kysely, sql } from 'kysely';

// Issue 12 line 5: postings (挂职), one cadre in one post for one term, from 拟任 to 已返回
// (ADR 024). Their status moves are rows of `status_history`; what a move carries besides
// (its effective date, the duties agreed at the 对接, a new end date, the sending unit's
// consultation before a recall) is a `posting_events` row with the same sequence number.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('postings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('batch_id', 'text', (c) => c.notNull().references('batches.id'))
    .addColumn('programme_id', 'text', (c) => c.notNull().references('programmes.id'))
    .addColumn('nomination_id', 'text', (c) =>
      c.notNull().unique().references('nominations.id').onDelete('cascade'),
    )
    .addColumn('cadre_id', 'text', (c) => c.notNull().references('cadres.id').onDelete('cascade'))
    .addColumn('post_request_id', 'text', (c) => c.notNull().references('post_requests.id'))
    .addColumn('sending_unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('receiving_unit_id', 'text', (c) => c.notNull().references('units.id'))
    // the receiving unit's region at proposal: its 组织部 is one of the posting's owners
    .addColumn('receiving_region_code', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    // JSON [{kind: 'in_charge' | 'assist', area}] — the post's, then those agreed at the 对接
    .addColumn('duties', 'text', (c) => c.notNull())
    .addColumn('duties_text', 'text')
    .addColumn('planned_start', 'text', (c) => c.notNull())
    .addColumn('planned_end', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text')
    .addColumn('end_date', 'text', (c) => c.notNull())
    // the day the posting stopped (期满, 提前召回, 终止) and the day the cadre was back (已返回)
    .addColumn('finished_on', 'text')
    .addColumn('returned_on', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('match_run_id', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('updated_by', 'text')
    .execute();
  // At most one 拟任 or 在岗 posting per cadre — the database's rule, not only the service's.
  await db.schema
    .createIndex('postings_cadre_current_uq')
    .on('postings')
    .column('cadre_id')
    .unique()
    .where(sql<boolean>`status in ('proposed', 'active')`)
    .execute();
  for (const [name, columns] of [
    ['postings_cadre_idx', ['cadre_id', 'status']],
    ['postings_batch_idx', ['batch_id', 'status']],
    ['postings_sending_idx', ['sending_unit_id']],
    ['postings_receiving_idx', ['receiving_unit_id']],
    ['postings_region_idx', ['receiving_region_code']],
    ['postings_created_idx', ['created_at', 'id']],
    ['postings_status_idx', ['status', 'id']],
    ['postings_end_idx', ['end_date', 'id']],
  ] as const)
    await db.schema
      .createIndex(name)
      .on('postings')
      .columns([...columns])
      .execute();

  await db.schema
    .createTable('posting_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('posting_id', 'text', (c) => c.notNull().references('postings.id').onDelete('cascade'))
    // the status_history row's seq of the same move
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('details', 'text')
    .execute();
  await db.schema
    .createIndex('posting_events_seq_uq')
    .on('posting_events')
    .columns(['posting_id', 'seq'])
    .unique()
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('status_history').where('object_type', '=', 'posting').execute();
  await db.schema.dropTable('posting_events').execute();
  await db.schema.dropTable('postings').execute();
}
