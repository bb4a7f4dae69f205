import type SQLite from 'better-sqlite3';

/** Prepared statements kept for reuse, most recently used last. */
const STATEMENT_CACHE = 200;

/**
 * `prepare(sql)` with each SQL text prepared once per connection: a bulk insert runs the same
 * 200-row statement many times, and preparing one costs as much as running it. Safe on a
 * connection that runs one statement at a time to its end (`all`/`run`, or a stream that holds
 * the connection) — the main connection Kysely serialises, and each reader thread's own
 * (server/core/reader.worker.ts).
 */
export function statementCache(sqlite: SQLite.Database): (sql: string) => SQLite.Statement {
  const cache = new Map<string, SQLite.Statement>();
  return (sql) => {
    let statement = cache.get(sql);
    if (statement) cache.delete(sql);
    else statement = sqlite.prepare(sql);
    cache.set(sql, statement);
    if (cache.size > STATEMENT_CACHE) cache.delete(cache.keys().next().value as string);
    return statement;
  };
}
