import {
  type Expression,
  type ExpressionBuilder,
  type Kysely,
  type SelectQueryBuilder,
  type SqlBool,
  sql,
} from 'kysely';
import { COUNT_CAP } from '../../common/http/paging.schema.js';
import type { Executor } from './database.js';
import { fieldError } from './errors.js';
import { isPinyinQuery, likeEscape } from './pinyin.js';
import type { CounterName, ReadCache } from './read-cache.js';

/**
 * Name search and paging, the same for every list and on both databases.
 *
 * Matching is decided once: **infix and case-insensitive**, for the names themselves and for
 * their pinyin keys (`zs`, `zhangsan` and `qingxi` all find what contains them). A search text
 * is taken literally: `%`, `_` and `\` are escaped and every pattern carries `ESCAPE '\'` —
 * SQLite has no default escape character and PostgreSQL's is the backslash, so an unescaped or
 * escaped-without-ESCAPE pattern matches differently on the two. Both sides are lower-cased
 * (SQLite's LIKE ignores ASCII case, PostgreSQL's does not).
 */

/** The LIKE pattern of a literal text, to be used with `ESCAPE '\'`. */
export function containsPattern(text: string): string {
  return `%${likeEscape(text.toLowerCase())}%`;
}

// biome-ignore lint/suspicious/noExplicitAny: columns are named by the caller
type Eb = ExpressionBuilder<any, any>;

/** `lower(column) LIKE '%text%' ESCAPE '\'` with the text taken literally. */
export function contains(eb: Eb, column: string, text: string): Expression<SqlBool> {
  return sql<SqlBool>`lower(${eb.ref(column)}) like ${containsPattern(text)} escape '\\'`;
}

/**
 * A search over names: the text inside any of `names`; a text of letters and digits only is
 * also looked for in the pinyin keys (`pinyin`: full pinyin and initials columns).
 */
export function nameSearch(text: string, columns: { names: string[]; pinyin?: string[] }) {
  return (eb: Eb): Expression<SqlBool> => {
    const keys = isPinyinQuery(text) ? (columns.pinyin ?? []) : [];
    return eb.or([...columns.names, ...keys].map((column) => contains(eb, column, text)));
  };
}

/**
 * Counts kept in the read cache while `counter` stands still (ADR 011): the tables the counted
 * query reads must be among the counter's (`registry`: units, cadres, regions, …). The same
 * filter's count then serves every sort and page of it until one of those tables changes.
 */
export interface CountCache {
  cache: ReadCache;
  counter: CounterName;
}

/** A page and the count of its query's rows: exact, or COUNT_CAP with `totalCapped`. */
export interface Counted<R> {
  rows: R[];
  total: number;
  totalCapped?: true;
}

/**
 * One page of a filtered query in `order`, and the count of all its rows — without reading what
 * the page does not show (ADR 019). The page first: a page that ends before it is full tells
 * the total by itself (no count). Otherwise the rows are counted up to COUNT_CAP + 1 only
 * (`count(*)` over the query limited), so a filter matching 460 000 rows counts 10 001; a page
 * that would start beyond COUNT_CAP is refused rather than skipping that many rows.
 */
export async function paged<DB, TB extends keyof DB, O>(
  db: Executor,
  query: SelectQueryBuilder<DB, TB, O>,
  page: { page: number; pageSize: number },
  order: (q: SelectQueryBuilder<DB, TB, O>) => SelectQueryBuilder<DB, TB, O>,
  counts?: CountCache,
): Promise<Counted<O>> {
  const offset = (page.page - 1) * page.pageSize;
  if (offset >= COUNT_CAP) throw fieldError('page', 'validation.beyondCount', { cap: COUNT_CAP });
  const rows = await order(query).limit(page.pageSize).offset(offset).execute();
  if (rows.length < page.pageSize && (rows.length > 0 || offset === 0))
    return { rows, total: offset + rows.length };
  const limited = query
    .clearSelect()
    .select(sql<number>`1`.as('one'))
    .limit(COUNT_CAP + 1)
    .as('counted');
  const counting = (db as unknown as Kysely<Record<'counted', { one: number }>>)
    .selectFrom(limited as never)
    .select((eb) => eb.fn.countAll<number>().as('n'));
  const count = async () => Number(((await counting.executeTakeFirstOrThrow()) as { n: unknown }).n);
  let total: number;
  if (counts) {
    const { sql: text, parameters } = counting.compile();
    total = await counts.cache.get(db, counts.counter, `count:${text}:${JSON.stringify(parameters)}`, count);
  } else total = await count();
  return total > COUNT_CAP ? { rows, total: COUNT_CAP, totalCapped: true } : { rows, total };
}

/** `rows` (loaded by id, in any order) in the order of the page's `ids`. */
export function inOrderOf<R extends { id: string }>(ids: readonly { id: string }[], rows: readonly R[]): R[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map(({ id }) => byId.get(id) as R);
}
