import type { Executor } from '../core/database.js';
import type { RegionRow } from './regions.table.js';

export function childrenOf(db: Executor, parentCode: string | null): Promise<RegionRow[]> {
  const q = db.selectFrom('regions').selectAll();
  return (parentCode === null ? q.where('parentCode', 'is', null) : q.where('parentCode', '=', parentCode))
    .orderBy('code')
    .execute();
}

export function findRegion(db: Executor, code: string): Promise<RegionRow | undefined> {
  return db.selectFrom('regions').selectAll().where('code', '=', code).executeTakeFirst();
}

export function findRegions(db: Executor, codes: string[]): Promise<RegionRow[]> {
  if (codes.length === 0) return Promise.resolve([]);
  return db.selectFrom('regions').selectAll().where('code', 'in', codes).execute();
}

export async function countRegions(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('regions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Inserts or refreshes regions in batches; codes are never deleted (units may reference them). */
export async function upsertRegions(db: Executor, rows: RegionRow[]): Promise<void> {
  const BATCH = 500;
  for (let i = 0; i < rows.length; i += BATCH) {
    await db
      .insertInto('regions')
      .values(rows.slice(i, i + BATCH))
      .onConflict((oc) =>
        oc.column('code').doUpdateSet((eb) => ({
          name: eb.ref('excluded.name'),
          fullName: eb.ref('excluded.fullName'),
          level: eb.ref('excluded.level'),
          parentCode: eb.ref('excluded.parentCode'),
          path: eb.ref('excluded.path'),
          hasChildren: eb.ref('excluded.hasChildren'),
        })),
      )
      .execute();
  }
}
