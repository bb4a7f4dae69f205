import { sql } from 'kysely';
import type { DashboardQuery } from '../../common/stats/stats.schema.js';
import { ORGANISER_REACH } from '../assessment/assessment.repository.js';
import type { Executor } from '../core/database.js';
import { reachCondition, type Scope } from '../core/scope.js';
import { LEAVE_REACH } from '../leave/leave.repository.js';
import { POSTINGS_REACH, postingsView } from '../postings/postings.repository.js';

/**
 * The dashboard's aggregates (ADR 042): GROUP BY in SQL over indexed columns, each filtered by the
 * reach of the list it summarises (the postings list's, the leave list's, the rounds'), so a
 * figure never counts a row the caller could not open there.
 */

type Filters = Pick<DashboardQuery, 'programmeId' | 'batchId'>;

function postings(db: Executor, scope: Scope, f: Filters) {
  // the joins the reach's columns name: g (the programme's 组织部), c (the cadre's account)
  let q = db
    .selectFrom('postings as ps')
    .innerJoin('programmes as g', 'g.id', 'ps.programmeId')
    .innerJoin('cadres as c', 'c.id', 'ps.cadreId')
    .where(reachCondition(scope, POSTINGS_REACH));
  if (f.programmeId) q = q.where('ps.programmeId', '=', f.programmeId);
  if (f.batchId) q = q.where('ps.batchId', '=', f.batchId);
  return q;
}

/** Postings by status. */
export async function byStatus(db: Executor, scope: Scope, f: Filters) {
  const rows = await postings(db, scope, f)
    .select((eb) => ['ps.status', eb.fn.countAll<number | string>().as('n')])
    .groupBy('ps.status')
    .execute();
  return rows.map((r) => ({ status: r.status, n: Number(r.n) }));
}

/** 在岗 postings by receiving region, with each region's ancestor path. */
export async function onPostByRegion(db: Executor, scope: Scope, f: Filters) {
  const rows = await postings(db, scope, f)
    .innerJoin('regions as rr', 'rr.code', 'ps.receivingRegionCode')
    .where('ps.status', '=', 'active')
    .select((eb) => [
      'ps.receivingRegionCode as code',
      sql<string>`min(rr.path)`.as('path'),
      eb.fn.countAll<number | string>().as('n'),
    ])
    .groupBy('ps.receivingRegionCode')
    .execute();
  return rows.map((r) => ({ code: r.code, path: r.path.split('/').filter(Boolean), n: Number(r.n) }));
}

export async function regionNames(db: Executor, codes: string[]): Promise<Record<string, string>> {
  if (codes.length === 0) return {};
  const rows = await db.selectFrom('regions').select(['code', 'name']).where('code', 'in', codes).execute();
  return Object.fromEntries(rows.map((r) => [r.code, r.name]));
}

/** 在岗 postings whose term ends between the two days (inclusive): how many, and the first ones. */
export async function endingBetween(
  db: Executor,
  scope: Scope,
  f: Filters,
  from: string,
  to: string,
  limit: number,
) {
  const ending = <Q extends ReturnType<typeof postings>>(q: Q) =>
    q.where('ps.status', '=', 'active').where('ps.endDate', '>=', from).where('ps.endDate', '<=', to);
  const count = await ending(postings(db, scope, f))
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  let q = postingsView(db).where(reachCondition(scope, POSTINGS_REACH));
  if (f.programmeId) q = q.where('ps.programmeId', '=', f.programmeId);
  if (f.batchId) q = q.where('ps.batchId', '=', f.batchId);
  const items = await q
    .where('ps.status', '=', 'active')
    .where('ps.endDate', '>=', from)
    .where('ps.endDate', '<=', to)
    .orderBy('ps.endDate')
    .orderBy('ps.id')
    .limit(limit)
    .execute();
  return { total: Number(count.n), items };
}

/** Statuses of leave that was granted: its days were (or are being) taken. */
export const GRANTED_LEAVE = ['approved', 'returning', 'returned'] as const;

/** Granted leave by month of its first day and kind: half days and requests. */
export async function leaveByMonth(db: Executor, scope: Scope, q: DashboardQuery) {
  let query = db
    .selectFrom('leaveRequests as lr')
    .innerJoin('postings as ps', 'ps.id', 'lr.postingId')
    .innerJoin('programmes as g', 'g.id', 'ps.programmeId')
    .innerJoin('cadres as c', 'c.id', 'lr.cadreId')
    .where(reachCondition(scope, LEAVE_REACH))
    .where('lr.status', 'in', [...GRANTED_LEAVE]);
  if (q.programmeId) query = query.where('ps.programmeId', '=', q.programmeId);
  if (q.batchId) query = query.where('ps.batchId', '=', q.batchId);
  if (q.from) query = query.where('lr.startDate', '>=', q.from);
  if (q.to) query = query.where('lr.startDate', '<=', q.to);
  const month = sql<string>`substr(lr.start_date, 1, 7)`;
  const rows = await query
    .select((eb) => [
      month.as('month'),
      'lr.kind',
      sql<number | string>`sum(lr.half_days)`.as('halfDays'),
      eb.fn.countAll<number | string>().as('n'),
    ])
    .groupBy([month, 'lr.kind'])
    .orderBy(month)
    .orderBy('lr.kind')
    .execute();
  return rows.map((r) => ({ month: r.month, kind: r.kind, days: Number(r.halfDays) / 2, n: Number(r.n) }));
}

/** The published rounds of the programmes the scope organises (newest first): their statistics are the round's. */
export function publishedRounds(db: Executor, scope: Scope, f: Filters, limit: number) {
  let q = db
    .selectFrom('assessmentRounds as ar')
    .innerJoin('programmes as g', 'g.id', 'ar.programmeId')
    .where(reachCondition(scope, ORGANISER_REACH))
    .where('ar.status', '=', 'published');
  if (f.programmeId) q = q.where('ar.programmeId', '=', f.programmeId);
  if (f.batchId) q = q.where('ar.batchId', '=', f.batchId);
  return q.select(['ar.id']).orderBy('ar.createdAt', 'desc').orderBy('ar.id').limit(limit).execute();
}
