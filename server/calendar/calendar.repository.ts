import type { Executor } from '../core/database.js';
import type { CalendarDaysTable } from './calendar.table.js';

export const addedYears = async (db: Executor): Promise<number[]> =>
  (await db.selectFrom('calendarYears').select('year').orderBy('year').execute()).map((r) => Number(r.year));

/** Local days in [from, to], every region. */
export function localDays(db: Executor, from: string, to: string) {
  return db
    .selectFrom('calendarDays')
    .selectAll()
    .where('date', '>=', from)
    .where('date', '<=', to)
    .orderBy('date')
    .orderBy('regionPrefix')
    .execute();
}

export async function insertDay(db: Executor, row: CalendarDaysTable): Promise<void> {
  await db.insertInto('calendarDays').values(row).execute();
}

export function findDay(db: Executor, id: string) {
  return db.selectFrom('calendarDays').selectAll().where('id', '=', id).executeTakeFirst();
}

export function dayAt(db: Executor, date: string, regionPrefix: string) {
  return db
    .selectFrom('calendarDays')
    .select('id')
    .where('date', '=', date)
    .where('regionPrefix', '=', regionPrefix)
    .executeTakeFirst();
}

export async function deleteDay(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('calendarDays').where('id', '=', id).execute();
}

export const hasYear = async (db: Executor, year: number) =>
  (await db.selectFrom('calendarYears').select('year').where('year', '=', year).executeTakeFirst()) !==
  undefined;

export async function insertYear(
  db: Executor,
  row: { year: number; note: string | null; createdAt: string; createdBy: string | null },
) {
  await db.insertInto('calendarYears').values(row).execute();
}
