import { sql } from 'kysely';
import type {
  AchievementListParams,
  TotalGroup,
  TotalsParams,
} from '../../common/achievements/achievements.schema.js';
import type { Executor } from '../core/database.js';
import { type Party, type Reach, reachCondition, regionCondition, type Scope } from '../core/scope.js';
import { paged } from '../core/search.js';
import { RECEIVING_ORGANISER, RECEIVING_UNIT, SENDING_UNIT } from '../postings/postings.repository.js';
import { PROGRAMME_ORGANISER } from '../programmes/programmes.repository.js';
import type { AchievementRow, AchievementsTable } from './achievements.table.js';

export type AchievementView = AchievementRow & {
  postingTitle: string;
  postingStatus: string;
  batchId: string;
  batchName: string;
  programmeId: string;
  programmeRegionCode: string;
  sendingUnitId: string;
  receivingUnitId: string;
  receivingUnitName: string;
  receivingRegionCode: string;
  cadreName: string;
  cadreUserId: string | null;
};

/** The cadre's own account: records, edits, claims and withdraws their entries. */
export const ACHIEVEMENT_CADRE: Party = { user: { column: 'c.userId', key: 'cadreUserId' } };
/** The sending unit watches its cadre's ledger and decides nothing (dual management). */
export const ACHIEVEMENT_SENDING_UNIT: Party = { ...SENDING_UNIT, readOnly: true };
/** Both 组织部 read the ledger and its totals; verifying is the receiving unit's alone. */
export const ACHIEVEMENT_ORGANISERS: Party[] = [
  { ...RECEIVING_ORGANISER, readOnly: true },
  { ...PROGRAMME_ORGANISER, readOnly: true },
];

/** The five owners of a posting read its ledger (issue 12 line 5): the cadre, both units, both 组织部. */
export const ACHIEVEMENT_REACH: Reach = {
  parties: [ACHIEVEMENT_CADRE, ACHIEVEMENT_SENDING_UNIT, RECEIVING_UNIT, ...ACHIEVEMENT_ORGANISERS],
};
/** Who writes an entry's content: the cadre. */
export const CADRE_REACH: Reach = { parties: [ACHIEVEMENT_CADRE] };
/** Who verifies or returns an entry (and imports the ledger of its postings): the receiving unit. */
export const RECEIVING_REACH: Reach = { parties: [RECEIVING_UNIT] };

function view(db: Executor) {
  return db
    .selectFrom('achievements as a')
    .innerJoin('postings as ps', 'ps.id', 'a.postingId')
    .innerJoin('batches as b', 'b.id', 'ps.batchId')
    .innerJoin('programmes as g', 'g.id', 'ps.programmeId')
    .innerJoin('cadres as c', 'c.id', 'a.cadreId')
    .innerJoin('units as ru', 'ru.id', 'ps.receivingUnitId')
    .selectAll('a')
    .select([
      'ps.title as postingTitle',
      'ps.status as postingStatus',
      'ps.batchId',
      'b.name as batchName',
      'ps.programmeId',
      'g.regionCode as programmeRegionCode',
      'ps.sendingUnitId',
      'ps.receivingUnitId',
      'ru.name as receivingUnitName',
      'ps.receivingRegionCode',
      'c.name as cadreName',
      'c.userId as cadreUserId',
    ]);
}

export async function listAchievements(db: Executor, p: AchievementListParams, scope: Scope) {
  let q = view(db);
  if (p.view === 'todo')
    q = q
      .where('a.status', '=', 'claimed')
      .where(reachCondition({ ...scope, mode: 'write' }, RECEIVING_REACH));
  else if (p.view === 'mine') q = q.where(reachCondition({ ...scope, mode: 'write' }, CADRE_REACH));
  else q = q.where(reachCondition(scope, ACHIEVEMENT_REACH));
  if (p.status) q = q.where('a.status', '=', p.status);
  if (p.kind) q = q.where('a.kind', '=', p.kind);
  if (p.postingId) q = q.where('a.postingId', '=', p.postingId);
  if (p.batchId) q = q.where('ps.batchId', '=', p.batchId);
  const dir = p.order === 'asc' ? 'desc' : 'asc';
  const { rows, ...count } = await paged(db, q, p, (page) =>
    page.orderBy('a.date', dir).orderBy('a.id', dir),
  );
  return { rows: rows as AchievementView[], ...count };
}

