import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { ensureExpertise } from '../server/cadres/cadres.service.js';
import { type DatabaseHandle, openDatabase } from '../server/core/database.js';
import { migrateToLatest } from '../server/core/migrate.js';
import { ensureRegions } from '../server/regions/regions.service.js';

/**
 * Test databases: one migrated template per run (with regions loaded), copied for each
 * test file — a file copy on SQLite, `CREATE DATABASE … TEMPLATE` on PostgreSQL.
 */
export const TEST_ROOT = path.resolve('.tmp/test');
export const SQLITE_TEMPLATE = path.join(TEST_ROOT, 'template.sqlite');
export const PG_TEMPLATE = 'guazhi_template';

export function adminUrl(databaseUrl: string, database = 'postgres'): string {
  const url = new URL(databaseUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function pgAdmin<T>(databaseUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl(databaseUrl) });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function createTemplate(databaseUrl: string | undefined): Promise<void> {
  mkdirSync(TEST_ROOT, { recursive: true });
  let handle: DatabaseHandle;
  if (databaseUrl) {
    await pgAdmin(databaseUrl, async (c) => {
      await c.query(`DROP DATABASE IF EXISTS ${PG_TEMPLATE}`);
      await c.query(`CREATE DATABASE ${PG_TEMPLATE}`);
    });
    handle = openDatabase({ databaseUrl: adminUrl(databaseUrl, PG_TEMPLATE), sqliteFile: '' });
  } else {
    for (const suffix of ['', '-wal', '-shm']) rmSync(SQLITE_TEMPLATE + suffix, { force: true });
    handle = openDatabase({ databaseUrl: null, sqliteFile: SQLITE_TEMPLATE });
  }
  try {
    await migrateToLatest(handle.db);
    await ensureRegions({ db: handle.db });
    await ensureExpertise({ db: handle.db });
  } finally {
    await handle.close();
  }
}

export interface TestDatabase {
  databaseUrl: string | null;
  sqliteFile: string;
  drop(): Promise<void>;
}

/** A fresh, migrated database for one test file. */
export async function cloneTemplate(databaseUrl: string | undefined): Promise<TestDatabase> {
  const name = `t_${process.pid}_${randomBytes(4).toString('hex')}`;
  if (databaseUrl) {
    await pgAdmin(databaseUrl, (c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${PG_TEMPLATE}`));
    return {
      databaseUrl: adminUrl(databaseUrl, name),
      sqliteFile: '',
      drop: () =>
        pgAdmin(databaseUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => {}),
    };
  }
  const file = path.join(TEST_ROOT, `${name}.sqlite`);
  copyFileSync(SQLITE_TEMPLATE, file);
  return {
    databaseUrl: null,
    sqliteFile: file,
    drop: async () => {
      for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
    },
  };
}
