import { mkdtempSync } from 'node:fs';
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
});
