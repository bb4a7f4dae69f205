import type { z } from 'zod';
import { type CadreValues, zCadreInput } from '../../common/cadres/cadres.schema.js';
import { IMPORT_MAX_ERRORS, type ImportError } from '../../common/excel/excel.schema.js';
import { t, tMaybe } from '../../common/i18n/index.js';
import { configureZodMessages } from '../../common/i18n/zod.js';
import { identityMismatch } from '../cadres/cadres.rules.js';
import { type Plain, parseDay, splitList, textOf } from './excel.cells.js';
import { type ColumnSpec, columnsOf } from './excel.columns.js';
import type { SheetRow } from './excel.reader.js';

/**
 * The checks of an import's rows that need nothing but the rows: each cell against its column
 * (required, enumeration by Chinese label, date, integer) and a cadre row against the API's own
 * schema and identity rule. No database and no app context, so that a long file's rows are
 * checked on the worker thread (server/core/offload.ts) while the sheet is still being read;
 * the checks that need the database are in excel.rows.ts.
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

export interface Checked<T> {
  items: T[];
  problems: Problems;
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

let zodConfigured = false;

/** A slice of cadre rows, checked: cells converted, rows parsed, problems found. */
export interface ParsedCadres {
  converted: Converted[];
  parsed: { row: number; values: CadreValues }[];
  problems: ImportError[];
}

/**
 * Cadre rows checked on their own: each cell, then the row against `zCadreInput` with the unit
 * standing in as UNRESOLVED (names are resolved afterwards, for the whole file at once, with
 * the database), and the birth date and gender against the ID number.
 */
export function parseCadreRows(rows: SheetRow[]): ParsedCadres {
  // zod's messages in Chinese, in whichever thread this runs (the app configures its own at start)
  if (!zodConfigured) {
    configureZodMessages();
    zodConfigured = true;
  }
  const columns = columnsOf('cadres');
  const problems = new Problems();
  const converted = convertRows(columns, rows, problems);
  const parsed: ParsedCadres['parsed'] = [];
  for (const c of converted) {
    const v = c.values;
    const result = zCadreInput.safeParse({
      ...v,
      unitId: UNRESOLVED,
      reserve: v.reserve ?? false,
      expertise: v.expertise ?? [],
      resume: [],
      relatives: [],
    });
    if (!result.success) {
      noteIssues(c.row, result.error.issues, columns, problems);
      continue;
    }
    const mismatch = identityMismatch(result.data, result.data.idNumber);
    if (mismatch) {
      problems.add(c.row, columns.find((col) => col.key === mismatch.field) as ColumnSpec, t(mismatch.key));
    }
    parsed.push({ row: c.row, values: result.data });
  }
  return { converted, parsed, problems: problems.list };
}
