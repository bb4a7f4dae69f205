/**
 * The working-day calendar (issue 13 line 2, ADR 029), pure: the official holidays and make-up
 * working days (调休) of the published years, with the local additions an administrator keeps
 * (a year before the data package has it, a province's extra day off). Dates are `YYYY-MM-DD`.
 */

export const CALENDAR_DAY_KINDS = ['holiday', 'makeup_workday'] as const;
export type CalendarDayKind = (typeof CALENDAR_DAY_KINDS)[number];

export interface CalendarDay {
  date: string;
  kind: CalendarDayKind;
  name: string;
}

/** A local addition: for the whole country (regionPrefix '') or a region subtree. */
export interface LocalDay extends CalendarDay {
  regionPrefix: string;
}

export interface OfficialCalendar {
  /** Years the official data covers. */
  years: readonly number[];
  /** date → name of the official days off and make-up working days. */
  holidays: Readonly<Record<string, string>>;
  workdays: Readonly<Record<string, string>>;
}

const DAY_MS = 86_400_000;
export const addDay = (date: string, days = 1): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
const weekend = (date: string): boolean => {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 || d === 6;
};
/** The package names a day "English,中文,n": the Chinese name is what users read. */
const chineseName = (name: string): string => name.split(',')[1] ?? name;

export interface WorkingCalendar {
  /** Is every year of the range known (official or added)? The first unknown year otherwise. */
  unknownYear(from: string, to: string): number | null;
  isWorking(date: string): boolean;
  /** The holidays (with the weekend days they include) and the weekend days worked in the range. */
  specialDays(from: string, to: string): { holidays: CalendarDay[]; makeUpDays: CalendarDay[] };
  /** Working days in [from, to]. */
  workingDays(from: string, to: string): number;
}

/**
 * The calendar for a region (a code, or null for the country): local days of a matching prefix
 * win over the official ones (the longer prefix over the shorter), and an added year counts
 * as known with its weekends and its added days.
 */
export function workingCalendar(
  official: OfficialCalendar,
  addedYears: readonly number[],
  local: readonly LocalDay[],
  regionCode: string | null,
): WorkingCalendar {
  const years = new Set([...official.years, ...addedYears]);
  const overrides = new Map<string, LocalDay>();
  for (const d of [...local].sort((a, b) => a.regionPrefix.length - b.regionPrefix.length)) {
    if (d.regionPrefix === '' || (regionCode?.startsWith(d.regionPrefix) ?? false)) overrides.set(d.date, d);
  }
  const dayOf = (date: string): CalendarDay | null => {
    const o = overrides.get(date);
    if (o) return o;
    const h = official.holidays[date];
    if (h) return { date, kind: 'holiday', name: chineseName(h) };
    const w = official.workdays[date];
    if (w) return { date, kind: 'makeup_workday', name: chineseName(w) };
    return null;
  };
  const isWorking = (date: string): boolean => {
    const d = dayOf(date);
    return d ? d.kind === 'makeup_workday' : !weekend(date);
  };
  return {
    unknownYear(from, to) {
      for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) if (!years.has(y)) return y;
      return null;
    },
    isWorking,
    specialDays(from, to) {
      const holidays: CalendarDay[] = [];
      const makeUpDays: CalendarDay[] = [];
      for (let d = from; d <= to; d = addDay(d)) {
        const day = dayOf(d);
        if (day?.kind === 'holiday') holidays.push(day);
        if (day?.kind === 'makeup_workday') makeUpDays.push(day);
      }
      return { holidays, makeUpDays };
    },
    workingDays(from, to) {
      let n = 0;
      for (let d = from; d <= to; d = addDay(d)) if (isWorking(d)) n++;
      return n;
    },
  };
}

export const HALVES = ['am', 'pm'] as const;
export type Half = (typeof HALVES)[number];

/**
 * A leave's length in half working days: from `startDate` (its afternoon only when startHalf
 * is 'pm') to `endDate` (its morning only when endHalf is 'am'). A half day on a day off counts
 * nothing; a leave within one day from the afternoon until noon is empty.
 */
export function leaveHalfDays(
  cal: Pick<WorkingCalendar, 'isWorking'>,
  startDate: string,
  startHalf: Half,
  endDate: string,
  endHalf: Half,
): number {
  let halves = 0;
  for (let d = startDate; d <= endDate; d = addDay(d)) {
    if (!cal.isWorking(d)) continue;
    const am = !(d === startDate && startHalf === 'pm');
    const pm = !(d === endDate && endHalf === 'am');
    halves += (am ? 1 : 0) + (pm ? 1 : 0);
  }
  return halves;
}
