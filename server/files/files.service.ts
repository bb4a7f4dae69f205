import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { FastifyReply } from 'fastify';
import {
  FILE_LIMIT,
  FILE_MAX_BYTES,
  FILE_MIME,
  type FileKind,
  fileTooLarge,
} from '../../common/files/files.js';
import type { Attachment } from '../../common/files/files.schema.js';
import type { AppContext } from '../core/context.js';
import type { Executor } from '../core/database.js';
import { AppError, notFound } from '../core/errors.js';
import { type InTransaction, inTransaction } from '../core/transaction.js';
import { detectKind } from './files.content.js';
import { blobStoreOf, sha256Of } from './files.store.js';
import type { FileRow } from './files.table.js';

/**
 * Stored files (ADR 032): one interface for every capability that attaches files to its rows
 * (the work log now, the achievement ledger's evidence next). A file belongs to one owner,
 * `(ownerKind, ownerId)`; the owner's capability decides who may attach, read and remove — it
 * checks its own row in scope first and only then calls these functions. Here: the limits, the
 * type by content, the hash, and the bytes in the deployment's blob store.
 */

type FileContext = Pick<AppContext, 'db' | 'dialect' | 'config' | 'clock'>;

const fileError = (messageKey: 'files.executable' | 'files.type' | 'files.empty', params = {}) =>
  new AppError('VALIDATION_FAILED', {
    messageKey,
    params,
    fields: [{ field: 'file', message: new AppError('VALIDATION_FAILED', { messageKey, params }).message }],
  });

/** The 413 an upload over the limit gets (also from the body parser: `routeErrors`). */
export const fileTooLargeError = () =>
  new AppError('PAYLOAD_TOO_LARGE', {
    messageKey: 'files.tooLarge',
    params: { limit: FILE_LIMIT },
    fields: [{ field: 'file', message: fileTooLarge() }],
  });

const EXTENSIONS: Record<FileKind, readonly string[]> = {
  jpeg: ['.jpg', '.jpeg'],
  png: ['.png'],
  webp: ['.webp'],
  pdf: ['.pdf'],
  docx: ['.docx'],
  doc: ['.doc'],
};

/**
 * The name kept: no directories, no control characters, at most 120 characters; an extension
 * that does not fit the content is replaced by the content's own (a PNG sent as `a.pdf` → `a.png`).
 */
