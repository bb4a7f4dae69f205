import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cadreInput,
  createAccount,
  createTestApp,
  login,
  type TestAccount,
  type TestApp,
  unitInput,
} from '../../test/helpers.js';
import { anchorPath, readAnchor } from './audit.anchor.js';
import { hashRow, KEYED_HASH_VERSION, LEGACY_HASH_VERSION } from './audit.chain.js';
import { runDailyVerify } from './audit.job.js';
import { verifyChain } from './audit.service.js';
import type { AuditRow } from './audit.table.js';

/**
 * Issue 10: whatever comes in, the audit chain verifies; an attacker with write access to the
 * database but not the key or the anchor file cannot rewrite or cut it unnoticed.
 */
let t: TestApp;
let adminCookie: string;

beforeAll(async () => {
  t = await createTestApp();
  adminCookie = await login(t.app, await createAccount(t.ctx, { roles: ['system_admin'] }));
});
afterAll(() => t.close());

const post = (url: string, payload: unknown, cookie?: string) =>
  t.app.inject({
    method: 'POST',
    url,
    payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
  });
const head = () => t.ctx.db.selectFrom('auditHead').select(['seq', 'lastHash']).executeTakeFirstOrThrow();
const allRows = () => t.ctx.db.selectFrom('auditLog').selectAll().orderBy('seq').execute();

async function dropUpdateGuard(app: TestApp) {
  const on = app.ctx.dialect === 'postgres' ? sql` on audit_log` : sql``;
  await sql`drop trigger audit_log_no_update${on}`.execute(app.ctx.db);
}

/** What an attacker with database access can do: rewrite every row, chained with their own hash. */
async function rewriteChain(app: TestApp, rehash: (row: Omit<AuditRow, 'hash'>) => string, version: number) {
  const rows = await app.ctx.db.selectFrom('auditLog').selectAll().orderBy('seq').execute();
  await app.ctx.db.deleteFrom('auditLog').execute();
  let prev = '0'.repeat(64);
  for (const { hash: _old, ...row } of rows) {
    const forged = {
      ...row,
      seq: Number(row.seq),
      actorName: row.actorName.replace(/./, 'X'),
      prevHash: prev,
      hashVersion: version,
    };
    const hash = rehash(forged);
    await app.ctx.db
      .insertInto('auditLog')
      .values({ ...forged, hash })
      .execute();
    prev = hash;
  }
  await app.ctx.db.updateTable('auditHead').set({ lastHash: prev }).where('id', '=', 1).execute();
  // …and raise the legacy boundary, so unkeyed rows would look like the legacy segment
  await app.ctx.db
    .updateTable('meta')
    .set({ value: String(rows.length) })
    .where('key', '=', 'audit.legacyUntil')
    .execute();
}

