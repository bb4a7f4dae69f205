import { createHash, createHmac } from 'node:crypto';
import {
  createReadStream,
  existsSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { chmod, copyFile } from 'node:fs/promises';
import path from 'node:path';
import { anchorPath, readAnchor, writeAnchor } from '../audit/audit.anchor.js';
import { verifyChain } from '../audit/audit.service.js';
import type { Clock } from '../core/clock.js';
import type { Config } from '../core/config.js';
import { type Db, type DialectName, openDatabase } from '../core/database.js';
import { AppError } from '../core/errors.js';
import { migrationState } from '../core/migrate.js';
import { onWorker } from '../core/offload.js';
import { pgDump, pgRestore } from './backup.postgres.js';
import { contentsOf, exportSnapshot, otherConnections } from './backup.repository.js';
import type { Contents, inspect, inUse, packBlobs, unpackBlobs, vacuumInto } from './backup.sqlite.js';

/**
 * Backups and restores (ADR 017). A backup is one file — a SQLite copy made by `VACUUM INTO`, or
 * a `pg_dump --format=custom` — and its manifest beside it (`<file>.manifest.json`): checksum,
 * schema version, rows per table, the audit chain's head and fingerprints of the keys it needs.
 * Personal data stays the ciphertext it is in the database; the keys are never in a backup.
 */
export const MANIFEST_FORMAT = 'guazhi-backup/1';

export interface Manifest extends Contents {
  format: typeof MANIFEST_FORMAT;
  dialect: DialectName;
  /** The backup file's name (the manifest lies beside it). */
  file: string;
  createdAt: string;
  bytes: number;
  sha256: string;
  /** Fingerprints (HMAC of a fixed text) of the keys this backup must be restored with. */
  keys: { dataKey: string; auditKey: string };
  /**
   * SQLite: the stored files' bytes the copy carries in its `file_blobs` (they live under the
   * data dir, not in the database file), and the rows whose bytes were already gone.
   * PostgreSQL keeps the bytes in `file_blobs` itself: the dump holds them.
   */
  files?: { packed: number; missing: number };
}

export const manifestPath = (file: string): string => `${file}.manifest.json`;

/** What a backup needs: the database (PostgreSQL), where the SQLite file is, the keys, the time. */
export interface BackupContext {
  db: Db;
  dialect: DialectName;
  config: Config;
  clock: Clock;
}

const SQLITE_JOBS = new URL('./backup.sqlite.js', import.meta.url);
const onSqliteWorker = {
  vacuumInto: (input: Parameters<typeof vacuumInto>[0]) =>
    onWorker<typeof input, ReturnType<typeof vacuumInto>>(SQLITE_JOBS, 'vacuumInto', input),
  inspect: (input: Parameters<typeof inspect>[0]) =>
    onWorker<typeof input, ReturnType<typeof inspect>>(SQLITE_JOBS, 'inspect', input),
  inUse: (input: Parameters<typeof inUse>[0]) =>
    onWorker<typeof input, ReturnType<typeof inUse>>(SQLITE_JOBS, 'inUse', input),
  packBlobs: (input: Parameters<typeof packBlobs>[0]) =>
    onWorker<typeof input, ReturnType<typeof packBlobs>>(SQLITE_JOBS, 'packBlobs', input),
  unpackBlobs: (input: Parameters<typeof unpackBlobs>[0]) =>
    onWorker<typeof input, ReturnType<typeof unpackBlobs>>(SQLITE_JOBS, 'unpackBlobs', input),
};

function keyFingerprint(key: Buffer): string {
  return createHmac('sha256', key).update('guazhi.backup.key-check').digest('hex').slice(0, 16);
}

export function sha256File(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}

/** `2026-12-02T11:00:00.000Z` → `20261202T110000Z`, for file names. */
export const fileStamp = (at: Date): string => at.toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '');

/** The file name ending of a backup of this database. */
export const backupExtension = (dialect: DialectName): string =>
  dialect === 'sqlite' ? '.sqlite' : '.pgdump';

/**
 * A consistent backup of the running database into `file` (which must not exist), and its
 * manifest. The copy is written under a temporary name and renamed when complete, mode 0600.
 */