export function findAchievement(db: Executor, id: string): Promise<AchievementView | undefined> {
  return view(db).where('a.id', '=', id).executeTakeFirst() as Promise<AchievementView | undefined>;
}

export async function insertAchievement(db: Executor, row: AchievementsTable): Promise<void> {
  await db.insertInto('achievements').values(row).execute();
}

const GROUP_COLUMNS = {
  posting: { key: 'ps.id', label: sql<string>`c.name || ' · ' || ps.title` },
  batch: { key: 'ps.batchId', label: sql<string>`g.name || ' / ' || b.name` },
  region: { key: 'ps.receivingRegionCode', label: sql<string>`rr.full_name` },
  programme: { key: 'ps.programmeId', label: sql<string>`g.name` },
} as const satisfies Record<TotalGroup, unknown>;

export interface TotalRow {
  key: string;
  label: string;
  kind: string;
  dimension: string | null;
  status: string;
  /** The sum as digits (cast to text on both databases: exact, whatever its size). */
  total: string | null;
  n: number | string;
}

/**
 * Sums of verified and claimed entries in the scope, by group, kind, dimension and status. The
 * sum is cast to text in SQL: PostgreSQL's sum of a bigint is a numeric, SQLite's an int64, and
 * neither passes through a JS number.
 */
export async function totals(db: Executor, p: TotalsParams, scope: Scope): Promise<TotalRow[]> {
  const group = GROUP_COLUMNS[p.groupBy];
  let q = db
    .selectFrom('achievements as a')
    .innerJoin('postings as ps', 'ps.id', 'a.postingId')
    .innerJoin('batches as b', 'b.id', 'ps.batchId')
    .innerJoin('programmes as g', 'g.id', 'ps.programmeId')
    .innerJoin('cadres as c', 'c.id', 'a.cadreId')
    .innerJoin('regions as rr', 'rr.code', 'ps.receivingRegionCode')
    .where(reachCondition(scope, ACHIEVEMENT_REACH))
    .where('a.status', 'in', ['verified', 'claimed']);
  if (p.batchId) q = q.where('ps.batchId', '=', p.batchId);
  if (p.programmeId) q = q.where('ps.programmeId', '=', p.programmeId);
  if (p.postingId) q = q.where('ps.id', '=', p.postingId);
  if (p.regionCode) q = q.where(regionCondition('ps.receivingRegionCode', p.regionCode));
  if (p.from) q = q.where('a.date', '>=', p.from);
  if (p.to) q = q.where('a.date', '<=', p.to);
  const rows = await q
    .select((eb) => [
      eb.ref(group.key).as('key'),
      sql<string>`min(${group.label})`.as('label'),
      'a.kind',
      'a.dimension',
      'a.status',
      sql<string | null>`cast(sum(a.base_amount) as text)`.as('total'),
      eb.fn.countAll<number | string>().as('n'),
    ])
    .groupBy([group.key, 'a.kind', 'a.dimension', 'a.status'])
    .orderBy(sql`min(${group.label})`)
    .execute();
  return rows as TotalRow[];
}

/** The active postings of these cadres (the import's rows). */
export function activePostingsOfCadres(db: Executor, cadreIds: string[]) {
  if (cadreIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('postings as ps')
    .innerJoin('cadres as c', 'c.id', 'ps.cadreId')
    .select([
      'ps.id',
      'ps.cadreId',
      'ps.title',
      'ps.status',
      'ps.startDate',
      'ps.endDate',
      'ps.receivingUnitId',
      'c.name as cadreName',
    ])
    .where('ps.cadreId', 'in', cadreIds)
    .where('ps.status', '=', 'active')
    .execute();
}

/** Cadres by ID-number index (the import names a cadre by name and ID number). */
export function cadresByIdNumberIndex(db: Executor, indexes: string[]) {
  if (indexes.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('cadres as c')
    .select(['c.id', 'c.name', 'c.idNumberIndex'])
    .where('c.idNumberIndex', 'in', indexes)
    .execute();
}
