import { randomUUID } from 'node:crypto';
import { type Action, accessOf } from '../../common/access/policy.js';
import { addDay, type Half, leaveHalfDays } from '../../common/calendar/calendar.js';
import type { Page } from '../../common/http/paging.schema.js';
import { t } from '../../common/i18n/index.js';
import type {
  Leave,
  LeaveDecisionValues,
  LeaveDetail,
  LeaveInput,
  LeaveListParams,
  LeaveReturnValues,
  LeaveRoutes,
  LeaveRoutesInput,
  LeaveSubstituteValues,
} from '../../common/leave/leave.schema.js';
import {
  type Approver,
  HOLDING_STATUSES,
  type LeaveKind,
  type LeaveStatus,
  type StepDecision,
} from '../../common/leave/leave-moves.js';
import { DEFAULT_ROUTING, type RoutingRule, routeOf } from '../../common/leave/leave-routing.js';
import type { NotificationKind } from '../../common/notifications/notifications.schema.js';
import { record, whoOf } from '../audit/audit.service.js';
import { calendarFor, labelledError } from '../calendar/calendar.service.js';
import { chinaDate } from '../core/clock.js';
import { type Actor, type AppContext, authorOf } from '../core/context.js';
import type { Executor } from '../core/database.js';
import { AppError, fieldError, notFound, outOfScope, versionConflict } from '../core/errors.js';
import { assertReaches, assertWritable, reaches, scopeFor } from '../core/scope.js';
import { appendHistory } from '../core/status-history.repository.js';
import { inTransaction } from '../core/transaction.js';
import {
  type Audience,
  notificationRows,
  notifyAudience,
  saveNotifications,
} from '../notifications/notifications.service.js';
import { findPosting } from '../postings/postings.repository.js';
import { PROGRAMME_ORGANISER } from '../programmes/programmes.repository.js';
import { leaveMachine } from './leave.machine.js';
import * as repo from './leave.repository.js';

const today = (ctx: Pick<AppContext, 'clock'>) => chinaDate(ctx.clock.now());

const toLeave = (r: repo.LeaveView, day: string): Leave => ({
  id: r.id,
  postingId: r.postingId,
  postingTitle: r.postingTitle,
  cadreName: r.cadreName,
  receivingUnitName: r.receivingUnitName,
  kind: r.kind as LeaveKind,
  startDate: r.startDate,
  startHalf: r.startHalf as Half,
  endDate: r.endDate,
  endHalf: r.endHalf as Half,
  days: r.halfDays / 2,
  reason: r.reason,
  status: r.status as LeaveStatus,
  currentStep: r.currentStep,
  returnedOn: r.returnedOn,
  overdue: r.status === 'approved' && r.endDate < day,
  version: r.version,
  createdAt: r.createdAt,
});

/** May the caller act on the leave's current step: its approver's party in write mode, or its substitute. */
function decides(actor: Actor, row: repo.LeaveView): boolean {
  if (row.status !== 'pending' || !row.stepApprover) return false;
  if (row.substituteUserId === actor.userId) return true;
  const scope = scopeFor('leave.decide', actor.userId, actor.grants, 'write');
  return reaches(scope, repo.STEP_REACH[row.stepApprover as Approver], row);
}

/** The request, if the caller reads it (its reach, or the substitute of its waiting step). */
async function readable(db: Executor, actor: Actor, id: string): Promise<repo.LeaveView> {
  const row = await repo.findLeave(db, id);
  if (!row) throw notFound();
  if (row.substituteUserId === actor.userId && row.status === 'pending') return row;
  return assertReaches({ ...actor.scope, mode: 'read' }, repo.LEAVE_REACH, row);
}