export async function backupTo(ctx: BackupContext, file: string): Promise<Manifest> {
  const target = path.resolve(file);
  if (existsSync(target) || existsSync(manifestPath(target))) {
    throw new AppError('CONFLICT', { messageKey: 'backup.targetExists', params: { file: target } });
  }
  const partial = `${target}.partial-${process.pid}`;
  rmSync(partial, { force: true });
  const createdAt = ctx.clock.now().toISOString();
  let contents: Contents;
  let files: Manifest['files'];
  try {
    if (ctx.dialect === 'sqlite') {
      if (!existsSync(ctx.config.sqliteFile)) {
        throw new AppError('NOT_FOUND', {
          messageKey: 'backup.noDatabase',
          params: { file: ctx.config.sqliteFile },
        });
      }
      await onSqliteWorker.vacuumInto({ source: ctx.config.sqliteFile, target: partial });
      const packed = await onSqliteWorker.packBlobs({ copy: partial, dataDir: ctx.config.dataDir });
      contents = packed.contents;
      files = packed.files;
    } else {
      // one snapshot for the dump and the counts: the manifest says exactly what the dump holds
      contents = await ctx.db
        .transaction()
        .setIsolationLevel('repeatable read')
        .setAccessMode('read only')
        .execute(async (trx) => {
          const snapshot = await exportSnapshot(trx);
          const counted = await contentsOf(trx);
          await pgDump(ctx.config.databaseUrl as string, partial, snapshot);
          return counted;
        });
    }
    await chmod(partial, 0o600);
    const sha256 = await sha256File(partial);
    const manifest: Manifest = {
      format: MANIFEST_FORMAT,
      dialect: ctx.dialect,
      file: path.basename(target),
      createdAt,
      bytes: statSync(partial).size,
      sha256,
      ...contents,
      keys: { dataKey: keyFingerprint(ctx.config.dataKey), auditKey: keyFingerprint(ctx.config.auditKey) },
      ...(files ? { files } : {}),
    };
    writeFileSync(manifestPath(target), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
    renameSync(partial, target);
    return manifest;
  } finally {
    rmSync(partial, { force: true });
  }
}

/** The backup's manifest, checked against the file (checksum) and the configuration (dialect, keys). */
export async function checkBackup(config: Config, file: string): Promise<Manifest> {
  const source = path.resolve(file);
  if (!existsSync(source))
    throw new AppError('NOT_FOUND', { messageKey: 'backup.fileMissing', params: { file: source } });
  const mfile = manifestPath(source);
  if (!existsSync(mfile)) {
    throw new AppError('VALIDATION_FAILED', {
      messageKey: 'backup.manifestMissing',
      params: { file: mfile },
    });
  }
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(mfile, 'utf8')) as Manifest;
  } catch {
    throw new AppError('VALIDATION_FAILED', {
      messageKey: 'backup.manifestInvalid',
      params: { file: mfile },
    });
  }
  if (manifest.format !== MANIFEST_FORMAT || typeof manifest.sha256 !== 'string' || !manifest.tables) {
    throw new AppError('VALIDATION_FAILED', {
      messageKey: 'backup.manifestInvalid',
      params: { file: mfile },
    });
  }
  const actual = await sha256File(source);
  if (actual !== manifest.sha256) {
    throw new AppError('VALIDATION_FAILED', {
      messageKey: 'backup.checksumMismatch',
      params: { expected: manifest.sha256, actual },
    });
  }
  const dialect: DialectName = config.databaseUrl ? 'postgres' : 'sqlite';
  if (manifest.dialect !== dialect) {
    throw new AppError('CONFLICT', {
      messageKey: 'backup.dialectMismatch',
      params: { from: manifest.dialect, to: dialect },
    });
  }
  for (const [field, variable, keyFile] of [
    ['dataKey', 'GUAZHI_DATA_KEY', 'data-key'],
    ['auditKey', 'GUAZHI_AUDIT_KEY', 'audit-key'],
  ] as const) {
    if (manifest.keys?.[field] !== keyFingerprint(config[field])) {
      throw new AppError('CONFLICT', {
        messageKey: 'backup.wrongKey',
        params: { variable, file: keyFile, dir: config.dataDir },
      });
    }
  }
  return manifest;
}

export interface RestoreReport {
  manifest: Manifest;
  /** The SQLite file restored; null on PostgreSQL (the configured database). */
  target: string | null;
  /** The database that was there before (SQLite), kept under this name. */
  movedAside: string | null;
  integrity: string;
  rows: number;
  audit: { ok: boolean; checked: number; previousAnchorSeq: number | null };
}

function compareCounts(expected: Record<string, number>, actual: Record<string, number>): void {
  const differ = Object.entries(expected)
    .filter(([table, n]) => actual[table] !== n)
    .map(([table, n]) => `${table} ${actual[table] ?? '—'} ≠ ${n}`);
  if (differ.length) {
    throw new AppError('CONFLICT', {
      messageKey: 'backup.countMismatch',
      params: { detail: differ.join('，') },
    });
  }
}

