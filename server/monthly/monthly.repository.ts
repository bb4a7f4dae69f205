import type { MonthlyListParams } from '../../common/monthly/monthly.schema.js';
import type { Executor } from '../core/database.js';
import { type Party, type Reach, reachCondition, type Scope } from '../core/scope.js';
import { paged } from '../core/search.js';
import { RECEIVING_ORGANISER, RECEIVING_UNIT, SENDING_UNIT } from '../postings/postings.repository.js';
import { PROGRAMME_ORGANISER } from '../programmes/programmes.repository.js';
import type { MonthlyReportRow, MonthlyReportsTable, MonthlyReportVersionsTable } from './monthly.table.js';

export type MonthlyView = MonthlyReportRow & {
  postingTitle: string;
  programmeRegionCode: string;
  sendingUnitId: string;
  sendingUnitName: string;
  receivingUnitId: string;
  receivingUnitName: string;
  receivingRegionCode: string;
  cadreName: string;
  cadreUserId: string | null;
};

/** The cadre's own account: writes and submits the report. */
export const MONTHLY_CADRE: Party = { user: { column: 'c.userId', key: 'cadreUserId' } };
const reading = (p: Party): Party => ({ ...p, readOnly: true });

/**
 * The posting's five owners read its reports: the cadre, the receiving unit (which signs them
 * off), and reading only the sending unit and both 组织部.
 */
export const MONTHLY_REACH: Reach = {
  parties: [
    MONTHLY_CADRE,
    RECEIVING_UNIT,
    reading(SENDING_UNIT),
    reading(RECEIVING_ORGANISER),
    reading(PROGRAMME_ORGANISER),
  ],
};
/** Who writes and submits: the cadre. */
export const MONTHLY_WRITE_REACH: Reach = { parties: [MONTHLY_CADRE] };
/** Who signs off or returns: the receiving unit. */
export const MONTHLY_REVIEW_REACH: Reach = { parties: [RECEIVING_UNIT] };

function view(db: Executor) {
  return db
    .selectFrom('monthlyReports as m')
    .innerJoin('postings as ps', 'ps.id', 'm.postingId')
    .innerJoin('programmes as g', 'g.id', 'ps.programmeId')
    .innerJoin('cadres as c', 'c.id', 'ps.cadreId')
    .innerJoin('units as su', 'su.id', 'ps.sendingUnitId')
    .innerJoin('units as ru', 'ru.id', 'ps.receivingUnitId')
    .selectAll('m')
    .select([
      'ps.title as postingTitle',
      'g.regionCode as programmeRegionCode',
      'ps.sendingUnitId',
      'su.name as sendingUnitName',
      'ps.receivingUnitId',
      'ru.name as receivingUnitName',
      'ps.receivingRegionCode',
      'c.name as cadreName',
      'c.userId as cadreUserId',
    ]);
}

export async function listReports(db: Executor, p: MonthlyListParams, scope: Scope) {
  let q = view(db).where(reachCondition(scope, MONTHLY_REACH));
  if (p.postingId) q = q.where('m.postingId', '=', p.postingId);
  if (p.batchId) q = q.where('ps.batchId', '=', p.batchId);
  if (p.month) q = q.where('m.month', '=', p.month);
  if (p.status) q = q.where('m.status', '=', p.status);
  const dir = p.order === 'asc' ? 'desc' : 'asc';
  const { rows, ...count } = await paged(db, q, p, (page) =>
    page.orderBy('m.month', dir).orderBy('m.id', dir),
  );
  return { rows: rows as MonthlyView[], ...count };
}

export function findReport(db: Executor, id: string): Promise<MonthlyView | undefined> {
  return view(db).where('m.id', '=', id).executeTakeFirst() as Promise<MonthlyView | undefined>;
}

export function findByMonth(db: Executor, postingId: string, month: string) {
  return db
    .selectFrom('monthlyReports')
    .select('id')
    .where('postingId', '=', postingId)
    .where('month', '=', month)
    .executeTakeFirst();
}

export async function insertReport(db: Executor, row: MonthlyReportsTable): Promise<void> {
  await db.insertInto('monthlyReports').values(row).execute();
}

/** Keeps a version: the next seq of the report. */
export async function insertVersion(
  db: Executor,
  row: Omit<MonthlyReportVersionsTable, 'seq'>,
): Promise<void> {
  const last = await db
    .selectFrom('monthlyReportVersions')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('reportId', '=', row.reportId)
    .executeTakeFirst();
  await db
    .insertInto('monthlyReportVersions')
    .values({ ...row, seq: Number(last?.seq ?? 0) + 1 })
    .execute();
}

export function versionsOf(db: Executor, reportId: string) {
  return db
    .selectFrom('monthlyReportVersions as v')
    .leftJoin('users as u', 'u.id', 'v.author')
    .select(['v.seq', 'v.status', 'v.summary', 'v.plan', 'v.at', 'u.displayName as by'])
    .where('v.reportId', '=', reportId)
    .orderBy('v.seq', 'desc')
    .execute();
}
