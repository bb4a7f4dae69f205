import type { Executor } from '../core/database.js';
import type {
  DocumentBatchesTable,
  DocumentBatchRow,
  DocumentSettingsRow,
  DocumentSettingsTable,
} from './documents.table.js';

export function findSettings(db: Executor, regionCode: string): Promise<DocumentSettingsRow | undefined> {
  return db
    .selectFrom('documentSettings')
    .selectAll()
    .where('regionCode', '=', regionCode)
    .executeTakeFirst();
}

/** Inserts the first row (version null) or updates the one at `version`; false: someone was first. */
export async function saveSettings(
  db: Executor,
  row: DocumentSettingsTable,
  version: number | null,
): Promise<boolean> {
  if (version === null) {
    const taken = await findSettings(db, row.regionCode);
    if (taken) return false;
    await db.insertInto('documentSettings').values(row).execute();
    return true;
  }
  const { regionCode, ...values } = row;
  const r = await db
    .updateTable('documentSettings')
    .set(values)
    .where('regionCode', '=', regionCode)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export function regionName(db: Executor, code: string) {
  return db.selectFrom('regions').select(['name', 'fullName']).where('code', '=', code).executeTakeFirst();
}

/**
 * The name list of a confirmed run: for each assigned pair the cadre's 姓名, 性别, 出生年月 (none of
 * them sealed: the ID number and phone are never read here), 原单位及职务, the post and the
 * receiving unit with its region; in the order of the 拟任名单.
 */
export function noticeRows(db: Executor, runId: string) {
  return db
    .selectFrom('matchingAssignments as a')
    .innerJoin('nominations as n', 'n.id', 'a.nominationId')
    .innerJoin('cadres as c', 'c.id', 'n.cadreId')
    .innerJoin('units as su', 'su.id', 'n.unitId')
    .innerJoin('postRequests as p', 'p.id', 'a.postRequestId')
    .innerJoin('units as ru', 'ru.id', 'p.unitId')
    .select([
      'c.name as cadreName',
      'c.gender',
      'c.birthDate',
      'c.position',
      'su.name as sendingUnitName',
      'p.title as postTitle',
      'ru.name as receivingUnitName',
      'ru.regionCode as receivingRegionCode',
    ])
    .where('a.runId', '=', runId)
    .orderBy('ru.namePinyin')
    .orderBy('p.title')
    .orderBy('c.namePinyin')
    .orderBy('a.nominationId')
    .execute();
}
export type NoticeRow = Awaited<ReturnType<typeof noticeRows>>[number];

export function regionNames(db: Executor, codes: string[]) {
  if (codes.length === 0) return Promise.resolve([]);
  return db.selectFrom('regions').select(['code', 'name']).where('code', 'in', codes).execute();
}

// ---- batch generation (ADR 040) ----

/** What a batch generation packs: each record's id, its cadre and the cadre's (sending) unit. */
export interface BatchItem {
  id: string;
  cadreName: string;
  unitName: string;
}

/** The monthly reports of a batch's postings for one month, by unit and name. */
export function batchMonthlyItems(db: Executor, batchId: string, month: string): Promise<BatchItem[]> {
  return db
    .selectFrom('monthlyReports as m')
    .innerJoin('postings as ps', 'ps.id', 'm.postingId')
    .innerJoin('cadres as c', 'c.id', 'ps.cadreId')
    .innerJoin('units as su', 'su.id', 'ps.sendingUnitId')
    .select(['m.id', 'c.name as cadreName', 'su.name as unitName'])
    .where('ps.batchId', '=', batchId)
    .where('m.month', '=', month)
    .orderBy('su.name')
    .orderBy('c.name')
    .orderBy('m.id')
    .execute();
}

/** The leave requests of a batch's postings that touch one month (first to last day). */
export function batchLeaveItems(
  db: Executor,
  batchId: string,
  first: string,
  last: string,
): Promise<BatchItem[]> {
  return db
    .selectFrom('leaveRequests as lr')
    .innerJoin('postings as ps', 'ps.id', 'lr.postingId')
    .innerJoin('cadres as c', 'c.id', 'lr.cadreId')
    .innerJoin('units as su', 'su.id', 'ps.sendingUnitId')
    .select(['lr.id', 'c.name as cadreName', 'su.name as unitName'])
    .where('ps.batchId', '=', batchId)
    .where('lr.startDate', '<=', last)
    .where('lr.endDate', '>=', first)
    .orderBy('su.name')
    .orderBy('c.name')
    .orderBy('lr.startDate')
    .orderBy('lr.id')
    .execute();
}

export async function insertDocumentBatch(db: Executor, row: DocumentBatchesTable): Promise<void> {
  await db.insertInto('documentBatches').values(row).execute();
}

export function findDocumentBatch(db: Executor, id: string): Promise<DocumentBatchRow | undefined> {
  return db.selectFrom('documentBatches').selectAll().where('id', '=', id).executeTakeFirst();
}

export function documentBatchesOf(db: Executor, batchId: string): Promise<DocumentBatchRow[]> {
  return db
    .selectFrom('documentBatches')
    .selectAll()
    .where('batchId', '=', batchId)
    .orderBy('startedAt', 'desc')
    .orderBy('id')
    .limit(20)
    .execute();
}

export function runningDocumentBatches(db: Executor): Promise<DocumentBatchRow[]> {
  return db.selectFrom('documentBatches').selectAll().where('status', '=', 'running').execute();
}

/** Updates a run only while it has `status` (a cancelled run is not overwritten); rows changed. */
export async function updateDocumentBatchWhile(
  db: Executor,
  id: string,
  status: string,
  patch: Partial<Omit<DocumentBatchesTable, 'id' | 'batchId'>>,
): Promise<number> {
  const r = await db
    .updateTable('documentBatches')
    .set(patch)
    .where('id', '=', id)
    .where('status', '=', status)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}
