import type { Executor } from '../core/database.js';
import { reachCondition, type Scope } from '../core/scope.js';
import { UNIT_REACH } from '../units/units.repository.js';
import type { ImportRow, ImportsTable } from './excel.table.js';

/** IN lists are sent in slices: well under SQLite's and PostgreSQL's parameter limits. */
const SLICE = 500;

async function inSlices<T, R>(values: T[], query: (slice: T[]) => Promise<R[]>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < values.length; i += SLICE) out.push(...(await query(values.slice(i, i + SLICE))));
  return out;
}

// imports

export async function insertImport(db: Executor, row: ImportsTable): Promise<void> {
  await db.insertInto('imports').values(row).execute();
}

export function findImport(db: Executor, id: string): Promise<ImportRow | undefined> {
  return db.selectFrom('imports').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Ends a pending import and drops its rows; false when it was no longer pending. */
export async function finishImport(
  db: Executor,
  id: string,
  patch: Pick<ImportsTable, 'status' | 'finishedAt'>,
): Promise<boolean> {
  const result = await db
    .updateTable('imports')
    .set({ ...patch, rows: null })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function setCounts(db: Executor, id: string, counts: { created: number; updated: number }) {
  await db
    .updateTable('imports')
    .set({ createdCount: counts.created, updatedCount: counts.updated })
    .where('id', '=', id)
    .execute();
}

/**
 * Pending imports that should not linger: the owner's earlier ones of the same kind (a new
 * upload replaces them) and anyone's older than `before`. Their rows are dropped.
 */
export async function discardStale(
  db: Executor,
  owner: { ownerId: string; kind: string },
  before: string,
  now: string,
): Promise<void> {
  await db
    .updateTable('imports')
    .set({ status: 'discarded', rows: null, finishedAt: now })
    .where('status', '=', 'pending')
    .where((eb) =>
      eb.or([
        eb.and([eb('ownerId', '=', owner.ownerId), eb('kind', '=', owner.kind)]),
        eb('createdAt', '<', before),
      ]),
    )
    .execute();
}

// look-ups for the row checks: one query per slice of names, not one per row

export interface UnitCandidate {
  id: string;
  name: string;
  regionCode: string;
}

export function unitsNamed(db: Executor, names: string[]): Promise<UnitCandidate[]> {
  return inSlices([...new Set(names)], (slice) =>
    db
      .selectFrom('units as u')
      .select(['u.id', 'u.name', 'u.regionCode'])
      .where('u.name', 'in', slice)
      .execute(),
  );
}

/** Active units in a scope, by pinyin: what a template offers in its dropdowns. */
export function unitsInScope(db: Executor, scope: Scope, limit: number) {
  return db
    .selectFrom('units as u')
    .select(['u.id', 'u.name', 'u.regionCode'])
    .where('u.active', '=', 1)
    .where(reachCondition(scope, UNIT_REACH))
    .orderBy('u.namePinyin')
    .orderBy('u.id')
    .limit(limit)
    .execute();
}

export function regionsCoded(db: Executor, codes: string[]) {
  return inSlices([...new Set(codes)], (slice) =>
    db.selectFrom('regions').select('code').where('code', 'in', slice).execute(),
  );
}

export interface CadreMatch {
  id: string;
  idNumberIndex: string;
  unitId: string;
  userId: string | null;
  /** The region of the cadre's unit. */
  regionCode: string;
}

export function cadresByIdIndex(db: Executor, indexes: string[]): Promise<CadreMatch[]> {
  return inSlices([...new Set(indexes)], (slice) =>
    db
      .selectFrom('cadres as c')
      .innerJoin('units as u', 'u.id', 'c.unitId')
      .select(['c.id', 'c.idNumberIndex', 'c.unitId', 'c.userId', 'u.regionCode'])
      .where('c.idNumberIndex', 'in', slice)
      .execute(),
  );
}
