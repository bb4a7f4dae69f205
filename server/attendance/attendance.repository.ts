import type { Executor } from '../core/database.js';
import type { Party, Reach, Scope } from '../core/scope.js';
import { reachCondition } from '../core/scope.js';
import { LEAVE_CADRE, LEAVE_SENDING_UNIT } from '../leave/leave.repository.js';
import {
  type PostingView,
  postingsView,
  RECEIVING_ORGANISER,
  RECEIVING_UNIT,
} from '../postings/postings.repository.js';
import { PROGRAMME_ORGANISER } from '../programmes/programmes.repository.js';
import type {
  AttendancePlacesTable,
  AttendanceRecordRow,
  AttendanceRecordsTable,
} from './attendance.table.js';

/**
 * Who reads a posting's attendance: its five owners — the cadre, the sending unit (read-only:
 * dual management, it watches), the receiving unit and both 组织部 (ADR 031).
 */
export const ATTENDANCE_REACH: Reach = {
  parties: [LEAVE_CADRE, LEAVE_SENDING_UNIT, RECEIVING_UNIT, RECEIVING_ORGANISER, PROGRAMME_ORGANISER],
};
/** The cadre's own check-in. */
export const CHECKIN_REACH: Reach = { parties: [LEAVE_CADRE] };
/** The receiving unit records absences and corrects days. */
export const RECORD_REACH: Reach = { parties: [RECEIVING_UNIT] };
/** A unit's place is kept by that unit (rows `{ unitId }`). */
const PLACE_UNIT: Party = { unit: { column: 'u.id', key: 'unitId' } };
export const PLACE_REACH: Reach = { parties: [PLACE_UNIT] };

/** Leave that holds days in the grid. */
export const COUNTED_LEAVE = ['approved', 'returning', 'returned'] as const;
/** The most postings one report answers (a batch is at most a few thousand). */
export const REPORT_MAX = 5000;

/** Postings in the scope with a real start, overlapping [from, to]; a batch's only, if given. */
export function postingsBetween(
  db: Executor,
  scope: Scope,
  from: string,
  to: string,
  filter: { batchId?: string | undefined; receivingUnitIds?: string[] } = {},
): Promise<PostingView[]> {
  let q = postingsView(db)
    .where(reachCondition(scope, ATTENDANCE_REACH))
    .where('ps.startDate', 'is not', null)
    .where('ps.startDate', '<=', to)
    .where((eb) => eb(eb.fn.coalesce('ps.finishedOn', 'ps.endDate'), '>=', from));
  if (filter.batchId) q = q.where('ps.batchId', '=', filter.batchId);
  if (filter.receivingUnitIds) q = q.where('ps.receivingUnitId', 'in', filter.receivingUnitIds);
  return q.orderBy('ru.name').orderBy('c.namePinyin').orderBy('ps.id').limit(REPORT_MAX).execute() as Promise<
    PostingView[]
  >;
}

const chunks = <T>(items: T[], size = 500): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

export async function recordsBetween(
  db: Executor,
  postingIds: string[],
  from: string,
  to: string,
): Promise<AttendanceRecordRow[]> {
  const out: AttendanceRecordRow[] = [];
  for (const ids of chunks(postingIds))
    out.push(
      ...(await db
        .selectFrom('attendanceRecords')
        .selectAll()
        .where('postingId', 'in', ids)
        .where('date', '>=', from)
        .where('date', '<=', to)
        .orderBy('date')
        .execute()),
    );
  return out;
}

export async function leaveBetween(db: Executor, postingIds: string[], from: string, to: string) {
  const out = [];
  for (const ids of chunks(postingIds))
    out.push(
      ...(await db
        .selectFrom('leaveRequests')
        .select(['postingId', 'kind', 'startDate', 'startHalf', 'endDate', 'endHalf', 'status', 'returnedOn'])
        .where('postingId', 'in', ids)
        .where('status', 'in', [...COUNTED_LEAVE])
        .where('startDate', '<=', to)
        .where('endDate', '>=', from)
        .orderBy('startDate')
        .execute()),
    );
  return out;
}

export function findRecord(db: Executor, postingId: string, date: string) {
  return db
    .selectFrom('attendanceRecords')
    .selectAll()
    .where('postingId', '=', postingId)
    .where('date', '=', date)
    .executeTakeFirst();
}

/** Inserts the day's record unless the posting has one for that day: was it inserted? */
export async function insertRecord(db: Executor, row: AttendanceRecordsTable): Promise<boolean> {
  const done = await db
    .insertInto('attendanceRecords')
    .values(row)
    .onConflict((oc) => oc.columns(['postingId', 'date']).doNothing())
    .executeTakeFirst();
  return Number(done.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function updateRecord(
  db: Executor,
  id: string,
  set: Pick<AttendanceRecordsTable, 'status' | 'source' | 'far' | 'reason' | 'updatedAt' | 'updatedBy'>,
): Promise<void> {
  await db.updateTable('attendanceRecords').set(set).where('id', '=', id).execute();
}

export function findUnit(db: Executor, unitId: string) {
  return db
    .selectFrom('units as u')
    .leftJoin('attendancePlaces as ap', 'ap.unitId', 'u.id')
    .select(['u.id as unitId', 'u.name as unitName', 'ap.lat', 'ap.lng', 'ap.radiusM', 'ap.updatedAt'])
    .where('u.id', '=', unitId)
    .executeTakeFirst();
}

export function placeOf(db: Executor, unitId: string) {
  return db.selectFrom('attendancePlaces').selectAll().where('unitId', '=', unitId).executeTakeFirst();
}

export async function savePlace(db: Executor, row: AttendancePlacesTable): Promise<void> {
  await db
    .insertInto('attendancePlaces')
    .values(row)
    .onConflict((oc) =>
      oc.column('unitId').doUpdateSet({
        lat: row.lat,
        lng: row.lng,
        radiusM: row.radiusM,
        updatedAt: row.updatedAt,
        updatedBy: row.updatedBy,
      }),
    )
    .execute();
}

/** Check-ins farther than the place's radius, not since corrected, at these receiving units. */
export async function farCount(db: Executor, unitIds: string[], from: string, to: string): Promise<number> {
  const row = await db
    .selectFrom('attendanceRecords as ar')
    .innerJoin('postings as ps', 'ps.id', 'ar.postingId')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('ps.receivingUnitId', 'in', unitIds)
    .where('ar.far', '=', 1)
    .where('ar.source', '=', 'checkin')
    .where('ar.date', '>=', from)
    .where('ar.date', '<=', to)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
