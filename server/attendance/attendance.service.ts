import { randomUUID } from 'node:crypto';
import { type Action, accessOf } from '../../common/access/policy.js';
import {
  type AttendanceSource,
  type AttendanceStatus,
  DEFAULT_RADIUS_M,
  daySymbol,
  type GridLeave,
  haversineMetres,
  monthDays,
  monthGrid,
  reportTitle,
} from '../../common/attendance/attendance.js';
import type {
  CheckInInput,
  DayInput,
  GridDayOut,
  Place,
  PlaceInput,
  PostingMonth,
  Report,
  ReportQuery,
  ReportRow,
} from '../../common/attendance/attendance.schema.js';
import type { Half, WorkingCalendar } from '../../common/calendar/calendar.js';
import { addDay } from '../../common/calendar/calendar.js';
import { t } from '../../common/i18n/index.js';
import type { LeaveKind } from '../../common/leave/leave-moves.js';
import { record, whoOf } from '../audit/audit.service.js';
import { calendarFor } from '../calendar/calendar.service.js';
import { chinaDate } from '../core/clock.js';
import { type Actor, type AppContext, authorOf } from '../core/context.js';
import type { Executor } from '../core/database.js';
import { AppError, fieldError, notFound } from '../core/errors.js';
import { assertReaches, assertWritable, type Reach, reaches, type Scope, scopeFor } from '../core/scope.js';
import { inTransaction } from '../core/transaction.js';
import { findPosting, type PostingView } from '../postings/postings.repository.js';
import { reportWorkbook } from './attendance.export.js';
import * as repo from './attendance.repository.js';

/**
 * Attendance (issue 13 line 3, ADR 031): the cadre's check-in for today, the receiving unit's
 * absences and corrections, its place, and each posting's month as one grid
 * (common/attendance/attendance.ts) that the summary, the report and the reminders all read.
 */

const today = (ctx: Pick<AppContext, 'clock'>) => chinaDate(ctx.clock.now());
const monthEnd = (month: string) => monthDays(month).at(-1) as string;
/** The posting's last day: the day it stopped, else its end of term. */
const lastDay = (p: PostingView) => p.finishedOn ?? p.endDate;

type Grid = ReturnType<typeof monthGrid>;

/** The month's grid of each posting (records, leave and each receiving region's calendar read once). */
export async function gridsOf(
  db: Executor,
  postings: readonly PostingView[],
  month: string,
  day: string,
): Promise<Map<string, Grid>> {
  const from = `${month}-01`;
  const to = monthEnd(month);
  const ids = postings.map((p) => p.id);
  const [records, leaves] = await Promise.all([
    repo.recordsBetween(db, ids, from, to),
    repo.leaveBetween(db, ids, from, to),
  ]);
  const calendars = new Map<string, WorkingCalendar>();
  for (const region of new Set(postings.map((p) => p.receivingRegionCode)))
    calendars.set(region, await calendarFor(db, from, to, region, ['month', 'month']));
  const out = new Map<string, Grid>();
  for (const p of postings) {
    const cal = calendars.get(p.receivingRegionCode) as WorkingCalendar;
    out.set(
      p.id,
      monthGrid({
        month,
        isWorking: (d) => cal.isWorking(d),
        postingStart: p.startDate as string,
        postingEnd: lastDay(p),
        today: day,
        records: records
          .filter((r) => r.postingId === p.id)
          .map((r) => ({
            date: r.date,
            status: r.status as AttendanceStatus,
            source: r.source as AttendanceSource,
            far: r.far === 1,
          })),
        leaves: leaves
          .filter((l) => l.postingId === p.id)
          .map(
            (l): GridLeave => ({
              kind: l.kind as LeaveKind,
              startDate: l.startDate,
              startHalf: l.startHalf as Half,
              endDate: l.endDate,
              endHalf: l.endHalf as Half,
              returnedOn: l.returnedOn,
              overdue: l.status === 'approved' && l.endDate < day,
            }),
          ),
      }),
    );
  }
  return out;
}

const daysOut = (g: Grid): GridDayOut[] => g.days.map((d) => ({ ...d, symbol: daySymbol(d) }));