describe('text the API accepts', () => {
  it('refuses an unpaired surrogate at login with 400 naming the field: no audit row, the chain verifies', async () => {
    const before = await head();
    const res = await post('/api/auth/login', '{"username":"ab\\ud800cd","password":"x"}');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [{ field: 'username', message: '含有无效的字符编码（不成对的代理项），请重新输入' }],
    });
    expect(res.json().message).toContain('用户名');
    expect(await head()).toEqual(before);
    expect(await verifyChain(t.ctx)).toMatchObject({ ok: true, broken: [] });
  });

  it('refuses lone surrogates in the query, the path and in keys as well', async () => {
    const q = await t.app.inject({
      method: 'GET',
      url: `/api/units?q=${encodeURIComponent('a')}%ED%A0%80`,
      headers: { cookie: adminCookie },
    });
    expect(q.statusCode).toBeLessThan(500);
    const key = await post('/api/units', '{"na\\udc00me":"x"}', adminCookie);
    expect(key.statusCode).toBe(400);
    expect(key.json().fields[0].message).toBe('含有无效的字符编码（不成对的代理项），请重新输入');
    const nested = await post('/api/units', { ...unitInput(), contactName: 'a\ud83d' }, adminCookie);
    expect(nested.json().fields).toEqual([
      { field: 'contactName', message: '含有无效的字符编码（不成对的代理项），请重新输入' },
    ]);
  });

  it('refuses NUL in any text, as PostgreSQL stores none', async () => {
    const res = await post('/api/auth/login', { username: 'nul\u0000name', password: 'x' });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toEqual([{ field: 'username', message: '不能包含空字符（NUL）' }]);
  });

  it('keeps a failed login whose name splits an emoji when cut to 64, or a denial naming a NUL id, verifiable', async () => {
    // 'İ' lower-cases to two code units: cut at 64, the emoji is split in two
    for (const username of [`${'İ'.repeat(31)}a😀`, 'bidi\u202Ename']) {
      const res = await post('/api/auth/login', { username, password: 'x' });
      expect(res.statusCode).toBe(401);
    }
    const rows = await t.ctx.db
      .selectFrom('auditLog')
      .selectAll()
      .where('action', '=', 'auth.login')
      .where('result', '=', 'failure')
      .orderBy('seq')
      .execute();
    const names = rows.slice(-2).map((r) => r.actorName);
    expect(names[0]?.endsWith('a\uFFFD')).toBe(true);
    expect(names[1]).toBe('bidi\u202Ename');
    // denied before any validation: the raw path id is recorded, storable
    const cadre = await createAccount(t.ctx, { roles: ['cadre'] });
    const denied = await t.app.inject({
      method: 'PUT',
      url: '/api/units/a%00b',
      payload: {},
      headers: { cookie: await login(t.app, cadre) },
    });
    expect(denied.statusCode).toBe(403);
    const row = await t.ctx.db
      .selectFrom('auditLog')
      .selectAll()
      .where('actorId', '=', cadre.id)
      .where('result', '=', 'denied')
      .executeTakeFirstOrThrow();
    expect(row.objectId).toBe('a\uFFFDb');
    expect(await verifyChain(t.ctx)).toMatchObject({ ok: true });
  });

  it('refuses controls, bidi overrides and inner zero-width characters in names, with a clear message, changing nothing', async () => {
    const cases: [string, string][] = [
      ['单位\u0007名称', '不能包含控制字符（如 NUL、ESC、BEL）'],
      ['单位\u0000名称', '不能包含空字符（NUL）'],
      ['单位\u001B[31m名称', '不能包含控制字符（如 NUL、ESC、BEL）'],
      ['单位\u202E称名', '不能包含改变文字方向的控制符（U+202A–202E、U+2066–2069）'],
      ['单位\u2066名称', '不能包含改变文字方向的控制符（U+202A–202E、U+2066–2069）'],
      ['单位\u200B名称', '不能包含零宽字符（U+200B–200D、U+2060、U+FEFF）'],
      ['单位\uFEFF名称', '不能包含零宽字符（U+200B–200D、U+2060、U+FEFF）'],
    ];
    const unitsBefore = await t.ctx.db.selectFrom('units').select('id').execute();
    const auditBefore = await head();
    for (const [name, message] of cases) {
      const res = await post('/api/units', unitInput({ name }), adminCookie);
      expect(res.statusCode, name).toBe(400);
      expect(res.json().fields).toEqual([{ field: 'name', message }]);
      expect(res.json().message).toContain('名称');
    }
    expect(await t.ctx.db.selectFrom('units').select('id').execute()).toHaveLength(unitsBefore.length);
    expect(await head()).toEqual(auditBefore);
  });

  it('normalises unit and cadre names, so look-alike duplicates are caught', async () => {
    const real = await post('/api/units', unitInput({ name: '台江县清溪镇人民政府' }), adminCookie);
    expect(real.statusCode).toBe(201);
    for (const lookAlike of [
      '台江县清溪镇人民政府\u200B',
      '\uFEFF台江县清溪镇人民政府',
      '台江县清溪镇人民政府\u3000',
      ' 台江县清溪镇人民政府\u00A0',
    ]) {
      const res = await post('/api/units', unitInput({ name: lookAlike }), adminCookie);
      expect(res.statusCode, JSON.stringify(lookAlike)).toBe(409);
      expect(res.json().message).toBe('同一行政区划内已有同名单位“台江县清溪镇人民政府”');
    }
    // NFC: e + combining acute is the same name as é
    expect((await post('/api/units', unitInput({ name: 'Caf\u00e9 单位' }), adminCookie)).statusCode).toBe(
      201,
    );
    expect((await post('/api/units', unitInput({ name: 'Cafe\u0301 单位' }), adminCookie)).statusCode).toBe(
      409,
    );
    const spaced = await post(
      '/api/units',
      unitInput({ name: '黔东南州\u3000\u3000 人民  医院' }),
      adminCookie,
    );
    expect(spaced.json().name).toBe('黔东南州 人民 医院');
    const stored = await t.ctx.db
      .selectFrom('units')
      .select('name')
      .where('id', '=', spaced.json().id)
      .executeTakeFirstOrThrow();
    expect(stored.name).toBe('黔东南州 人民 医院');

    const org = await createAccount(t.ctx, {
      roles: ['org_dept'],
      grants: [{ role: 'org_dept', regionCode: '522600', unitId: null, programmeIds: null }],
    });
    const orgCookie = await login(t.app, org);
    const cadre = await post(
      '/api/cadres',
      cadreInput(real.json().id, { name: ' 张\u3000三 ', position: '副镇长\u200B' }),
      orgCookie,
    );
    expect(cadre.statusCode, cadre.body).toBe(201);
    expect(cadre.json()).toMatchObject({ name: '张 三', position: '副镇长' });
  });

  it('stores awkward but accepted text exactly as hashed: the chain verifies on this database', async () => {
    const awkward = [
      '𠮷野家😀👨‍👩‍👧 单位',
      'Ångström e\u0301 ü',
      '"quotes" \\back\\slash \\u0000 literal',
      '\u2028行分隔\u2029段落',
      '  前后空格  ',
    ];
    for (const name of awkward) {
      const res = await post('/api/units', unitInput({ name: name.replace('👨‍👩‍👧', '') }), adminCookie);
      expect(res.statusCode, `${name}: ${res.body}`).toBe(201);
    }
    const programme = await post(
      '/api/programmes',
      {
        name: '东西部协作',
        kind: 'aid',
        regionCode: '522600',
        description: '第一行\n\t第二行 👨‍👩‍👧 \u00e9',
      },
      await login(
        t.app,
        await createAccount(t.ctx, {
          roles: ['org_dept'],
          grants: [{ role: 'org_dept', regionCode: '522600', unitId: null, programmeIds: null }],
        }),
      ),
    );
    expect(programme.statusCode, programme.body).toBe(201);
    expect(programme.json().description).toBe('第一行\n\t第二行 👨‍👩‍👧 \u00e9');
    const result = await verifyChain(t.ctx);
    expect(result).toMatchObject({ ok: true, broken: [] });
    const rows = await allRows();
    expect(rows.every((r) => Number(r.hashVersion) === KEYED_HASH_VERSION)).toBe(true);
    // each row read back gives its hash
    const key = t.ctx.config.auditKey.toString('hex');
    expect(rows.filter((r) => hashRow(r, key) !== r.hash)).toEqual([]);
  });
});

