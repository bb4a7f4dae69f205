import { inflateRawSync } from 'node:zlib';
import type { MessageKey } from '../../common/i18n/index.js';
import { t } from '../../common/i18n/index.js';
import { AppError } from '../core/errors.js';

/**
 * The first look at an upload, before any spreadsheet library sees it: the type by its magic
 * bytes, then the zip's central directory (entry count, declared sizes, compression ratios),
 * then every entry inflated with a hard output cap, so that sizes the file merely *declares*
 * cannot hide a zip bomb. What passes is bounded: at most ZIP_MAX_ENTRIES entries and
 * ZIP_MAX_UNPACKED bytes once unpacked.
 */
export const ZIP_MAX_ENTRIES = 1000;
export const ZIP_MAX_UNPACKED = 50 * 1024 * 1024;
export const ZIP_MAX_RATIO = 100;
/**
 * Cells in all worksheets together: what bounds the memory a spreadsheet library needs for the
 * file (a full template of IMPORT_MAX_ROWS rows has about 340 000).
 */
export const ZIP_MAX_CELLS = 600_000;
/** Entries smaller than this are not judged by their ratio (tiny parts compress erratically). */
const RATIO_FLOOR = 64 * 1024;

const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_END = 0x06064b50;

/** A 400 about the uploaded file, with a catalogue message; the upload is not kept. */
export function badFile(key: MessageKey, params?: Record<string, string | number>): AppError {
  return new AppError('VALIDATION_FAILED', {
    messageKey: key,
    ...(params ? { params } : {}),
    fields: [{ field: 'file', message: t(key, params) }],
  });
}

const corrupt = () => badFile('excel.file.corrupt');
const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

function u16(buf: Buffer, at: number): number {
  if (at < 0 || at + 2 > buf.length) throw corrupt();
  return buf.readUInt16LE(at);
}
function u32(buf: Buffer, at: number): number {
  if (at < 0 || at + 4 > buf.length) throw corrupt();
  return buf.readUInt32LE(at);
}
function u64(buf: Buffer, at: number): number {
  if (at < 0 || at + 8 > buf.length) throw corrupt();
  const value = buf.readBigUInt64LE(at);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw corrupt();
  return Number(value);
}

/** The end-of-central-directory record: where the directory is and how many entries it lists. */
function directory(buf: Buffer): { count: number; offset: number } {
  const lowest = Math.max(0, buf.length - 22 - 0xffff);
  let eocd = -1;
  for (let at = buf.length - 22; at >= lowest; at--) {
    if (buf.readUInt32LE(at) === END_OF_CENTRAL) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) throw badFile('excel.file.notXlsx');
  let count = u16(buf, eocd + 10);
  let offset = u32(buf, eocd + 16);
  if (count === 0xffff || offset === 0xffffffff) {
    const locator = eocd - 20;
    if (u32(buf, locator) !== ZIP64_LOCATOR) throw corrupt();
    const end = u64(buf, locator + 8);
    if (u32(buf, end) !== ZIP64_END) throw corrupt();
    count = u64(buf, end + 32);
    offset = u64(buf, end + 48);
  }
  return { count, offset };
}

/** Reads the central directory; refuses more than ZIP_MAX_ENTRIES before walking it. */
export function centralDirectory(buf: Buffer): ZipEntry[] {
  const { count, offset } = directory(buf);
  if (count > ZIP_MAX_ENTRIES) throw badFile('excel.file.entries', { count, max: ZIP_MAX_ENTRIES });
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (u32(buf, at) !== CENTRAL_HEADER) throw corrupt();
    const flags = u16(buf, at + 8);
    const method = u16(buf, at + 10);
    let compressedSize = u32(buf, at + 20);
    let size = u32(buf, at + 24);
    const nameLength = u16(buf, at + 28);
    const extraLength = u16(buf, at + 30);
    const commentLength = u16(buf, at + 32);
    let localOffset = u32(buf, at + 42);
    const nameStart = at + 46;
    if (nameStart + nameLength + extraLength > buf.length) throw corrupt();
    const name = buf.subarray(nameStart, nameStart + nameLength).toString('utf8');
    // ZIP64 extended information: the 64-bit values, in this order, for the fields set to ~0
    let extra = nameStart + nameLength;
    const extraEnd = extra + extraLength;
    while (extra + 4 <= extraEnd) {
      const id = u16(buf, extra);
      const length = u16(buf, extra + 2);
      if (id === 0x0001) {
        let field = extra + 4;
        if (size === 0xffffffff) {
          size = u64(buf, field);
          field += 8;
        }
        if (compressedSize === 0xffffffff) {
          compressedSize = u64(buf, field);
          field += 8;
        }
        if (localOffset === 0xffffffff) localOffset = u64(buf, field);
      }
      extra += 4 + length;
    }
    if (flags & 0x1) throw corrupt(); // encrypted entry
    if (method !== 0 && method !== 8) throw corrupt();
    entries.push({ name, method, compressedSize, size, localOffset });
    at = extraEnd + commentLength;
  }
  return entries;
}

