import { createRequire } from 'node:module';
import { StringDecoder } from 'node:string_decoder';
import type ExcelJS from 'exceljs';
import { IMPORT_KINDS, IMPORT_MAX_ROWS, type ImportKind } from '../../common/excel/excel.schema.js';
import { t } from '../../common/i18n/index.js';
import { AppError } from '../core/errors.js';
import { type Plain, plainValue, textOf } from './excel.cells.js';
import { type ColumnSpec, MARKER_SHEET, sheetNameOf } from './excel.columns.js';
import { HEADER_ROW, NOTES_ROW } from './excel.templates.js';
import { badFile, unpackXlsx } from './excel.zip.js';

/** One data row of an uploaded sheet: its Excel row number and its cells by column key. */
export interface SheetRow {
  row: number;
  cells: Record<string, Plain>;
}

export interface ReadSheet {
  columns: ColumnSpec[];
  rows: SheetRow[];
}

/** Header, notes and a margin of empty formatted rows beyond the data limit. */
const MAX_SHEET_ROWS = IMPORT_MAX_ROWS + 100;
const MAX_COLUMNS = 200;

/*
 * The parts of exceljs that `Workbook.xlsx.load()` and its streaming WorkbookReader are built
 * from, run on the parts `unpackXlsx` has already inflated and bounded. Not the streaming
 * WorkbookReader itself: it decodes each zip chunk on its own, so a Chinese character split
 * between two chunks comes out as U+FFFD (exceljs issues #2063, #2084), and it parks every
 * worksheet stored before the shared strings (as Excel and exceljs store them) in a temp file.
 * Here each part is decoded by a StringDecoder, which never splits a character, and only the
 * marker and the data sheet are parsed, row by row (`load()` built every sheet as a model).
 */
const require = createRequire(import.meta.url);
type Chunks = Iterable<string>;
interface Xform<M> {
  parseStream(chunks: Chunks): Promise<M>;
  model: M;
}
interface SheetEntry {
  name: string;
  rId: string;
  state?: string;
}
interface WorkbookForm extends Xform<{ sheets?: SheetEntry[] }> {
  map: { workbookPr: unknown };
}
interface StreamRow {
  number: number;
  actualCellCount: number;
  eachCell(fn: (cell: { value: ExcelJS.CellValue }, col: number) => void): void;
}
type Part = AsyncIterable<StreamRow>;
const lib = 'exceljs/lib';
const WorkbookXform = require(`${lib}/xlsx/xform/book/workbook-xform.js`) as new () => WorkbookForm;
const RelationshipsXform = require(`${lib}/xlsx/xform/core/relationships-xform.js`) as new () => Xform<
  { Id: string; Target: string }[]
>;
const StylesXform = require(`${lib}/xlsx/xform/style/styles-xform.js`) as new () => Xform<unknown> & {
  init(): void;
};
const SharedStringsXform = require(`${lib}/xlsx/xform/strings/shared-strings-xform.js`) as new () => Xform<{
  values: ExcelJS.CellValue[];
}>;
const WorksheetReader = require(`${lib}/stream/xlsx/worksheet-reader.js`) as new (args: {
  workbook: { sharedStrings: ExcelJS.CellValue[]; styles: unknown; properties: unknown };
  id: number;
  iterator: Chunks;
  options: { worksheets: 'emit'; hyperlinks: 'ignore' };
}) => Part;

/** A part's text in slices the XML parser takes one by one, never splitting a character. */
function* chunksOf(content: Buffer): Chunks {
  const decoder = new StringDecoder('utf8');
  for (let at = 0; at < content.length; at += 64 * 1024) {
    const text = decoder.write(content.subarray(at, at + 64 * 1024));
    if (text) yield text;
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

interface Book {
  /** The sheets in workbook order, with the part each is stored in. */
  sheets: { name: string; state: string; part: string | undefined }[];
  rowsOf(part: string): Part;
}

/** The workbook's directory and shared parts; a sheet is parsed only when asked for. */
async function open(buf: Buffer): Promise<Book> {
  const parts = new Map<string, Buffer>();
  for (const [entry, content] of unpackXlsx(buf)) parts.set(entry.name, content);
  const part = (name: string) => {
    const content = parts.get(name);
    return content ? chunksOf(content) : null;
  };
  const workbookXml = part('xl/workbook.xml');
  const relsXml = part('xl/_rels/workbook.xml.rels');
  if (!workbookXml || !relsXml) throw new Error('no workbook');
  const workbook = new WorkbookXform();
  await workbook.parseStream(workbookXml);
  const rels = (await new RelationshipsXform().parseStream(relsXml)) ?? [];
  const styles = new StylesXform();
  const stylesXml = part('xl/styles.xml');
  if (stylesXml) await styles.parseStream(stylesXml);
  else styles.init();
  const stringsXml = part('xl/sharedStrings.xml');
  const sharedStrings = stringsXml
    ? ((await new SharedStringsXform().parseStream(stringsXml))?.values ?? [])
    : [];
  const target = (rId: string) => {
    const to = rels.find((r) => r.Id === rId)?.Target;
    if (!to) return undefined;
    return to.startsWith('/') ? to.slice(1) : `xl/${to}`;
  };
  const book = { sharedStrings, styles, properties: workbook.map.workbookPr };
  return {
    sheets: (workbook.model.sheets ?? []).map((s) => ({
      name: s.name,
      state: s.state || 'visible',
      part: target(s.rId),
    })),
    rowsOf(name: string) {
      const iterator = part(name);
      if (!iterator) throw new Error(`no part ${name}`);
      return new WorksheetReader({
        workbook: book,
        id: 0,
        iterator,
        options: { worksheets: 'emit', hyperlinks: 'ignore' },
      });
    },
  };
}

/** A row's cell values by column number (1-based), unwrapped as they are read. */
type Cells = Plain[];

/**
 * Every row of a sheet that has cells, in the order stored (row numbers ascending), refusing
 * what `load()` refused. Each row is reduced to its plain values at once: exceljs's cell
 * objects are dropped as they come.
 */
async function* rowsIn(book: Book, part: string | undefined): AsyncGenerator<[number, Cells]> {
  if (!part) throw new Error('sheet without a part');
  let count = 0;
  for await (const row of book.rowsOf(part)) {
    if (++count > MAX_SHEET_ROWS) throw badFile('excel.file.tooManyRows', { max: IMPORT_MAX_ROWS });
    if (row.actualCellCount > MAX_COLUMNS) throw new Error('too many columns');
    const cells: Cells = [];
    row.eachCell((cell, col) => {
      cells[col] = plainValue(cell.value);
    });
    yield [row.number, cells];
  }
}

/** The rows of a small sheet (the template marker) by row number. */
async function rowsOf(book: Book, part: string | undefined): Promise<Map<number, Cells>> {
  const rows = new Map<number, Cells>();
  for await (const [number, cells] of rowsIn(book, part)) rows.set(number, cells);
  return rows;
}

/** Whatever the parser stumbles on is a corrupt file; our own refusals pass through. */
async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw badFile('excel.file.corrupt');
  }
}

