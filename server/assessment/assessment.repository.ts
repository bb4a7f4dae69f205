import type { RoundListParams, SubjectListParams } from '../../common/assessment/assessment.schema.js';
import type { Executor } from '../core/database.js';
import { type Party, type Reach, reachCondition, type Scope } from '../core/scope.js';
import { paged } from '../core/search.js';
import { RECEIVING_ORGANISER, RECEIVING_UNIT, SENDING_UNIT } from '../postings/postings.repository.js';
import { PROGRAMME_ORGANISER } from '../programmes/programmes.repository.js';
import type { AssessmentSubjectsTable, RoundRow, SubjectRow } from './assessment.table.js';

export type RoundView = RoundRow & {
  batchName: string;
  programmeName: string;
  programmeRegionCode: string;
  subjectCount: number;
};
export type SubjectView = SubjectRow & {
  roundStatus: string;
  programmeId: string;
  programmeRegionCode: string;
  postingTitle: string;
  cadreId: string;
  cadreName: string;
  cadrePosition: string;
  cadreUserId: string | null;
  sendingUnitId: string;
  sendingUnitName: string;
  receivingUnitId: string;
  receivingUnitName: string;
  receivingRegionCode: string;
  receivingRegionName: string;
};

/** The cadre's own account: reads their subject and writes their self-report. */
export const SUBJECT_CADRE: Party = { user: { column: 'c.userId', key: 'cadreUserId' } };
/**
 * Who reads a covered posting's assessment: its five owners (the cadre, the sending unit, the
 * receiving unit, the receiving region's 组织部, the programme's 组织部) — as for the posting.
 */
export const SUBJECT_REACH: Reach = {
  parties: [SUBJECT_CADRE, SENDING_UNIT, RECEIVING_UNIT, RECEIVING_ORGANISER, PROGRAMME_ORGANISER],
};
export const SELF_REACH: Reach = { parties: [SUBJECT_CADRE] };
export const RECEIVING_REACH: Reach = { parties: [RECEIVING_UNIT] };
export const SENDING_REACH: Reach = { parties: [SENDING_UNIT] };
/** The 组织部 running the round: the programme's (grades, marks, moves). */
export const ORGANISER_REACH: Reach = { parties: [PROGRAMME_ORGANISER] };
/** Who sees the proposals and the ballots' results: both 组织部 and the receiving unit. */
export const RESULTS_REACH: Reach = { parties: [RECEIVING_UNIT, RECEIVING_ORGANISER, PROGRAMME_ORGANISER] };

/**
 * A round: the programme's 组织部 (all of it, from 筹备 on), or anyone reaching one of its stored
 * subjects (from 进行中 on).
 */
export const ROUND_REACH: Reach = {
  parties: [PROGRAMME_ORGANISER],
  related: [
    {
      key: 'subjects',
      // biome-ignore lint/suspicious/noExplicitAny: a correlated subquery
      rows: (eb: any) =>
        eb
          .selectFrom('assessmentSubjects as rs')
          .innerJoin('postings as ps', 'ps.id', 'rs.postingId')
          .innerJoin('cadres as c', 'c.id', 'ps.cadreId')
          .whereRef('rs.roundId', '=', 'ar.id'),
      reach: { parties: [SUBJECT_CADRE, SENDING_UNIT, RECEIVING_UNIT, RECEIVING_ORGANISER] },
    },
  ],
};

function rounds(db: Executor) {
  return db
    .selectFrom('assessmentRounds as ar')
    .innerJoin('batches as b', 'b.id', 'ar.batchId')
    .innerJoin('programmes as g', 'g.id', 'ar.programmeId')
    .selectAll('ar')
    .select((eb) => [
      'b.name as batchName',
      'g.name as programmeName',
      'g.regionCode as programmeRegionCode',
      eb
        .selectFrom('assessmentSubjects as cs')
        .whereRef('cs.roundId', '=', 'ar.id')
        .select(eb.fn.countAll<number>().as('n'))
        .as('subjectCount'),
    ]);
}

export async function listRounds(db: Executor, p: RoundListParams, scope: Scope) {
  let q = rounds(db).where(reachCondition(scope, ROUND_REACH));
  if (p.batchId) q = q.where('ar.batchId', '=', p.batchId);
  if (p.status) q = q.where('ar.status', '=', p.status);
  if (p.kind) q = q.where('ar.kind', '=', p.kind);
  const { rows, ...count } = await paged(db, q, p, (page) =>
    page.orderBy('ar.createdAt', p.order === 'asc' ? 'desc' : 'asc').orderBy('ar.id'),
  );
  return { rows: rows as RoundView[], ...count };
}

export async function findRound(db: Executor, id: string): Promise<RoundView | undefined> {
  const row = await rounds(db).where('ar.id', '=', id).executeTakeFirst();
  return row ? ({ ...row, subjectCount: Number(row.subjectCount) } as RoundView) : undefined;
}

