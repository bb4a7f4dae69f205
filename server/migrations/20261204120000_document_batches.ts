import type { Kysely } from 'kysely';

// Issue 14 line 7 (ADR 040): a batch generation of documents — the monthly reports of a batch's
// month, or its leave forms of a month — into one .zip, computed in the background with
// progress, cancel and a heartbeat (a run left by a dead process is marked failed).

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('document_batches')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('batch_id', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    // 'monthly' | 'leave'
    .addColumn('kind', 'text', (c) => c.notNull())
    // 'running' | 'done' | 'failed' | 'cancelled'
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('total', 'integer', (c) => c.notNull())
    .addColumn('done', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('size', 'integer')
    .addColumn('sha256', 'text')
    .addColumn('error', 'text')
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('heartbeat_at', 'text')
    .addColumn('finished_at', 'text')
    .addColumn('created_by', 'text')
    .execute();
  await db.schema
    .createIndex('document_batches_batch_idx')
    .on('document_batches')
    .columns(['batch_id', 'started_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('document_batches').execute();
}
