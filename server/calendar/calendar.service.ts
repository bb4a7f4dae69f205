import { randomUUID } from 'node:crypto';
import { type CalendarDay, type WorkingCalendar, workingCalendar } from '../../common/calendar/calendar.js';
import type {
  CalendarDayInput,
  CalendarDayRecord,
  CalendarYear,
  CalendarYearInput,
  WorkingDays,
  WorkingDaysQuery,
} from '../../common/calendar/calendar.schema.js';
import { t } from '../../common/i18n/index.js';
import { record, whoOf } from '../audit/audit.service.js';
import { type Actor, type AppContext, authorOf } from '../core/context.js';
import type { Executor } from '../core/database.js';
import { AppError, fieldError, notFound } from '../core/errors.js';
import { regionCodePrefix } from '../core/scope.js';
import { inTransaction } from '../core/transaction.js';
import { OFFICIAL } from './calendar.official.js';
import * as repo from './calendar.repository.js';

/**
 * A 400 about one field, labelled with `label` (a key of the catalogue) rather than the shared
 * `field.<name>` label: the catalogue's `field.to` is a status move's target, `field.endDate` a
 * posting's new end of term — here they are a range's ends.
 */
export function labelledError(
  field: string,
  label: Parameters<typeof t>[0],
  key: Parameters<typeof t>[0],
  params?: Record<string, string | number>,
) {
  const message = t(key, params);
  return new AppError('VALIDATION_FAILED', {
    params: { detail: `${t(label)}（${message}）` },
    fields: [{ field, message }],
  });
}
const RANGE_LABELS: Record<string, Parameters<typeof t>[0]> = {
  from: 'calendar.field.from',
  to: 'calendar.field.to',
  startDate: 'leave.field.startDate',
  endDate: 'leave.field.endDate',
};
const rangeError = (field: string, key: Parameters<typeof t>[0], params?: Record<string, string | number>) =>
  RANGE_LABELS[field]
    ? labelledError(field, RANGE_LABELS[field], key, params)
    : fieldError(field, key, params);

/**
 * The calendar of [from, to] for a region (null: the country), refused with a 400 naming
 * the field of the range's end in of the range is neither the package's nor added by an administrator.
 */
export async function calendarFor(
  db: Executor,
  from: string,
  to: string,
  regionCode: string | null,
  fields: readonly [string, string] = ['from', 'to'],
): Promise<WorkingCalendar> {
  const [years, local] = await Promise.all([repo.addedYears(db), repo.localDays(db, from, to)]);
  const cal = workingCalendar(
    OFFICIAL,
    years,
    local.map((d) => ({ ...d, kind: d.kind as CalendarDay['kind'] })),
    regionCode,
  );
  const unknown = cal.unknownYear(from, to);
  if (unknown !== null) {
    const known = [...new Set([...OFFICIAL.years, ...years])].sort((a, b) => a - b);
    const unknownField = Number(from.slice(0, 4)) === unknown ? fields[0] : fields[1];
    throw rangeError(unknownField, 'calendar.unknownYear', {
      year: unknown,
      first: known[0] ?? '',
      last: known.at(-1) ?? '',
    });
  }
  return cal;
}

export async function workingDays(ctx: AppContext, q: WorkingDaysQuery): Promise<WorkingDays> {
  if (q.to < q.from) throw rangeError('to', 'calendar.toBeforeFrom');
  if (Number(q.to.slice(0, 4)) - Number(q.from.slice(0, 4)) > 2)
    throw rangeError('to', 'calendar.rangeTooLong');
  const cal = await calendarFor(ctx.db, q.from, q.to, q.region ?? null);
  return {
    from: q.from,
    to: q.to,
    workingDays: cal.workingDays(q.from, q.to),
    ...cal.specialDays(q.from, q.to),
  };
}

const toDay = (r: Awaited<ReturnType<typeof repo.localDays>>[number]): CalendarDayRecord => ({
  id: r.id,
  date: r.date,
  kind: r.kind as CalendarDay['kind'],
  name: r.name,
  regionPrefix: r.regionPrefix,
  createdAt: r.createdAt,
});

/** A year for the admin page: the official days (if any), the added ones, and whether it is known. */
export async function year(ctx: AppContext, y: number): Promise<CalendarYear> {
  const from = `${y}-01-01`;
  const to = `${y}-12-31`;
  const official = OFFICIAL.years.includes(y);
  const officialDays: CalendarDay[] = [];
  if (official) {
    const cal = workingCalendar(OFFICIAL, [], [], null);
    const { holidays, makeUpDays } = cal.specialDays(from, to);
    officialDays.push(...holidays, ...makeUpDays);
    officialDays.sort((a, b) => a.date.localeCompare(b.date));
  }
  return {
    year: y,
    official,
    added: await repo.hasYear(ctx.db, y),
    officialDays,
    localDays: (await repo.localDays(ctx.db, from, to)).map(toDay),
  };
}

/** Declares a year known before the package has it (its days are added one by one). */
export async function addYear(ctx: AppContext, actor: Actor, v: CalendarYearInput): Promise<CalendarYear> {
  return inTransaction(ctx, async (tx) => {
    if (OFFICIAL.years.includes(v.year) || (await repo.hasYear(tx.db, v.year)))
      throw fieldError('year', 'calendar.yearKnown', { year: v.year });
    await repo.insertYear(tx.db, {
      year: v.year,
      note: v.note,
      createdAt: tx.clock.now().toISOString(),
      createdBy: authorOf(actor),
    });
    await record(tx, whoOf(actor), {
      action: 'calendar.addYear',
      objectType: 'calendarYear',
      objectId: String(v.year),
      diff: { year: { to: v.year }, ...(v.note ? { note: { to: v.note } } : {}) },
    });
    return year(tx, v.year);
  });
}

/** A local day: a day off or a weekend day worked, for the whole country or one region. */
export async function addDayOf(
  ctx: AppContext,
  actor: Actor,
  v: CalendarDayInput,
): Promise<CalendarDayRecord> {
  const regionPrefix = v.regionCode ? regionCodePrefix(v.regionCode) : '';
  return inTransaction(ctx, async (tx) => {
    if (v.regionCode) {
      const region = await tx.db
        .selectFrom('regions')
        .select('code')
        .where('code', '=', v.regionCode)
        .executeTakeFirst();
      if (!region) throw fieldError('regionCode', 'unit.regionMissing');
    }
    if (await repo.dayAt(tx.db, v.date, regionPrefix))
      throw fieldError('date', 'calendar.dayTaken', { date: v.date });
    const row = {
      id: randomUUID(),
      date: v.date,
      kind: v.kind,
      name: v.name,
      regionPrefix,
      createdAt: tx.clock.now().toISOString(),
      createdBy: authorOf(actor),
    };
    await repo.insertDay(tx.db, row);
    await record(tx, whoOf(actor), {
      action: 'calendar.addDay',
      objectType: 'calendarDay',
      objectId: row.id,
      diff: {
        date: { to: v.date },
        kind: { to: v.kind },
        name: { to: v.name },
        region: { to: regionPrefix },
      },
    });
    return toDay(row);
  });
}

export async function removeDay(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const row = await repo.findDay(tx.db, id);
    if (!row) throw notFound();
    await repo.deleteDay(tx.db, id);
    await record(tx, whoOf(actor), {
      action: 'calendar.removeDay',
      objectType: 'calendarDay',
      objectId: id,
      diff: { date: { from: row.date }, kind: { from: row.kind }, name: { from: row.name } },
    });
  });
}
