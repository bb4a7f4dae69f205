import type { PostingListParams } from '../../common/postings/postings.schema.js';
import type { Executor } from '../core/database.js';
import { type Party, type Reach, reachCondition, type Scope } from '../core/scope.js';
import { nameSearch, paged } from '../core/search.js';
import { lastSeq } from '../core/status-history.repository.js';
import { PROGRAMME_ORGANISER } from '../programmes/programmes.repository.js';
import type { PostingEventsTable, PostingRow, PostingsTable } from './postings.table.js';

export type PostingView = PostingRow & {
  batchName: string;
  programmeName: string;
  programmeRegionCode: string;
  cadreName: string;
  cadreUserId: string | null;
  sendingUnitName: string;
  receivingUnitName: string;
  receivingRegionName: string;
};

/** The sending unit (its liaison). */
export const SENDING_UNIT: Party = { unit: { column: 'ps.sendingUnitId', key: 'sendingUnitId' } };
/** The receiving unit (its manager). */
export const RECEIVING_UNIT: Party = { unit: { column: 'ps.receivingUnitId', key: 'receivingUnitId' } };
/** The 组织部 of the receiving unit's region. */
export const RECEIVING_ORGANISER: Party = {
  region: { column: 'ps.receivingRegionCode', key: 'receivingRegionCode' },
};
/** The cadre's own account: reading only — a cadre never moves a posting. */
export const POSTED_CADRE: Party = { user: { column: 'c.userId', key: 'cadreUserId' }, readOnly: true };

/**
 * The five owners of a posting (issue 12 line 5): the cadre, the sending unit, the receiving
 * unit, the receiving region's 组织部 and the programme's 组织部 — and nobody else.
 */
export const POSTINGS_REACH: Reach = {
  parties: [POSTED_CADRE, SENDING_UNIT, RECEIVING_UNIT, RECEIVING_ORGANISER, PROGRAMME_ORGANISER],
};

/** Who may make a move besides the 组织部: the unit its policy line names (ADR 024). */
export const moveReach = (unit: Party | null): Reach => ({
  parties: [...(unit ? [unit] : []), RECEIVING_ORGANISER, PROGRAMME_ORGANISER],
});

/** A posting with its names (aliases ps, b, g, c, su, ru, rr): other capabilities' lists join onto it. */
export function postingsView(db: Executor) {
  return view(db);
}

function view(db: Executor) {
  return db
    .selectFrom('postings as ps')
    .innerJoin('batches as b', 'b.id', 'ps.batchId')
    .innerJoin('programmes as g', 'g.id', 'ps.programmeId')
    .innerJoin('cadres as c', 'c.id', 'ps.cadreId')
    .innerJoin('units as su', 'su.id', 'ps.sendingUnitId')
    .innerJoin('units as ru', 'ru.id', 'ps.receivingUnitId')
    .innerJoin('regions as rr', 'rr.code', 'ps.receivingRegionCode')
    .selectAll('ps')
    .select([
      'b.name as batchName',
      'g.name as programmeName',
      'g.regionCode as programmeRegionCode',
      'c.name as cadreName',
      'c.userId as cadreUserId',
      'su.name as sendingUnitName',
      'ru.name as receivingUnitName',
      'rr.fullName as receivingRegionName',
    ]);
}

const SORTS = {
  createdAt: 'ps.createdAt',
  endDate: 'ps.endDate',
  status: 'ps.status',
  cadreName: 'c.namePinyin',
} as const;

export async function listPostings(db: Executor, p: PostingListParams, scope: Scope) {
  let q = view(db).where(reachCondition(scope, POSTINGS_REACH));
  if (p.batchId) q = q.where('ps.batchId', '=', p.batchId);
  if (p.status) q = q.where('ps.status', '=', p.status);
  if (p.unitId) {
    const unitId = p.unitId;
    q = q.where((eb) => eb.or([eb('ps.sendingUnitId', '=', unitId), eb('ps.receivingUnitId', '=', unitId)]));
  }
  if (p.q)
    q = q.where(
      nameSearch(p.q, {
        names: ['c.name', 'ps.title', 'ru.name'],
        pinyin: ['c.namePinyin', 'c.nameInitials'],
      }),
    );
  const { rows, ...count } = await paged(db, q, p, (page) =>
    page.orderBy(SORTS[p.sort], p.order).orderBy('ps.id'),
  );
  return { rows: rows as PostingView[], ...count };
}

export function findPosting(db: Executor, id: string): Promise<PostingView | undefined> {
  return view(db).where('ps.id', '=', id).executeTakeFirst() as Promise<PostingView | undefined>;
}

export async function insertPosting(db: Executor, row: PostingsTable): Promise<void> {
  await db.insertInto('postings').values(row).execute();
}

/** The cadres among these who already hold a 拟任 or 在岗 posting. */
export async function cadresWithCurrent(db: Executor, cadreIds: string[]): Promise<Set<string>> {
  const out = new Set<string>();
  const ids = [...new Set(cadreIds)];
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('postings')
      .select('cadreId')
      .where('cadreId', 'in', ids.slice(i, i + 500))
      .where('status', 'in', ['proposed', 'active'])
      .execute();
    for (const r of rows) out.add(r.cadreId);
  }
  return out;
}

export async function postingOfNomination(db: Executor, nominationId: string) {
  return db.selectFrom('postings').select('id').where('nominationId', '=', nominationId).executeTakeFirst();
}

/** The particulars of the record's latest move (its status history row's seq). */
export async function insertEvent(db: Executor, row: Omit<PostingEventsTable, 'seq'>): Promise<void> {
  const seq = await lastSeq(db, 'posting', row.postingId);
  await db
    .insertInto('postingEvents')
    .values({ ...row, seq })
    .execute();
}

export function eventsOf(db: Executor, postingId: string) {
  return db.selectFrom('postingEvents').selectAll().where('postingId', '=', postingId).execute();
}

// ---- for the home pages and the reminders (issue 12 lines 6–7) ----

/** How many postings the scope reaches in each status (a home page's counts). */
export async function statusCounts(db: Executor, scope: Scope): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('postings as ps')
    .innerJoin('programmes as g', 'g.id', 'ps.programmeId')
    .innerJoin('cadres as c', 'c.id', 'ps.cadreId')
    .where(reachCondition(scope, POSTINGS_REACH))
    .select((eb) => ['ps.status', eb.fn.countAll<number | string>().as('n')])
    .groupBy('ps.status')
    .execute();
  return new Map(rows.map((r) => [r.status, Number(r.n)]));
}

/** 在岗 postings whose term ends on one of these days (`YYYY-MM-DD`): the "ends in 30 / 7 days" reminders. */
export function activeEndingOn(db: Executor, days: string[]): Promise<PostingView[]> {
  if (days.length === 0) return Promise.resolve([]);
  return view(db)
    .where('ps.status', '=', 'active')
    .where('ps.endDate', 'in', days)
    .orderBy('ps.endDate')
    .orderBy('ps.id')
    .execute() as Promise<PostingView[]>;
}

/** 拟任 postings proposed before this instant whose hand-over is not recorded yet. */
export function proposedSince(db: Executor, before: string): Promise<PostingView[]> {
  return view(db)
    .where('ps.status', '=', 'proposed')
    .where('ps.createdAt', '<', before)
    .orderBy('ps.createdAt')
    .orderBy('ps.id')
    .execute() as Promise<PostingView[]>;
}
