import ExcelJS from 'exceljs';
import { IMPORT_KINDS, IMPORT_MAX_ROWS, type ImportKind } from '../../common/excel/excel.schema.js';
import { t } from '../../common/i18n/index.js';
import { type Plain, plainValue, textOf } from './excel.cells.js';
import { type ColumnSpec, columnsOf, MARKER_SHEET, sheetNameOf } from './excel.columns.js';
import { FIRST_DATA_ROW, HEADER_ROW, NOTES_ROW } from './excel.templates.js';
import { badFile, inspectXlsx } from './excel.zip.js';

/** One data row of an uploaded sheet: its Excel row number and its cells by column key. */
export interface SheetRow {
  row: number;
  cells: Record<string, Plain>;
}

export interface ReadSheet {
  columns: ColumnSpec[];
  rows: SheetRow[];
}

/**
 * Parts of a worksheet we never need and that can be made expensive: exceljs expands every
 * range of a data validation or merge into single cells, so `A1:XFD1048576` would be billions.
 */
const IGNORED_NODES = [
  'dataValidations',
  'mergeCells',
  'conditionalFormatting',
  'hyperlinks',
  'drawing',
  'picture',
  'extLst',
  'autoFilter',
  'rowBreaks',
];
/** Header, notes and a margin of empty formatted rows beyond the data limit. */
const MAX_SHEET_ROWS = IMPORT_MAX_ROWS + 100;
const MAX_COLUMNS = 200;

async function load(buf: Buffer): Promise<ExcelJS.Workbook> {
  inspectXlsx(buf);
  const book = new ExcelJS.Workbook();
  try {
    // maxRows / maxCols bound what exceljs builds; ignoreNodes skips what it would expand
    await book.xlsx.load(
      buf as unknown as ArrayBuffer,
      {
        ignoreNodes: IGNORED_NODES,
        maxRows: MAX_SHEET_ROWS,
        maxCols: MAX_COLUMNS,
      } as never,
    );
  } catch (error) {
    if (error instanceof Error && /Max row count/.test(error.message)) {
      throw badFile('excel.file.tooManyRows', { max: IMPORT_MAX_ROWS });
    }
    throw badFile('excel.file.corrupt');
  }
  return book;
}

function checkMarker(book: ExcelJS.Workbook, kind: ImportKind): void {
  const marker = book.getWorksheet(MARKER_SHEET);
  const text = marker ? textOf(plainValue(marker.getCell('A1').value)) : '';
  const found = /^template=(\w+);version=(\d+)$/.exec(text);
  const expected = t(`excel.kind.${kind}`);
  if (!found) throw badFile('excel.file.wrongTemplate', { expected });
  const actual = found[1] as ImportKind;
  if (actual !== kind) {
    if (!IMPORT_KINDS.includes(actual)) throw badFile('excel.file.wrongTemplate', { expected });
    throw badFile('excel.file.otherTemplate', { actual: t(`excel.kind.${actual}`), expected });
  }
}

/** A header as typed: spaces and a required-marker asterisk do not matter. */
const normalHeader = (text: string) => text.replace(/[\s*＊]/g, '');

/** A text cell written by our export or picked from a template list: `'=…` is read back as `=…`. */
function unescapeCell(value: Plain): Plain {
  if (typeof value === 'string' && /^'[=+\-@\t\r]/.test(value)) return value.slice(1);
  return value;
}

/**
 * Reads an uploaded workbook of a kind: checks the container, the template marker and the
 * headers (by name, in any order), skips the notes row, and returns every non-empty data row.
 * Any problem with the file as a whole is a 400 naming it; nothing has been stored.
 */
export async function readSheet(buf: Buffer, kind: ImportKind): Promise<ReadSheet> {
  const book = await load(buf);
  checkMarker(book, kind);
  const sheet =
    book.getWorksheet(sheetNameOf(kind)) ??
    book.worksheets.find((s) => s.state === 'visible' && s.name !== MARKER_SHEET);
  if (!sheet) throw badFile('excel.file.noRows');
  const columns = columnsOf(kind);
  const at = new Map<string, number>();
  sheet.getRow(HEADER_ROW).eachCell((cell, col) => {
    const text = normalHeader(textOf(plainValue(cell.value)));
    if (text && !at.has(text)) at.set(text, col);
  });
  const positions: [ColumnSpec, number][] = [];
  for (const column of columns) {
    const col = at.get(normalHeader(column.header));
    if (col === undefined) throw badFile('excel.file.missingColumn', { column: column.header });
    positions.push([column, col]);
  }
  // the notes row may have been deleted: row 2 is notes only if it reads like them
  const second = sheet.getRow(NOTES_ROW);
  const isNotes = positions.some(([c, col]) => textOf(plainValue(second.getCell(col).value)) === c.note);
  const first = isNotes ? FIRST_DATA_ROW : NOTES_ROW;

  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    if (number < first) return;
    const cells: Record<string, Plain> = {};
    let empty = true;
    for (const [column, col] of positions) {
      const value = unescapeCell(plainValue(row.getCell(col).value));
      cells[column.key] = value;
      if (textOf(value) !== '') empty = false;
    }
    if (!empty) rows.push({ row: number, cells });
  });
  if (rows.length === 0) throw badFile('excel.file.noRows');
  if (rows.length > IMPORT_MAX_ROWS) throw badFile('excel.file.tooManyRows', { max: IMPORT_MAX_ROWS });
  return { columns, rows };
}
