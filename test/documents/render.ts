import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { writeFontconfig } from '../../server/documents/documents.fonts.js';

/**
 * What the document tests read back (ADR 036): the parts of a .docx (a small zip reader, no
 * package), and the pages of the PDF LibreOffice renders from it with the fonts mapped by our
 * fontconfig file, as pdftotext -bbox-layout and pdfinfo see them. Coordinates in points.
 */

/** Every entry of a zip as text. */
export function unzipText(zip: Buffer): Map<string, string> {
  const out = new Map<string, string>();
  // end of central directory: the last "PK\x05\x06"
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('not a zip');
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  for (let k = 0; k < count; k++) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30);
    const comment = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const dataAt = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(dataAt, dataAt + size);
    out.set(name, (method === 8 ? inflateRawSync(data) : data).toString('utf8'));
    at += 46 + nameLength + extra + comment;
  }
  return out;
}

/** The text a .docx shows, paragraph by paragraph (w:t runs joined, paragraphs on lines). */
export function docxText(docx: Buffer): string {
  const xml = unzipText(docx).get('word/document.xml') ?? '';
  return xml
    .split(/<\/w:p>/)
    .map((p) => [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
    .filter((p) => p.length > 0)
    .join('\n');
}

export interface PdfBox {
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  text: string;
}
export interface PdfLine extends PdfBox {
  words: PdfBox[];
}
export interface PdfPage {
  width: number;
  height: number;
  lines: PdfLine[];
}

const num = (attrs: string, name: string) => Number(new RegExp(`${name}="([\\d.]+)"`).exec(attrs)?.[1]);
const unescapeXml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

/** Renders the .docx with LibreOffice (the fonts mapped) and reads every page's text lines. */
export function renderPages(docx: Buffer): { pages: PdfPage[]; pdfinfo: string } {
  const dir = mkdtempSync(join(tmpdir(), 'guazhi-render-'));
  try {
    writeFileSync(join(dir, 'form.docx'), docx);
    const fontconfig = writeFontconfig(join(dir, 'fonts'));
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=file://${join(dir, 'profile')}`,
        '--headless',
        '--norestore',
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        join(dir, 'form.docx'),
      ],
      { env: { ...process.env, HOME: dir, FONTCONFIG_FILE: fontconfig }, stdio: 'pipe', timeout: 120_000 },
    );
    const pdf = join(dir, 'form.pdf');
    const pdfinfo = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    execFileSync('pdftotext', ['-bbox-layout', pdf, join(dir, 'form.html')]);
    const html = readFileSync(join(dir, 'form.html'), 'utf8');
    const pages = html
      .split(/<page /)
      .slice(1)
      .map((chunk) => {
        const head = chunk.slice(0, chunk.indexOf('>'));
        const box = (attrs: string, text: string): PdfBox => ({
          xMin: num(attrs, 'xMin'),
          yMin: num(attrs, 'yMin'),
          xMax: num(attrs, 'xMax'),
          yMax: num(attrs, 'yMax'),
          text,
        });
        const lines = [...chunk.matchAll(/<line ([^>]*)>([\s\S]*?)<\/line>/g)].map((m) => {
          const words = [...(m[2] as string).matchAll(/<word ([^>]*)>([^<]*)<\/word>/g)].map((w) =>
            box(w[1] as string, unescapeXml(w[2] as string)),
          );
          return { ...box(m[1] as string, words.map((w) => w.text).join('')), words };
        });
        return { width: num(head, 'width'), height: num(head, 'height'), lines };
      });
    return { pages, pdfinfo };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const PT_PER_MM = 72 / 25.4;

/** A page's lines as a reader reads them: top to bottom, and left to right within a line (±2 pt). */
export function readingOrder(page: PdfPage): PdfLine[] {
  return [...page.lines].sort((a, b) => (Math.abs(a.yMin - b.yMin) > 2 ? a.yMin - b.yMin : a.xMin - b.xMin));
}

/** The text of one column of a table (words whose middle lies in [left, right]), top to bottom. */
export function columnText(pages: PdfPage[], left: number, right: number): string {
  return pages
    .map((p) =>
      p.lines
        .flatMap((l) => l.words)
        .filter((w) => (w.xMin + w.xMax) / 2 >= left && (w.xMin + w.xMax) / 2 <= right)
        .sort((a, b) => (Math.abs(a.yMin - b.yMin) > 2 ? a.yMin - b.yMin : a.xMin - b.xMin))
        .map((w) => w.text)
        .join(''),
    )
    .join('');
}
