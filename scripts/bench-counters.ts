// `npm run bench:counters`: what it costs an instance to learn of another instance's writes
// (ADR 020) — one reading of the change counters through Kysely (the per-request alternative)
// and SQLite's `PRAGMA data_version` (what the change feed asks per request). Sequential and
// 50 at once; wall time and the process's CPU time per call. With DATABASE_URL, PostgreSQL too.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, openSqlite } from '../server/core/database.js';
import { migrateToLatest } from '../server/core/migrate.js';

const N = 20_000;

async function measure(label: string, call: () => Promise<unknown> | unknown): Promise<void> {
  for (let i = 0; i < 2_000; i++) await call();
  for (const parallel of [1, 50]) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    await Promise.all(
      Array.from({ length: parallel }, async () => {
        for (let i = 0; i < N / parallel; i++) await call();
      }),
    );
    const cpu = process.cpuUsage(c0);
    const wall = ((performance.now() - t0) / N) * 1000;
    console.log(
      `${label.padEnd(36)} ${String(parallel).padStart(2)} at once: ${wall.toFixed(1)} µs wall, ${((cpu.user + cpu.system) / N).toFixed(1)} µs CPU per call`,
    );
  }
}

const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'guazhi-bench-')), 'counters.sqlite');
const sqlite = openDatabase({ databaseUrl: null, sqliteFile: file });
await migrateToLatest(sqlite.db);
await measure('SQLite: read the change counters', () =>
  sqlite.db.selectFrom('changeCounters').select(['name', 'version']).execute(),
);
const raw = openSqlite(file);
const dataVersion = raw.prepare('PRAGMA data_version').pluck();
await measure('SQLite: PRAGMA data_version', () => dataVersion.get());
raw.close();
await sqlite.close();

if (process.env.DATABASE_URL) {
  const pg = openDatabase({ databaseUrl: process.env.DATABASE_URL, sqliteFile: '' });
  await migrateToLatest(pg.db);
  await measure('PostgreSQL: read the change counters', () =>
    pg.db.selectFrom('changeCounters').select(['name', 'version']).execute(),
  );
  await pg.close();
}
