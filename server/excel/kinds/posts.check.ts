import type { PostValues } from '../../../common/posts/posts.schema.js';
import { checkCells, type RowsChecked } from '../excel.check.js';
import { type ColumnSpec, col, OPTIONS, optional } from '../excel.columns.js';
import type { SheetRow } from '../excel.reader.js';

/** The post request import's columns and the checks of its rows that need only the rows (worker-safe). */

export function postColumns(): ColumnSpec[] {
  return [
    col('batchId', 'excel.col.batch', 'excel.note.batch', 'reference', 30),
    col('unitId', 'excel.col.receivingUnit', 'excel.note.receivingUnit', 'reference', 28),
    col('title', 'excel.col.title', 'excel.note.requiredText', 'text', 20),
    col('level', 'excel.col.level', 'excel.note.pick', 'enum', 12, { options: OPTIONS.rankLevel() }),
    col('inCharge', 'excel.col.inCharge', 'excel.note.areas', 'list', 24, optional),
    col('assist', 'excel.col.assist', 'excel.note.areas', 'list', 24, optional),
    col('expertise', 'excel.col.postExpertise', 'excel.note.tags', 'list', 24, optional),
    col('headcount', 'excel.col.headcount', 'excel.note.headcount', 'integer', 8),
    col('notes', 'excel.col.notes', 'excel.note.optionalText', 'text', 30, optional),
  ];
}

export interface PendingPost {
  row: number;
  values: PostValues;
}

/** The cells; the schema is checked with the batch and unit resolved, which needs the database. */
export function checkPostRows(rows: SheetRow[]): RowsChecked<never> {
  return checkCells(postColumns(), rows);
}