export function cleanName(name: string, kind: FileKind): string {
  const base = path.posix
    .basename(name.replaceAll('\\', '/'))
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters
    .replace(/[\u0000-\u001f\u007f"]/g, '')
    .trim();
  const ext = path.posix.extname(base).toLowerCase();
  const stem = (ext ? base.slice(0, -ext.length) : base).slice(0, 100) || '附件';
  return `${stem}${EXTENSIONS[kind].includes(ext) ? ext : EXTENSIONS[kind][0]}`;
}

/** Refuses what may not be stored, before anything is written: size, then type by content. */
export function checkUpload(content: Buffer): FileKind {
  if (content.length === 0) throw fileError('files.empty');
  if (content.length > FILE_MAX_BYTES) throw fileTooLargeError();
  const found = detectKind(content);
  if (!found.ok) throw fileError(found.reason === 'executable' ? 'files.executable' : 'files.type');
  return found.kind;
}

export interface NewFile {
  ownerKind: string;
  ownerId: string;
  name: string;
  content: Buffer;
  createdBy: string | null;
}

/**
 * Stores a file for its owner: checked (nothing is written for a refused upload), its row and
 * its bytes written in one transaction, `within` (the owner's checks and audit row) in the same
 * one. On the disk store the bytes are a file, outside the transaction: if the transaction
 * fails, the blob is released again, so nothing is left behind.
 */
export async function storeFile<C extends FileContext, T>(
  ctx: C,
  f: NewFile,
  within: (tx: InTransaction<C> & C, file: FileRow) => Promise<T>,
): Promise<T> {
  const kind = checkUpload(f.content);
  const sha256 = sha256Of(f.content);
  const store = blobStoreOf(ctx);
  const now = ctx.clock.now().toISOString();
  const row: FileRow = {
    id: randomUUID(),
    ownerKind: f.ownerKind,
    ownerId: f.ownerId,
    name: cleanName(f.name, kind),
    kind,
    mime: FILE_MIME[kind],
    size: f.content.length,
    sha256,
    createdAt: now,
    createdBy: f.createdBy,
  };
  try {
    return await inTransaction(ctx, async (tx) => {
      await tx.db.insertInto('files').values(row).execute();
      await store.put(tx.db, sha256, f.content, now);
      return within(tx, row);
    });
  } catch (error) {
    if (ctx.dialect !== 'postgres') await store.release(ctx.db, sha256).catch(() => undefined);
    throw error;
  }
}

/** The files of some owners, oldest first. */
export function filesOf(db: Executor, ownerKind: string, ownerIds: readonly string[]): Promise<FileRow[]> {
  if (ownerIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('files')
    .selectAll()
    .where('ownerKind', '=', ownerKind)
    .where('ownerId', 'in', [...ownerIds])
    .orderBy('createdAt')
    .orderBy('id')
    .execute();
}

export const toAttachment = (f: FileRow): Attachment => ({
  id: f.id,
  name: f.name,
  kind: f.kind as FileKind,
  size: f.size,
  sha256: f.sha256,
  createdAt: f.createdAt,
});

/** One file of the owner (the caller has checked the owner is in scope). */
async function ownFile(db: Executor, ownerKind: string, ownerId: string, fileId: string): Promise<FileRow> {
  const row = await db
    .selectFrom('files')
    .selectAll()
    .where('id', '=', fileId)
    .where('ownerKind', '=', ownerKind)
    .where('ownerId', '=', ownerId)
    .executeTakeFirst();
  if (!row) throw notFound();
  return row;
}

/** A file's row and bytes, checked against its hash. */
export async function readStoredFile(
  ctx: FileContext,
  ownerKind: string,
  ownerId: string,
  fileId: string,
): Promise<{ file: FileRow; content: Buffer }> {
  const file = await ownFile(ctx.db, ownerKind, ownerId, fileId);
  const content = await blobStoreOf(ctx).get(ctx.db, file.sha256);
  if (!content || sha256Of(content) !== file.sha256)
    throw new Error(`stored file ${file.id} is missing or damaged`);
  return { file, content };
}

/**
 * Removes the owner's file row (inside the caller's transaction). Its bytes go when no row needs
 * them: on PostgreSQL in the same transaction; on the disk store only once the caller's
 * transaction has committed — the caller then calls `releaseBlobs` (a rolled-back delete must
 * not lose the bytes of a row that stays).
 */
export async function removeStoredFile(
  ctx: FileContext,
  ownerKind: string,
  ownerId: string,
  fileId: string,
): Promise<FileRow> {
  const file = await ownFile(ctx.db, ownerKind, ownerId, fileId);
  await ctx.db.deleteFrom('files').where('id', '=', file.id).execute();
  if (ctx.dialect === 'postgres') await blobStoreOf(ctx).release(ctx.db, file.sha256);
  return file;
}

/** After the transaction that removed these files committed: their bytes on the disk store. */
export async function releaseBlobs(ctx: FileContext, files: readonly FileRow[]): Promise<void> {
  if (ctx.dialect === 'postgres') return;
  for (const f of files) await blobStoreOf(ctx).release(ctx.db, f.sha256);
}

/** Removes every file of an owner (its row is being deleted). */
export async function removeFilesOf(
  ctx: FileContext,
  ownerKind: string,
  ownerId: string,
): Promise<FileRow[]> {
  const files = await filesOf(ctx.db, ownerKind, [ownerId]);
  for (const f of files) await removeStoredFile(ctx, ownerKind, ownerId, f.id);
  return files;
}

/** RFC 5987 / 6266: an ASCII fallback and the UTF-8 name. */
export function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

/** Sends a stored file as a download: its own type, its name, never sniffed. */
export function sendFile(reply: FastifyReply, file: FileRow, content: Buffer) {
  return reply
    .type(file.mime)
    .header('content-disposition', contentDisposition(file.name))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .header('x-content-sha256', file.sha256)
    .send(content);
}
