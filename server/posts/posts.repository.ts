import type { PostListParams } from '../../common/posts/posts.schema.js';
import type { Executor } from '../core/database.js';
import { type Reach, reachCondition, regionCondition, type Scope } from '../core/scope.js';
import { nameSearch, paged } from '../core/search.js';
import { PROGRAMME_ORGANISER } from '../programmes/programmes.repository.js';
import type { PostRequestsTable, PostRow } from './posts.table.js';

export type PostView = PostRow & {
  batchName: string;
  batchStatus: string;
  programmeId: string;
  programmeName: string;
  programmeRegionCode: string;
  unitName: string;
  regionName: string;
  unitRegionCode: string;
};

/**
 * The receiving unit itself, and the organising 组织部 (by the programme's region) once the
 * request is submitted: a draft stays the unit's own (issue 11 line 6).
 */
export const POST_REACH: Reach = {
  parties: [
    { ...PROGRAMME_ORGANISER, unless: { field: { column: 'p.status', key: 'status' }, values: ['draft'] } },
    { unit: { column: 'p.unitId', key: 'unitId' } },
  ],
};

function view(db: Executor) {
  return db
    .selectFrom('postRequests as p')
    .innerJoin('batches as b', 'b.id', 'p.batchId')
    .innerJoin('programmes as g', 'g.id', 'b.programmeId')
    .innerJoin('units as u', 'u.id', 'p.unitId')
    .innerJoin('regions as ur', 'ur.code', 'u.regionCode')
    .selectAll('p')
    .select([
      'b.name as batchName',
      'b.status as batchStatus',
      'g.id as programmeId',
      'g.name as programmeName',
      'g.regionCode as programmeRegionCode',
      'u.name as unitName',
      'ur.fullName as regionName',
      'u.regionCode as unitRegionCode',
    ]);
}

export async function listPosts(db: Executor, p: PostListParams, scope: Scope) {
  let q = view(db).where(reachCondition(scope, POST_REACH));
  if (p.batchId) q = q.where('p.batchId', '=', p.batchId);
  if (p.unitId) q = q.where('p.unitId', '=', p.unitId);
  if (p.status) q = q.where('p.status', '=', p.status);
  if (p.q)
    q = q.where(
      nameSearch(p.q, { names: ['p.title', 'u.name'], pinyin: ['u.namePinyin', 'u.nameInitials'] }),
    );
  const { rows, ...count } = await paged(db, q, p, (page) =>
    page.orderBy(`p.${p.sort}`, p.order).orderBy('p.id'),
  );
  return { rows: rows as PostView[], ...count };
}

export function findPost(db: Executor, id: string): Promise<PostView | undefined> {
  return view(db).where('p.id', '=', id).executeTakeFirst() as Promise<PostView | undefined>;
}

export async function insertPost(db: Executor, row: PostRequestsTable): Promise<void> {
  await db.insertInto('postRequests').values(row).execute();
}

export async function deletePost(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('postRequests').where('id', '=', id).execute();
}

/** Approved headcount in a batch for receiving units inside a region subtree. */
export async function approvedHeadcount(db: Executor, batchId: string, regionCode: string): Promise<number> {
  const row = await db
    .selectFrom('postRequests as p')
    .innerJoin('units as u', 'u.id', 'p.unitId')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('p.headcount'), eb.val(0)).as('n'))
    .where('p.batchId', '=', batchId)
    .where('p.status', '=', 'approved')
    .where(regionCondition('u.regionCode', regionCode))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function quotasOf(db: Executor, batchId: string) {
  return db
    .selectFrom('batchQuotas as q')
    .innerJoin('regions as r', 'r.code', 'q.regionCode')
    .select(['q.regionCode', 'q.quota', 'r.fullName'])
    .where('q.batchId', '=', batchId)
    .execute();
}

/** The post requests of some batches (IN lists in slices of 500). */
export async function postsOfBatches(db: Executor, batchIds: string[]) {
  const ids = [...new Set(batchIds)];
  const out: Pick<PostRow, 'id' | 'batchId' | 'unitId' | 'title' | 'status' | 'version'>[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    out.push(
      ...(await db
        .selectFrom('postRequests')
        .select(['id', 'batchId', 'unitId', 'title', 'status', 'version'])
        .where('batchId', 'in', ids.slice(i, i + 500))
        .execute()),
    );
  }
  return out;
}