async function detail(
  ctx: Pick<AppContext, 'db' | 'clock'>,
  actor: Actor,
  row: repo.LeaveView,
): Promise<LeaveDetail> {
  const [steps, history] = await Promise.all([
    repo.stepsOf(ctx.db, row.id),
    leaveMachine.history(ctx.db, [row.id]),
  ]);
  const writes = (action: Action, reach: Parameters<typeof reaches>[1]) =>
    typeof accessOf(action) === 'object' &&
    actor.roles.some((role) => (accessOf(action) as Record<string, unknown>)[role] !== undefined) &&
    reaches(scopeFor(action, actor.userId, actor.grants, 'write'), reach, row);
  const undecided = steps.every((s) => s.decision === 'pending' || s.decision === 'waiting');
  const actions: string[] = [];
  if (row.status === 'pending' && undecided && writes('leave.withdraw', repo.CADRE_REACH))
    actions.push('withdraw');
  if (decides(actor, row)) actions.push('decide');
  if (
    row.status === 'pending' &&
    row.stepApprover &&
    writes('leave.decide', repo.STEP_REACH[row.stepApprover as Approver])
  )
    actions.push('substitute');
  if (row.status === 'approved' && writes('leave.return', repo.CADRE_REACH)) actions.push('return');
  if (row.status === 'returning' && writes('leave.confirmReturn', repo.RECEIVING_REACH))
    actions.push('confirmReturn');
  return {
    ...toLeave(row, today(ctx)),
    steps: steps.map((s) => ({
      seq: s.seq,
      approver: s.approver as Approver,
      decision: s.decision as StepDecision,
      comment: s.comment,
      decidedBy: s.decidedByName,
      decidedAt: s.decidedAt,
      substitute: s.substituteName,
    })),
    history: history.map((h) => ({
      from: (h.fromStatus || null) as LeaveStatus | null,
      to: h.toStatus as LeaveStatus,
      reason: h.reason,
      at: h.at,
      by: h.actorName,
    })),
    actions,
  };
}

export async function list(ctx: AppContext, actor: Actor, p: LeaveListParams): Promise<Page<Leave>> {
  const { rows, ...count } = await repo.listLeave(ctx.db, p, actor.scope, actor.userId);
  const day = today(ctx);
  return { items: rows.map((r) => toLeave(r, day)), ...count, page: p.page, pageSize: p.pageSize };
}

export async function get(ctx: AppContext, actor: Actor, id: string): Promise<LeaveDetail> {
  return detail(ctx, actor, await readable(ctx.db, actor, id));
}

// ---- who is told (issue 13 line 6): each step that starts to wait on someone ----

const noticeParams = (row: repo.LeaveView, extra: Record<string, string | number> = {}) => ({
  leaveId: row.id,
  cadre: row.cadreName,
  unit: row.receivingUnitName,
  kind: t(`leaveKind.${row.kind as LeaveKind}`),
  days: row.halfDays / 2,
  start: row.startDate,
  end: row.endDate,
  ...extra,
});

/** Tells the audience about the request as it now stands (read back in the same transaction). */
async function tell(
  tx: Pick<AppContext, 'db' | 'clock'>,
  actor: Actor,
  id: string,
  kind: NotificationKind,
  audienceOf: (row: repo.LeaveView) => Omit<Audience, 'row'> | null,
  extra?: (row: repo.LeaveView) => Record<string, string | number>,
): Promise<repo.LeaveView> {
  const row = (await repo.findLeave(tx.db, id)) as repo.LeaveView;
  const audience = audienceOf(row);
  if (audience)
    await notifyAudience(tx, { ...audience, row }, kind, noticeParams(row, extra?.(row)), actor.userId);
  return row;
}

/** The approvers of the waiting step: those the write rule lets decide it. */
const stepDeciders = (row: repo.LeaveView): Omit<Audience, 'row'> | null =>
  row.status === 'pending' && row.stepApprover
    ? { action: 'leave.decide', reach: repo.STEP_REACH[row.stepApprover as Approver], mode: 'write' }
    : null;

// ---- the routing table ----

async function rulesOf(
  db: Executor,
  programmeId: string,
): Promise<{ rules: RoutingRule[]; version: number | null }> {
  const row = await repo.routesOf(db, programmeId);
  return row
    ? { rules: JSON.parse(row.rules), version: row.version }
    : { rules: [...DEFAULT_ROUTING], version: null };
}

async function programmeReached(db: Executor, actor: Actor, programmeId: string) {
  const p = await db
    .selectFrom('programmes as g')
    .select(['g.id as programmeId', 'g.regionCode as programmeRegionCode'])
    .where('g.id', '=', programmeId)
    .executeTakeFirst();
  if (!p) throw notFound();
  return assertReaches(actor.scope, { parties: [PROGRAMME_ORGANISER] }, p);
}

export async function routes(ctx: AppContext, actor: Actor, programmeId: string): Promise<LeaveRoutes> {
  await programmeReached(ctx.db, actor, programmeId);
  return { programmeId, ...(await rulesOf(ctx.db, programmeId)) };
}

