import type { UnitValues } from '../../../common/units/units.schema.js';
import { checkCells, type RowsChecked } from '../excel.check.js';
import { type ColumnSpec, col, OPTIONS, optional } from '../excel.columns.js';
import type { SheetRow } from '../excel.reader.js';

/** The unit import's columns and the checks of its rows that need only the rows (worker-safe). */

export function unitColumns(): ColumnSpec[] {
  return [
    col('name', 'excel.col.unitName', 'excel.note.unitName', 'text', 30),
    col('kind', 'excel.col.unitKind', 'excel.note.pick', 'enum', 14, { options: OPTIONS.unitKind() }),
    col('regionCode', 'excel.col.regionCode', 'excel.note.regionCode', 'code', 14),
    col('parentId', 'excel.col.parent', 'excel.note.parent', 'reference', 30, optional),
    col('contactName', 'excel.col.contactName', 'excel.note.optionalText', 'text', 12, optional),
    col('contactPhone', 'excel.col.contactPhone', 'excel.note.phone', 'code', 16, optional),
  ];
}

export interface PendingUnit {
  row: number;
  values: UnitValues;
  /** The parent is a unit created by an earlier row of the same file. */
  parentRow: number | null;
}

/** The cells; the schema is checked with the parent, which needs the database (units.import.ts). */
export function checkUnitRows(rows: SheetRow[]): RowsChecked<never> {
  return checkCells(unitColumns(), rows);
}
