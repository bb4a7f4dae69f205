import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { diskBlobPath } from '../files/files.store.js';

/**
 * The SQLite side of backups, on a connection of its own (ADR 017). `serve` runs these on the
 * worker thread (server/core/offload.ts), so a scheduled backup never holds up requests; the
 * command line runs them the same way. No side effects on import.
 */

/** What a backup holds, read from the copy itself (so it is exactly what was copied). */
export interface Contents {
  /** The newest migration applied: the schema version. */
  schemaVersion: string | null;
  /** Rows per table, tables by name. */
  tables: Record<string, number>;
  /** The audit chain's head in the copy. */
  auditHead: { seq: number; hash: string } | null;
}

/**
 * A consistent copy of a live database: `VACUUM INTO` reads the whole database in one read
 * transaction (the WAL included), so the copy is a snapshot at one moment, whatever the app
 * writes meanwhile. The copy is compact and not in WAL mode; `target` must not exist yet.
 */
export function vacuumInto(input: { source: string; target: string }): Contents {
  const db = new SQLite(input.source, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 10000');
    db.prepare('VACUUM INTO ?').run(input.target);
  } finally {
    db.close();
  }
  return inspect({ file: input.target, integrity: false }).contents;
}

/** The copy's contents, and with `integrity` the result of `PRAGMA integrity_check` ('ok' when sound). */
export function inspect(input: { file: string; integrity: boolean }): {
  contents: Contents;
  integrity: string | null;
} {
  const db = new SQLite(input.file, { readonly: true, fileMustExist: true });
  try {
    const integrity = input.integrity
      ? (db.pragma('integrity_check', { simple: false }) as { integrity_check: string }[])
          .map((r) => r.integrity_check)
          .join('; ')
      : null;
    const names = db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name",
      )
      .pluck()
      .all() as string[];
    const tables: Record<string, number> = {};
    for (const name of names) {
      tables[name] = db
        .prepare(`SELECT count(*) FROM "${name.replaceAll('"', '""')}"`)
        .pluck()
        .get() as number;
    }
    const has = (table: string) => names.includes(table);
    const schemaVersion = has('schema_migrations')
      ? ((db.prepare('SELECT max(name) FROM schema_migrations').pluck().get() as string | null) ?? null)
      : null;
    const head = has('audit_head')
      ? (db.prepare('SELECT seq, last_hash AS hash FROM audit_head WHERE id = 1').get() as
          | { seq: number; hash: string }
          | undefined)
      : undefined;
    return {
      contents: {
        schemaVersion,
        tables,
        auditHead: head ? { seq: Number(head.seq), hash: head.hash } : null,
      },
      integrity,
    };
  } finally {
    db.close();
  }
}

/**
 * Whether a connection has the database open: a connection in WAL mode holds a shared lock on
 * the file as long as it is open, so an exclusive lock taken at once (no waiting) fails while
 * `serve` or any command has it open — also when it is idle. Returns false for no file.
 */
export function inUse(input: { file: string }): boolean {
  let db: SQLite.Database;
  try {
    db = new SQLite(input.file, { fileMustExist: true, timeout: 0 });
  } catch {
    return false;
  }
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    db.exec('ROLLBACK');
    return false;
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_BUSY') return true;
    throw error;
  } finally {
    db.close();
  }
}

const hasTable = (db: SQLite.Database, name: string) =>
  db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;

/**
 * On SQLite the bytes of stored files live under `<dataDir>/files`, outside the database file
 * (ADR 032). A backup must hold them too and stay one file with one checksum: the copy's
 * `file_blobs` table (empty on a live SQLite database) receives the bytes of every file its
 * `files` rows name. A row whose bytes are gone (its file was removed after the copy's moment:
 * bytes are released only once no row needs them) is counted in `missing`.
 */
export function packBlobs(input: { copy: string; dataDir: string }): {
  contents: Contents;
  files: { packed: number; missing: number };
} {
  const db = new SQLite(input.copy, { fileMustExist: true });
  let packed = 0;
  let missing = 0;
  try {
    if (hasTable(db, 'files') && hasTable(db, 'file_blobs')) {
      const hashes = db
        .prepare('SELECT DISTINCT sha256 FROM files ORDER BY sha256')
        .pluck()
        .all() as string[];
      const insert = db.prepare(
        'INSERT OR IGNORE INTO file_blobs (sha256, content, size, created_at) VALUES (?, ?, ?, ?)',
      );
      const now = new Date().toISOString();
      db.transaction(() => {
        for (const sha256 of hashes) {
          const file = diskBlobPath(input.dataDir, sha256);
          if (!existsSync(file)) {
            missing += 1;
            continue;
          }
          const content = readFileSync(file);
          insert.run(sha256, content, content.length, now);
          packed += 1;
        }
      })();
    }
  } finally {
    db.close();
  }
  return { contents: inspect({ file: input.copy, integrity: false }).contents, files: { packed, missing } };
}

/**
 * Restoring a SQLite backup: the bytes the copy carries go back under `<dataDir>/files` (each
 * checked against its hash, written under a temporary name and renamed), and the copy's
 * `file_blobs` is emptied, as a live SQLite database keeps it. Returns how many were written.
 */
export function unpackBlobs(input: { file: string; dataDir: string }): number {
  const db = new SQLite(input.file, { fileMustExist: true });
  let written = 0;
  try {
    if (!hasTable(db, 'file_blobs')) return 0;
    const rows = db.prepare('SELECT sha256, content FROM file_blobs').iterate() as Iterable<{
      sha256: string;
      content: Buffer;
    }>;
    for (const row of rows) {
      const content = Buffer.from(row.content);
      if (createHash('sha256').update(content).digest('hex') !== row.sha256) {
        throw new Error(`the backup's bytes for ${row.sha256} do not match their hash`);
      }
      const target = diskBlobPath(input.dataDir, row.sha256);
      written += 1;
      if (existsSync(target)) continue;
      mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
      const temporary = `${target}.${randomUUID()}.tmp`;
      writeFileSync(temporary, content, { mode: 0o600 });
      renameSync(temporary, target);
    }
    db.exec('DELETE FROM file_blobs');
    db.exec('VACUUM');
  } finally {
    db.close();
  }
  return written;
}
