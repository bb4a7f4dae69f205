import type { FileKind } from '../../common/files/files.js';
import { centralDirectory } from '../excel/excel.zip.js';

/**
 * What an upload is, by its bytes (ADR 032) — pure, no database. The name and the declared
 * Content-Type are never trusted: a program renamed `report.pdf` is still a program.
 *
 * Accepted: JPEG, PNG, WebP, PDF, Word .docx (a zip whose central directory lists
 * `word/document.xml` and `[Content_Types].xml`, read by the Excel capability's checker) and
 * legacy Word .doc (an OLE compound file holding a `WordDocument` stream — other OLE files,
 * such as .msi installers or .xls, are refused).
 */
export type Detected = { ok: true; kind: FileKind } | { ok: false; reason: 'executable' | 'type' };

const starts = (b: Buffer, bytes: readonly number[], at = 0) => bytes.every((x, i) => b[at + i] === x);
const ascii = (b: Buffer, from: number, to: number) => b.subarray(from, to).toString('latin1');

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const WORD_STREAM = Buffer.from('WordDocument', 'utf16le');

/** Programs and scripts, whatever they are called: refused with a message of their own. */
function executable(b: Buffer): boolean {
  if (ascii(b, 0, 2) === 'MZ') return true; // Windows PE / DOS
  if (starts(b, [0x7f, 0x45, 0x4c, 0x46])) return true; // ELF
  if (ascii(b, 0, 2) === '#!') return true; // a script
  const magic = b.length >= 4 ? b.readUInt32BE(0) : 0;
  // Mach-O (32/64, both byte orders) and universal binaries
  return [0xfeedface, 0xfeedfacf, 0xcefaedfe, 0xcffaedfe, 0xcafebabe].includes(magic);
}

function isDocx(b: Buffer): boolean {
  if (!starts(b, [0x50, 0x4b, 0x03, 0x04])) return false;
  try {
    const names = new Set(centralDirectory(b).map((e) => e.name));
    return names.has('word/document.xml') && names.has('[Content_Types].xml');
  } catch {
    return false;
  }
}

export function detectKind(b: Buffer): Detected {
  if (b.length < 8) return { ok: false, reason: 'type' };
  if (executable(b)) return { ok: false, reason: 'executable' };
  if (starts(b, [0xff, 0xd8, 0xff])) return { ok: true, kind: 'jpeg' };
  if (starts(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { ok: true, kind: 'png' };
  if (ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP') return { ok: true, kind: 'webp' };
  if (ascii(b, 0, 5) === '%PDF-') return { ok: true, kind: 'pdf' };
  if (isDocx(b)) return { ok: true, kind: 'docx' };
  if (starts(b, OLE) && b.includes(WORD_STREAM)) return { ok: true, kind: 'doc' };
  return { ok: false, reason: 'type' };
}
