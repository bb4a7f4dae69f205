import type { ExpressionBuilder } from 'kysely';
import type { LeaveListParams } from '../../common/leave/leave.schema.js';
import type { Approver } from '../../common/leave/leave-moves.js';
import type { Database, Executor } from '../core/database.js';
import { type Party, type Reach, reachCondition, type Scope } from '../core/scope.js';
import { paged } from '../core/search.js';
import { RECEIVING_ORGANISER, RECEIVING_UNIT, SENDING_UNIT } from '../postings/postings.repository.js';
import { PROGRAMME_ORGANISER } from '../programmes/programmes.repository.js';
import type { LeaveRequestsTable, LeaveRow, LeaveStepRow, LeaveStepsTable } from './leave.table.js';

export type LeaveView = LeaveRow & {
  postingTitle: string;
  postingStatus: string;
  programmeId: string;
  programmeRegionCode: string;
  sendingUnitId: string;
  receivingUnitId: string;
  receivingUnitName: string;
  receivingRegionCode: string;
  cadreName: string;
  cadreUserId: string | null;
  /** The current step's approver and substitute (null once no step waits). */
  stepApprover: string | null;
  substituteUserId: string | null;
};

/** The cadre's own account: their requests, their withdrawal and their 销假. */
export const LEAVE_CADRE: Party = { user: { column: 'c.userId', key: 'cadreUserId' } };
/** The sending unit watches its cadre's leave and decides nothing (dual management). */
export const LEAVE_SENDING_UNIT: Party = { ...SENDING_UNIT, readOnly: true };

/** Who reads a leave request: the cadre, the receiving unit, the sending unit (read-only), both 组织部. */
export const LEAVE_REACH: Reach = {
  parties: [LEAVE_CADRE, LEAVE_SENDING_UNIT, RECEIVING_UNIT, RECEIVING_ORGANISER, PROGRAMME_ORGANISER],
};
/** The party each kind of step is decided by. */
export const APPROVER_PARTY: Record<Approver, Party> = {
  receiving_unit: RECEIVING_UNIT,
  receiving_org: RECEIVING_ORGANISER,
  programme_org: PROGRAMME_ORGANISER,
};
export const STEP_REACH = Object.fromEntries(
  Object.entries(APPROVER_PARTY).map(([k, p]) => [k, { parties: [p] }]),
) as unknown as Record<Approver, Reach>;
export const CADRE_REACH: Reach = { parties: [LEAVE_CADRE] };
export const RECEIVING_REACH: Reach = { parties: [RECEIVING_UNIT] };

function view(db: Executor) {
  return db
    .selectFrom('leaveRequests as lr')
    .innerJoin('postings as ps', 'ps.id', 'lr.postingId')
    .innerJoin('programmes as g', 'g.id', 'ps.programmeId')
    .innerJoin('cadres as c', 'c.id', 'lr.cadreId')
    .innerJoin('units as ru', 'ru.id', 'ps.receivingUnitId')
    .leftJoin('leaveSteps as s', (j) =>
      j.onRef('s.leaveId', '=', 'lr.id').onRef('s.seq', '=', 'lr.currentStep'),
    )
    .selectAll('lr')
    .select([
      'ps.title as postingTitle',
      'ps.status as postingStatus',
      'ps.programmeId',
      'g.regionCode as programmeRegionCode',
      'ps.sendingUnitId',
      'ps.receivingUnitId',
      'ru.name as receivingUnitName',
      'ps.receivingRegionCode',
      'c.name as cadreName',
      'c.userId as cadreUserId',
      's.approver as stepApprover',
      's.substituteUserId',
    ]);
}
type Eb = ExpressionBuilder<Database & { lr: LeaveRequestsTable; s: LeaveStepsTable }, 'lr' | 's'>;

/**
 * What waits for the caller: a step of the approver kind its scope reaches (or it substitutes
 * on), or a 销假 to confirm at its receiving unit.
 */
function waitingFor(scope: Scope, userId: string) {
  return (eb: Eb) =>
    eb.or([
      eb.and([
        eb('lr.status', '=', 'pending'),
        eb.or([
          eb('s.substituteUserId', '=', userId),
          ...Object.entries(STEP_REACH).map(([approver, reach]) =>
            eb.and([eb('s.approver', '=', approver), reachCondition(scope, reach)(eb as never)]),
          ),
        ]),
      ]),
      eb.and([eb('lr.status', '=', 'returning'), reachCondition(scope, RECEIVING_REACH)(eb as never)]),
    ]);
}

