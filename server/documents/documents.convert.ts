import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { accessSync, constants, existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { t } from '../../common/i18n/index.js';
import { AppError } from '../core/errors.js';
import { writeFontconfig } from './documents.fonts.js';

/**
 * Previews (ADR 036): a .docx rendered to PDF by LibreOffice (`soffice --headless`) and its pages
 * to PNG by poppler's `pdftoppm`, in child processes — never on the request thread — one
 * conversion at a time (a queue), each with a time limit. The last few PDFs are kept in memory
 * by the form's content, so paging through a preview converts once.
 *
 * GUAZHI_SOFFICE: the soffice program (default: `soffice` on PATH); `off` turns previews off.
 */

const CONVERT_TIMEOUT_MS = Number(process.env.GUAZHI_CONVERT_TIMEOUT_MS) || 90_000;
const PAGE_TIMEOUT_MS = 30_000;
const KEPT = 8;

function onPath(program: string): string | null {
  if (program.includes('/')) return existsSync(program) ? program : null;
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const file = join(dir, program);
    try {
      accessSync(file, constants.X_OK);
      return file;
    } catch {
      // not here
    }
  }
  return null;
}

export interface Availability {
  soffice: string | null;
  pdftoppm: string | null;
  reason: string | null;
}

export function availability(): Availability {
  const setting = process.env.GUAZHI_SOFFICE?.trim() || 'soffice';
  if (setting === 'off') return { soffice: null, pdftoppm: null, reason: t('documents.previewOff') };
  const soffice = onPath(setting);
  const pdftoppm = onPath('pdftoppm');
  const reason = !soffice ? t('documents.noLibreOffice') : !pdftoppm ? t('documents.noPoppler') : null;
  return { soffice, pdftoppm, reason };
}

/** Runs a program in its own process group; past the limit the whole group is killed. */
function runProgram(
  program: string,
  args: string[],
  options: { timeoutMs: number; env?: NodeJS.ProcessEnv; cwd?: string },
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    let err = '';
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // gone already
      }
    }, options.timeoutMs);
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => {
      if (err.length < 4000) err += d.toString();
    });
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (timedOut) reject(new ConvertTimeout());
      else if (code !== 0) reject(new Error(`${program} exited ${code}: ${err.slice(0, 500)}`));
      else resolve(Buffer.concat(out));
    });
  });
}

class ConvertTimeout extends Error {}

let tail: Promise<unknown> = Promise.resolve();
/** One conversion at a time: each job waits for the one before it. */
function queued<T>(job: () => Promise<T>): Promise<T> {
  const next = tail.then(job, job);
  tail = next.catch(() => undefined);
  return next;
}

/**
 * A document that cannot be converted answers 409 with what happened (the error handler words
 * every 5xx generically, and this message tells the user to download the .docx instead).
 */
const failed = (cause: unknown) =>
  new AppError('CONFLICT', {
    messageKey: cause instanceof ConvertTimeout ? 'documents.convertTimeout' : 'documents.convertFailed',
    params: { seconds: Math.round(CONVERT_TIMEOUT_MS / 1000) },
    cause,
  });

async function convert(soffice: string, docx: Buffer): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), 'guazhi-doc-'));
  try {
    const input = join(dir, 'document.docx');
    await writeFile(input, docx);
    const fontconfig = writeFontconfig(join(dir, 'fonts'));
    await runProgram(
      soffice,
      [
        `-env:UserInstallation=file://${join(dir, 'profile')}`,
        '--headless',
        '--norestore',
        '--nolockcheck',
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        input,
      ],
      {
        timeoutMs: CONVERT_TIMEOUT_MS,
        cwd: dir,
        env: { ...process.env, HOME: dir, FONTCONFIG_FILE: fontconfig },
      },
    );
    const pdf = join(dir, 'document.pdf');
    if (!existsSync(pdf)) throw new Error('soffice wrote no PDF');
    return await readFile(pdf);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

interface Kept {
  pdf: Buffer;
  pages: number;
}
const kept = new Map<string, Kept>();

const countPages = (pdf: Buffer): number => {
  // every page object of the PDFs LibreOffice writes carries "/Type /Page" (not "/Pages")
  const text = pdf.toString('latin1');
  return (text.match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
};

/** The PDF of a form (by its content key), converted once while kept. */
export async function pdfOf(key: string, docx: () => Promise<Buffer>): Promise<Kept> {
  const found = kept.get(key);
  if (found) {
    kept.delete(key);
    kept.set(key, found);
    return found;
  }
  const a = availability();
  if (!a.soffice)
    throw new AppError('CONFLICT', {
      messageKey: 'documents.previewUnavailable',
      params: { reason: a.reason ?? '' },
    });
  const file = await docx();
  const soffice = a.soffice;
  const pdf = await queued(() => convert(soffice, file)).catch((e: unknown) => {
    throw failed(e);
  });
  const entry = { pdf, pages: countPages(pdf) };
  kept.set(key, entry);
  while (kept.size > KEPT) kept.delete(kept.keys().next().value as string);
  return entry;
}

/** One page as PNG (96 dpi), through pdftoppm in a child process. */
export async function pageImage(entry: Kept, page: number): Promise<Buffer> {
  const a = availability();
  if (!a.pdftoppm)
    throw new AppError('CONFLICT', {
      messageKey: 'documents.previewUnavailable',
      params: { reason: a.reason ?? '' },
    });
  if (page > entry.pages)
    throw new AppError('NOT_FOUND', { messageKey: 'documents.noSuchPage', params: { pages: entry.pages } });
  const dir = await mkdtemp(join(tmpdir(), 'guazhi-page-'));
  try {
    const input = join(dir, 'document.pdf');
    await writeFile(input, entry.pdf);
    const pdftoppm = a.pdftoppm;
    return await queued(() =>
      runProgram(
        pdftoppm,
        ['-png', '-r', '96', '-f', String(page), '-l', String(page), '-singlefile', input],
        {
          timeoutMs: PAGE_TIMEOUT_MS,
        },
      ),
    ).catch((e: unknown) => {
      throw failed(e);
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The content key of a form: the same data gives the same preview. */
export const contentKey = (value: unknown): string =>
  createHash('sha256').update(JSON.stringify(value)).digest('hex');

/** Forget kept previews (tests). */
export function forgetPreviews(): void {
  kept.clear();
}
