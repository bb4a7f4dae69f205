import type { Kysely } from 'kysely';

// Issue 14 line 4 (ADR 039): the monthly report (月度情况报送) of a posting, one per month, and
// every version of it (each save and each move) with its author and time. The generated facts
// are JSON, frozen at submission. No foreign key on postings (see the achievements migration).

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('monthly_reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('posting_id', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    // 'draft' | 'submitted' | 'signed' | 'returned'
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('facts', 'text', (c) => c.notNull())
    .addColumn('summary', 'text')
    .addColumn('plan', 'text')
    .addColumn('review_comment', 'text')
    .addColumn('reviewed_by', 'text')
    .addColumn('reviewed_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('updated_by', 'text')
    .addUniqueConstraint('monthly_reports_posting_month_key', ['posting_id', 'month'])
    .execute();
  await db.schema
    .createIndex('monthly_reports_month_idx')
    .on('monthly_reports')
    .columns(['month', 'id'])
    .execute();
  await db.schema
    .createTable('monthly_report_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('report_id', 'text', (c) => c.notNull().references('monthly_reports.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('facts', 'text', (c) => c.notNull())
    .addColumn('summary', 'text')
    .addColumn('plan', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('author', 'text')
    .addUniqueConstraint('monthly_report_versions_seq_key', ['report_id', 'seq'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('status_history').where('object_type', '=', 'monthly_report').execute();
  await db.schema.dropTable('monthly_report_versions').execute();
  await db.schema.dropTable('monthly_reports').execute();
}