/**
 * Restores a backup into the configured database: refused while the database is in use or when
 * the file does not match its manifest; checked (integrity, rows per table) before it replaces
 * anything on SQLite; the audit chain's external anchor is set to the restored head, and the
 * chain verified.
 */
export async function restoreFrom(config: Config, clock: Clock, file: string): Promise<RestoreReport> {
  const source = path.resolve(file);
  const manifest = await checkBackup(config, source);
  let movedAside: string | null = null;
  let integrity: string;
  let target: string | null = null;
  if (!config.databaseUrl) {
    target = config.sqliteFile;
    if (await onSqliteWorker.inUse({ file: target })) {
      throw new AppError('CONFLICT', { messageKey: 'backup.inUseSqlite', params: { file: target } });
    }
    const staged = `${target}.restoring`;
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(staged + suffix, { force: true });
    await copyFile(source, staged);
    await chmod(staged, 0o600);
    try {
      const checked = await onSqliteWorker.inspect({ file: staged, integrity: true });
      integrity = checked.integrity ?? '';
      if (integrity !== 'ok') {
        throw new AppError('CONFLICT', {
          messageKey: 'backup.integrityFailed',
          params: { detail: integrity },
        });
      }
      compareCounts(manifest.tables, checked.contents.tables);
      // the stored files' bytes the copy carries go back under the data dir
      await onSqliteWorker.unpackBlobs({ file: staged, dataDir: config.dataDir });
    } catch (error) {
      rmSync(staged, { force: true });
      throw error;
    }
    if (existsSync(target)) {
      movedAside = `${target}.before-restore-${fileStamp(clock.now())}`;
      // the old file with its WAL: together they still are the old database
      for (const suffix of ['', '-wal', '-shm']) {
        if (existsSync(target + suffix)) renameSync(target + suffix, movedAside + suffix);
      }
    }
    for (const suffix of ['-wal', '-shm', '-journal']) rmSync(target + suffix, { force: true });
    renameSync(staged, target);
  } else {
    const handle = openDatabase(config);
    try {
      const others = await otherConnections(handle.db);
      if (others > 0) {
        throw new AppError('CONFLICT', { messageKey: 'backup.inUsePostgres', params: { count: others } });
      }
    } finally {
      await handle.close();
    }
    await pgRestore(config.databaseUrl, source);
    integrity = 'pg_restore ok';
  }
  const handle = openDatabase(config);
  try {
    if (config.databaseUrl) compareCounts(manifest.tables, (await contentsOf(handle.db)).tables);
    // the restored chain ends at the backup's head: the anchor outside the database moves back to it
    const anchorFile = anchorPath(config);
    const previous = readAnchor(anchorFile);
    if (manifest.auditHead && manifest.auditHead.seq > 0) {
      writeAnchor(anchorFile, { ...manifest.auditHead, at: clock.now().toISOString() });
    } else rmSync(anchorFile, { force: true });
    const verified = await verifyChain({ db: handle.db, config });
    return {
      manifest,
      target,
      movedAside,
      integrity,
      rows: Object.values(manifest.tables).reduce((a, b) => a + b, 0),
      audit: { ok: verified.ok, checked: verified.checked, previousAnchorSeq: previous?.seq ?? null },
    };
  } finally {
    await handle.close();
  }
}

/**
 * Before pending migrations run on a database that already has a schema: a backup into the
 * backup dir (or the data dir), named after the first pending migration. Returns its file, or
 * null when there was nothing to protect (new database, nothing pending, turned off).
 */
export async function backupBeforeMigrations(ctx: BackupContext): Promise<string | null> {
  if (!ctx.config.backupBeforeMigrate) return null;
  if (ctx.dialect === 'sqlite' && !existsSync(ctx.config.sqliteFile)) return null;
  const { applied, pending } = await migrationState(ctx.db);
  if (applied.length === 0 || pending.length === 0) return null;
  const dir = ctx.config.backupDir ?? ctx.config.dataDir;
  const file = path.join(
    dir,
    `guazhi-before-${pending[0]}-${fileStamp(ctx.clock.now())}${backupExtension(ctx.dialect)}`,
  );
  await backupTo(ctx, file);
  return file;
}

/** The configured database opened for `guazhi backup`, unmigrated; a missing SQLite file is not created. */
export function openForBackup(config: Config, clock: Clock): BackupContext & { close(): Promise<void> } {
  if (!config.databaseUrl && !existsSync(config.sqliteFile)) {
    throw new AppError('NOT_FOUND', { messageKey: 'backup.noDatabase', params: { file: config.sqliteFile } });
  }
  const handle = openDatabase(config);
  return { db: handle.db, dialect: handle.dialect, config, clock, close: () => handle.close() };
}
