import type { Kysely } from 'kysely';

// `cadres_rank_idx (rank_level)` is a prefix of `cadres_rank_pinyin_idx (rank_level,
// name_pinyin, id)`, which serves every query the first one did; each index costs every insert
// (a 10 000-row import writes nine of them per cadre, docs/benchmarks.md).

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('cadres_rank_idx').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('cadres_rank_idx').on('cadres').column('rank_level').execute();
}
