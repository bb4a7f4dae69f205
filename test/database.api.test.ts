import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../server/core/database.js';
import { MigrationError, migrateToLatest } from '../server/core/migrate.js';
import { isEmptyInstall, seedDemo } from '../server/demo/demo.seed.js';
import { migrations } from '../server/migrations/index.js';
import { cloneTemplate } from './databases.js';
import { createTestApp, type TestApp } from './helpers.js';

// Runs on SQLite and, in the PostgreSQL pass, on PostgreSQL: the same migrations serve both.

describe('migrations', () => {
  it('are all applied to the template, in timestamp order', async () => {
    const database = await cloneTemplate(process.env.DATABASE_URL || undefined);
    const handle = openDatabase(database);
    try {
      const rows = await (handle.db as unknown as Kysely<{ schema_migrations: { name: string } }>)
        .withoutPlugins()
        .selectFrom('schema_migrations')
        .select('name')
        .orderBy('name')
        .execute();
      expect(rows.map((r) => r.name)).toEqual(Object.keys(migrations).sort());
      expect(await migrateToLatest(handle.db)).toEqual([]);
    } finally {
      await handle.close();
      await database.drop();
    }
  });

  it('leave the database as it was when one fails', async () => {
    const database = await cloneTemplate(process.env.DATABASE_URL || undefined);
    const handle = openDatabase(database);
    try {
      const broken = {
        ...migrations,
        '29990101000000_first_ok': {
          up: async (db: Kysely<unknown>) => {
            await db.schema.createTable('should_vanish').addColumn('id', 'text').execute();
          },
        },
        '29990101000001_broken': {
          up: async (db: Kysely<unknown>) => {
            await db.schema.alterTable('units').addColumn('extra', 'text').execute();
            await sql`insert into no_such_table values (1)`.execute(db);
          },
        },
      };
      await expect(migrateToLatest(handle.db, broken)).rejects.toThrow(MigrationError);
      await expect(migrateToLatest(handle.db, broken)).rejects.toThrow(/29990101000001_broken/);
      await expect(sql`select * from should_vanish`.execute(handle.db)).rejects.toThrow();
      await expect(sql`select extra from units`.execute(handle.db)).rejects.toThrow();
      const applied = await sql<{ name: string }>`select name from schema_migrations`.execute(handle.db);
      expect(applied.rows.map((r) => r.name).sort()).toEqual(Object.keys(migrations).sort());
    } finally {
      await handle.close();
      await database.drop();
    }
  });
});

describe('demo data', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('runs on the database this pass was asked for', () => {
    expect(t.ctx.dialect).toBe(process.env.DATABASE_URL ? 'postgres' : 'sqlite');
  });

  it('seeds fictional accounts with one-time passwords and units in real regions, once', async () => {
    expect(await isEmptyInstall(t.ctx)).toBe(true);
    const accounts = await seedDemo(t.ctx);
    expect(accounts.map((a) => a.username)).toEqual([
      'admin',
      'secadmin',
      'auditor',
      'zzb',
      'zzb.sz',
      'pc.qf',
      'js.qx',
      'gb.zhou',
      'gb.wang',
    ]);
    for (const a of accounts) expect(a.oneTimePassword).toMatch(/^.{16}$/);
    expect(new Set(accounts.map((a) => a.oneTimePassword)).size).toBe(accounts.length);
    const roles = await t.ctx.db.selectFrom('userRoles').select(['role', 'regionCode', 'unitId']).execute();
    expect(new Set(roles.map((r) => r.role)).size).toBe(7);
    expect(
      roles
        .filter((r) => r.role === 'sending_liaison' || r.role === 'receiving_manager')
        .every((r) => r.unitId),
    ).toBe(true);
    const users = await t.ctx.db.selectFrom('users').select(['username', 'mustChangePassword']).execute();
    expect(users.every((u) => u.mustChangePassword === 1)).toBe(true);
    const units = await t.ctx.db
      .selectFrom('units as u')
      .innerJoin('regions as r', 'r.code', 'u.regionCode')
      .select(['u.name', 'u.parentId', 'r.name as region'])
      .execute();
    expect(units.length).toBeGreaterThanOrEqual(10);
    expect(units.some((u) => u.parentId !== null)).toBe(true);
    expect(units.find((u) => u.name === '台江县清溪镇人民政府')?.region).toBe('台江县');

    expect(await isEmptyInstall(t.ctx)).toBe(false);
    expect(await seedDemo(t.ctx)).toEqual([]);
    const again = await t.ctx.db.selectFrom('units').select('id').execute();
    expect(again).toHaveLength(units.length);
  });
});

describe('connections ended by the database server', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  // On PostgreSQL a restart, a failover or an administrator ends connections the app holds idle
  // (its pool, the change feed's listener); the app must neither crash nor fail the next request.
  // SQLite has no server to end them: there the requests simply answer.
  it('the next requests answer as before, and no error escapes', async () => {
    const before = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(before.json()).toEqual({ status: 'ok' });
    if (t.ctx.dialect === 'postgres') {
      const ended = await sql<{ n: number | string }>`
        SELECT count(pg_terminate_backend(pid)) AS n FROM pg_stat_activity
        WHERE datname = current_database() AND pid <> pg_backend_pid()`.execute(t.ctx.db);
      expect(Number(ended.rows[0]?.n)).toBeGreaterThan(0);
      await new Promise((r) => setTimeout(r, 200)); // the 'error' events arrive
    }
    for (let i = 0; i < 3; i++) {
      const res = await t.app.inject({ method: 'GET', url: '/api/health' });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({ status: 'ok' });
    }
  });
});