function checkMarker(marker: Map<number, Cells> | null, kind: ImportKind): void {
  const text = textOf(marker?.get(1)?.[1] ?? null);
  const found = /^template=(\w+);version=(\d+)(;masked=1)?$/.exec(text);
  const expected = t(`excel.kind.${kind}`);
  if (!found) throw badFile('excel.file.wrongTemplate', { expected });
  // our own masked export: one line saying so, not a row error per hidden value
  if (found[3]) throw badFile('excel.file.maskedExport');
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

/** Where each column's header stands in the header row (by name, in any order), or a 400 naming the first missing. */
function headerPositions(columns: ColumnSpec[], header: Cells): [ColumnSpec, number][] {
  const at = new Map<string, number>();
  for (const [col, value] of header.entries()) {
    const text = normalHeader(textOf(value ?? null));
    if (text && !at.has(text)) at.set(text, col);
  }
  return columns.map((column) => {
    const col = at.get(normalHeader(column.header));
    if (col === undefined) throw badFile('excel.file.missingColumn', { column: column.header });
    return [column, col];
  });
}

/**
 * Reads an uploaded workbook of a kind: checks the container, the template marker and the
 * headers (by name, in any order), skips the notes row, and returns every non-empty data row —
 * each also handed to `onRow` as soon as it is read, so its checks can start before the sheet
 * is finished. Any problem with the file as a whole is a 400 naming it; nothing has been stored.
 */
export async function readSheet(
  buf: Buffer,
  workbook: { kind: ImportKind; columns: () => ColumnSpec[] },
  onRow?: (row: SheetRow) => void,
): Promise<ReadSheet> {
  const { kind } = workbook;
  const columns = workbook.columns();
  const book = await guarded(() => open(buf));
  const markerSheet = book.sheets.find((s) => s.name === MARKER_SHEET);
  checkMarker(markerSheet ? await guarded(() => rowsOf(book, markerSheet.part)) : null, kind);
  const sheet =
    book.sheets.find((s) => s.name === sheetNameOf(kind)) ??
    book.sheets.find((s) => s.state === 'visible' && s.name !== MARKER_SHEET);
  if (!sheet) throw badFile('excel.file.noRows');
  const rows: SheetRow[] = [];
  let positions: [ColumnSpec, number][] | null = null;
  await guarded(async () => {
    let previous = 0;
    for await (const [number, row] of rowsIn(book, sheet.part)) {
      // rows are stored in ascending order (as Excel requires); the header is row 1
      if (number <= previous) throw new Error('rows out of order');
      previous = number;
      positions ??= headerPositions(columns, number === HEADER_ROW ? row : []);
      if (number === HEADER_ROW) continue;
      // the notes row may have been deleted: row 2 is notes only if it reads like them
      if (number === NOTES_ROW && positions.some(([c, col]) => textOf(row[col] ?? null) === c.note)) continue;
      const cells: Record<string, Plain> = {};
      let empty = true;
      for (const [column, col] of positions) {
        const value = unescapeCell(row[col] ?? null);
        cells[column.key] = value;
        if (textOf(value) !== '') empty = false;
      }
      if (empty) continue;
      const read = { row: number, cells };
      rows.push(read);
      onRow?.(read);
    }
  });
  if (!positions) headerPositions(columns, []);
  if (rows.length === 0) throw badFile('excel.file.noRows');
  if (rows.length > IMPORT_MAX_ROWS) throw badFile('excel.file.tooManyRows', { max: IMPORT_MAX_ROWS });
  return { columns, rows };
}
