import type {
  ImportActionOf,
  ImportCommit,
  ImportKind,
  ImportMode,
} from '../../common/excel/excel.schema.js';
import type { Actor, AppContext } from '../core/context.js';
import { AppError } from '../core/errors.js';
import type { Scope } from '../core/scope.js';
import type { Converted, Problems, RowsChecked } from './excel.check.js';
import type { ColumnSpec } from './excel.columns.js';
import type { ReadSheet, SheetRow } from './excel.reader.js';

/**
 * One import kind, as one module (`kinds/<kind>.import.ts`) listed in the registry
 * (`excel.kinds.ts`). Its pieces, by what they may touch:
 * - `columns` and `check.run` come from `kinds/<kind>.check.ts`: pure, safe on the worker thread;
 * - `lookup` and `references` from `kinds/<kind>.lookup.ts`: they read the database;
 * - `commit` writes through the services' own create and update, inside the commit's transaction.
 * Every request of a kind (template, upload, commit) runs under its `action`, so the scope the
 * access hook put on the actor is the one its lookups and writes need.
 */
// lookup, references and commit are methods: a kind's module narrows their row types
export interface ImportKindModule<K extends ImportKind = ImportKind, P = unknown, T = unknown> {
  kind: K;
  /** The kind's policy line: who downloads its template, uploads and commits it. */
  action: ImportActionOf<K>;
  columns: () => ColumnSpec[];
  /**
   * The checks that need only the rows: `run` here, or `module#name` on the worker thread for
   * a long file (slices of rows, as they are read).
   */
  check: { run: (rows: SheetRow[]) => RowsChecked<P>; module: URL; name: string };
  /** The checks that need the database, for the whole file, within the request's scope. */
  lookup(ctx: AppContext, file: LookupInput<P>): Promise<T[]>;
  /** Known names for the template's `reference` columns, by column key, within the request's scope. */
  references(ctx: AppContext, scope: Scope): Promise<Record<string, string[]>>;
  /** Writes the checked rows (inside the commit's transaction); a refusal is a 409 naming its row. */
  commit(ctx: AppContext, actor: Actor, mode: ImportMode, items: T[]): Promise<ImportCommit>;
}

/**
 * What a kind's `lookup` works on: the file, its rows as the pure checks left them, and the
 * problems found so far (the lookup adds its own). It answers the rows ready to commit.
 */
export interface LookupInput<P> {
  scope: Scope;
  sheet: ReadSheet;
  mode: ImportMode;
  converted: Converted[];
  parsed: P[];
  problems: Problems;
}

/** Writes row by row, in file order; `write` says whether it created or updated. */
export async function eachRow<I extends { row: number }>(
  items: I[],
  write: (item: I) => Promise<'created' | 'updated'>,
): Promise<ImportCommit> {
  const counts: ImportCommit = { created: 0, updated: 0 };
  for (const item of items) counts[await atRow(item.row, () => write(item))] += 1;
  return counts;
}

/** A refusal of a row's write as the 409 that names the row (the transaction rolls back). */
export function rowFailed(row: number, error: AppError): AppError {
  return new AppError('CONFLICT', {
    messageKey: 'import.rowFailed',
    params: { row, reason: error.fields?.[0]?.message ?? error.message },
    cause: error,
  });
}

/** Runs one row's writes; a refusal becomes a 409 naming the row. */
export async function atRow<T>(row: number, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    throw error instanceof AppError ? rowFailed(row, error) : error;
  }
}
