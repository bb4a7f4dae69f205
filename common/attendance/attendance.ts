/**
 * Attendance (issue 13 line 3, ADR 031), pure: the distance of a check-in from the receiving
 * unit's place, and a posting's month day by day — from the working-day calendar, the posting's
 * dates, its records (check-ins and the receiving unit's entries) and its approved leave — with
 * the month's totals. The page, the summary and the .xlsx report all read this one grid.
 */
import { addDay, type Half } from '../calendar/calendar.js';
import { t } from '../i18n/index.js';
import { LEAVE_KINDS, type LeaveKind } from '../leave/leave-moves.js';

export const ATTENDANCE_STATUSES = ['present', 'absent'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];
/** Who wrote a record: the cadre's own check-in, or the receiving unit (an absence, a correction). */
export const ATTENDANCE_SOURCES = ['checkin', 'manager'] as const;
export type AttendanceSource = (typeof ATTENDANCE_SOURCES)[number];

/** The place's radius when the receiving unit has set none (metres). */
export const DEFAULT_RADIUS_M = 1000;

const EARTH_RADIUS_M = 6_371_008.8;
const rad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance in metres between two points (degrees), by the haversine formula. */
export function haversineMetres(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The days of a month `YYYY-MM`, first to last. */
export function monthDays(month: string): string[] {
  const out: string[] = [];
  for (let d = `${month}-01`; d.startsWith(month); d = addDay(d)) out.push(d);
  return out;
}
/** The month before `YYYY-MM`. */
export const previousMonth = (month: string): string => addDay(`${month}-01`, -1).slice(0, 7);

export interface GridRecord {
  date: string;
  status: AttendanceStatus;
  source: AttendanceSource;
  far: boolean;
}
export interface GridLeave {
  kind: LeaveKind;
  startDate: string;
  startHalf: Half;
  endDate: string;
  endHalf: Half;
  /** The 销假 date: from that day on the cadre is back. */
  returnedOn: string | null;
  /** Approved and past its end without a 销假. */
  overdue: boolean;
}
export interface GridInput {
  month: string;
  isWorking: (date: string) => boolean;
  /** The posting's real start and its end (the day it stopped, else the end of term). */
  postingStart: string;
  postingEnd: string;
  records: readonly GridRecord[];
  /** Leave that holds days: approved, 待确认销假 or 已销假. */
  leaves: readonly GridLeave[];
  /** Today (China date): later days are not yet due. */
  today: string;
}

/**
 * One day of the grid:
 * - 'out': outside the posting's dates; 'future': not yet due (after today);
 * - 'rest': a day off without a record; 'present' / 'absent': a record;
 * - 'leave': leave for the whole working day; 'half': leave for half of it (the other half by
 *   the record, or nothing);
 * - 'missing': a working day, due, with no record and no leave (所缺记录).
 */
export type DayKind = 'out' | 'future' | 'rest' | 'present' | 'absent' | 'leave' | 'half' | 'missing';
export interface GridDay {
  date: string;
  kind: DayKind;
  working: boolean;
  leaveKind: LeaveKind | null;
  /** The record of the day (a half day's other half), if any. */
  status: AttendanceStatus | null;
  source: AttendanceSource | null;
  far: boolean;
}
export interface MonthTotals {
  /** Days on post: a record 在岗 (half a day beside half a day of leave). */
  present: number;
  /** Working days of leave by kind, halves counted 0.5. */
  leave: Partial<Record<LeaveKind, number>>;
  leaveTotal: number;
  absent: number;
  /** Working days due without any record (所缺记录). */
  missing: number;
  /** Leave of the month past its end without a 销假. */
  unreturned: number;
  far: number;
  /** The posting's working days in the month (due or not). */
  workingDays: number;
}

/** Which halves of `date` a leave holds (on any day, working or not). */
function leaveHalves(l: GridLeave, date: string): number {
  const end = l.returnedOn && l.returnedOn <= l.endDate ? addDay(l.returnedOn, -1) : l.endDate;
  if (date < l.startDate || date > end) return 0;
  const am = !(date === l.startDate && l.startHalf === 'pm');
  const pm = !(date === l.endDate && l.endHalf === 'am');
  return (am ? 1 : 0) + (pm ? 1 : 0);
}

export function monthGrid(input: GridInput): { days: GridDay[]; totals: MonthTotals } {
  const records = new Map(input.records.map((r) => [r.date, r]));
  const totals: MonthTotals = {
    present: 0,
    leave: {},
    leaveTotal: 0,
    absent: 0,
    missing: 0,
    unreturned: 0,
    far: 0,
    workingDays: 0,
  };
  const first = `${input.month}-01`;
  const days = monthDays(input.month).map((date): GridDay => {
    const working = input.isWorking(date);
    const base = { date, working, leaveKind: null, status: null, source: null, far: false };
    if (date < input.postingStart || date > input.postingEnd) return { ...base, kind: 'out' };
    if (working) totals.workingDays++;
    const r = records.get(date);
    const rec = r ? { status: r.status, source: r.source, far: r.far } : {};
    if (r?.far) totals.far++;
    // the receiving unit's entry is the day's word; else leave, then the check-in
    const leave = r?.source === 'manager' ? undefined : input.leaves.find((l) => leaveHalves(l, date) > 0);
    if (leave && working) {
      const halves = leaveHalves(leave, date);
      const share = halves / 2;
      totals.leave[leave.kind] = (totals.leave[leave.kind] ?? 0) + share;
      totals.leaveTotal += share;
      if (halves === 2) return { ...base, kind: 'leave', leaveKind: leave.kind };
      if (r?.status === 'present') totals.present += 0.5;
      if (r?.status === 'absent') totals.absent += 0.5;
      return { ...base, ...rec, kind: 'half', leaveKind: leave.kind };
    }
    if (r) {
      if (r.status === 'present') totals.present++;
      else totals.absent++;
      return { ...base, ...rec, kind: r.status };
    }
    if (!working) return { ...base, kind: 'rest' };
    if (date > input.today) return { ...base, kind: 'future' };
    totals.missing++;
    return { ...base, kind: 'missing' };
  });
  const last = days.at(-1)?.date ?? first;
  totals.unreturned = input.leaves.filter(
    (l) => l.overdue && l.startDate <= last && l.endDate >= first,
  ).length;
  return { days, totals };
}

/** The 考勤表's symbols. */
export const LEAVE_SYMBOLS: Record<LeaveKind, string> = {
  personal: '事',
  sick: '病',
  family_visit: '探',
  annual: '年',
  official_trip: '公',
  other: '假',
};
export const PRESENT_SYMBOL = '√';
export const ABSENT_SYMBOL = '×';
export const REST_SYMBOL = '○';

/** A day's symbol in the 考勤表 (blank: no record; a half day: the leave's and the other half's). */
export function daySymbol(d: GridDay): string {
  switch (d.kind) {
    case 'present':
      return PRESENT_SYMBOL;
    case 'absent':
      return ABSENT_SYMBOL;
    case 'rest':
      return REST_SYMBOL;
    case 'leave':
      return LEAVE_SYMBOLS[d.leaveKind as LeaveKind];
    case 'half':
      return `${LEAVE_SYMBOLS[d.leaveKind as LeaveKind]}${d.status === 'present' ? PRESENT_SYMBOL : d.status === 'absent' ? ABSENT_SYMBOL : ''}`;
    default:
      return '';
  }
}

/** The legend of the symbols, as one line. */
export function legend(): string {
  const items = [
    `${PRESENT_SYMBOL} ${t('attendanceStatus.present')}`,
    ...LEAVE_KINDS.map((k) => `${LEAVE_SYMBOLS[k]} ${t(`leaveKind.${k}`)}`),
    `${ABSENT_SYMBOL} ${t('attendanceStatus.absent')}`,
    `${REST_SYMBOL} ${t('attendance.symbol.rest')}`,
    t('attendance.symbol.blank'),
  ];
  return `${t('attendance.legend')}：${items.join('　')}`;
}

export const reportTitle = (month: string) =>
  t('attendance.report.title', { year: month.slice(0, 4), month: Number(month.slice(5, 7)) });
