import { sql } from 'kysely';
import type { WorklogListParams } from '../../common/worklog/worklog.schema.js';
import type { DialectName, Executor } from '../core/database.js';
import { type Party, type Reach, reachCondition, type Scope } from '../core/scope.js';
import { paged } from '../core/search.js';
import { RECEIVING_ORGANISER, RECEIVING_UNIT, SENDING_UNIT } from '../postings/postings.repository.js';
import { PROGRAMME_ORGANISER } from '../programmes/programmes.repository.js';
import type { WorklogEntriesTable, WorklogRow } from './worklog.table.js';
import type { SearchPlan } from './worklog.terms.js';

export type WorklogView = WorklogRow & {
  postingTitle: string;
  postingStatus: string;
  postingStart: string | null;
  postingEnd: string;
  programmeId: string;
  programmeRegionCode: string;
  sendingUnitId: string;
  receivingUnitId: string;
  receivingUnitName: string;
  receivingRegionCode: string;
  cadreName: string;
  cadreUserId: string | null;
};

/** The cadre's own account: the only party that writes a work log. */
export const WORKLOG_CADRE: Party = { user: { column: 'c.userId', key: 'cadreUserId' } };
const reading = (p: Party): Party => ({ ...p, readOnly: true });

/**
 * Who reads a work log: the posting's five owners — the cadre, and (reading only) the sending
 * unit, the receiving unit, the receiving region's 组织部 and the programme's 组织部.
 */
export const WORKLOG_REACH: Reach = {
  parties: [
    WORKLOG_CADRE,
    reading(SENDING_UNIT),
    reading(RECEIVING_UNIT),
    reading(RECEIVING_ORGANISER),
    reading(PROGRAMME_ORGANISER),
  ],
};
/** Who changes an entry (and attaches to it): the cadre only. */
export const WORKLOG_WRITE_REACH: Reach = { parties: [WORKLOG_CADRE] };

function view(db: Executor) {
  return db
    .selectFrom('worklogEntries as e')
    .innerJoin('postings as ps', 'ps.id', 'e.postingId')
    .innerJoin('programmes as g', 'g.id', 'ps.programmeId')
    .innerJoin('cadres as c', 'c.id', 'e.cadreId')
    .innerJoin('units as ru', 'ru.id', 'ps.receivingUnitId')
    .select([
      'e.id',
      'e.postingId',
      'e.cadreId',
      'e.entryDate',
      'e.category',
      'e.title',
      'e.body',
      'e.place',
      'e.searchKey',
      'e.attachments',
      'e.version',
      'e.createdAt',
      'e.updatedAt',
      'e.createdBy',
      'e.updatedBy',
      'ps.title as postingTitle',
      'ps.status as postingStatus',
      'ps.startDate as postingStart',
      'ps.endDate as postingEnd',
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

type Filters = Pick<WorklogListParams, 'postingId' | 'category' | 'from' | 'to'>;

function filtered(db: Executor, scope: Scope, p: Filters) {
  let q = view(db).where(reachCondition(scope, WORKLOG_REACH));
  if (p.postingId) q = q.where('e.postingId', '=', p.postingId);
  if (p.category) q = q.where('e.category', '=', p.category);
  if (p.from) q = q.where('e.entryDate', '>=', p.from);
  if (p.to) q = q.where('e.entryDate', '<=', p.to);
  return q;
}

export async function listEntries(db: Executor, scope: Scope, p: WorklogListParams) {
  const { rows, ...count } = await paged(db, filtered(db, scope, p), p, (page) =>
    page
      .orderBy('e.entryDate', p.order === 'asc' ? 'desc' : 'asc')
      .orderBy('e.createdAt', 'desc')
      .orderBy('e.id'),
  );
  return { rows: rows as unknown as WorklogView[], ...count };
}

export type WorklogHitRow = WorklogView & { score: number };

/**
 * Entries matching the plan within the scope — the scope condition in the same SQL — ranked by
 * bm25 (SQLite FTS5) or ts_rank (PostgreSQL), best first, then newest; one page and the count.
 */
export async function searchEntries(
  db: Executor,
  dialect: DialectName,
  scope: Scope,
  plan: SearchPlan,
  p: Filters & { page: number; pageSize: number },
) {
  const base = filtered(db, scope, p);
  if (dialect === 'sqlite') {
    const q = base
      .innerJoin(
        sql<{
          k: number;
          score: number;
        }>`(SELECT rowid AS k, bm25(worklog_fts) AS score FROM worklog_fts WHERE worklog_fts MATCH ${plan.fts})`.as(
          'm',
        ),
        (j) => j.onRef('m.k', '=', 'e.searchKey'),
      )
      .select(sql<number>`-m.score`.as('score'));
    const { rows, ...count } = await paged(db, q, p, (page) =>
      page.orderBy('m.score').orderBy('e.entryDate', 'desc').orderBy('e.id'),
    );
    return { rows: rows as unknown as WorklogHitRow[], ...count };
  }
  const query = sql`cast(${plan.tsquery} as tsquery)`;
  const q = base
    .where(sql<boolean>`e.search_vector @@ ${query}`)
    .select(sql<number>`ts_rank(e.search_vector, ${query})`.as('score'));
  const { rows, ...count } = await paged(db, q, p, (page) =>
    page
      .orderBy(sql`ts_rank(e.search_vector, ${query})`, 'desc')
      .orderBy('e.entryDate', 'desc')
      .orderBy('e.id'),
  );
  return { rows: rows as unknown as WorklogHitRow[], ...count };
}

export function findEntry(db: Executor, id: string): Promise<WorklogView | undefined> {
  return view(db).where('e.id', '=', id).executeTakeFirst() as Promise<WorklogView | undefined>;
}

export async function insertEntry(db: Executor, row: WorklogEntriesTable): Promise<void> {
  await db.insertInto('worklogEntries').values(row).execute();
}

export async function searchKeyTaken(db: Executor, key: number): Promise<boolean> {
  return (
    (await db.selectFrom('worklogEntries').select('id').where('searchKey', '=', key).executeTakeFirst()) !==
    undefined
  );
}

export async function deleteEntry(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('worklogEntries').where('id', '=', id).execute();
}

export async function addAttachments(db: Executor, id: string, by: number): Promise<void> {
  await db
    .updateTable('worklogEntries')
    .set((eb) => ({ attachments: eb('attachments', '+', by) }))
    .where('id', '=', id)
    .execute();
}