const head = (p: PostingView) => ({
  postingId: p.id,
  cadreName: p.cadreName,
  title: p.title,
  sendingUnitName: p.sendingUnitName,
  receivingUnitId: p.receivingUnitId,
  receivingUnitName: p.receivingUnitName,
  batchName: p.batchName,
  startDate: p.startDate as string,
  endDate: lastDay(p),
});

/** Does the caller hold a role the action allows, with a write scope reaching the row? */
function writes(actor: Actor, action: Action, reach: Reach, row: PostingView): boolean {
  const access = accessOf(action);
  return (
    typeof access === 'object' &&
    actor.roles.some((role) => (access as Record<string, unknown>)[role] !== undefined) &&
    reaches(scopeFor(action, actor.userId, actor.grants, 'write'), reach, row)
  );
}

async function readablePosting(db: Executor, actor: Actor, id: string): Promise<PostingView> {
  const p = await findPosting(db, id);
  if (!p) throw notFound();
  return assertReaches({ ...actor.scope, mode: 'read' }, repo.ATTENDANCE_REACH, p);
}

/** A posting's month: the grid, the totals, the records (far check-ins, reasons) and what the caller may do. */
export async function monthOf(
  ctx: AppContext,
  actor: Actor,
  postingId: string,
  month: string,
): Promise<PostingMonth> {
  const p = await readablePosting(ctx.db, actor, postingId);
  const day = today(ctx);
  if (!p.startDate) throw fieldError('postingId', 'attendance.notStarted');
  const grid = (await gridsOf(ctx.db, [p], month, day)).get(p.id) as Grid;
  const records = await repo.recordsBetween(ctx.db, [p.id], `${month}-01`, monthEnd(month));
  const todays = await repo.findRecord(ctx.db, p.id, day);
  const actions: PostingMonth['actions'] = [];
  if (
    p.status === 'active' &&
    !todays &&
    p.startDate <= day &&
    day <= p.endDate &&
    writes(actor, 'attendance.checkIn', repo.CHECKIN_REACH, p)
  )
    actions.push('checkIn');
  if (writes(actor, 'attendance.record', repo.RECORD_REACH, p)) actions.push('record');
  return {
    ...head(p),
    month,
    today: day,
    todayStatus: (todays?.status as AttendanceStatus | undefined) ?? null,
    days: daysOut(grid),
    totals: grid.totals,
    records: records.map((r) => ({
      date: r.date,
      status: r.status as AttendanceStatus,
      source: r.source as AttendanceSource,
      far: r.far === 1,
      distanceM: r.distanceM,
      accuracy: r.accuracy,
      reason: r.reason,
      at: r.updatedAt,
    })),
    actions,
  };
}

/** 打卡: the cadre, on an active posting, for today within the posting's dates, once a day. */
export async function checkIn(ctx: AppContext, actor: Actor, v: CheckInInput): Promise<PostingMonth> {
  const day = today(ctx);
  await inTransaction(ctx, async (tx) => {
    const p = await findPosting(tx.db, v.postingId);
    if (!p) throw fieldError('postingId', 'attendance.postingMissing');
    assertWritable(actor.scope, repo.CHECKIN_REACH, p, repo.ATTENDANCE_REACH);
    if (p.status !== 'active' || !p.startDate)
      throw fieldError('postingId', 'attendance.notActive', {
        status: t(`postingStatus.${p.status as 'active'}`),
      });
    if (day < p.startDate)
      throw fieldError('postingId', 'attendance.beforePosting', { today: day, startDate: p.startDate });
    if (day > p.endDate)
      throw fieldError('postingId', 'attendance.afterPosting', { today: day, endDate: p.endDate });
    const existing = await repo.findRecord(tx.db, p.id, day);
    if (existing) throw alreadyRecorded(existing.status);
    const place = await repo.placeOf(tx.db, p.receivingUnitId);
    const distance =
      v.location && place
        ? Math.round(haversineMetres(v.location, { lat: place.lat, lng: place.lng }))
        : null;
    const far = distance !== null && place !== undefined && distance > place.radiusM;
    const now = tx.clock.now().toISOString();
    const inserted = await repo.insertRecord(tx.db, {
      id: randomUUID(),
      postingId: p.id,
      date: day,
      status: 'present',
      source: 'checkin',
      lat: v.location?.lat ?? null,
      lng: v.location?.lng ?? null,
      accuracy: v.location?.accuracy ?? null,
      distanceM: distance,
      far: far ? 1 : 0,
      reason: null,
      createdAt: now,
      updatedAt: now,
      createdBy: authorOf(actor),
      updatedBy: authorOf(actor),
    });
    if (!inserted) throw alreadyRecorded('present');
    await record(tx, whoOf(actor), {
      action: 'attendance.checkIn',
      objectType: 'posting',
      objectId: p.id,
      diff: {
        date: { to: day },
        located: { to: v.location !== null },
        ...(distance !== null ? { distanceM: { to: distance }, far: { to: far } } : {}),
      },
    });
  });
  return monthOf(ctx, actor, v.postingId, day.slice(0, 7));
}

