import type { Kysely } from 'kysely';

// Issue 11 line 5: the post levels a receiving unit may ask for, by unit kind and region tier.
// A row overrides the built-in default of its cell (common/posts/post-levels.ts); no row, the
// default holds — so the defaults live in one place and a reset is a delete.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('post_level_rules')
    .addColumn('unit_kind', 'text', (c) => c.notNull())
    .addColumn('region_tier', 'text', (c) => c.notNull())
    .addColumn('levels', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addPrimaryKeyConstraint('post_level_rules_pk', ['unit_kind', 'region_tier'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('post_level_rules').execute();
}