function subjects(db: Executor) {
  return db
    .selectFrom('assessmentSubjects as s')
    .innerJoin('assessmentRounds as ar', 'ar.id', 's.roundId')
    .innerJoin('postings as ps', 'ps.id', 's.postingId')
    .innerJoin('programmes as g', 'g.id', 'ps.programmeId')
    .innerJoin('cadres as c', 'c.id', 'ps.cadreId')
    .innerJoin('units as su', 'su.id', 'ps.sendingUnitId')
    .innerJoin('units as ru', 'ru.id', 'ps.receivingUnitId')
    .innerJoin('regions as rr', 'rr.code', 'ps.receivingRegionCode')
    .selectAll('s')
    .select([
      'ar.status as roundStatus',
      'ps.programmeId',
      'g.regionCode as programmeRegionCode',
      'ps.title as postingTitle',
      'c.id as cadreId',
      'c.name as cadreName',
      'c.position as cadrePosition',
      'c.userId as cadreUserId',
      'ps.sendingUnitId',
      'su.name as sendingUnitName',
      'ps.receivingUnitId',
      'ru.name as receivingUnitName',
      'ps.receivingRegionCode',
      'rr.fullName as receivingRegionName',
    ]);
}

/** The round's subjects the scope reaches (all of them for an unlimited scope). */
export function subjectsOf(db: Executor, roundId: string, scope: Scope | null): Promise<SubjectView[]> {
  let q = subjects(db).where('s.roundId', '=', roundId);
  if (scope) q = q.where(reachCondition(scope, SUBJECT_REACH));
  return q.orderBy('c.namePinyin').orderBy('s.id').execute() as Promise<SubjectView[]>;
}

export function findSubject(db: Executor, id: string): Promise<SubjectView | undefined> {
  return subjects(db).where('s.id', '=', id).executeTakeFirst() as Promise<SubjectView | undefined>;
}

export async function listSubjects(db: Executor, p: SubjectListParams, scope: Scope) {
  let q = subjects(db)
    .select(['ar.title as roundTitle', 'ar.kind as roundKind', 'ar.periodFrom', 'ar.periodTo'])
    .where(reachCondition(scope, SUBJECT_REACH));
  if (p.roundId) q = q.where('s.roundId', '=', p.roundId);
  if (p.published === 'true') q = q.where('ar.status', '=', 'published');
  const { rows, ...count } = await paged(db, q, p, (page) =>
    page.orderBy('ar.periodTo', p.order === 'asc' ? 'desc' : 'asc').orderBy('s.id'),
  );
  return {
    rows: rows as (SubjectView & {
      roundTitle: string;
      roundKind: string;
      periodFrom: string;
      periodTo: string;
    })[],
    ...count,
  };
}

export async function updateSubject(
  db: Executor,
  id: string,
  version: number,
  set: Partial<Omit<AssessmentSubjectsTable, 'id' | 'roundId' | 'postingId' | 'version'>>,
): Promise<boolean> {
  const done = await db
    .updateTable('assessmentSubjects')
    .set({ ...set, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(done.numUpdatedRows) === 1;
}

/**
 * The postings a round covers: of the batch, handed over (a real start) on or before the
 * period's end, and not stopped before its start.
 */
export function coveredPostings(db: Executor, batchId: string, from: string, to: string) {
  return db
    .selectFrom('postings as ps')
    .innerJoin('cadres as c', 'c.id', 'ps.cadreId')
    .innerJoin('units as ru', 'ru.id', 'ps.receivingUnitId')
    .innerJoin('units as su', 'su.id', 'ps.sendingUnitId')
    .select([
      'ps.id',
      'ps.title',
      'ps.status',
      'ps.startDate',
      'ps.endDate',
      'c.name as cadreName',
      'ru.name as receivingUnitName',
      'su.name as sendingUnitName',
    ])
    .where('ps.batchId', '=', batchId)
    .where('ps.status', '!=', 'proposed')
    .where('ps.startDate', 'is not', null)
    .where('ps.startDate', '<=', to)
    .where((eb) => eb(eb.fn.coalesce('ps.finishedOn', 'ps.endDate'), '>=', from))
    .orderBy('c.namePinyin')
    .orderBy('ps.id')
    .execute();
}

/** Approved leave of these kinds on these postings touching [from, to]. */
export function leaveOf(db: Executor, postingIds: string[], kinds: string[], from: string, to: string) {
  if (postingIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('leaveRequests')
    .select(['postingId', 'startDate', 'startHalf', 'endDate', 'endHalf'])
    .where('postingId', 'in', postingIds)
    .where('kind', 'in', kinds)
    .where('status', 'in', ['approved', 'returning', 'returned'])
    .where('startDate', '<=', to)
    .where('endDate', '>=', from)
    .execute();
}

/** Online votes per subject and grade (counts only: the votes are not read one by one). */
export function voteCounts(db: Executor, roundId: string) {
  return db
    .selectFrom('assessmentVotes')
    .select(['subjectId', 'grade', (eb) => eb.fn.countAll<number>().as('n')])
    .where('roundId', '=', roundId)
    .groupBy(['subjectId', 'grade'])
    .execute();
}