describe('the keyed chain and its anchor', () => {
  it('anchors the head outside the database after each request that wrote', async () => {
    await post('/api/units', unitInput(), adminCookie);
    const h = await head();
    expect(readAnchor(anchorPath(t.ctx.config))).toMatchObject({ seq: Number(h.seq), hash: h.lastHash });
  });

  it('names every broken row, not only the first', async () => {
    await dropUpdateGuard(t);
    const rows = await allRows();
    const victims = [rows[2], rows[5], rows[rows.length - 2]].map((r) => Number(r?.seq));
    for (const seq of victims)
      await sql`update audit_log set action = ${'forged.action'} where seq = ${seq}`.execute(t.ctx.db);
    const result = await verifyChain(t.ctx);
    expect(result).toMatchObject({ ok: false, brokenSeq: victims[0] });
    expect(result.broken).toEqual(victims.map((seq) => ({ seq, reason: 'content' })));
    for (const [i, seq] of victims.entries()) {
      await sql`update audit_log set action = ${rows.find((r) => Number(r.seq) === seq)?.action} where seq = ${seq}`.execute(
        t.ctx.db,
      );
      expect(i).toBeGreaterThanOrEqual(0);
    }
    expect(await verifyChain(t.ctx)).toMatchObject({ ok: true });
  });
});

