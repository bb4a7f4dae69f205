import type { z } from 'zod';
import { IMPORT_MAX_ERRORS, type ImportError } from '../../common/excel/excel.schema.js';
import { t, tMaybe } from '../../common/i18n/index.js';
import { configureZodMessages } from '../../common/i18n/zod.js';
import { type Plain, parseDay, splitList, textOf } from './excel.cells.js';
import type { ColumnSpec } from './excel.columns.js';
import type { SheetRow } from './excel.reader.js';

/**
 * The checks of an import's rows that need nothing but the rows, shared by every kind: each
 * cell against its column (required, enumeration by Chinese label, date, integer), zod issues
 * onto columns, duplicates inside the file. Pure (the `.check.ts` suffix): no database and no
 * app context, so that a long file's rows are checked on the worker thread
 * (server/core/offload.ts) while the sheet is still being read. The checks that need the
 * database are in `excel.lookup.ts` and each kind's `kinds/<kind>.import.ts`.
 */

/** Stands in for a unit or batch that could not be resolved, so the schema still checks the rest. */
export const UNRESOLVED = '00000000-0000-4000-8000-000000000000';

/** Problems of the file, at most one per row and column (the first found). */
export class Problems {
  readonly list: ImportError[] = [];
  readonly rows = new Set<number>();
  count = 0;
  readonly #seen = new Set<string>();

  add(row: number, column: ColumnSpec, message: string): void {
    const key = `${row}\u0000${column.key}`;
    if (this.#seen.has(key)) return;
    this.#seen.add(key);
    this.rows.add(row);
    this.count += 1;
    this.list.push({ row, column: column.header, message });
  }

  has(row: number): boolean {
    return this.rows.has(row);
  }

  /** Problems found elsewhere (another thread, another part of the file), named by header. */
  merge(list: readonly ImportError[], columns: readonly ColumnSpec[]): void {
    const byHeader = new Map(columns.map((c) => [c.header, c]));
    for (const p of list) {
      const column = byHeader.get(p.column);
      if (column) this.add(p.row, column, p.message);
    }
  }

  /** In row order, then column order; capped at IMPORT_MAX_ERRORS. */
  sorted(columns: ColumnSpec[]): ImportError[] {
    const order = new Map(columns.map((c, i) => [c.header, i]));
    return [...this.list]
      .sort((a, b) => a.row - b.row || (order.get(a.column) ?? 0) - (order.get(b.column) ?? 0))
      .slice(0, IMPORT_MAX_ERRORS);
  }
}

/** A cell converted to what its column holds; undefined when empty or wrong (then a problem is noted). */
function convert(column: ColumnSpec, raw: Plain, note: (message: string) => void): unknown {
  const text = textOf(raw);
  if (text === '') {
    if (column.required) note(t('import.required'));
    return undefined;
  }
  switch (column.type) {
    case 'text':
    case 'reference':
      return text;
    case 'code':
      if (typeof raw === 'number' && !Number.isSafeInteger(raw)) {
        note(t('import.idAsNumber'));
        return undefined;
      }
      return text;
    case 'date': {
      const day = parseDay(raw);
      if (!day) note(t('import.badDate'));
      return day ?? undefined;
    }
    case 'enum':
    case 'bool': {
      if (column.type === 'bool' && typeof raw === 'boolean') return raw;
      const option = column.options?.find((o) => o.label === text || o.code === text);
      if (!option) {
        note(
          column.type === 'bool'
            ? t('import.badBool')
            : t('import.badOption', { value: text.slice(0, 30), column: column.header }),
        );
        return undefined;
      }
      return column.type === 'bool' ? option.code === 'true' : option.code;
    }
    case 'integer': {
      const n = typeof raw === 'number' ? raw : /^\d{1,6}$/.test(text) ? Number(text) : Number.NaN;
      if (!Number.isInteger(n)) {
        note(t('import.badInteger', { min: 1, max: 100 }));
        return undefined;
      }
      return n;
    }
    case 'list':
      return splitList(text);
  }
}

export interface Converted {
  row: number;
  values: Record<string, unknown>;
}

export function convertRows(columns: ColumnSpec[], rows: SheetRow[], problems: Problems): Converted[] {
  return rows.map((r: SheetRow) => {
    const values: Record<string, unknown> = {};
    for (const column of columns) {
      values[column.key] = convert(column, r.cells[column.key] ?? null, (m) =>
        problems.add(r.row, column, m),
      );
    }
    return { row: r.row, values };
  });
}

/** Zod issues of one row → problems on the columns they concern. */
export function noteIssues(
  row: number,
  issues: z.core.$ZodIssue[],
  columns: ColumnSpec[],
  problems: Problems,
  columnOf: (path: PropertyKey[]) => string = (path) => String(path[0]),
): void {
  for (const issue of issues) {
    const key = columnOf(issue.path as PropertyKey[]);
    const column = columns.find((c) => c.key === key) ?? (columns[0] as ColumnSpec);
    problems.add(row, column, tMaybe(issue.message));
  }
}

/**
 * What the pure checks of some rows give (each kind's `checkRows` in `kinds/<kind>.check.ts`):
 * plain data only, so that it crosses to and from the worker thread. `converted` holds every
 * row's cells, `parsed` the rows that passed the kind's own checks, `problems` what was found.
 */
export interface RowsChecked<P = unknown> {
  converted: Converted[];
  parsed: P[];
  problems: ImportError[];
}

/** The checks of consecutive slices of one file, as if made at once. */
export function mergeChecked<P>(parts: RowsChecked<P>[]): RowsChecked<P> {
  return {
    converted: parts.flatMap((p) => p.converted),
    parsed: parts.flatMap((p) => p.parsed),
    problems: parts.flatMap((p) => p.problems),
  };
}

/** Cells only, for a kind whose row checks all need the database (names, parents). */
export function checkCells(columns: ColumnSpec[], rows: SheetRow[]): RowsChecked<never> {
  const problems = new Problems();
  return { converted: convertRows(columns, rows, problems), parsed: [], problems: problems.list };
}

let zodConfigured = false;

/** zod's messages in Chinese, in whichever thread this runs (the app configures its own at start). */
export function zodMessagesOnce(): void {
  if (zodConfigured) return;
  configureZodMessages();
  zodConfigured = true;
}

/** Two rows with the same key: both are named, on both rows. */
export function noteDuplicates<T extends { row: number }>(
  items: T[],
  keyOf: (item: T) => string,
  col: ColumnSpec,
  problems: Problems,
): void {
  const first = new Map<string, number>();
  for (const item of items) {
    const key = keyOf(item);
    const earlier = first.get(key);
    if (earlier === undefined) {
      first.set(key, item.row);
      continue;
    }
    const params = { column: col.header, first: earlier, second: item.row };
    problems.add(earlier, col, t('import.duplicateInFile', { ...params, other: item.row }));
    problems.add(item.row, col, t('import.duplicateInFile', { ...params, other: earlier }));
  }
}

/** `名称（522630）` → name and region code; anything else is a plain name. */
export function splitQualified(text: string): { name: string; code: string | null } {
  const m = /^(.+?)\s*[（(]\s*(\d{6}|\d{9})\s*[)）]$/.exec(text);
  return m ? { name: (m[1] as string).trim(), code: m[2] as string } : { name: text, code: null };
}

/** The column of a key (every kind's checks name columns that exist). */
export const columnOf = (columns: readonly ColumnSpec[], key: string) =>
  columns.find((c) => c.key === key) as ColumnSpec;
