import type { CorrectionListParams } from '../../common/corrections/corrections.schema.js';
import type { Executor } from '../core/database.js';
import { type Reach, reachCondition, type Scope } from '../core/scope.js';
import { type Counted, nameSearch, paged } from '../core/search.js';
import type { CadreCorrectionsTable, CorrectionRow } from './corrections.table.js';

export type CorrectionView = CorrectionRow & {
  cadreName: string;
  cadreUserId: string | null;
  unitId: string;
  unitName: string;
  regionCode: string;
  requestedByName: string | null;
  reviewedByName: string | null;
};

/** A correction belongs to its cadre's keepers and to the cadre (the cadre's reach, joined). */
export const CORRECTION_REACH: Reach = {
  parties: [
    { unit: { column: 'c.unitId', key: 'unitId' }, region: { column: 'u.regionCode', key: 'regionCode' } },
    { user: { column: 'c.userId', key: 'cadreUserId' } },
  ],
};

function view(db: Executor) {
  return db
    .selectFrom('cadreCorrections as k')
    .innerJoin('cadres as c', 'c.id', 'k.cadreId')
    .innerJoin('units as u', 'u.id', 'c.unitId')
    .leftJoin('users as rq', 'rq.id', 'k.requestedBy')
    .leftJoin('users as rv', 'rv.id', 'k.reviewedBy')
    .selectAll('k')
    .select([
      'c.name as cadreName',
      'c.userId as cadreUserId',
      'c.unitId as unitId',
      'u.name as unitName',
      'u.regionCode as regionCode',
      'rq.displayName as requestedByName',
      'rv.displayName as reviewedByName',
    ]);
}

const SORTS = {
  createdAt: 'k.createdAt',
  decidedAt: 'k.decidedAt',
  cadreName: 'c.namePinyin',
  status: 'k.status',
} as const;

/** Requests on cadres in the caller's scope (`CORRECTION_REACH`). */
export async function listCorrections(
  db: Executor,
  p: CorrectionListParams,
  scope: Scope,
): Promise<Counted<CorrectionView>> {
  let q = view(db).where(reachCondition(scope, CORRECTION_REACH));
  if (p.status) q = q.where('k.status', '=', p.status);
  if (p.q) q = q.where(nameSearch(p.q, { names: ['c.name'], pinyin: ['c.namePinyin', 'c.nameInitials'] }));
  const { rows, ...count } = await paged(db, q, p, (page) =>
    page.orderBy(SORTS[p.sort], p.order).orderBy('k.id'),
  );
  return { rows: rows as CorrectionView[], ...count };
}

export function findCorrection(db: Executor, id: string): Promise<CorrectionView | undefined> {
  return view(db).where('k.id', '=', id).executeTakeFirst() as Promise<CorrectionView | undefined>;
}

export async function hasPending(db: Executor, cadreId: string): Promise<boolean> {
  const row = await db
    .selectFrom('cadreCorrections')
    .select('id')
    .where('cadreId', '=', cadreId)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertCorrection(db: Executor, row: CadreCorrectionsTable): Promise<void> {
  await db.insertInto('cadreCorrections').values(row).execute();
}

/** The cadre record linked to an account (scope `self`). */
export async function cadreIdOfUser(db: Executor, userId: string): Promise<string | undefined> {
  const row = await db.selectFrom('cadres').select('id').where('userId', '=', userId).executeTakeFirst();
  return row?.id;
}

/** An account by username, with whether it holds the cadre role. */
export async function findCadreAccount(
  db: Executor,
  username: string,
): Promise<{ id: string; isCadre: boolean } | undefined> {
  const user = await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
  if (!user) return undefined;
  const role = await db
    .selectFrom('userRoles')
    .select('role')
    .where('userId', '=', user.id)
    .where('role', '=', 'cadre')
    .executeTakeFirst();
  return { id: user.id, isCadre: role !== undefined };
}

export async function unitNames(db: Executor, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('units').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The blind index of a cadre's ID number, to tell whether a proposed one is new. */
export async function idNumberIndexOf(db: Executor, cadreId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('cadres')
    .select('idNumberIndex')
    .where('id', '=', cadreId)
    .executeTakeFirst();
  return row?.idNumberIndex;
}