const alreadyRecorded = (status: string) =>
  new AppError('CONFLICT', {
    messageKey: 'attendance.alreadyRecorded',
    params: { status: t(`attendanceStatus.${status as AttendanceStatus}`) },
  });

/**
 * The receiving unit's entry for a day of the posting: an absence (缺勤) or a correction to
 * 在岗 / 缺勤, with a reason; the day must lie within the posting's dates and not after today.
 * It replaces the day's record (a check-in too) in one transaction with its audit row.
 */
export async function recordDay(
  ctx: AppContext,
  actor: Actor,
  postingId: string,
  date: string,
  v: DayInput,
): Promise<PostingMonth> {
  const day = today(ctx);
  await inTransaction(ctx, async (tx) => {
    const found = await findPosting(tx.db, postingId);
    if (!found) throw notFound();
    const p = assertWritable(actor.scope, repo.RECORD_REACH, found, repo.ATTENDANCE_REACH);
    if (!p.startDate) throw fieldError('date', 'attendance.notStarted');
    if (date < p.startDate || date > lastDay(p))
      throw fieldError('date', 'attendance.dayOutside', {
        date,
        startDate: p.startDate,
        endDate: lastDay(p),
      });
    if (date > day) throw fieldError('date', 'attendance.dayInFuture', { date });
    const now = tx.clock.now().toISOString();
    const existing = await repo.findRecord(tx.db, p.id, date);
    if (existing)
      await repo.updateRecord(tx.db, existing.id, {
        status: v.status,
        source: 'manager',
        far: 0,
        reason: v.reason,
        updatedAt: now,
        updatedBy: authorOf(actor),
      });
    else
      await repo.insertRecord(tx.db, {
        id: randomUUID(),
        postingId: p.id,
        date,
        status: v.status,
        source: 'manager',
        lat: null,
        lng: null,
        accuracy: null,
        distanceM: null,
        far: 0,
        reason: v.reason,
        createdAt: now,
        updatedAt: now,
        createdBy: authorOf(actor),
        updatedBy: authorOf(actor),
      });
    await record(tx, whoOf(actor), {
      action: 'attendance.record',
      objectType: 'posting',
      objectId: p.id,
      diff: {
        date: { to: date },
        status: { from: existing?.status ?? null, to: v.status },
        ...(existing ? { source: { from: existing.source, to: 'manager' } } : {}),
        reason: { to: v.reason },
      },
    });
  });
  return monthOf(ctx, actor, postingId, date.slice(0, 7));
}

// ---- the receiving unit's place ----

async function unitReached(db: Executor, actor: Actor, unitId: string) {
  const u = await repo.findUnit(db, unitId);
  if (!u) throw notFound();
  return assertReaches(actor.scope, repo.PLACE_REACH, u);
}
const toPlace = (u: NonNullable<Awaited<ReturnType<typeof repo.findUnit>>>): Place => ({
  unitId: u.unitId,
  unitName: u.unitName,
  lat: u.lat,
  lng: u.lng,
  radiusM: u.radiusM ?? DEFAULT_RADIUS_M,
  updatedAt: u.updatedAt,
});

export async function place(ctx: AppContext, actor: Actor, unitId: string): Promise<Place> {
  return toPlace(await unitReached(ctx.db, actor, unitId));
}

