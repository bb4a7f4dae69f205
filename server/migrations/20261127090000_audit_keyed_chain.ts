import { type Kysely, sql } from 'kysely';

// Issue 10: the audit chain is keyed (HMAC-SHA256 under GUAZHI_AUDIT_KEY, ADR 013). Rows written
// before stay as they are — a legacy, SHA-256 segment at the start of the chain — marked by
// hash_version 1; every new row carries 2. meta 'audit.legacyUntil' keeps the last legacy seq.
// meta 'audit.verifiedOn' is the date of the last daily check, claimed by one instance a day.

export async function up(db: Kysely<any>): Promise<void> {
  // adding a column with a default fires no UPDATE trigger on either database
  await db.schema
    .alterTable('audit_log')
    .addColumn('hash_version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  const head = await sql<{ seq: number }>`select seq from audit_head where id = 1`.execute(db);
  const legacyUntil = String(Number(head.rows[0]?.seq ?? 0));
  await db
    .insertInto('meta')
    .values([
      { key: 'audit.legacyUntil', value: legacyUntil },
      { key: 'audit.verifiedOn', value: '' },
    ])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('meta').where('key', 'in', ['audit.legacyUntil', 'audit.verifiedOn']).execute();
  await db.schema.alterTable('audit_log').dropColumn('hash_version').execute();
}
