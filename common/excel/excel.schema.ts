import { z } from 'zod';
import { zCadreListQuery } from '../cadres/cadres.schema.js';
import { zId } from '../http/ids.schema.js';
import { zQueryBool } from '../http/paging.schema.js';
import { zUnitListQuery } from '../units/units.schema.js';

/** What can be imported from (and templated as) an Excel workbook. */
export const IMPORT_KINDS = ['cadres', 'units', 'posts'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

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

export const zTemplateParams = z.object({ kind: z.enum(IMPORT_KINDS) });
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

export const zImportCommit = z.object({ created: z.number().int(), updated: z.number().int() });
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
