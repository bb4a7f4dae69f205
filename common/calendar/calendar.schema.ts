import { z } from 'zod';
import { zName } from '../http/text.js';
import { CALENDAR_DAY_KINDS } from './calendar.js';

const zDate = z.iso.date({ message: 'date.day' });

export const zWorkingDaysQuery = z.object({
  from: zDate,
  to: zDate,
  /** A region code: its local days off count too. */
  region: z
    .string()
    .regex(/^\d{6}(\d{3})?$/)
    .optional(),
});
export type WorkingDaysQuery = z.output<typeof zWorkingDaysQuery>;

const zDayOut = z.object({ date: z.string(), kind: z.enum(CALENDAR_DAY_KINDS), name: z.string() });
export const zWorkingDays = z.object({
  from: z.string(),
  to: z.string(),
  workingDays: z.number().int(),
  holidays: z.array(zDayOut),
  makeUpDays: z.array(zDayOut),
});
export type WorkingDays = z.output<typeof zWorkingDays>;

/** A local day an administrator adds: a day off or a weekend day worked, for the country or a region. */
export const zCalendarDayInput = z.strictObject({
  date: zDate,
  kind: z.enum(CALENDAR_DAY_KINDS),
  name: zName(2, 40),
  /** A region code (its subtree) or null for the whole country. */
  regionCode: z
    .string()
    .regex(/^\d{6}(\d{3})?$/)
    .nullable(),
});
export type CalendarDayInput = z.output<typeof zCalendarDayInput>;

export const zCalendarYearInput = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  note: z.string().trim().max(200).nullable(),
});
export type CalendarYearInput = z.output<typeof zCalendarYearInput>;

export const zCalendarYearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) });

export const zCalendarDay = z.object({
  id: z.string(),
  date: z.string(),
  kind: z.enum(CALENDAR_DAY_KINDS),
  name: z.string(),
  regionPrefix: z.string(),
  createdAt: z.string(),
});
export type CalendarDayRecord = z.output<typeof zCalendarDay>;

/** A year's calendar for the admin page: whether it is known and from where, its days. */
export const zCalendarYear = z.object({
  year: z.number().int(),
  official: z.boolean(),
  added: z.boolean(),
  officialDays: z.array(zDayOut),
  localDays: z.array(zCalendarDay),
});
export type CalendarYear = z.output<typeof zCalendarYear>;
