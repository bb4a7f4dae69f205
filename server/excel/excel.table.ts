import type { Selectable } from 'kysely';

/**
 * A pending Excel import: what the preview found, and the valid rows waiting for the owner's
 * commit. `rows` holds only what the records need, encrypted as one value with the field
 * cipher, and is cleared on commit or discard; the uploaded file itself is never stored.
 */
export interface ImportsTable {
  id: string;
  kind: string;
  mode: string;
  ownerId: string;
  /** pending → committed | discarded */
  status: string;
  totalRows: number;
  validRows: number;
  errorCount: number;
  createdCount: number | null;
  updatedCount: number | null;
  /** The parsed valid rows (JSON, encrypted); null once finished, or when the preview found problems. */
  rows: string | null;
  createdAt: string;
  finishedAt: string | null;
}

export interface ExcelTables {
  imports: ImportsTable;
}

export type ImportRow = Selectable<ImportsTable>;
