import { chmodSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSqlite } from './database.js';

describe('SQLite connection', () => {
  it('opens with WAL, synchronous=FULL, foreign keys, a busy timeout, secure_delete and a 64 MB page cache', () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'guazhi-db-')), 'x.sqlite');
    const db = openSqlite(file);
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('synchronous', { simple: true })).toBe(2);
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
      expect(db.pragma('secure_delete', { simple: true })).toBe(1);
      expect(db.pragma('cache_size', { simple: true })).toBe(-65536);
    } finally {
      db.close();
    }
  });

  it('creates the database file, its WAL and its shared memory readable by the owner only (0600)', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'guazhi-db-'));
    const file = path.join(dir, 'x.sqlite');
    const db = openSqlite(file);
    try {
      db.exec('create table t (x); insert into t values (1)');
      for (const f of [file, `${file}-wal`, `${file}-shm`]) expect(statSync(f).mode & 0o777).toBe(0o600);
    } finally {
      db.close();
    }
  });

  it('narrows a database file left world-readable to 0600 when it opens it', () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'guazhi-db-')), 'x.sqlite');
    writeFileSync(file, '');
    chmodSync(file, 0o644);
    openSqlite(file).close();
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });
});
