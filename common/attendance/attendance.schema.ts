import { z } from 'zod';
import { zId } from '../http/ids.schema.js';
import { zMultiline } from '../http/text.js';
import { LEAVE_KINDS } from '../leave/leave-moves.js';
import { ATTENDANCE_SOURCES, ATTENDANCE_STATUSES } from './attendance.js';

export const zMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'date.month' });
const zDate = z.iso.date({ message: 'date.day' });

/** The browser's position when the cadre allows it (navigator.geolocation). */
export const zLocation = z.strictObject({
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
  /** metres */
  accuracy: z.number().min(0).max(100_000).nullable(),
});
export const zCheckInInput = z.strictObject({ postingId: zId, location: zLocation.nullable() });
export type CheckInInput = z.output<typeof zCheckInInput>;

/** The receiving unit's entry for a day: an absence (缺勤) or a correction, always with a reason. */
export const zDayInput = z.strictObject({ status: z.enum(ATTENDANCE_STATUSES), reason: zMultiline(2, 200) });
export type DayInput = z.output<typeof zDayInput>;
export const zDayParams = z.object({ id: zId, date: zDate });

export const zMonthQuery = z.strictObject({ month: zMonth });
export const zReportQuery = z.strictObject({ month: zMonth, batchId: zId.optional() });
export type ReportQuery = z.output<typeof zReportQuery>;

export const zPlaceInput = z.strictObject({
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
  radiusM: z.number().int().min(50).max(50_000),
});
export type PlaceInput = z.output<typeof zPlaceInput>;
export const zPlace = z.object({
  unitId: z.string(),
  unitName: z.string(),
  /** Null until the unit sets its place (check-ins are then never marked far). */
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  radiusM: z.number().int(),
  updatedAt: z.string().nullable(),
});
export type Place = z.output<typeof zPlace>;
export const zUnitParams = z.object({ unitId: zId });

export const zGridDay = z.object({
  date: z.string(),
  kind: z.enum(['out', 'future', 'rest', 'present', 'absent', 'leave', 'half', 'missing']),
  working: z.boolean(),
  leaveKind: z.enum(LEAVE_KINDS).nullable(),
  status: z.enum(ATTENDANCE_STATUSES).nullable(),
  source: z.enum(ATTENDANCE_SOURCES).nullable(),
  far: z.boolean(),
  /** The 考勤表 symbol. */
  symbol: z.string(),
});
export type GridDayOut = z.output<typeof zGridDay>;
export const zTotals = z.object({
  present: z.number(),
  leave: z.partialRecord(z.enum(LEAVE_KINDS), z.number()),
  leaveTotal: z.number(),
  absent: z.number(),
  missing: z.number(),
  unreturned: z.number(),
  far: z.number(),
  workingDays: z.number(),
});

/** One record as the receiving unit reads it (a far check-in's distance, a correction's reason). */
export const zRecord = z.object({
  date: z.string(),
  status: z.enum(ATTENDANCE_STATUSES),
  source: z.enum(ATTENDANCE_SOURCES),
  far: z.boolean(),
  distanceM: z.number().nullable(),
  accuracy: z.number().nullable(),
  reason: z.string().nullable(),
  at: z.string(),
});

export const zPostingHead = z.object({
  postingId: z.string(),
  cadreName: z.string(),
  title: z.string(),
  sendingUnitName: z.string(),
  receivingUnitId: z.string(),
  receivingUnitName: z.string(),
  batchName: z.string(),
  startDate: z.string(),
  endDate: z.string(),
});

export const zPostingMonth = zPostingHead.extend({
  month: z.string(),
  today: z.string(),
  /** Today's record, if any (the phone page's status). */
  todayStatus: z.enum(ATTENDANCE_STATUSES).nullable(),
  days: z.array(zGridDay),
  totals: zTotals,
  records: z.array(zRecord),
  /** What the caller may do: checkIn (today, on an active posting), record (the receiving unit). */
  actions: z.array(z.enum(['checkIn', 'record'])),
});
export type PostingMonth = z.output<typeof zPostingMonth>;

export const zReportRow = zPostingHead.extend({ days: z.array(zGridDay), totals: zTotals });
export type ReportRow = z.output<typeof zReportRow>;
export const zReport = z.object({
  month: z.string(),
  /** Due to the 组织部 by this day (the 5th of the next month). */
  dueBy: z.string(),
  days: z.array(z.object({ date: z.string(), working: z.boolean() })),
  items: z.array(zReportRow),
  total: z.number().int(),
});
export type Report = z.output<typeof zReport>;
