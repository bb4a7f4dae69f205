import { type CreateTableBuilder, type Kysely, SqliteAdapter, sql } from 'kysely';

// Issue 15 lines 1–3, 6, 8 (ADR 038): assessment rounds of a batch, the postings each covers
// (stored when the round opens) with their inputs and grades, and the democratic evaluation.
// The evaluation is anonymous by construction: spent ballot codes are kept only as an HMAC in
// one table, votes in another with a random id, no code, voter or ballot column and only the
// day; on SQLite both are WITHOUT ROWID tables (no hidden insertion-order rowid).

const withoutRowid = (db: Kysely<any>, t: CreateTableBuilder<any, any>) =>
  db.getExecutor().adapter instanceof SqliteAdapter ? t.modifyEnd(sql`without rowid`) : t;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('assessment_rounds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('batch_id', 'text', (c) => c.notNull().references('batches.id').onDelete('cascade'))
    .addColumn('programme_id', 'text', (c) => c.notNull())
    // 'annual' | 'end_of_term' | 'quarterly' | 'special'
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('period_from', 'text', (c) => c.notNull())
    .addColumn('period_to', 'text', (c) => c.notNull())
    // JSON {receiving, democratic, sending} percentages summing to 100
    .addColumn('weights', 'text', (c) => c.notNull())
    // JSON {leaveThreshold, excellentPct, approvedPct, approvalDocNo, minBallots}
    .addColumn('settings', 'text', (c) => c.notNull())
    // JSON {selfReportDue, opinionsDue, pollCloses}
    .addColumn('deadlines', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('updated_by', 'text')
    .execute();
  await db.schema
    .createIndex('assessment_rounds_batch_idx')
    .on('assessment_rounds')
    .columns(['batch_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('assessment_subjects')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('round_id', 'text', (c) => c.notNull().references('assessment_rounds.id').onDelete('cascade'))
    .addColumn('posting_id', 'text', (c) => c.notNull().references('postings.id').onDelete('cascade'))
    .addColumn('self_report', 'text')
    .addColumn('receiving_opinion', 'text')
    .addColumn('receiving_grade', 'text')
    .addColumn('sending_opinion', 'text')
    .addColumn('sending_grade', 'text')
    .addColumn('undetermined_mark', 'text')
    // JSON tally of a paper vote entered by the receiving unit, or null
    .addColumn('paper_tally', 'text')
    .addColumn('final_grade', 'text')
    .addColumn('final_reason', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();
  await db.schema
    .createIndex('assessment_subjects_uq')
    .on('assessment_subjects')
    .columns(['round_id', 'posting_id'])
    .unique()
    .execute();
  await db.schema
    .createIndex('assessment_subjects_posting_idx')
    .on('assessment_subjects')
    .column('posting_id')
    .execute();

  // a set of ballot codes issued to a receiving unit (the codes themselves are not stored)
  await db.schema
    .createTable('assessment_ballot_issues')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('round_id', 'text', (c) => c.notNull().references('assessment_rounds.id').onDelete('cascade'))
    .addColumn('receiving_unit_id', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .addColumn('issued_by', 'text')
    .execute();

  // spent codes: only an HMAC of the code (primary key: the atomic once-only spend)
  await withoutRowid(
    db,
    db.schema
      .createTable('assessment_spent_codes')
      .addColumn('code_hash', 'text', (c) => c.primaryKey())
      .addColumn('round_id', 'text', (c) =>
        c.notNull().references('assessment_rounds.id').onDelete('cascade'),
      ),
  ).execute();

  // votes: a random id, the subject, the grade, the items, the day — nothing else
  await withoutRowid(
    db,
    db.schema
      .createTable('assessment_votes')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('round_id', 'text', (c) =>
        c.notNull().references('assessment_rounds.id').onDelete('cascade'),
      )
      .addColumn('subject_id', 'text', (c) =>
        c.notNull().references('assessment_subjects.id').onDelete('cascade'),
      )
      .addColumn('grade', 'text', (c) => c.notNull())
      // JSON {de, neng, qin, ji, lian} of grades, or null
      .addColumn('items', 'text')
      .addColumn('day', 'text', (c) => c.notNull()),
  ).execute();
  await db.schema
    .createIndex('assessment_votes_subject_idx')
    .on('assessment_votes')
    .column('subject_id')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('status_history').where('object_type', '=', 'assessmentRound').execute();
  await db.schema.dropTable('assessment_votes').execute();
  await db.schema.dropTable('assessment_spent_codes').execute();
  await db.schema.dropTable('assessment_ballot_issues').execute();
  await db.schema.dropTable('assessment_subjects').execute();
  await db.schema.dropTable('assessment_rounds').execute();
}
