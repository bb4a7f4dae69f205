import type { Kysely } from 'kysely';

// Issue 12 line 7 (ADR 028): the reminders the daily job has sent. One row per (kind, object,
// recipient, due key); the primary key is what makes the job idempotent — a second run, or a
// second instance on the same PostgreSQL, inserts nothing and so notifies no one again.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('reminders_sent')
    // 'termEnding30' | 'termEnding7' | 'approvalWaiting' | 'handoverMissing'
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('object_id', 'text', (c) => c.notNull())
    .addColumn('recipient', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    // what the reminder is about, so a new occasion reminds again (a new end date, a new submission)
    .addColumn('due_key', 'text', (c) => c.notNull())
    .addColumn('notification_id', 'text', (c) => c.notNull())
    .addColumn('sent_on', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('reminders_sent_pk', ['kind', 'object_id', 'recipient', 'due_key'])
    .execute();
  await db.schema.createIndex('reminders_sent_on_idx').on('reminders_sent').column('sent_on').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('reminders_sent').execute();
}
