import type { Kysely } from 'kysely';

// Issue 13 line 5 (ADR 034): the achievement ledger (实事) of a posting. Amounts are stored as a
// whole number of base units (分 for money, one person/household/item/time for counts) in a
// bigint, beside the decimal string and unit as entered. Moves are rows of `status_history`.
// No foreign key on postings: a posting is never deleted, and earlier migrations' down/up tests
// take the postings table down and up without knowing of this one.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('achievements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('posting_id', 'text', (c) => c.notNull())
    .addColumn('cadre_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('amount', 'text')
    .addColumn('unit', 'text')
    .addColumn('dimension', 'text')
    .addColumn('base_amount', 'bigint')
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    // 'claimed' | 'verified' | 'returned' | 'withdrawn'
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
  for (const [name, columns] of [
    ['achievements_posting_idx', ['posting_id', 'date']],
    ['achievements_status_idx', ['status', 'date']],
    ['achievements_date_idx', ['date', 'id']],
  ] as const)
    await db.schema
      .createIndex(name)
      .on('achievements')
      .columns([...columns])
      .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('status_history').where('object_type', '=', 'achievement').execute();
  await db.schema.dropTable('achievements').execute();
}
