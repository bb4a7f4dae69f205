import { type Expression, type ExpressionBuilder, type SelectQueryBuilder, type SqlBool, sql } from 'kysely';
import { isPinyinQuery, likeEscape } from './pinyin.js';

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
 * One page of a filtered query and the count of all its rows: the count first (the same
 * query, its selection replaced), then the page in `order` with limit and offset.
 */
export async function paged<DB, TB extends keyof DB, O>(
  query: SelectQueryBuilder<DB, TB, O>,
  page: { page: number; pageSize: number },
  order: (q: SelectQueryBuilder<DB, TB, O>) => SelectQueryBuilder<DB, TB, O>,
): Promise<{ rows: O[]; total: number }> {
  const count = (await query
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()) as { n: number | string | bigint };
  const rows = await order(query)
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize)
    .execute();
  return { rows, total: Number(count.n) };
}
