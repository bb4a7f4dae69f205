import type { AppraisalListParams } from '../../common/appraisals/appraisals.schema.js';
import type { Executor } from '../core/database.js';
import { type Party, type Reach, reachCondition, type Scope } from '../core/scope.js';
import { paged } from '../core/search.js';
import { RECEIVING_ORGANISER, RECEIVING_UNIT, SENDING_UNIT } from '../postings/postings.repository.js';
import { PROGRAMME_ORGANISER } from '../programmes/programmes.repository.js';
import type { AppraisalRow, AppraisalsTable, AppraisalVersionsTable } from './appraisals.table.js';

export type AppraisalView = AppraisalRow & {
  postingTitle: string;
  postingStatus: string;
  startDate: string | null;
  endDate: string;
  batchName: string;
  programmeId: string;
  programmeRegionCode: string;
  sendingUnitId: string;
  sendingUnitName: string;
  receivingUnitId: string;
  receivingUnitName: string;
  receivingRegionCode: string;
  cadreName: string;
  cadrePosition: string;
  cadreUserId: string | null;
};

/** The cadre's own account: writes the term summary (工作总结). */
export const APPRAISAL_CADRE: Party = { user: { column: 'c.userId', key: 'cadreUserId' } };

/**
 * The posting's five owners read its appraisal: the receiving unit writes it, the cadre attaches
 * the term summary, either 组织部 (the receiving region's or the programme's) countersigns or
 * returns it, the sending unit reads.
 */
export const APPRAISAL_REACH: Reach = {
  parties: [
    APPRAISAL_CADRE,
    RECEIVING_UNIT,
    { ...SENDING_UNIT, readOnly: true },
    RECEIVING_ORGANISER,
    PROGRAMME_ORGANISER,
  ],
};
/** Who writes the appraisal and submits it: the receiving unit. */
export const APPRAISAL_WRITE_REACH: Reach = { parties: [RECEIVING_UNIT] };
/** Who writes the term summary: the cadre. */
export const APPRAISAL_SUMMARY_REACH: Reach = { parties: [APPRAISAL_CADRE] };
/** Who countersigns or returns: the 组织部 of the receiving region or of the programme. */
export const APPRAISAL_REVIEW_REACH: Reach = { parties: [RECEIVING_ORGANISER, PROGRAMME_ORGANISER] };

function view(db: Executor) {
  return db
    .selectFrom('appraisals as a')
    .innerJoin('postings as ps', 'ps.id', 'a.postingId')
    .innerJoin('programmes as g', 'g.id', 'ps.programmeId')
    .innerJoin('batches as b', 'b.id', 'ps.batchId')
    .innerJoin('cadres as c', 'c.id', 'ps.cadreId')
    .innerJoin('units as su', 'su.id', 'ps.sendingUnitId')
    .innerJoin('units as ru', 'ru.id', 'ps.receivingUnitId')
    .selectAll('a')
    .select([
      'ps.title as postingTitle',
      'ps.status as postingStatus',
      'ps.startDate',
      'ps.endDate',
      'b.name as batchName',
      'ps.programmeId',
      'g.regionCode as programmeRegionCode',
      'ps.sendingUnitId',
      'su.name as sendingUnitName',
      'ps.receivingUnitId',
      'ru.name as receivingUnitName',
      'ps.receivingRegionCode',
      'c.name as cadreName',
      'c.position as cadrePosition',
      'c.userId as cadreUserId',
    ]);
}

export async function listAppraisals(db: Executor, p: AppraisalListParams, scope: Scope) {
  let q = view(db).where(reachCondition(scope, APPRAISAL_REACH));
  if (p.postingId) q = q.where('a.postingId', '=', p.postingId);
  if (p.batchId) q = q.where('ps.batchId', '=', p.batchId);
  if (p.status) q = q.where('a.status', '=', p.status);
  const dir = p.order === 'asc' ? 'desc' : 'asc';
  const { rows, ...count } = await paged(db, q, p, (page) =>
    page.orderBy('a.updatedAt', dir).orderBy('a.id', dir),
  );
  return { rows: rows as AppraisalView[], ...count };
}

export function findAppraisal(db: Executor, id: string): Promise<AppraisalView | undefined> {
  return view(db).where('a.id', '=', id).executeTakeFirst() as Promise<AppraisalView | undefined>;
}

export function appraisalOfPosting(db: Executor, postingId: string) {
  return db
    .selectFrom('appraisals')
    .select(['id', 'status', 'summary', 'reviewedAt'])
    .where('postingId', '=', postingId)
    .executeTakeFirst();
}

export async function insertAppraisal(db: Executor, row: AppraisalsTable): Promise<void> {
  await db.insertInto('appraisals').values(row).execute();
}

/** Keeps a version: the next seq of the appraisal. */
export async function insertVersion(db: Executor, row: Omit<AppraisalVersionsTable, 'seq'>): Promise<void> {
  const last = await db
    .selectFrom('appraisalVersions')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('appraisalId', '=', row.appraisalId)
    .executeTakeFirst();
  await db
    .insertInto('appraisalVersions')
    .values({ ...row, seq: Number(last?.seq ?? 0) + 1 })
    .execute();
}

export function versionsOf(db: Executor, appraisalId: string) {
  return db
    .selectFrom('appraisalVersions as v')
    .leftJoin('users as u', 'u.id', 'v.author')
    .select(['v.seq', 'v.status', 'v.text', 'v.summary', 'v.comment', 'v.at', 'u.displayName as by'])
    .where('v.appraisalId', '=', appraisalId)
    .orderBy('v.seq', 'desc')
    .execute();
}
