import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { AppContext } from '../core/context.js';
import type { Executor } from '../core/database.js';

/**
 * Where the bytes of stored files live (ADR 032): one interface, two backends. Bytes are kept
 * under their SHA-256 (content-addressed: the same bytes twice are stored once), and a blob is
 * released only when no `files` row refers to it any more.
 */
export interface BlobStore {
  /** Keeps the bytes under their hash; nothing happens when they are already kept. */
  put(db: Executor, sha256: string, content: Buffer, now: string): Promise<void>;
  get(db: Executor, sha256: string): Promise<Buffer | undefined>;
  /** Removes the bytes when no file row refers to their hash. */
  release(db: Executor, sha256: string): Promise<void>;
  /** How many blobs are kept (tests: nothing stored after a refusal). */
  count(db: Executor): Promise<number>;
}

export const sha256Of = (content: Buffer): string => createHash('sha256').update(content).digest('hex');

const referenced = async (db: Executor, sha256: string) =>
  (await db.selectFrom('files').select('id').where('sha256', '=', sha256).limit(1).executeTakeFirst()) !==
  undefined;

/** Where the disk store keeps the bytes of this hash: `<dataDir>/files/ab/cd/<hash>`. */
export function diskBlobPath(dataDir: string, sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`not a SHA-256: ${sha256}`);
  return path.join(dataDir, 'files', sha256.slice(0, 2), sha256.slice(2, 4), sha256);
}

/**
 * The embedded default: files under `<dataDir>/files/ab/cd/<hash>` — the data dir, never the web
 * root. Written to a temporary name and renamed, so a reader never sees half a file.
 */
export function diskStore(dataDir: string): BlobStore {
  const root = path.join(dataDir, 'files');
  const where = (h: string) => diskBlobPath(dataDir, h);
  const exists = (file: string) =>
    stat(file).then(
      () => true,
      () => false,
    );
  return {
    async put(_db, sha256, content) {
      const file = where(sha256);
      if (await exists(file)) return;
      await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
      const temporary = `${file}.${randomUUID()}.tmp`;
      await writeFile(temporary, content, { mode: 0o600 });
      await rename(temporary, file);
    },
    async get(_db, sha256) {
      return readFile(where(sha256)).catch(() => undefined);
    },
    async release(db, sha256) {
      if (!(await referenced(db, sha256))) await rm(where(sha256), { force: true });
    },
    async count() {
      const all = await readdir(root, { recursive: true }).catch(() => [] as string[]);
      return all.filter((name) => /[0-9a-f]{64}$/.test(name)).length;
    },
  };
}

/** With DATABASE_URL: the bytes in `file_blobs` (bytea), shared by every app instance. */
export const databaseStore: BlobStore = {
  async put(db, sha256, content, now) {
    await db
      .insertInto('fileBlobs')
      .values({ sha256, content, size: content.length, createdAt: now })
      .onConflict((oc) => oc.column('sha256').doNothing())
      .execute();
  },
  async get(db, sha256) {
    const row = await db
      .selectFrom('fileBlobs')
      .select('content')
      .where('sha256', '=', sha256)
      .executeTakeFirst();
    return row ? Buffer.from(row.content) : undefined;
  },
  async release(db, sha256) {
    if (!(await referenced(db, sha256)))
      await db.deleteFrom('fileBlobs').where('sha256', '=', sha256).execute();
  },
  async count(db) {
    const row = await db
      .selectFrom('fileBlobs')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },
};

/** The store of this deployment: the database's when it is PostgreSQL, else the data dir. */
export const blobStoreOf = (ctx: Pick<AppContext, 'dialect' | 'config'>): BlobStore =>
  ctx.dialect === 'postgres' ? databaseStore : diskStore(ctx.config.dataDir);
