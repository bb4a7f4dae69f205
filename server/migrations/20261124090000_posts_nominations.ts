import type { Kysely } from 'kysely';

// Issue 4, part 2: receiving units' post requests and sending units' nominations for a batch.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('post_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('batch_id', 'text', (c) => c.notNull().references('batches.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('duties', 'text', (c) => c.notNull())
    .addColumn('expertise', 'text', (c) => c.notNull())
    .addColumn('headcount', 'integer', (c) => c.notNull())
    .addColumn('notes', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('review_comment', 'text')
    .addColumn('reviewed_by', 'text')
    .addColumn('reviewed_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('updated_by', 'text')
    .execute();
  await db.schema
    .createIndex('post_requests_batch_idx')
    .on('post_requests')
    .columns(['batch_id', 'status'])
    .execute();
  await db.schema.createIndex('post_requests_unit_idx').on('post_requests').column('unit_id').execute();

  await db.schema
    .createTable('nominations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('batch_id', 'text', (c) => c.notNull().references('batches.id'))
    .addColumn('cadre_id', 'text', (c) => c.notNull().references('cadres.id').onDelete('cascade'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('eligible', 'integer', (c) => c.notNull())
    .addColumn('reasons', 'text', (c) => c.notNull())
    .addColumn('justification', 'text')
    .addColumn('review_comment', 'text')
    .addColumn('reviewed_by', 'text')
    .addColumn('reviewed_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('updated_by', 'text')
    .execute();
  await db.schema
    .createIndex('nominations_batch_cadre_uq')
    .on('nominations')
    .columns(['batch_id', 'cadre_id'])
    .unique()
    .execute();
  await db.schema
    .createIndex('nominations_cadre_idx')
    .on('nominations')
    .columns(['cadre_id', 'status'])
    .execute();
  await db.schema.createIndex('nominations_unit_idx').on('nominations').column('unit_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('nominations').execute();
  await db.schema.dropTable('post_requests').execute();
}