/** The programme's 组织部 sets its routing table (audited); the last rule should fit any length. */
export async function saveRoutes(
  ctx: AppContext,
  actor: Actor,
  programmeId: string,
  v: LeaveRoutesInput,
): Promise<LeaveRoutes> {
  const last = v.rules.at(-1);
  if (!last || last.upToDays !== null || last.rankLevels !== null)
    throw fieldError(`rules.${v.rules.length - 1}.upToDays`, 'leave.routesOpenEnded');
  return inTransaction(ctx, async (tx) => {
    await programmeReached(tx.db, actor, programmeId);
    const before = await rulesOf(tx.db, programmeId);
    if (before.version !== v.version) throw versionConflict();
    const ok = await repo.saveRoutes(
      tx.db,
      {
        programmeId,
        rules: JSON.stringify(v.rules),
        version: (v.version ?? 0) + 1,
        updatedAt: tx.clock.now().toISOString(),
        updatedBy: authorOf(actor),
      },
      v.version,
    );
    if (!ok) throw versionConflict();
    await record(tx, whoOf(actor), {
      action: 'leaveRoutes.update',
      objectType: 'programme',
      objectId: programmeId,
      diff: { leaveRoutes: { from: before.rules, to: v.rules } },
    });
    return { programmeId, ...(await rulesOf(tx.db, programmeId)) };
  });
}

// ---- a request ----

const halfKey = (date: string, half: string, edge: 'start' | 'end') =>
  `${date}${edge === 'start' ? (half === 'am' ? 0 : 1) : half === 'am' ? 0 : 1}`;

/** The cadre asks for leave on their 在岗 posting: length from the calendar, chain from the routing table. */
export async function create(ctx: AppContext, actor: Actor, v: LeaveInput): Promise<LeaveDetail> {
  if (v.endDate < v.startDate) throw labelledError('endDate', 'leave.field.endDate', 'leave.endBeforeStart');
  return inTransaction(ctx, async (tx) => {
    const posting = await findPosting(tx.db, v.postingId);
    if (!posting) throw fieldError('postingId', 'leave.postingMissing');
    if (!reaches(actor.scope, repo.CADRE_REACH, posting)) throw outOfScope();
    if (posting.status !== 'active' || !posting.startDate)
      throw fieldError('postingId', 'leave.postingNotActive', {
        status: t(`postingStatus.${posting.status as 'active'}`),
      });
    if (v.startDate < posting.startDate)
      throw fieldError('startDate', 'leave.beforePosting', { startDate: posting.startDate });
    if (v.endDate > posting.endDate)
      throw labelledError('endDate', 'leave.field.endDate', 'leave.afterPosting', {
        endDate: posting.endDate,
      });
    const cal = await calendarFor(tx.db, v.startDate, v.endDate, posting.receivingRegionCode, [
      'startDate',
      'endDate',
    ]);
    const halfDays = leaveHalfDays(cal, v.startDate, v.startHalf, v.endDate, v.endHalf);
    if (halfDays === 0) throw labelledError('endDate', 'leave.field.endDate', 'leave.noWorkingDays');
    const from = halfKey(v.startDate, v.startHalf, 'start');
    const to = halfKey(v.endDate, v.endHalf, 'end');
    for (const o of await repo.holdingBetween(
      tx.db,
      posting.cadreId,
      v.startDate,
      v.endDate,
      HOLDING_STATUSES,
    )) {
      if (halfKey(o.startDate, o.startHalf, 'start') <= to && from <= halfKey(o.endDate, o.endHalf, 'end'))
        throw fieldError('startDate', 'leave.overlaps', {
          kind: t(`leaveKind.${o.kind as LeaveKind}`),
          start: o.startDate,
          end: o.endDate,
        });
    }
    const cadre = await tx.db
      .selectFrom('cadres')
      .select('rankLevel')
      .where('id', '=', posting.cadreId)
      .executeTakeFirstOrThrow();
    const { rules } = await rulesOf(tx.db, posting.programmeId);
    const approvers = routeOf(rules, halfDays, cadre.rankLevel);
    const id = randomUUID();
    const now = tx.clock.now().toISOString();
    await repo.insertLeave(
      tx.db,
      {
        id,
        postingId: posting.id,
        cadreId: posting.cadreId,
        kind: v.kind,
        startDate: v.startDate,
        startHalf: v.startHalf,
        endDate: v.endDate,
        endHalf: v.endHalf,
        halfDays,
        reason: v.reason,
        status: 'pending',
        currentStep: 1,
        returnedOn: null,
        version: 1,
        createdAt: now,
        updatedAt: now,
        createdBy: authorOf(actor),
        updatedBy: authorOf(actor),
      },
      approvers.map((approver, i) => ({
        id: randomUUID(),
        leaveId: id,
        seq: i + 1,
        approver,
        decision: i === 0 ? 'pending' : 'waiting',
        comment: null,
        decidedBy: null,
        decidedAt: null,
        substituteUserId: null,
        substituteNamedBy: null,
      })),
    );
    await appendHistory(tx.db, {
      id: randomUUID(),
      objectType: 'leave',
      objectId: id,
      fromStatus: '',
      toStatus: 'pending',
      reason: v.reason,
      at: now,
      actorId: authorOf(actor),
    });
    await record(tx, whoOf(actor), {
      action: 'leave.create',
      objectType: 'leave',
      objectId: id,
      diff: {
        posting: { to: posting.title },
        kind: { to: v.kind },
        start: { to: `${v.startDate} ${v.startHalf}` },
        end: { to: `${v.endDate} ${v.endHalf}` },
        days: { to: halfDays / 2 },
        approvers: { to: approvers },
      },
    });
    return detail(tx, actor, await tell(tx, actor, id, 'leave.toDecide', stepDeciders));
  });
}