describe('an attacker with write access to the database', () => {
  let victim: TestApp;
  beforeAll(async () => {
    victim = await createTestApp();
    const cookie = await login(victim.app, await createAccount(victim.ctx, { roles: ['system_admin'] }));
    for (let i = 0; i < 5; i++) {
      await victim.app.inject({
        method: 'POST',
        url: '/api/units',
        payload: unitInput(),
        headers: { cookie },
      });
    }
    expect(await verifyChain(victim.ctx)).toMatchObject({ ok: true });
  });
  afterAll(() => victim.close());

  it('who recomputes the whole chain with the wrong key is caught on every row and by the anchor', async () => {
    const copy = await createTestApp();
    try {
      const cookie = await login(copy.app, await createAccount(copy.ctx, { roles: ['system_admin'] }));
      for (let i = 0; i < 4; i++)
        await copy.app.inject({
          method: 'POST',
          url: '/api/units',
          payload: unitInput(),
          headers: { cookie },
        });
      const n = (await copy.ctx.db.selectFrom('auditLog').select('seq').execute()).length;
      const wrongKey = 'ab'.repeat(32);
      await rewriteChain(copy, (row) => hashRow(row, wrongKey), KEYED_HASH_VERSION);
      const result = await verifyChain(copy.ctx);
      expect(result.ok).toBe(false);
      const contentBreaks = result.broken.filter((b) => b.reason === 'content');
      expect(contentBreaks).toHaveLength(n);
      expect(result.broken.some((b) => b.reason === 'anchorMismatch')).toBe(true);
    } finally {
      await copy.close();
    }
  });

  it('who recomputes it as unkeyed SHA-256 (the legacy form) is caught too', async () => {
    await rewriteChain(
      victim,
      (row) => hashRow({ ...row, hashVersion: LEGACY_HASH_VERSION }, ''),
      LEGACY_HASH_VERSION,
    );
    const result = await verifyChain(victim.ctx);
    expect(result.ok).toBe(false);
    // every row now verifies as legacy SHA-256: only the anchor outside the database tells
    expect(result.broken).toEqual([{ seq: expect.any(Number), reason: 'anchorMismatch' }]);
    expect(result.broken[0]?.seq).toBe(readAnchor(anchorPath(victim.ctx.config))?.seq);
    // …and the anchor is not moved over the forged rows by the next write
    const cookie = await login(victim.app, await createAccount(victim.ctx, { roles: ['system_admin'] }));
    await victim.app.inject({ method: 'POST', url: '/api/units', payload: unitInput(), headers: { cookie } });
    expect((await verifyChain(victim.ctx)).broken.map((b) => b.reason)).toContain('anchorMismatch');
  });

  it('who deletes the last rows (and mends the head) is caught by the anchor', async () => {
    const app = await createTestApp();
    try {
      const cookie = await login(app.app, await createAccount(app.ctx, { roles: ['system_admin'] }));
      for (let i = 0; i < 4; i++)
        await app.app.inject({
          method: 'POST',
          url: '/api/units',
          payload: unitInput(),
          headers: { cookie },
        });
      const rows = await app.ctx.db.selectFrom('auditLog').selectAll().orderBy('seq').execute();
      const keep = rows.at(-3) as AuditRow;
      await app.ctx.db.deleteFrom('auditLog').where('seq', '>', keep.seq).execute();
      await app.ctx.db
        .updateTable('auditHead')
        .set({ seq: keep.seq, lastHash: keep.hash })
        .where('id', '=', 1)
        .execute();
      const result = await verifyChain(app.ctx);
      expect(result).toMatchObject({
        ok: false,
        broken: [{ seq: Number((rows.at(-1) as AuditRow).seq), reason: 'truncated' }],
      });
      // without its anchor file, a chain with rows is not called intact
      rmSync(anchorPath(app.ctx.config));
      expect((await verifyChain(app.ctx)).broken).toEqual([
        { seq: Number(keep.seq), reason: 'anchorMissing' },
      ]);
    } finally {
      await app.close();
    }
  });

  it('keeps the rows written before the chain was keyed verifiable as a legacy segment at its start', async () => {
    const app = await createTestApp();
    try {
      // rows as the unkeyed chain wrote them, before the migration set the legacy boundary
      let prev = '0'.repeat(64);
      for (let seq = 1; seq <= 3; seq++) {
        const row = {
          seq,
          at: app.clock.now().toISOString(),
          actorId: null,
          actorName: 'before',
          action: 'units.create',
          objectType: 'unit',
          objectId: `old-${seq}`,
          result: 'success',
          ip: null,
          diff: null,
          prevHash: prev,
          hashVersion: LEGACY_HASH_VERSION,
        };
        const hash = createHash('sha256')
          .update(
            JSON.stringify([
              seq,
              row.at,
              null,
              'before',
              'units.create',
              'unit',
              `old-${seq}`,
              'success',
              null,
              null,
              prev,
            ]),
          )
          .digest('hex');
        await app.ctx.db
          .insertInto('auditLog')
          .values({ ...row, hash })
          .execute();
        prev = hash;
      }
      await app.ctx.db.updateTable('auditHead').set({ seq: 3, lastHash: prev }).where('id', '=', 1).execute();
      await app.ctx.db
        .updateTable('meta')
        .set({ value: '3' })
        .where('key', '=', 'audit.legacyUntil')
        .execute();
      const cookie = await login(app.app, await createAccount(app.ctx, { roles: ['system_admin'] }));
      await app.app.inject({ method: 'POST', url: '/api/units', payload: unitInput(), headers: { cookie } });
      expect(await verifyChain(app.ctx)).toMatchObject({ ok: true, broken: [] });
      // an unkeyed row after the keyed ones began is refused
      const h = await app.ctx.db.selectFrom('auditHead').selectAll().executeTakeFirstOrThrow();
      const late = {
        seq: Number(h.seq) + 1,
        at: app.clock.now().toISOString(),
        actorId: null,
        actorName: 'late',
        action: 'x',
        objectType: null,
        objectId: null,
        result: 'success',
        ip: null,
        diff: null,
        prevHash: h.lastHash,
        hashVersion: LEGACY_HASH_VERSION,
      };
      const lateHash = hashRow(late, '');
      await app.ctx.db
        .insertInto('auditLog')
        .values({ ...late, hash: lateHash })
        .execute();
      await app.ctx.db
        .updateTable('auditHead')
        .set({ seq: late.seq, lastHash: lateHash })
        .where('id', '=', 1)
        .execute();
      expect((await verifyChain(app.ctx)).broken).toEqual([{ seq: late.seq, reason: 'legacyAfterKeyed' }]);
    } finally {
      await app.close();
    }
  });
});

