import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDailyVerify } from '../server/audit/audit.job.js';
import { FREE_FAILURES } from '../server/auth/throttle.service.js';
import { backupExtension, backupTo, restoreFrom } from '../server/backup/backup.service.js';
import { CSRF_HEADER } from '../server/core/access.js';
import { HOUR } from '../server/core/clock.js';
import type { Config } from '../server/core/config.js';
import { type Db, openDatabase } from '../server/core/database.js';
import { getMeta } from '../server/core/meta.repository.js';
import { runOncePerDay } from '../server/core/run-once.js';
import { adminUrl } from './databases.js';
import {
  cadreInput,
  createAccount,
  createTestApp,
  login,
  secondInstance,
  TEST_PASSWORD,
  type TestApp,
  testConfig,
  unitInput,
} from './helpers.js';

/** An empty database with the same keys as `like` (a SQLite file, or a PostgreSQL database dropped after). */
async function emptyDatabase(like: Config): Promise<{ config: Config; drop: () => Promise<void> }> {
  const config = { ...testConfig(), dataKey: like.dataKey, auditKey: like.auditKey };
  if (!like.databaseUrl) {
    return {
      config: { ...config, sqliteFile: path.join(config.dataDir, 'guazhi.sqlite') },
      drop: async () => {},
    };
  }
  const admin = async (query: string) => {
    const client = new pg.Client({ connectionString: adminUrl(like.databaseUrl as string) });
    await client.connect();
    try {
      await client.query(query);
    } finally {
      await client.end();
    }
  };
  const name = `multi_restore_${process.pid}`;
  await admin(`CREATE DATABASE ${name}`);
  return {
    config: { ...config, databaseUrl: adminUrl(like.databaseUrl, name) },
    drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

/**
 * Issue 10 line 7: two app instances on one database — each its own connection (pool), read
 * cache and Fastify app, sharing the secrets as servers behind one proxy do. On PostgreSQL (the
 * deployment this is for) and on one SQLite file (two processes on one host).
 * B's counter readings are trusted for an hour here, so what B sees of A's writes comes from the
 * change feed (ADR 020), not from the 100 ms reading age.
 */
let a: TestApp;
let b: TestApp;
beforeAll(async () => {
  a = await createTestApp();
  b = await secondInstance(a, { readCacheMaxAgeMs: HOUR });
  await b.changes.ready();
});
afterAll(async () => {
  await b.close();
  await a.close();
});

type Instance = TestApp;
const call = (
  on: Instance,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  url: string,
  cookie: string,
  payload?: object,
) => on.app.inject({ method, url, payload, headers: { cookie } });

/**
 * Runs a write on A, then returns once B can have heard of it: on PostgreSQL after a change
 * notification reached B (delivered at commit), on SQLite at once (B asks `data_version`).
 */
async function onA<T>(write: () => Promise<T>): Promise<T> {
  const heard = a.ctx.dialect === 'postgres' ? once(b.changes, 'change') : Promise.resolve();
  const result = await write();
  await heard;
  return result;
}

describe('two instances on one database', () => {
  it('a session made on A works on B, and one ended on B is refused on A', async () => {
    const account = await createAccount(a.ctx, { roles: ['org_dept'] });
    const cookie = await login(a.app, account);
    const me = await call(b, 'GET', '/api/auth/me', cookie);
    expect(me.statusCode, me.body).toBe(200);
    expect(me.json()).toMatchObject({ username: account.username });
    // A has its session cached; the logout on B must end it there too
    expect((await call(a, 'GET', '/api/auth/me', cookie)).statusCode).toBe(200);
    const heard = a.ctx.dialect === 'postgres' ? once(a.changes, 'change') : Promise.resolve();
    expect((await call(b, 'POST', '/api/auth/logout', cookie)).statusCode).toBe(200);
    await heard;
    expect((await call(a, 'GET', '/api/auth/me', cookie)).statusCode).toBe(401);
  });

  it('a write on A is seen on B by the very next request, though B had the answer cached', async () => {
    const account = await createAccount(a.ctx, { roles: ['org_dept'] });
    const onAcookie = await login(a.app, account);
    const onBcookie = await login(b.app, account);
    const unit = (
      await call(a, 'POST', '/api/units', onAcookie, unitInput({ name: '双实例测试单位' }))
    ).json() as {
      id: string;
    };
    const listOnB = async () =>
      (await call(b, 'GET', `/api/cadres?unitId=${unit.id}`, onBcookie)).json() as {
        total: number;
        items: { name: string }[];
      };
    expect((await listOnB()).total).toBe(0);
    expect((await listOnB()).total).toBe(0); // now cached on B

    const created = await onA(() =>
      call(a, 'POST', '/api/cadres', onAcookie, cadreInput(unit.id, { name: '双实例甲' })),
    );
    expect(created.statusCode, created.body).toBe(201);
    const seen = await listOnB();
    expect(seen.total).toBe(1);
    expect(seen.items.map((c) => c.name)).toEqual(['双实例甲']);
  });

  it('a role taken away on A stops working on B at the next request', async () => {
    const admin = await createAccount(a.ctx, { roles: ['system_admin'] });
    const adminCookie = await login(a.app, admin);
    const account = await createAccount(a.ctx, { roles: ['org_dept'] });
    const onBcookie = await login(b.app, account);
    expect((await call(b, 'GET', '/api/cadres', onBcookie)).statusCode).toBe(200);
    const user = (await call(a, 'GET', `/api/accounts/${account.id}`, adminCookie)).json() as {
      version: number;
    };
    const off = await onA(() =>
      call(a, 'POST', `/api/accounts/${account.id}/deactivate`, adminCookie, { version: user.version }),
    );
    expect(off.statusCode, off.body).toBe(200);
    expect((await call(b, 'GET', '/api/cadres', onBcookie)).statusCode).toBe(401);
  });

  it('failed sign-ins counted on A hold the next attempt back on B (the counters are in the database)', async () => {
    const account = await createAccount(a.ctx, { roles: ['org_dept'] });
    const attempt = (on: Instance, password: string) =>
      on.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: account.username, password },
        headers: { [CSRF_HEADER]: 'guazhi' },
        remoteAddress: '198.51.100.42',
      });
    for (let i = 0; i < FREE_FAILURES.pair; i++)
      expect((await attempt(a, '错误的密码x1')).statusCode).toBe(401);
    const onB = await attempt(b, TEST_PASSWORD);
    expect(onB.statusCode).toBe(429);
    expect(onB.headers['retry-after']).toBe('1');
  });

  it('a backup taken while both instances write holds every write either acknowledged before it began', async () => {
    const account = await createAccount(a.ctx, {
      grants: [{ role: 'org_dept', regionCode: '522600', unitId: null, programmeIds: null }],
    });
    const cookie = await login(a.app, account); // one session, used on both
    const acknowledged: string[] = [];
    let stop = false;
    const writers = [a, b, a, b].map(async (on) => {
      while (!stop) {
        const res = await call(on, 'POST', '/api/units', cookie, unitInput({ regionCode: '522630' }));
        expect(res.statusCode, res.body).toBe(201);
        acknowledged.push(res.json().id);
      }
    });
    while (acknowledged.length < 20) await new Promise((r) => setTimeout(r, 5));
    const before = [...acknowledged];
    const dir = mkdtempSync(path.join(os.tmpdir(), 'guazhi-multi-backup-'));
    const file = path.join(dir, `both${backupExtension(a.ctx.dialect)}`);
    const manifest = await backupTo(
      { db: a.ctx.db as Db, dialect: a.ctx.dialect, config: a.ctx.config, clock: a.clock },
      file,
    );
    stop = true;
    await Promise.all(writers);
    expect(acknowledged.length).toBeGreaterThan(before.length);
    // what the file holds, read back through a restore into an empty database
    const target = await emptyDatabase(a.ctx.config);
    try {
      const report = await restoreFrom(target.config, a.clock, file);
      expect(report.audit.ok).toBe(true);
      const restored = openDatabase(target.config);
      try {
        const ids = new Set((await restored.db.selectFrom('units').select('id').execute()).map((u) => u.id));
        expect(ids.size).toBe(manifest.tables.units);
        expect(before.filter((id) => !ids.has(id))).toEqual([]);
      } finally {
        await restored.close();
      }
    } finally {
      await target.drop();
    }
  });

  it('the daily audit check runs once when both instances race for it, every day', async () => {
    for (let day = 0; day < 3; day++) {
      const results = await Promise.all(
        Array.from({ length: 6 }, (_, i) => runDailyVerify((i % 2 ? b : a).ctx)),
      );
      expect(results.filter((r) => r !== null)).toEqual([expect.objectContaining({ ok: true })]);
      expect(await getMeta(a.ctx.db, 'audit.verifiedOn')).toBe(a.clock.now().toISOString().slice(0, 10));
      a.clock.advance(24 * HOUR);
    }
  });

  it('a daily job that failed is run again by the next look on PostgreSQL (the claim is only released by success)', async () => {
    const day = '2030-01-01';
    const failing = runOncePerDay(a.ctx, 'test.job', day, async () => {
      throw new Error('job failed');
    });
    await expect(failing).rejects.toThrow('job failed');
    const again = await runOncePerDay(b.ctx, 'test.job', day, async () => 'ran');
    // SQLite claims the day before the job runs: a failed job waits for the next day (ADR 020)
    expect(again).toBe(a.ctx.dialect === 'postgres' ? 'ran' : null);
    expect(await runOncePerDay(a.ctx, 'test.job', day, async () => 'twice')).toBeNull();
  });
});

describe('behind the reverse proxy (GUAZHI_TRUST_PROXY=1)', () => {
  it('answers HTTPS requests with HSTS and a Secure cookie, plain HTTP without HSTS', async () => {
    const proxied = await secondInstance(a, { config: { trustProxy: true } });
    try {
      const account = await createAccount(proxied.ctx, { roles: ['org_dept'] });
      const tls = await proxied.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.7' },
        payload: { username: account.username, password: TEST_PASSWORD },
      });
      expect(tls.statusCode).toBe(200);
      expect(tls.headers['strict-transport-security']).toBe('max-age=63072000; includeSubDomains');
      expect(String(tls.headers['set-cookie'])).toContain('; Secure');
      const plain = await proxied.app.inject({ method: 'GET', url: '/api/health' });
      expect(plain.headers['strict-transport-security']).toBeUndefined();
    } finally {
      await proxied.close();
    }
  });
});