const refused = (row: repo.LeaveView, what: Parameters<typeof t>[0]) =>
  new AppError('CONFLICT', {
    messageKey: 'leave.refused',
    params: { status: t(`leaveStatus.${row.status as LeaveStatus}`), action: t(what) },
  });

/** 撤回: the cadre, while no step has been decided. */
export async function withdraw(
  ctx: AppContext,
  actor: Actor,
  id: string,
  version: number,
): Promise<LeaveDetail> {
  return inTransaction(ctx, async (tx) => {
    const row = await readable(tx.db, actor, id);
    assertWritable(actor.scope, repo.CADRE_REACH, row, repo.LEAVE_REACH);
    const steps = await repo.stepsOf(tx.db, id);
    if (row.status !== 'pending') throw refused(row, 'leaveAction.withdraw');
    if (steps.some((s) => s.decision === 'approved' || s.decision === 'rejected'))
      throw new AppError('CONFLICT', { messageKey: 'leave.alreadyDecided' });
    await leaveMachine.move(tx, actor, {
      row,
      version,
      to: 'withdrawn',
      action: 'leave.withdraw',
      set: () => ({ currentStep: null }),
    });
    await repo.cancelOpenSteps(tx.db, id);
    return detail(tx, actor, (await repo.findLeave(tx.db, id)) as repo.LeaveView);
  });
}

/** One step's decision (by its approver or the substitute they named): the next step waits, or the request is decided. */
export async function decide(
  ctx: AppContext,
  actor: Actor,
  id: string,
  v: LeaveDecisionValues,
): Promise<LeaveDetail> {
  return inTransaction(ctx, async (tx) => {
    const row = await readable(tx.db, actor, id);
    if (row.status !== 'pending') throw refused(row, 'leaveAction.decide');
    if (!decides(actor, row)) {
      if (reaches({ ...actor.scope, mode: 'read' }, repo.LEAVE_REACH, row))
        throw new AppError('FORBIDDEN', { messageKey: 'leave.notYourStep' });
      throw outOfScope();
    }
    if (v.decision === 'reject' && !v.comment) throw fieldError('comment', 'leave.rejectNeedsComment');
    const steps = await repo.stepsOf(tx.db, id);
    const seq = row.currentStep as number;
    const last = seq === steps.length;
    const next: LeaveStatus = v.decision === 'reject' ? 'rejected' : last ? 'approved' : 'pending';
    const substitute = row.substituteUserId === actor.userId;
    await leaveMachine.move(tx, actor, {
      row,
      version: v.version,
      to: next,
      action: 'leave.decide',
      reason: v.comment,
      set: () => ({ currentStep: next === 'pending' ? seq + 1 : null }),
      audit: {
        step: { to: `${seq} ${steps[seq - 1]?.approver}` },
        decision: { to: v.decision },
        ...(substitute ? { substitute: { to: true } } : {}),
      },
    });
    const at = tx.clock.now().toISOString();
    await repo.updateStep(tx.db, id, seq, {
      decision: v.decision === 'approve' ? 'approved' : 'rejected',
      comment: v.comment,
      decidedBy: authorOf(actor),
      decidedAt: at,
    });
    if (next === 'pending') await repo.updateStep(tx.db, id, seq + 1, { decision: 'pending' });
    if (next === 'rejected') await repo.cancelOpenSteps(tx.db, id);
    const after =
      next === 'pending'
        ? await tell(tx, actor, id, 'leave.toDecide', stepDeciders)
        : await tell(
            tx,
            actor,
            id,
            'leave.decided',
            () => ({ action: 'leave.read', reach: repo.CADRE_REACH, mode: 'read' }),
            (r) => ({ decision: t(`leaveStatus.${r.status as LeaveStatus}`) }),
          );
    return detail(tx, actor, after);
  });
}

