import {
  type BatchListParams,
  OPEN_BATCH_STATUSES,
  type ProgrammeListParams,
} from '../../common/programmes/programmes.schema.js';
import type { Executor } from '../core/database.js';
import { type Party, type Reach, reachCondition, regionCondition, type Scope } from '../core/scope.js';
import { nameSearch, paged } from '../core/search.js';
import type { BatchesTable, BatchRow, ProgrammeRow, ProgrammesTable } from './programmes.table.js';

export type ProgrammeView = ProgrammeRow & { regionName: string; batchCount: number };
export type BatchView = BatchRow & { programmeName: string; programmeRegionCode: string };

/** A programme (and so its batches) belongs to its organising 组织部: the programme's region. */
export const PROGRAMME_REACH: Reach = {
  parties: [
    { region: { column: 'p.regionCode', key: 'regionCode' }, programme: { column: 'p.id', key: 'id' } },
  ],
};
/**
 * The organising 组织部 of an object of a programme (a post request, a nomination, a posting):
 * for views that join the programme as `g` and select `g.regionCode as programmeRegionCode` and
 * `g.id as programmeId`.
 */
export const PROGRAMME_ORGANISER: Party = {
  region: { column: 'g.regionCode', key: 'programmeRegionCode' },
  programme: { column: 'g.id', key: 'programmeId' },
};
export const BATCH_REACH: Reach = {
  parties: [
    {
      region: { column: 'p.regionCode', key: 'programmeRegionCode' },
      programme: { column: 'b.programmeId', key: 'programmeId' },
    },
  ],
};

function programmes(db: Executor) {
  return db
    .selectFrom('programmes as p')
    .innerJoin('regions as r', 'r.code', 'p.regionCode')
    .selectAll('p')
    .select((eb) => [
      'r.fullName as regionName',
      eb
        .selectFrom('batches as b')
        .whereRef('b.programmeId', '=', 'p.id')
        .select(eb.fn.countAll<number>().as('n'))
        .as('batchCount'),
    ]);
}

export async function listProgrammes(
  db: Executor,
  p: ProgrammeListParams,
  scope: Scope,
  regionCode: string | null,
) {
  let q = programmes(db).where(reachCondition(scope, PROGRAMME_REACH));
  if (p.q) q = q.where(nameSearch(p.q, { names: ['p.name'], pinyin: ['p.namePinyin', 'p.nameInitials'] }));
  if (p.kind) q = q.where('p.kind', '=', p.kind);
  if (regionCode) q = q.where(regionCondition('p.regionCode', regionCode));
  const { rows, ...count } = await paged(db, q, p, (page) =>
    page.orderBy(`p.${p.sort === 'name' ? 'namePinyin' : p.sort}`, p.order).orderBy('p.id'),
  );
  return { rows: rows as ProgrammeView[], ...count };
}

export function findProgramme(db: Executor, id: string): Promise<ProgrammeView | undefined> {
  return programmes(db).where('p.id', '=', id).executeTakeFirst() as Promise<ProgrammeView | undefined>;
}

export async function insertProgramme(db: Executor, row: ProgrammesTable): Promise<void> {
  await db.insertInto('programmes').values(row).execute();
}

export async function deleteProgramme(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('programmes').where('id', '=', id).execute();
}

function batches(db: Executor) {
  return db
    .selectFrom('batches as b')
    .innerJoin('programmes as p', 'p.id', 'b.programmeId')
    .selectAll('b')
    .select(['p.name as programmeName', 'p.regionCode as programmeRegionCode']);
}

export async function listBatches(db: Executor, p: BatchListParams, scope: Scope) {
  let q = batches(db).where(reachCondition(scope, BATCH_REACH));
  if (p.programmeId) q = q.where('b.programmeId', '=', p.programmeId);
  if (p.status) q = q.where('b.status', '=', p.status);
  if (p.open === 'true') q = q.where('b.status', 'in', [...OPEN_BATCH_STATUSES]);
  if (p.q)
    q = q.where(nameSearch(p.q, { names: ['b.name', 'p.name'], pinyin: ['p.namePinyin', 'p.nameInitials'] }));
  const { rows, ...count } = await paged(db, q, p, (page) =>
    page.orderBy(`b.${p.sort}`, p.order).orderBy('b.id'),
  );
  return { rows: rows as BatchView[], ...count };
}

export function findBatch(db: Executor, id: string): Promise<BatchView | undefined> {
  return batches(db).where('b.id', '=', id).executeTakeFirst() as Promise<BatchView | undefined>;
}

export async function insertBatch(db: Executor, row: BatchesTable): Promise<void> {
  await db.insertInto('batches').values(row).execute();
}

export async function deleteBatch(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('batches').where('id', '=', id).execute();
}

export async function replaceQuotas(
  db: Executor,
  batchId: string,
  quotas: { regionCode: string; quota: number }[],
) {
  await db.deleteFrom('batchQuotas').where('batchId', '=', batchId).execute();
  if (quotas.length) {
    await db
      .insertInto('batchQuotas')
      .values(quotas.map((q) => ({ batchId, ...q })))
      .execute();
  }
}

export function quotasOf(db: Executor, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('batchQuotas as q')
    .innerJoin('regions as r', 'r.code', 'q.regionCode')
    .select(['q.batchId', 'q.regionCode', 'r.fullName as regionName', 'q.quota'])
    .where('q.batchId', 'in', ids)
    .orderBy('q.regionCode')
    .execute();
}

/** Batches still taking post requests, with their programme's name. */
export function openBatches(db: Executor) {
  return db
    .selectFrom('batches as b')
    .innerJoin('programmes as g', 'g.id', 'b.programmeId')
    .select(['b.id', 'b.name', 'g.name as programmeName'])
    .where('b.status', 'in', [...OPEN_BATCH_STATUSES])
    .orderBy('g.name')
    .orderBy('b.name')
    .execute();
}
