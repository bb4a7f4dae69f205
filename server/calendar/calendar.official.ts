import { createRequire } from 'node:module';
import type { OfficialCalendar } from '../../common/calendar/calendar.js';

/**
 * The official calendar from the `chinese-days` package (MIT), which tracks the State
 * Council's notices (ADR 029): its data file's days off and make-up working days, and the years
 * it covers (those with any day in it). A new release of the package adds a year.
 */
const data = createRequire(import.meta.url)('chinese-days/dist/chinese-days.json') as {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
};

export const OFFICIAL: OfficialCalendar = {
  years: [...new Set(Object.keys(data.holidays).map((d) => Number(d.slice(0, 4))))].sort((a, b) => a - b),
  holidays: data.holidays,
  workdays: data.workdays,
};
