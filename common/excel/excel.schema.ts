import { z } from 'zod';
import { type Action, POLICY } from '../access/policy.js';
import { zCadreListQuery } from '../cadres/cadres.schema.js';
import { zId } from '../http/ids.schema.js';
import { zQueryBool } from '../http/paging.schema.js';
import { zUnitListQuery } from '../units/units.schema.js';

/**
 * What can be imported from (and templated as) an Excel workbook: one kind per line
 * `'excel.import<Kind>'` of the policy table (common/access/policy.ts), which says who imports
 * it. The server's registry (server/excel/excel.kinds.ts) must hold one module per kind.
 */
export type ImportAction = Extract<Action, `excel.import${string}`>;
export type ImportKind = ImportAction extends `excel.import${infer K}` ? Uncapitalize<K> : never;
/** The policy line of a kind: `cadres` → `excel.importCadres`. */
export type ImportActionOf<K extends ImportKind> = `excel.import${Capitalize<K>}`;

export const importActionOf = <K extends ImportKind>(kind: K): ImportActionOf<K> =>
  `excel.import${kind.charAt(0).toUpperCase()}${kind.slice(1)}` as ImportActionOf<K>;

/** The kinds in the order of the policy table. */
export const IMPORT_KINDS = Object.keys(POLICY).flatMap((action) => {
  const m = /^excel\.import([A-Z]\w*)$/.exec(action);
  return m ? [`${(m[1] as string).charAt(0).toLowerCase()}${(m[1] as string).slice(1)}` as ImportKind] : [];
}) as unknown as readonly [ImportKind, ...ImportKind[]];

/**
 * What a row whose record already exists does: `reject` lists it as an error (the default:
 * re-importing a file never changes anything silently); `update` updates the existing record
 * (cadres by ID number, units by region and name, post requests by batch, unit and title).
 */
export const IMPORT_MODES = ['reject', 'update'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];
export const IMPORT_STATUSES = ['pending', 'committed', 'discarded'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Upload cap; the unpacked workbook is capped separately (server/excel/excel.zip.ts). */
export const IMPORT_MAX_BYTES = 10 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 20_000;
/** The preview lists at most this many problems; `errorCount` has them all. */
export const IMPORT_MAX_ERRORS = 1000;
export const EXPORT_MAX_ROWS = 100_000;

export const zImportQuery = z.strictObject({ mode: z.enum(IMPORT_MODES).default('reject') });
export const zImportParams = z.object({ id: zId });

/** One problem of the file: `row` is the Excel row number, `column` the Chinese header. */
export const zImportError = z.object({ row: z.number().int(), column: z.string(), message: z.string() });
export type ImportError = z.infer<typeof zImportError>;

export const zImportPreview = z.object({
  importId: z.string(),
  kind: z.enum(IMPORT_KINDS),
  mode: z.enum(IMPORT_MODES),
  /** Data rows in the file. */
  total: z.number().int(),
  /** Rows without any problem. Commit is possible only when every row is valid. */
  valid: z.number().int(),
  errorCount: z.number().int(),
  errors: z.array(zImportError),
  /** More than IMPORT_MAX_ERRORS problems: the list holds the first ones. */
  errorsTruncated: z.boolean(),
});
export type ImportPreview = z.infer<typeof zImportPreview>;

export const zImportState = z.object({
  id: z.string(),
  kind: z.enum(IMPORT_KINDS),
  mode: z.enum(IMPORT_MODES),
  status: z.enum(IMPORT_STATUSES),
  total: z.number().int(),
  valid: z.number().int(),
  errorCount: z.number().int(),
  created: z.number().int().nullable(),
  updated: z.number().int().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ImportState = z.infer<typeof zImportState>;

export const zImportCommit = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  /** Rows found exactly as the record already is (update mode): left alone. Absent when none. */
  unchanged: z.number().int().optional(),
});
export type ImportCommit = z.infer<typeof zImportCommit>;

/**
 * Exports take the list's filters without paging. `full=true` asks for ID numbers and phones
 * in clear: a separate permission (`cadres.exportFull`), audited.
 */
export const zCadreExportQuery = zCadreListQuery
  .omit({ page: true, pageSize: true })
  .extend({ full: zQueryBool.optional() })
  .strict();
export type CadreExportParams = z.output<typeof zCadreExportQuery>;

export const zUnitExportQuery = zUnitListQuery.omit({ page: true, pageSize: true }).strict();
export type UnitExportParams = z.output<typeof zUnitExportQuery>;
