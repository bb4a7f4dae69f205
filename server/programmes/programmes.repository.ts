import type { BatchListParams, ProgrammeListParams } from '../../common/programmes/programmes.schema.js';
import type { Executor } from '../core/database.js';
import { isPinyinQuery, likeEscape } from '../core/pinyin.js';
import type { Scope } from '../core/scope.js';
import type { BatchesTable, BatchRow, ProgrammeRow, ProgrammesTable } from './programmes.table.js';

export type ProgrammeView = ProgrammeRow & { regionName: string; regionPath: string; batchCount: number };
export type BatchView = BatchRow & { programmeName: string; regionPath: string };

function programmes(db: Executor) {
  return db
    .selectFrom('programmes as p')
    .innerJoin('regions as r', 'r.code', 'p.regionCode')
    .selectAll('p')
    .select((eb) => [
      'r.fullName as regionName',
      'r.path as regionPath',
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
  regionPath: string | null,
) {
  let q = programmes(db);
  // Programmes (and so their batches) a scope reaches: the organising region inside the 组织部's subtrees.
  if (!scope.all)
    q = q.where((eb) => eb.or(scope.regionPaths.map((rp) => eb('r.path', 'like', `${likeEscape(rp)}%`))));
  const limit = scope.programmeIds;
  if (limit) q = q.where((eb) => (limit.length ? eb('p.id', 'in', limit) : eb.or([])));
  if (p.q) {
    const text = p.q.toLowerCase();
    q = q.where((eb) =>
      isPinyinQuery(text)
        ? eb.or([
            eb('p.namePinyin', 'like', `%${likeEscape(text)}%`),
            eb('p.nameInitials', 'like', `%${likeEscape(text)}%`),
          ])
        : eb('p.name', 'like', `%${likeEscape(p.q as string)}%`),
    );
  }
  if (p.kind) q = q.where('p.kind', '=', p.kind);
  if (regionPath) q = q.where('r.path', 'like', `${likeEscape(regionPath)}%`);
  const count = await q
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await q
    .orderBy(`p.${p.sort === 'name' ? 'namePinyin' : p.sort}`, p.order)
    .orderBy('p.id')
    .limit(p.pageSize)
    .offset((p.page - 1) * p.pageSize)
    .execute();
  return { rows: rows as ProgrammeView[], total: Number(count.n) };
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
    .innerJoin('regions as r', 'r.code', 'p.regionCode')
    .selectAll('b')
    .select(['p.name as programmeName', 'r.path as regionPath']);
}

export async function listBatches(db: Executor, p: BatchListParams, scope: Scope) {
  let q = batches(db);
  if (!scope.all)
    q = q.where((eb) => eb.or(scope.regionPaths.map((rp) => eb('r.path', 'like', `${likeEscape(rp)}%`))));
  const limit = scope.programmeIds;
  if (limit) q = q.where((eb) => (limit.length ? eb('b.programmeId', 'in', limit) : eb.or([])));
  if (p.programmeId) q = q.where('b.programmeId', '=', p.programmeId);
  if (p.status) q = q.where('b.status', '=', p.status);
  if (p.q)
    q = q.where((eb) =>
      eb.or([
        eb('b.name', 'like', `%${likeEscape(p.q as string)}%`),
        eb('p.name', 'like', `%${likeEscape(p.q as string)}%`),
      ]),
    );
  const count = await q
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await q
    .orderBy(`b.${p.sort}`, p.order)
    .orderBy('b.id')
    .limit(p.pageSize)
    .offset((p.page - 1) * p.pageSize)
    .execute();
  return { rows: rows as BatchView[], total: Number(count.n) };
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
