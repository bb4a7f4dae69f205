import type { Region, RegionWithPath } from '../../common/regions/regions.schema.js';
import type { AppContext } from '../core/context.js';
import { fromFlag } from '../core/database.js';
import { notFound } from '../core/errors.js';
import { getMeta, setMeta } from '../core/meta.repository.js';
import { inTransaction } from '../core/transaction.js';
import { loadRegionRows, regionDataVersion } from './regions.data.js';
import * as repo from './regions.repository.js';
import type { RegionRow } from './regions.table.js';

const toRegion = (row: RegionRow): Region => ({
  code: row.code,
  name: row.name,
  level: row.level,
  parentCode: row.parentCode,
  hasChildren: fromFlag(row.hasChildren),
});

/** Children of a region, or the provinces when no parent is given. */
export async function children(ctx: AppContext, parentCode: string | undefined): Promise<Region[]> {
  if (parentCode && !(await repo.findRegion(ctx.db, parentCode))) throw notFound();
  const rows = await repo.childrenOf(ctx.db, parentCode ?? null);
  return rows.map(toRegion);
}

export async function withPath(ctx: AppContext, code: string): Promise<RegionWithPath> {
  const region = await repo.findRegion(ctx.db, code);
  if (!region) throw notFound();
  const codes = region.path.split('/').filter(Boolean);
  const byCode = new Map((await repo.findRegions(ctx.db, codes)).map((r) => [r.code, r]));
  const path = codes.map((c) => byCode.get(c)).filter((r): r is RegionRow => r !== undefined);
  return { region: toRegion(region), path: path.map(toRegion) };
}

const VERSION_KEY = 'regions.version';

/** Loads GB/T 2260 regions when the table is empty or the data package changed. Returns rows written. */
export async function ensureRegions(ctx: Pick<AppContext, 'db'>): Promise<number> {
  const version = regionDataVersion();
  if ((await getMeta(ctx.db, VERSION_KEY)) === version && (await repo.countRegions(ctx.db)) > 0) return 0;
  const rows = loadRegionRows();
  await inTransaction(ctx, async (tx) => {
    await repo.upsertRegions(tx.db, rows);
    await setMeta(tx.db, VERSION_KEY, version);
  });
  return rows.length;
}