/**
 * An approver away names a substitute for the waiting step: an active account who holds a role
 * that decides leave (a deputy); it may then decide this step, and only it (ADR 029). Null clears it.
 */
export async function substitute(
  ctx: AppContext,
  actor: Actor,
  id: string,
  v: LeaveSubstituteValues,
): Promise<LeaveDetail> {
  return inTransaction(ctx, async (tx) => {
    const row = await readable(tx.db, actor, id);
    if (row.status !== 'pending' || !row.stepApprover) throw refused(row, 'leaveAction.substitute');
    assertWritable(actor.scope, repo.STEP_REACH[row.stepApprover as Approver], row, repo.LEAVE_REACH);
    if (row.version !== v.version) throw versionConflict();
    let userId: string | null = null;
    if (v.username) {
      const roles = Object.keys(accessOf('leave.decide') as object);
      const account = await repo.accountWithRole(tx.db, v.username, roles);
      if (!account) throw fieldError('username', 'leave.substituteMissing', { username: v.username });
      if (account.id === actor.userId) throw fieldError('username', 'leave.substituteSelf');
      userId = account.id;
    }
    await repo.updateStep(tx.db, id, row.currentStep as number, {
      substituteUserId: userId,
      substituteNamedBy: userId ? authorOf(actor) : null,
    });
    await tx.db
      .updateTable('leaveRequests')
      .set({ version: row.version + 1, updatedAt: tx.clock.now().toISOString(), updatedBy: authorOf(actor) })
      .where('id', '=', id)
      .execute();
    await record(tx, whoOf(actor), {
      action: 'leave.substitute',
      objectType: 'leave',
      objectId: id,
      diff: { step: { to: row.currentStep }, substitute: { from: row.substituteUserId, to: userId } },
    });
    if (userId)
      await saveNotifications(
        tx.db,
        notificationRows(tx, [userId], 'leave.substituteNamed', noticeParams(row)),
      );
    return detail(tx, actor, (await repo.findLeave(tx.db, id)) as repo.LeaveView);
  });
}

/** 销假: the cadre reports back (from the first day of the leave on). */
export async function reportReturn(
  ctx: AppContext,
  actor: Actor,
  id: string,
  v: LeaveReturnValues,
): Promise<LeaveDetail> {
  return inTransaction(ctx, async (tx) => {
    const row = await readable(tx.db, actor, id);
    assertWritable(actor.scope, repo.CADRE_REACH, row, repo.LEAVE_REACH);
    if (row.status !== 'approved') throw refused(row, 'leaveAction.return');
    if (v.date < row.startDate)
      throw labelledError('date', 'leave.returnDate', 'leave.returnBeforeStart', {
        startDate: row.startDate,
      });
    if (v.date > addDay(today(tx), 0))
      throw labelledError('date', 'leave.returnDate', 'leave.returnInFuture');
    await leaveMachine.move(tx, actor, {
      row,
      version: v.version,
      to: 'returning',
      action: 'leave.return',
      set: () => ({ returnedOn: v.date }),
      audit: { returnedOn: { to: v.date } },
    });
    const after = await tell(
      tx,
      actor,
      id,
      'leave.toConfirmReturn',
      () => ({ action: 'leave.confirmReturn', reach: repo.RECEIVING_REACH, mode: 'write' }),
      () => ({ date: v.date }),
    );
    return detail(tx, actor, after);
  });
}

/** The receiving unit confirms the 销假. */
export async function confirmReturn(
  ctx: AppContext,
  actor: Actor,
  id: string,
  version: number,
): Promise<LeaveDetail> {
  return inTransaction(ctx, async (tx) => {
    const row = await readable(tx.db, actor, id);
    assertWritable(actor.scope, repo.RECEIVING_REACH, row, repo.LEAVE_REACH);
    if (row.status !== 'returning') throw refused(row, 'leaveAction.confirmReturn');
    await leaveMachine.move(tx, actor, { row, version, to: 'returned', action: 'leave.confirmReturn' });
    return detail(tx, actor, (await repo.findLeave(tx.db, id)) as repo.LeaveView);
  });
}
