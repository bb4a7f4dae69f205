import ExcelJS from 'exceljs';
import { IMPORT_MAX_ROWS, type ImportKind } from '../../common/excel/excel.schema.js';
import { t } from '../../common/i18n/index.js';
import { safeCell } from './excel.cells.js';
import { type ColumnSpec, MARKER_SHEET, markerOf, sheetNameOf } from './excel.columns.js';

/** Header row, notes row, then data. */
export const HEADER_ROW = 1;
export const NOTES_ROW = 2;
export const FIRST_DATA_ROW = 3;

export const DATE_FORMAT = 'yyyy-mm-dd';
const TEXT_FORMAT = '@';
const HEADER_FILL = 'FFDDEBF7';
export const NOTES_COLOUR = 'FF808080';

export function letterOf(index: number): string {
  let n = index;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** Column formats shared by templates and exports: ID numbers and phones as text, dates as dates. */
export function formatColumns(sheet: ExcelJS.Worksheet, columns: ColumnSpec[]): void {
  sheet.columns = columns.map((c) => ({
    key: c.key,
    width: c.width,
    ...(c.type === 'code' ? { style: { numFmt: TEXT_FORMAT } } : {}),
    ...(c.type === 'date' ? { style: { numFmt: DATE_FORMAT } } : {}),
  }));
}

export function writeHeader(sheet: ExcelJS.Worksheet, columns: ColumnSpec[]): void {
  const header = sheet.getRow(HEADER_ROW);
  header.values = columns.map((c) => c.header);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle' };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
  });
}

interface ValidationsApi {
  add(range: string, validation: ExcelJS.DataValidation): void;
}

export interface TemplateExtras {
  /** Known names for `reference` columns (units in the caller's scope, open batches), by column key. */
  references?: Record<string, string[]>;
  created?: Date;
}

/**
 * The import template of a kind: Chinese headers (bold, frozen), a grey notes row, dropdowns
 * for every enumeration from the hidden 选项 sheet, date and text formats, and the hidden
 * `_guazhi` sheet that tells an import which template the file came from.
 */
export async function buildTemplate(
  workbook: { kind: ImportKind; columns: () => ColumnSpec[] },
  extras: TemplateExtras = {},
): Promise<Buffer> {
  const { kind } = workbook;
  const columns = workbook.columns();
  const book = new ExcelJS.Workbook();
  book.creator = t('app.name');
  if (extras.created) {
    book.created = extras.created;
    book.modified = extras.created;
  }
  const sheet = book.addWorksheet(sheetNameOf(kind), {
    views: [{ state: 'frozen', ySplit: NOTES_ROW }],
  });
  const options = book.addWorksheet(t('excel.sheet.options'), { state: 'hidden' });
  const marker = book.addWorksheet(MARKER_SHEET, { state: 'veryHidden' });
  marker.getCell('A1').value = markerOf(kind);

  formatColumns(sheet, columns);
  writeHeader(sheet, columns);
  const notes = sheet.getRow(NOTES_ROW);
  notes.values = columns.map((c) => c.note);
  notes.font = { italic: true, color: { argb: NOTES_COLOUR } };
  notes.alignment = { wrapText: true, vertical: 'top' };
  notes.height = 48;

  // present at run time since exceljs 4.3, missing from its type declarations
  const validations = (sheet as unknown as { dataValidations: ValidationsApi }).dataValidations;
  const last = FIRST_DATA_ROW + IMPORT_MAX_ROWS - 1;
  let optionColumn = 0;
  for (const [i, column] of columns.entries()) {
    const letter = letterOf(i + 1);
    const range = `${letter}${FIRST_DATA_ROW}:${letter}${last}`;
    const labels =
      column.options?.map((o) => o.label) ??
      (column.type === 'reference' ? (extras.references?.[column.key] ?? []) : []);
    if (labels.length > 0) {
      optionColumn += 1;
      const optionLetter = letterOf(optionColumn);
      options.getCell(`${optionLetter}1`).value = column.header;
      labels.forEach((label, n) => {
        options.getCell(`${optionLetter}${n + 2}`).value = safeCell(label);
      });
      validations.add(range, {
        type: 'list',
        allowBlank: !column.required,
        formulae: [`'${t('excel.sheet.options')}'!$${optionLetter}$2:$${optionLetter}$${labels.length + 1}`],
        showErrorMessage: true,
        // names may also be written "名称（行政区划代码）": a warning, not a stop
        errorStyle: column.type === 'reference' ? 'warning' : 'stop',
        errorTitle: t('excel.pickTitle'),
        error: t('excel.pickFromList'),
      });
    } else if (column.type === 'date') {
      validations.add(range, {
        type: 'date',
        operator: 'between',
        allowBlank: !column.required,
        formulae: [new Date(Date.UTC(1900, 0, 1)), new Date(Date.UTC(2100, 11, 31))],
        showErrorMessage: true,
        errorTitle: t('excel.pickTitle'),
        error: t('excel.dateInvalid'),
      });
    } else if (column.type === 'integer') {
      validations.add(range, {
        type: 'whole',
        operator: 'between',
        allowBlank: !column.required,
        formulae: [1, 100],
        showErrorMessage: true,
        errorTitle: t('excel.pickTitle'),
        error: t('import.badInteger', { min: 1, max: 100 }),
      });
    }
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
