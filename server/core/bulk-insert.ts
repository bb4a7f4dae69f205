import { CompiledQuery, type Insertable } from 'kysely';
import type { Database, Executor } from './database.js';

/** Parameters per statement: under SQLite's 32 766 and PostgreSQL's 65 535. */
const MAX_PARAMETERS = 30_000;
/** Rows per statement at most, however few their columns. */
const MAX_ROWS = 1_000;

/** Whether a row has exactly these columns, each with a value (`undefined` is no value to Kysely). */
function hasColumns(row: Record<string, unknown>, columns: readonly string[]): boolean {
  let count = 0;
  for (const key in row) if (row[key] !== undefined) count++;
  if (count !== columns.length) return false;
  for (const column of columns) if (row[column] === undefined) return false;
  return true;
}

function parametersOf(rows: readonly Record<string, unknown>[], columns: readonly string[]): unknown[] {
  const parameters = new Array<unknown>(rows.length * columns.length);
  let at = 0;
  for (const row of rows) for (const column of columns) parameters[at++] = row[column];
  return parameters;
}

/**
 * Inserts many rows into one table, in multi-row statements as large as the databases allow.
 * Kysely builds the SQL of the first full statement; each following statement of as many rows
 * with the same columns reuses that SQL with its own parameters, so a 10 000-row import does
 * not have Kysely parse and compile 10 000 rows' worth of objects (and SQLite finds the
 * statement already prepared, server/core/database.ts). The reuse is taken only when the
 * compiled parameters are the rows' values in row and column order, as checked on the first.
 */
export async function insertRows<T extends keyof Database & string>(
  db: Executor,
  table: T,
  rows: readonly Insertable<Database[T]>[],
): Promise<void> {
  const first = rows[0] as Record<string, unknown> | undefined;
  if (!first) return;
  const columns = Object.keys(first).filter((key) => first[key] !== undefined);
  const size = Math.max(1, Math.min(MAX_ROWS, Math.floor(MAX_PARAMETERS / Math.max(1, columns.length))));
  let reusable: string | null = null;
  for (let at = 0; at < rows.length; at += size) {
    const part = rows.slice(at, at + size) as Record<string, unknown>[];
    const uniform = part.every((row) => hasColumns(row, columns));
    if (reusable !== null && uniform && part.length === size) {
      await db.executeQuery(CompiledQuery.raw(reusable, parametersOf(part, columns)));
      continue;
    }
    const query = db
      .insertInto(table)
      .values(part as never)
      .compile();
    if (uniform && part.length === size && sameValues(query.parameters, parametersOf(part, columns))) {
      reusable = query.sql;
    }
    await db.executeQuery(query);
  }
}

function sameValues(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}
