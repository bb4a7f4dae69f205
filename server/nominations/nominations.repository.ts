import type { NominationListParams } from '../../common/nominations/nominations.schema.js';
import type { Executor } from '../core/database.js';
import { type Reach, reachCondition, type Scope } from '../core/scope.js';
import { nameSearch, paged } from '../core/search.js';
import { PROGRAMME_ORGANISER } from '../programmes/programmes.repository.js';
import type { NominationRow, NominationsTable } from './nominations.table.js';

export type NominationView = NominationRow & {
  batchName: string;
  cadreName: string;
  unitName: string;
  programmeId: string;
  programmeRegionCode: string;
};

/** The organising 组织部 (by the programme's region) or the sending unit. */
export const NOMINATION_REACH: Reach = {
  parties: [PROGRAMME_ORGANISER, { unit: { column: 'n.unitId', key: 'unitId' } }],
};

function view(db: Executor) {
  return db
    .selectFrom('nominations as n')
    .innerJoin('batches as b', 'b.id', 'n.batchId')
    .innerJoin('programmes as g', 'g.id', 'b.programmeId')
    .innerJoin('cadres as c', 'c.id', 'n.cadreId')
    .innerJoin('units as u', 'u.id', 'n.unitId')
    .selectAll('n')
    .select([
      'b.name as batchName',
      'c.name as cadreName',
      'u.name as unitName',
      'g.id as programmeId',
      'g.regionCode as programmeRegionCode',
    ]);
}

export async function listNominations(db: Executor, p: NominationListParams, scope: Scope) {
  let q = view(db).where(reachCondition(scope, NOMINATION_REACH));
  if (p.q) q = q.where(nameSearch(p.q, { names: ['c.name'], pinyin: ['c.namePinyin', 'c.nameInitials'] }));
  if (p.batchId) q = q.where('n.batchId', '=', p.batchId);
  if (p.unitId) q = q.where('n.unitId', '=', p.unitId);
  if (p.status) q = q.where('n.status', '=', p.status);
  if (p.eligible !== undefined) q = q.where('n.eligible', '=', p.eligible ? 1 : 0);
  const { rows, ...count } = await paged(db, q, p, (page) =>
    page.orderBy(`n.${p.sort}`, p.order).orderBy('n.id'),
  );
  return { rows: rows as NominationView[], ...count };
}

/** One cadre's nominations, newest first (我的档案: the caller's own record only). */
export async function listByCadre(db: Executor, cadreId: string): Promise<NominationView[]> {
  return (await view(db)
    .where('n.cadreId', '=', cadreId)
    .orderBy('n.createdAt', 'desc')
    .orderBy('n.id')
    .execute()) as NominationView[];
}

export function findNomination(db: Executor, id: string): Promise<NominationView | undefined> {
  return view(db).where('n.id', '=', id).executeTakeFirst() as Promise<NominationView | undefined>;
}

export function findByBatchAndCadre(db: Executor, batchId: string, cadreId: string) {
  return db
    .selectFrom('nominations')
    .selectAll()
    .where('batchId', '=', batchId)
    .where('cadreId', '=', cadreId)
    .executeTakeFirst();
}

export async function insertNomination(db: Executor, row: NominationsTable): Promise<void> {
  await db.insertInto('nominations').values(row).execute();
}