/**
 * Checks an upload is a sane .xlsx container and returns its entries. Throws a 400 naming the
 * problem: an old .xls (OLE compound file), not a zip, too many entries, too large unpacked,
 * a suspicious compression ratio, or an entry that inflates beyond what it declares.
 */
export function inspectXlsx(buf: Buffer): ZipEntry[] {
  return [...unpackXlsx(buf).keys()];
}

/**
 * The same checks as `inspectXlsx`, keeping what they inflated: every entry's unpacked content
 * (bounded by ZIP_MAX_UNPACKED), so that a reader need not inflate the file a second time.
 */
export function unpackXlsx(buf: Buffer): Map<ZipEntry, Buffer> {
  if (buf.length === 0) throw badFile('excel.file.empty');
  if (buf.length >= 8 && buf.subarray(0, 8).equals(OLE_MAGIC)) throw badFile('excel.file.oldXls');
  if (buf.length < 30 || buf.readUInt32LE(0) !== LOCAL_HEADER) throw badFile('excel.file.notXlsx');
  const entries = centralDirectory(buf);
  let declared = 0;
  for (const entry of entries) {
    declared += entry.size;
    if (declared > ZIP_MAX_UNPACKED)
      throw badFile('excel.file.unpacked', { max: megabytes(ZIP_MAX_UNPACKED) });
    if (entry.size >= RATIO_FLOOR && entry.size > entry.compressedSize * ZIP_MAX_RATIO) {
      throw badFile('excel.file.ratio', { entry: entry.name.slice(0, 60), max: ZIP_MAX_RATIO });
    }
  }
  let cells = 0;
  const contents = new Map<ZipEntry, Buffer>();
  for (const entry of entries) {
    const content = verifyEntry(buf, entry);
    contents.set(entry, content);
    if (WORKSHEET.test(entry.name)) cells += countCells(content);
  }
  if (cells > ZIP_MAX_CELLS) throw badFile('excel.file.tooManyCells', { max: ZIP_MAX_CELLS });
  return contents;
}

const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/;
const CELL_OPEN = Buffer.from('<c ');
const CELL_BARE = Buffer.from('<c>');

function countCells(xml: Buffer): number {
  let n = 0;
  for (const tag of [CELL_OPEN, CELL_BARE]) {
    for (let at = xml.indexOf(tag); at >= 0; at = xml.indexOf(tag, at + 3)) n++;
  }
  return n;
}

/** Inflates one entry with its declared size as the hard cap: a lying header is a refusal, not a bomb. */
function verifyEntry(buf: Buffer, entry: ZipEntry): Buffer {
  if (u32(buf, entry.localOffset) !== LOCAL_HEADER) throw corrupt();
  const start = entry.localOffset + 30 + u16(buf, entry.localOffset + 26) + u16(buf, entry.localOffset + 28);
  const end = start + entry.compressedSize;
  if (end > buf.length) throw corrupt();
  const data = buf.subarray(start, end);
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.size) throw corrupt();
    return data;
  }
  let out: Buffer;
  try {
    out = inflateRawSync(data, { maxOutputLength: Math.max(1, entry.size) });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      throw badFile('excel.file.unpacked', { max: megabytes(ZIP_MAX_UNPACKED) });
    }
    throw corrupt();
  }
  if (out.length !== entry.size) throw corrupt();
  return out;
}
