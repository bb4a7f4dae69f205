import SQLite from 'better-sqlite3';

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
