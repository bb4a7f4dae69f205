import type { Kysely } from 'kysely';

// Issue 15 line 4 (ADR 041): the end-of-term appraisal (鉴定) of a posting — the receiving
// unit's text, the cadre's term summary (工作总结), the 组织部's countersignature or return — and
// every version of it (each save and each move) with its author, time and comment. One per
// posting. No foreign key on postings (see the achievements migration).

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('appraisals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('posting_id', 'text', (c) => c.notNull().unique())
    // 'draft' | 'submitted' | 'countersigned' | 'returned'
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('text', 'text')
    .addColumn('summary', 'text')
    .addColumn('review_comment', 'text')
    .addColumn('reviewed_by', 'text')
    .addColumn('reviewed_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('updated_by', 'text')
    .execute();
  await db.schema.createIndex('appraisals_status_idx').on('appraisals').columns(['status', 'id']).execute();
  await db.schema
    .createTable('appraisal_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('appraisal_id', 'text', (c) => c.notNull().references('appraisals.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('text', 'text')
    .addColumn('summary', 'text')
    .addColumn('comment', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('author', 'text')
    .addUniqueConstraint('appraisal_versions_seq_key', ['appraisal_id', 'seq'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('status_history').where('object_type', '=', 'appraisal').execute();
  await db.schema.dropTable('appraisal_versions').execute();
  await db.schema.dropTable('appraisals').execute();
}
