import { sql } from 'kysely';
import type { WorklogListParams } from '../../common/worklog/worklog.schema.js';
import type { DialectName, Executor } from '../core/database.js';
import { fieldError } from '../core/errors.js';
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

/** The most a search counts: more is shown as "超过 1000 条" (`totalCapped`), pages only within it. */
export const SEARCH_COUNT_CAP = 1000;
/** The first candidate set's size (at least four pages' worth), widened fourfold while too small. */
const FIRST_CANDIDATES = 400;

interface Candidate {
  key: number;
  score: number;
}

/**
 * The `k` best matches by the index alone (no join, no scope): SQLite FTS5 ranks inside the
 * index (`ORDER BY rank LIMIT k`, bm25); PostgreSQL ranks the GIN index's matches on the entry
 * table only. Higher score is better on both.
 */
async function candidates(
  db: Executor,
  dialect: DialectName,
  plan: SearchPlan,
  k: number,
): Promise<Candidate[]> {
  const q =
    dialect === 'sqlite'
      ? sql<Candidate>`SELECT rowid AS key, -rank AS score FROM worklog_fts WHERE worklog_fts MATCH ${plan.fts} ORDER BY rank LIMIT ${k}`
      : sql<Candidate>`SELECT search_key AS key, ts_rank(search_vector, cast(${plan.tsquery} as tsquery)) AS score
          FROM worklog_entries WHERE search_vector @@ cast(${plan.tsquery} as tsquery) ORDER BY score DESC LIMIT ${k}`;
  return (await q.execute(db)).rows.map((r) => ({ key: Number(r.key), score: Number(r.score) }));
}

/** The candidates as a table `m(k, score)` to join the entries to. */
function candidateTable(dialect: DialectName, set: Candidate[]) {
  const table =
    dialect === 'sqlite'
      ? sql<{
          k: number;
          score: number;
        }>`(SELECT json_extract(value, '$[0]') AS k, json_extract(value, '$[1]') AS score FROM json_each(${JSON.stringify(set.map((c) => [c.key, c.score]))}))`
      : sql<{
          k: number;
          score: number;
        }>`(SELECT * FROM unnest(cast(${set.map((c) => String(c.key))} as bigint[]), cast(${set.map((c) => c.score)} as float8[])) AS u(k, score))`;
  return table.as('m');
}

/**
 * Entries matching the plan within the scope, ranked by bm25 (SQLite FTS5) or ts_rank
 * (PostgreSQL), best first, then newest; one page and the count up to SEARCH_COUNT_CAP.
 *
 * Ranked inside the index first (ADR 033, "Speed"): the `k` best matches regardless of scope;
 * of those, the ones ranked strictly better than the k-th (so that no match outside the set can
 * tie with or come before one inside it) are joined to their entries under the scope condition
 * and filters, and ordered by (score, newest, id). That page is the true one when it is full or
 * when the index had fewer than `k` matches; otherwise `k` is widened fourfold and tried again.
 * An entry outside the scope is never shown nor counted: the scope condition is in every query.
 */
export async function searchEntries(
  db: Executor,
  dialect: DialectName,
  scope: Scope,
  plan: SearchPlan,
  p: Filters & { page: number; pageSize: number },
) {
  const offset = (p.page - 1) * p.pageSize;
  if (offset >= SEARCH_COUNT_CAP)
    throw fieldError('page', 'validation.beyondCount', { cap: SEARCH_COUNT_CAP });
  const inScope = (set: Candidate[]) =>
    filtered(db, scope, p).innerJoin(candidateTable(dialect, set), (j) => j.onRef('m.k', '=', 'e.searchKey'));
  let k = Math.max(FIRST_CANDIDATES, (offset + p.pageSize) * 4);
  for (;;) {
    const top = await candidates(db, dialect, plan, k);
    const exhausted = top.length < k;
    const worst = top.at(-1)?.score;
    const set = exhausted ? top : top.filter((c) => c.score > (worst as number));
    const rows =
      set.length === 0
        ? []
        : await inScope(set)
            .select(sql<number>`m.score`.as('score'))
            .orderBy(sql`m.score`, 'desc')
            .orderBy('e.entryDate', 'desc')
            .orderBy('e.id')
            .limit(p.pageSize)
            .offset(offset)
            .execute();
    if (rows.length === p.pageSize || exhausted) {
      const hits = rows as unknown as WorklogHitRow[];
      if (rows.length < p.pageSize && (rows.length > 0 || offset === 0))
        return { rows: hits, total: offset + rows.length };
      const total = await countHits(
        db,
        dialect,
        scope,
        plan,
        p,
        set.length > 0 ? inScope(set) : undefined,
        set.length,
        exhausted,
      );
      return total > SEARCH_COUNT_CAP
        ? { rows: hits, total: SEARCH_COUNT_CAP, totalCapped: true as const }
        : { rows: hits, total };
    }
    k *= 4;
  }
}

/** How many matches the scope holds, up to SEARCH_COUNT_CAP + 1: first among the candidates. */
async function countHits(
  db: Executor,
  dialect: DialectName,
  scope: Scope,
  plan: SearchPlan,
  p: Filters,
  inCandidates: ReturnType<typeof filtered> | undefined,
  candidates: number,
  exhausted: boolean,
): Promise<number> {
  const count = async (q: ReturnType<typeof filtered>) =>
    Number(
      (
        await db
          .selectFrom(
            q
              .clearSelect()
              .select(sql<number>`1`.as('one'))
              .limit(SEARCH_COUNT_CAP + 1)
              .as('counted') as never,
          )
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  // Among the candidates first — when they are all the matches, or could hold more than the cap.
  if (exhausted || candidates > SEARCH_COUNT_CAP) {
    const among = inCandidates ? await count(inCandidates) : 0;
    if (exhausted || among > SEARCH_COUNT_CAP) return among;
  }
  // Beyond the candidates: every match, joined to its entry under the scope, until the cap.
  const all =
    dialect === 'sqlite'
      ? filtered(db, scope, p).innerJoin(
          sql<{ k: number }>`(SELECT rowid AS k FROM worklog_fts WHERE worklog_fts MATCH ${plan.fts})`.as(
            'm',
          ),
          (j) => j.onRef('m.k', '=', 'e.searchKey'),
        )
      : filtered(db, scope, p).where(sql<boolean>`e.search_vector @@ cast(${plan.tsquery} as tsquery)`);
  return count(all as unknown as ReturnType<typeof filtered>);
}

/** A posting's entries dated within [from, to], oldest first (the monthly report's main work). */
export function entriesBetween(db: Executor, postingId: string, from: string, to: string) {
  return db
    .selectFrom('worklogEntries')
    .select(['entryDate', 'category', 'title'])
    .where('postingId', '=', postingId)
    .where('entryDate', '>=', from)
    .where('entryDate', '<=', to)
    .orderBy('entryDate')
    .orderBy('createdAt')
    .execute();
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
