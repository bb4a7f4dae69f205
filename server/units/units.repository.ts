import type { SelectQueryBuilder } from 'kysely';
import type { UnitListParams } from '../../common/units/units.schema.js';
import type { Database, Executor } from '../core/database.js';
import { type Reach, reachCondition, regionCondition, type Scope } from '../core/scope.js';
import { type CountCache, type Counted, inOrderOf, nameSearch, paged } from '../core/search.js';
import type { NewUnit, UnitRow } from './units.table.js';

export type UnitView = UnitRow & { regionName: string; parentName: string | null };

/** A unit is its own party: unit grants reach it by id, region grants by its region. */
export const UNIT_REACH: Reach = {
  parties: [{ unit: { column: 'u.id', key: 'id' }, region: { column: 'u.regionCode', key: 'regionCode' } }],
};

function selectView(db: Executor) {
  return db
    .selectFrom('units as u')
    .innerJoin('regions as r', 'r.code', 'u.regionCode')
    .leftJoin('units as p', 'p.id', 'u.parentId')
    .selectAll('u')
    .select(['r.fullName as regionName', 'p.name as parentName']);
}

export function findUnit(db: Executor, id: string): Promise<UnitView | undefined> {
  return selectView(db).where('u.id', '=', id).executeTakeFirst();
}

export function findUnitRow(db: Executor, id: string): Promise<UnitRow | undefined> {
  return db.selectFrom('units').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findByRegionAndName(
  db: Executor,
  regionCode: string,
  name: string,
): Promise<UnitRow | undefined> {
  return db
    .selectFrom('units')
    .selectAll()
    .where('regionCode', '=', regionCode)
    .where('name', '=', name)
    .executeTakeFirst();
}

type UnitQuery<O> = SelectQueryBuilder<Database & { u: Database['units'] }, 'u', O>;

function applyFilters<O>(
  query: UnitQuery<O>,
  params: UnitListParams,
  regionCode: string | null,
  scope: Scope,
) {
  let q = query.where(reachCondition(scope, UNIT_REACH));
  if (params.q)
    q = q.where(nameSearch(params.q, { names: ['u.name'], pinyin: ['u.namePinyin', 'u.nameInitials'] }));
  if (params.kind) q = q.where('u.kind', '=', params.kind);
  if (params.parentId) q = q.where('u.parentId', '=', params.parentId);
  if (params.active !== undefined) q = q.where('u.active', '=', params.active ? 1 : 0);
  if (regionCode) q = q.where(regionCondition('u.regionCode', regionCode));
  return q;
}

const SORT_COLUMNS = {
  name: 'u.namePinyin',
  kind: 'u.kind',
  regionCode: 'u.regionCode',
  createdAt: 'u.createdAt',
  updatedAt: 'u.updatedAt',
} as const;

/** The ids of the filtered units (a page orders and limits them: `inListOrder`). */
export function unitListQuery(db: Executor, params: UnitListParams, regionCode: string | null, scope: Scope) {
  return applyFilters(db.selectFrom('units as u').select('u.id'), params, regionCode, scope);
}

/** The list's order: the sort, then name and id, all one way — the order of one sort index. */
const inListOrder = (params: UnitListParams) => (q: ReturnType<typeof unitListQuery>) =>
  q
    .orderBy(SORT_COLUMNS[params.sort], params.order)
    .orderBy('u.name', params.order)
    .orderBy('u.id', params.order);

/**
 * A page of units: the ids of the page from the units table alone, in the order of a sort index
 * that also holds the region code (migration 20261202130000), so no unit outside the page is
 * read from the table; then the page's 20 units with their region and parent names.
 */
export async function listUnits(
  db: Executor,
  params: UnitListParams,
  regionCode: string | null,
  scope: Scope,
  counts?: CountCache,
): Promise<Counted<UnitView>> {
  const { rows: ids, ...count } = await paged(
    db,
    unitListQuery(db, params, regionCode, scope),
    params,
    inListOrder(params),
    counts,
  );
  const rows = ids.length
    ? await selectView(db)
        .where(
          'u.id',
          'in',
          ids.map((r) => r.id),
        )
        .execute()
    : [];
  return { rows: inOrderOf(ids, rows), ...count };
}

/** The EXPLAIN-able SQL of a units page (test/list-plans.api.test.ts). */
export function compileUnitPage(
  db: Executor,
  params: UnitListParams,
  regionCode: string | null,
  scope: Scope,
) {
  return inListOrder(params)(unitListQuery(db, params, regionCode, scope))
    .limit(params.pageSize)
    .offset((params.page - 1) * params.pageSize)
    .compile();
}

export async function insertUnit(db: Executor, unit: NewUnit): Promise<void> {
  await db.insertInto('units').values(unit).execute();
}

export async function deleteUnit(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('units').where('id', '=', id).execute();
}

export async function countChildren(db: Executor, id: string): Promise<number> {
  const row = await db
    .selectFrom('units')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('parentId', '=', id)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Ids from a unit up to the root, bounded so a corrupt cycle cannot loop forever. */
export async function ancestorIds(db: Executor, id: string): Promise<string[]> {
  const out: string[] = [];
  let current: string | null = id;
  while (current && out.length < 64) {
    out.push(current);
    const row: { parentId: string | null } | undefined = await db
      .selectFrom('units')
      .select('parentId')
      .where('id', '=', current)
      .executeTakeFirst();
    current = row?.parentId ?? null;
  }
  return out;
}
