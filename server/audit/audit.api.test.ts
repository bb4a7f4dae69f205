import { randomInt } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createAccount,
  createTestApp,
  login,
  type TestAccount,
  type TestApp,
  unitInput,
} from '../../test/helpers.js';
import { chainRows } from './audit.chain.js';
import { archive, recordManyWhile, verifyChain } from './audit.service.js';

let t: TestApp;
let admin: TestAccount;
let adminCookie: string;
let auditor: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = await createAccount(t.ctx, { roles: ['system_admin'] });
  adminCookie = await login(t.app, admin);
  auditor = await login(t.app, await createAccount(t.ctx, { roles: ['audit_admin'] }));
});
afterAll(() => t.close());

const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, cookie: string, payload?: object) =>
  t.app.inject({ method, url, payload, headers: { cookie } });

async function makeUnits(n: number) {
  for (let i = 0; i < n; i++) {
    const res = await call('POST', '/api/units', adminCookie, unitInput({ contactPhone: '13912345678' }));
    expect(res.statusCode).toBe(201);
  }
}

describe('audit log', () => {
  it('records each change with time, actor, action, object, result, IP and a masked diff', async () => {
    const res = await call(
      'POST',
      '/api/units',
      adminCookie,
      unitInput({ name: '审计测试单位', contactPhone: '13912345678' }),
    );
    const unit = res.json();
    await call('PUT', `/api/units/${unit.id}`, adminCookie, {
      ...unitInput({ name: '审计测试单位改', contactPhone: '13987654321' }),
      version: 1,
    });
    const rows = await t.ctx.db
      .selectFrom('auditLog')
      .selectAll()
      .where('objectId', '=', unit.id)
      .orderBy('seq')
      .execute();
    expect(rows.map((r) => r.action)).toEqual(['units.create', 'units.update']);
    const update = rows[1] as (typeof rows)[number];
    expect(update).toMatchObject({
      actorId: admin.id,
      actorName: admin.username,
      objectType: 'unit',
      result: 'success',
      ip: '127.0.0.1',
    });
    expect(update.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    const diff = JSON.parse(update.diff as string);
    expect(diff.name).toEqual({ from: '审计测试单位', to: '审计测试单位改' });
    expect(diff.contactPhone).toEqual({ from: '139****5678', to: '139****4321' });
    expect(update.diff).not.toContain('13987654321');
  });

  it('records denied attempts', async () => {
    const org = await createAccount(t.ctx, { roles: ['org_dept'] });
    const cookie = await login(t.app, org);
    const res = await call('GET', '/api/audit', cookie);
    expect(res.statusCode).toBe(403);
    const row = await t.ctx.db
      .selectFrom('auditLog')
      .selectAll()
      .where('actorId', '=', org.id)
      .where('result', '=', 'denied')
      .executeTakeFirst();
    expect(row).toMatchObject({ action: 'audit.read', result: 'denied' });
  });

  it('rolls the change back when its audit row cannot be written', async () => {
    const before = await t.ctx.db.selectFrom('units').select('id').execute();
    await sql`alter table audit_head rename to audit_head_away`.execute(t.ctx.db);
    try {
      const res = await call('POST', '/api/units', adminCookie, unitInput({ name: '不应保存的单位' }));
      expect(res.statusCode).toBe(500);
      expect(Object.keys(res.json()).sort()).toEqual(['code', 'message', 'requestId']);
    } finally {
      await sql`alter table audit_head_away rename to audit_head`.execute(t.ctx.db);
    }
    const after = await t.ctx.db.selectFrom('units').select('id').execute();
    expect(after).toHaveLength(before.length);
    expect(
      await t.ctx.db.selectFrom('units').select('id').where('name', '=', '不应保存的单位').executeTakeFirst(),
    ).toBeUndefined();
  });

  it('refuses any UPDATE of an audit row at the database level', async () => {
    await expect(sql`update audit_log set actor_name = 'someone else'`.execute(t.ctx.db)).rejects.toThrow(
      /append-only/,
    );
  });

  it('has no code path that updates or deletes audit rows, but the archive', () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(p);
        else if (p.endsWith('.ts') && !p.endsWith('.test.ts')) {
          const text = readFileSync(p, 'utf8');
          if (/updateTable\(\s*'auditLog'/.test(text)) offenders.push(`${p}: update`);
          const deletes = text.match(/deleteFrom\(\s*'auditLog'/g) ?? [];
          if (deletes.length > 0 && !p.endsWith(path.join('audit', 'audit.repository.ts')))
            offenders.push(`${p}: delete`);
          if (deletes.length > 1) offenders.push(`${p}: more than the archive's delete`);
        }
      }
    };
    walk(path.resolve('server'));
    expect(offenders).toEqual([]);
  });

  it('chains every row to the previous one; verify names the first tampered row', async () => {
    await makeUnits(12);
    expect(await verifyChain(t.ctx)).toMatchObject({ ok: true });
    const { seq: last } = await t.ctx.db.selectFrom('auditHead').select('seq').executeTakeFirstOrThrow();
    // An attacker with database access: drop the guard, flip bytes in random rows.
    const dialect = t.ctx.dialect;
    await sql`drop trigger audit_log_no_update${dialect === 'postgres' ? sql` on audit_log` : sql``}`.execute(
      t.ctx.db,
    );
    for (let round = 0; round < 5; round++) {
      const victims = [...new Set(Array.from({ length: 3 }, () => 1 + randomInt(Number(last))))];
      const originals = new Map<number, string>();
      for (const seq of victims) {
        const row = await t.ctx.db
          .selectFrom('auditLog')
          .select('action')
          .where('seq', '=', seq)
          .executeTakeFirstOrThrow();
        originals.set(seq, row.action);
        const i = randomInt(row.action.length);
        const flipped =
          row.action.slice(0, i) +
          String.fromCharCode(row.action.charCodeAt(i) ^ 1) +
          row.action.slice(i + 1);
        await sql`update audit_log set action = ${flipped} where seq = ${seq}`.execute(t.ctx.db);
      }
      expect(await verifyChain(t.ctx)).toMatchObject({ ok: false, brokenSeq: Math.min(...victims) });
      for (const [seq, action] of originals) {
        await sql`update audit_log set action = ${action} where seq = ${seq}`.execute(t.ctx.db);
      }
    }
    expect(await verifyChain(t.ctx)).toMatchObject({ ok: true });
  });

  it('builds a long run of rows (a bulk import) on a worker thread: the same rows, masked and chained', async () => {
    const who = { actorId: null, actorName: 'bulk-run', ip: '127.0.0.1' };
    const events = Array.from({ length: 1500 }, (_, i) => ({
      action: 'units.create',
      objectType: 'unit',
      objectId: `bulk-${i}`,
      created: {
        name: `批量单位${i}`,
        contactPhone: '13912345678',
        idNumber: '110101199003074514',
        version: 1,
      },
    }));
    const head = await t.ctx.db.selectFrom('auditHead').select(['seq', 'lastHash']).executeTakeFirstOrThrow();
    await t.ctx.db.transaction().execute(async (trx) => {
      const append = await recordManyWhile({ ...t.ctx, db: trx }, who, events);
      await append();
    });
    const rows = await t.ctx.db
      .selectFrom('auditLog')
      .selectAll()
      .where('actorName', '=', 'bulk-run')
      .orderBy('seq')
      .execute();
    expect(rows).toHaveLength(1500);
    const expected = chainRows({
      key: t.ctx.config.auditKey.toString('hex'),
      who,
      at: rows[0]?.at as string,
      firstSeq: Number(head.seq) + 1,
      prevHash: head.lastHash,
      events,
    });
    expect(rows.map((r) => ({ ...r, seq: Number(r.seq) }))).toEqual(expected);
    expect(JSON.parse(rows[7]?.diff as string)).toEqual({
      name: { to: '批量单位7' },
      contactPhone: { to: '139****5678' },
      idNumber: { to: '110***********4514' },
    });
    expect(rows.some((r) => r.diff?.includes('110101199003074514') || r.diff?.includes('13912345678'))).toBe(
      false,
    );
    expect(await verifyChain(t.ctx)).toMatchObject({ ok: true });
  });

  it('writes nothing of a long run whose transaction fails, nor of one the worker cannot take', async () => {
    const who = { actorId: null, actorName: 'bulk-failed', ip: null };
    const events = (n: number, created: (i: number) => Record<string, unknown>) =>
      Array.from({ length: n }, (_, i) => ({
        action: 'units.create',
        objectType: 'unit',
        created: created(i),
      }));
    const before = await t.ctx.db
      .selectFrom('auditHead')
      .select(['seq', 'lastHash'])
      .executeTakeFirstOrThrow();
    await expect(
      t.ctx.db.transaction().execute(async (trx) => {
        const append = await recordManyWhile(
          { ...t.ctx, db: trx },
          who,
          events(1200, (i) => ({ name: `回滚${i}` })),
        );
        await append();
        throw new Error('the records could not be written');
      }),
    ).rejects.toThrow('the records could not be written');
    // a value a worker thread cannot receive (a function): the run fails, so does the transaction
    await expect(
      t.ctx.db.transaction().execute(async (trx) => {
        const append = await recordManyWhile(
          { ...t.ctx, db: trx },
          who,
          events(1200, (i) => ({ name: `坏值${i}`, format: () => i })),
        );
        await append();
      }),
    ).rejects.toThrow();
    expect(
      await t.ctx.db.selectFrom('auditLog').select('seq').where('actorName', '=', 'bulk-failed').execute(),
    ).toEqual([]);
    expect(
      await t.ctx.db.selectFrom('auditHead').select(['seq', 'lastHash']).executeTakeFirstOrThrow(),
    ).toEqual(before);
    expect(await verifyChain(t.ctx)).toMatchObject({ ok: true });
  });

  it('lets the audit admin filter, page and export; the export neutralises formulas', async () => {
    await call('POST', '/api/units', adminCookie, unitInput({ name: '=HYPERLINK("x")公式单位' }));
    const page = await call(
      'GET',
      `/api/audit?action=units.create&actor=${admin.username}&pageSize=2`,
      auditor,
    );
    expect(page.statusCode).toBe(200);
    const body = page.json();
    expect(body.items).toHaveLength(2);
    expect(body.total).toBeGreaterThan(2);
    expect(
      body.items.every(
        (e: { action: string; actorName: string }) =>
          e.action === 'units.create' && e.actorName === admin.username,
      ),
    ).toBe(true);
    expect(body.items[0].seq).toBeGreaterThan(body.items[1].seq);
    const from = new Date(t.clock.now().getTime() + 60_000).toISOString();
    expect((await call('GET', `/api/audit?from=${encodeURIComponent(from)}`, auditor)).json().total).toBe(0);

    const csv = await call('GET', '/api/audit/export?action=units.create', auditor);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toMatch(/attachment; filename="audit-\d{4}-\d\d-\d\d\.csv"/);
    expect(csv.body.startsWith('\uFEFF"序号","时间（UTC）","操作人"')).toBe(true);
    expect(csv.body).toContain('=HYPERLINK');
    expect(csv.body).not.toMatch(/(^|,)"[=+\-@\t\r]/m);
    const exported = await t.ctx.db
      .selectFrom('auditLog')
      .selectAll()
      .where('action', '=', 'audit.export')
      .executeTakeFirst();
    expect(exported?.result).toBe('success');
  });

  it('names the object of each row as it is now (账号 张三), not by an id; a deleted one keeps its id', async () => {
    const created = await call('POST', '/api/units', adminCookie, unitInput({ name: '审计名称测试局' }));
    expect(created.statusCode, created.body).toBe(201);
    const unit = created.json();
    const account = await call('POST', '/api/accounts', adminCookie, {
      username: `audit${randomInt(1e6)}`,
      displayName: '张三',
    });
    expect(account.statusCode, account.body).toBe(201);
    const accountId = account.json().account.id;
    const rowsOf = async (objectType: string, objectId: string) =>
      (
        await call(
          'GET',
          `/api/audit?objectType=${objectType}&objectId=${encodeURIComponent(objectId)}`,
          auditor,
        )
      ).json().items;
    expect((await rowsOf('unit', unit.id))[0]).toMatchObject({
      objectType: 'unit',
      objectName: '审计名称测试局',
    });
    expect((await rowsOf('user', accountId))[0]).toMatchObject({ objectType: 'user', objectName: '张三' });
    // renamed: the log shows the name it has now
    const renamed = await call('PUT', `/api/units/${unit.id}`, adminCookie, {
      ...unitInput({ name: '审计名称测试局（新）' }),
      version: unit.version,
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect((await rowsOf('unit', unit.id)).map((r: { objectName: string }) => r.objectName)).toEqual([
      '审计名称测试局（新）',
      '审计名称测试局（新）',
    ]);
    // gone: no name, the id stays for the filter
    const deleted = await call('DELETE', `/api/units/${unit.id}?version=${unit.version + 1}`, adminCookie);
    expect(deleted.statusCode, deleted.body).toBe(200);
    expect((await rowsOf('unit', unit.id))[0]).toMatchObject({ objectId: unit.id, objectName: null });
  });

  it('archives only rows past the retention period and keeps the chain verifiable', async () => {
    const archiveApp = await createTestApp();
    try {
      const a = await createAccount(archiveApp.ctx, { roles: ['system_admin'] });
      const c = await login(archiveApp.app, a);
      const post = (name: string) =>
        archiveApp.app.inject({
          method: 'POST',
          url: '/api/units',
          payload: unitInput({ name }),
          headers: { cookie: c },
        });
      await post('旧单位一');
      await post('旧单位二');
      archiveApp.clock.advance(200 * 86_400_000);
      const c2 = await login(archiveApp.app, a);
      await archiveApp.app.inject({
        method: 'POST',
        url: '/api/units',
        payload: unitInput({ name: '新单位' }),
        headers: { cookie: c2 },
      });
      await expect(archive(archiveApp.ctx, 90)).rejects.toThrow(/at least 180/);
      const { archived, file } = await archive(archiveApp.ctx, 180);
      expect(archived).toBeGreaterThanOrEqual(3);
      const lines = readFileSync(file as string, 'utf8')
        .trim()
        .split('\n');
      expect(lines).toHaveLength(archived);
      const left = await archiveApp.ctx.db.selectFrom('auditLog').select(['action', 'at']).execute();
      expect(
        left.every(
          (r) => r.at >= new Date(archiveApp.clock.now().getTime() - 180 * 86_400_000).toISOString(),
        ),
      ).toBe(true);
      expect(left.some((r) => r.action === 'units.create')).toBe(true);
      expect(await verifyChain(archiveApp.ctx)).toMatchObject({ ok: true });
    } finally {
      await archiveApp.close();
    }
  });
});
