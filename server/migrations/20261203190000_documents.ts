import type { Kysely } from 'kysely';

// Issue 14 line 1 (ADR 036): the 版头 and 版记 of each 组织部's official documents (发文机关标志,
// 机关代字 and 发文字号 pattern, the next 序号, 签发人, 抄送 list), keyed by the region of its grant.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('document_settings')
    .addColumn('region_code', 'text', (c) => c.primaryKey())
    .addColumn('organ_mark', 'text', (c) => c.notNull())
    .addColumn('organ_name', 'text', (c) => c.notNull())
    .addColumn('organ_code', 'text', (c) => c.notNull())
    .addColumn('number_pattern', 'text', (c) => c.notNull())
    .addColumn('next_seq', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('signer', 'text')
    // JSON string[]: the 抄送 list in order
    .addColumn('cc', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('document_settings').execute();
}