export async function listLeave(db: Executor, p: LeaveListParams, scope: Scope, userId: string) {
  let q = view(db);
  q =
    p.view === 'todo'
      ? q.where(waitingFor({ ...scope, mode: 'write' }, userId) as never)
      : q.where(reachCondition(scope, LEAVE_REACH));
  if (p.status) q = q.where('lr.status', '=', p.status);
  if (p.postingId) q = q.where('lr.postingId', '=', p.postingId);
  const { rows, ...count } = await paged(db, q, p, (page) =>
    page.orderBy('lr.startDate', p.order === 'asc' ? 'desc' : 'asc').orderBy('lr.id'),
  );
  return { rows: rows as LeaveView[], ...count };
}

export function findLeave(db: Executor, id: string): Promise<LeaveView | undefined> {
  return view(db).where('lr.id', '=', id).executeTakeFirst() as Promise<LeaveView | undefined>;
}

export function stepsOf(db: Executor, leaveId: string) {
  return db
    .selectFrom('leaveSteps as s')
    .leftJoin('users as d', 'd.id', 's.decidedBy')
    .leftJoin('users as u', 'u.id', 's.substituteUserId')
    .selectAll('s')
    .select(['d.displayName as decidedByName', 'u.displayName as substituteName'])
    .where('s.leaveId', '=', leaveId)
    .orderBy('s.seq')
    .execute();
}

export async function insertLeave(
  db: Executor,
  row: LeaveRequestsTable,
  steps: LeaveStepRow[],
): Promise<void> {
  await db.insertInto('leaveRequests').values(row).execute();
  await db.insertInto('leaveSteps').values(steps).execute();
}

export async function updateStep(
  db: Executor,
  leaveId: string,
  seq: number,
  set: Partial<Omit<LeaveStepsTable, 'id' | 'leaveId' | 'seq'>>,
): Promise<void> {
  await db.updateTable('leaveSteps').set(set).where('leaveId', '=', leaveId).where('seq', '=', seq).execute();
}

export async function cancelOpenSteps(db: Executor, leaveId: string): Promise<void> {
  await db
    .updateTable('leaveSteps')
    .set({ decision: 'cancelled' })
    .where('leaveId', '=', leaveId)
    .where('decision', 'in', ['waiting', 'pending'])
    .execute();
}

/** The cadre's requests holding days that touch [from, to] (whole days; halves are the service's). */
export function holdingBetween(
  db: Executor,
  cadreId: string,
  from: string,
  to: string,
  statuses: readonly string[],
) {
  return db
    .selectFrom('leaveRequests')
    .selectAll()
    .where('cadreId', '=', cadreId)
    .where('status', 'in', [...statuses])
    .where('startDate', '<=', to)
    .where('endDate', '>=', from)
    .execute();
}

export async function routesOf(db: Executor, programmeId: string) {
  return db.selectFrom('leaveRoutes').selectAll().where('programmeId', '=', programmeId).executeTakeFirst();
}

export async function saveRoutes(
  db: Executor,
  row: { programmeId: string; rules: string; version: number; updatedAt: string; updatedBy: string | null },
  expected: number | null,
): Promise<boolean> {
  if (expected === null) {
    const done = await db
      .insertInto('leaveRoutes')
      .values(row)
      .onConflict((oc) => oc.column('programmeId').doNothing())
      .executeTakeFirst();
    return Number(done.numInsertedOrUpdatedRows ?? 0) === 1;
  }
  const done = await db
    .updateTable('leaveRoutes')
    .set({ rules: row.rules, version: row.version, updatedAt: row.updatedAt, updatedBy: row.updatedBy })
    .where('programmeId', '=', row.programmeId)
    .where('version', '=', expected)
    .executeTakeFirst();
  return Number(done.numUpdatedRows) === 1;
}

/** Approved leave whose end date is past without a 销假 (the flag, the reminder). */
export function unreturnedBefore(db: Executor, today: string): Promise<LeaveView[]> {
  return view(db)
    .where('lr.status', '=', 'approved')
    .where('lr.endDate', '<', today)
    .orderBy('lr.endDate')
    .orderBy('lr.id')
    .execute() as Promise<LeaveView[]>;
}

/** An active account holding one of these roles, by username. */
export function accountWithRole(db: Executor, username: string, roles: readonly string[]) {
  return db
    .selectFrom('users as u')
    .innerJoin('userRoles as r', 'r.userId', 'u.id')
    .select(['u.id', 'u.displayName'])
    .where('u.username', '=', username)
    .where('u.active', '=', 1)
    .where('r.role', 'in', [...roles])
    .executeTakeFirst();
}
