import type { Kysely } from 'kysely';

// The cadre list at 100 000 cadres (docs/benchmarks.md): indexes for the usual filters (unit
// from scope and region, rank, name order), and the masked display forms of the ID number and
// phone stored beside their ciphertexts, so a list page decrypts nothing.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('cadres_unit_rank_pinyin_idx')
    .on('cadres')
    .columns(['unit_id', 'rank_level', 'name_pinyin'])
    .execute();
  await db.schema
    .createIndex('cadres_rank_pinyin_idx')
    .on('cadres')
    .columns(['rank_level', 'name_pinyin', 'id'])
    .execute();
  await db.schema
    .alterTable('cadres')
    .addColumn('id_number_masked', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.alterTable('cadres').addColumn('phone_masked', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('cadres').dropColumn('phone_masked').execute();
  await db.schema.alterTable('cadres').dropColumn('id_number_masked').execute();
  await db.schema.dropIndex('cadres_rank_pinyin_idx').execute();
  await db.schema.dropIndex('cadres_unit_rank_pinyin_idx').execute();
}