/** The receiving unit sets its place (audited): check-ins farther than the radius are marked. */
export async function savePlace(
  ctx: AppContext,
  actor: Actor,
  unitId: string,
  v: PlaceInput,
): Promise<Place> {
  return inTransaction(ctx, async (tx) => {
    const before = await unitReached(tx.db, actor, unitId);
    await repo.savePlace(tx.db, {
      unitId,
      lat: v.lat,
      lng: v.lng,
      radiusM: v.radiusM,
      updatedAt: tx.clock.now().toISOString(),
      updatedBy: authorOf(actor),
    });
    await record(tx, whoOf(actor), {
      action: 'attendance.place',
      objectType: 'unit',
      objectId: unitId,
      diff: {
        place: {
          from: before.lat === null ? null : `${before.lat},${before.lng} r=${before.radiusM}`,
          to: `${v.lat},${v.lng} r=${v.radiusM}`,
        },
      },
    });
    return toPlace((await repo.findUnit(tx.db, unitId)) as NonNullable<typeof before>);
  });
}

// ---- the monthly report ----

/** The report is due to the 组织部 by the 5th of the next month. */
export const REPORT_DUE_DAY = 5;
const dueBy = (month: string) => `${addDay(monthEnd(month)).slice(0, 7)}-0${REPORT_DUE_DAY}`;

/** Rows of the month's report: the postings the scope reaches (a batch's, if given), one grid each. */
export async function reportRows(
  ctx: Pick<AppContext, 'db' | 'clock'>,
  scope: Scope,
  month: string,
  filter: { batchId?: string | undefined; receivingUnitIds?: string[] } = {},
): Promise<ReportRow[]> {
  const postings = await repo.postingsBetween(ctx.db, scope, `${month}-01`, monthEnd(month), filter);
  const grids = await gridsOf(ctx.db, postings, month, today(ctx));
  return postings.map((p) => {
    const g = grids.get(p.id) as Grid;
    return { ...head(p), days: daysOut(g), totals: g.totals };
  });
}

export async function report(ctx: AppContext, actor: Actor, q: ReportQuery): Promise<Report> {
  const items = await reportRows(ctx, { ...actor.scope, mode: 'read' }, q.month, { batchId: q.batchId });
  const cal = await calendarFor(ctx.db, `${q.month}-01`, monthEnd(q.month), null, ['month', 'month']);
  return {
    month: q.month,
    dueBy: dueBy(q.month),
    days: monthDays(q.month).map((date) => ({ date, working: cal.isWorking(date) })),
    items,
    total: items.length,
  };
}

/** Postings (of these receiving units, if given) whose `month` lacks a record on a due working day. */
export async function incompleteRows(
  ctx: Pick<AppContext, 'db' | 'clock'>,
  scope: Scope,
  month: string,
  receivingUnitIds?: string[],
): Promise<ReportRow[]> {
  try {
    const rows = await reportRows(ctx, scope, month, receivingUnitIds ? { receivingUnitIds } : {});
    return rows.filter((r) => r.totals.missing > 0);
  } catch (error) {
    // a month of a year the calendar does not know yet: nothing can be called incomplete
    if (error instanceof AppError && error.code === 'VALIDATION_FAILED') return [];
    throw error;
  }
}

/** Far check-ins of the month at these receiving units (home page). */
export function farCheckIns(db: Executor, unitIds: string[], month: string): Promise<number> {
  return unitIds.length ? repo.farCount(db, unitIds, `${month}-01`, monthEnd(month)) : Promise.resolve(0);
}

/** Has the cadre's posting a record today (home page)? */
export async function recordedToday(ctx: Pick<AppContext, 'db' | 'clock'>, postingId: string) {
  return (await repo.findRecord(ctx.db, postingId, today(ctx))) !== undefined;
}

/** The month's 考勤表 as .xlsx (audited); nothing in scope for the month → 404 saying so. */
export async function exportReport(
  ctx: AppContext,
  actor: Actor,
  q: ReportQuery,
): Promise<{ name: string; content: Buffer }> {
  const rows = await reportRows(ctx, { ...actor.scope, mode: 'read' }, q.month, { batchId: q.batchId });
  if (rows.length === 0) throw new AppError('NOT_FOUND', { messageKey: 'attendance.nothingToExport' });
  const content = await reportWorkbook(q.month, rows, ctx.clock.now());
  await inTransaction(ctx, (tx) =>
    record(tx, whoOf(actor), {
      action: 'attendance.export',
      objectType: 'batch',
      objectId: q.batchId ?? null,
      diff: { month: { to: q.month }, rows: { to: rows.length } },
    }),
  );
  return { name: `${reportTitle(q.month)}.xlsx`, content };
}
