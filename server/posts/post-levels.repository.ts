import type { Executor } from '../core/database.js';
import type { PostLevelRulesTable } from './posts.table.js';

export function listRules(db: Executor): Promise<PostLevelRulesTable[]> {
  return db.selectFrom('postLevelRules').selectAll().execute();
}

export function findRule(db: Executor, unitKind: string, regionTier: string) {
  return db
    .selectFrom('postLevelRules')
    .selectAll()
    .where('unitKind', '=', unitKind)
    .where('regionTier', '=', regionTier)
    .executeTakeFirst();
}

export async function saveRule(db: Executor, row: PostLevelRulesTable): Promise<void> {
  await db
    .insertInto('postLevelRules')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['unitKind', 'regionTier']).doUpdateSet({
        levels: row.levels,
        updatedAt: row.updatedAt,
        updatedBy: row.updatedBy,
      }),
    )
    .execute();
}

export async function deleteRule(db: Executor, unitKind: string, regionTier: string): Promise<void> {
  await db
    .deleteFrom('postLevelRules')
    .where('unitKind', '=', unitKind)
    .where('regionTier', '=', regionTier)
    .execute();
}