describe('the daily check', () => {
  it('runs once a day and, on a broken chain, notifies every audit administrator', async () => {
    const app = await createTestApp();
    try {
      const auditors = [
        await createAccount(app.ctx, { roles: ['audit_admin'] }),
        await createAccount(app.ctx, { roles: ['audit_admin'] }),
      ];
      const admin: TestAccount = await createAccount(app.ctx, { roles: ['system_admin'] });
      const cookie = await login(app.app, admin);
      await app.app.inject({ method: 'POST', url: '/api/units', payload: unitInput(), headers: { cookie } });
      expect(await runDailyVerify(app.ctx)).toMatchObject({ ok: true });
      expect(await runDailyVerify(app.ctx)).toBeNull();
      expect(await app.ctx.db.selectFrom('notifications').selectAll().execute()).toEqual([]);

      await dropUpdateGuard(app);
      await sql`update audit_log set actor_name = ${'someone else'} where seq = 1`.execute(app.ctx.db);
      expect(await runDailyVerify(app.ctx)).toBeNull(); // already done today
      app.clock.advance(86_400_000);
      expect(await runDailyVerify(app.ctx)).toMatchObject({ ok: false, brokenSeq: 1 });
      const notes = await app.ctx.db.selectFrom('notifications').selectAll().execute();
      expect(notes.map((n) => n.userId).sort()).toEqual(auditors.map((a) => a.id).sort());
      const auditorCookie = await login(app.app, auditors[0] as TestAccount);
      const page = (
        await app.app.inject({ method: 'GET', url: '/api/notifications', headers: { cookie: auditorCookie } })
      ).json();
      expect(page.items[0].message).toBe(
        '审计日志每日校验未通过：发现 1 处异常，最早在第 1 条记录，请立即核查（guazhi audit verify）',
      );
      expect(page.unread).toBe(1);
    } finally {
      await app.close();
    }
  });
});
