import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createAccount,
  createTestApp,
  freshTotpCode,
  login,
  TEST_PASSWORD,
  type TestAccount,
  type TestApp,
} from '../../test/helpers.js';
import { buildApp } from '../app.js';
import { CSRF_HEADER } from '../core/access.js';
import { createContext } from '../core/context.js';
import { openDatabase } from '../core/database.js';
import { FREE_FAILURES, HARD_LOCK_AFTER_FAILURES } from './throttle.service.js';

// ADR 018: failures slow a source down; they cannot lock an administrator out.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const attempt = (ip: string, payload: { username: string; password: string; code?: string }) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload, remoteAddress: ip });
const cookieOf = (res: { cookies: { name: string; value: string }[] }) =>
  `guazhi_session=${res.cookies.find((c) => c.name === 'guazhi_session')?.value}`;
const get = (url: string, cookie: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });

/** Password and TOTP code from this address, as the administrator does; answers the session cookie. */
async function signIn(account: TestAccount, ip: string): Promise<string> {
  const first = await attempt(ip, { username: account.username, password: TEST_PASSWORD });
  expect(first.statusCode, first.body).toBe(200);
  expect(first.json().secondFactorPending).toBe(true);
  const second = await t.app.inject({
    method: 'POST',
    url: '/api/auth/totp/verify',
    payload: { code: freshTotpCode(t.app, account.totpSecret as string) },
    headers: { cookie: cookieOf(first) },
    remoteAddress: ip,
  });
  expect(second.statusCode, second.body).toBe(200);
  return cookieOf(second);
}

/** Wrong passwords from `ip` until `target` of them were counted, waiting out each 429 as told. */
async function failUntil(ip: string, username: string, counted: { n: number }, target: number) {
  while (counted.n < target) {
    const res = await attempt(ip, { username, password: `Wrong#Guess${counted.n}` });
    if (res.statusCode === 429) {
      t.clock.advance(Number(res.headers['retry-after']) * 1000);
      continue;
    }
    expect(res.statusCode).toBe(401);
    counted.n++;
  }
}

describe('sign-in throttling', () => {
  it('an anonymous client failing 5, 20 and 50 times for auditor cannot stop the right password from another source', async () => {
    const auditor = await createAccount(t.ctx, { roles: ['audit_admin'], username: 'auditor' });
    const counted = { n: 0 };
    for (const target of [5, 20, 50]) {
      await failUntil('198.51.100.66', 'auditor', counted, target);
      // the attacker's own next try is held back, unchecked, even with the right password
      const held = await attempt('198.51.100.66', { username: 'auditor', password: TEST_PASSWORD });
      expect(held.statusCode).toBe(429);
      const cookie = await signIn(auditor, '203.0.113.10');
      expect((await get('/api/audit', cookie)).statusCode).toBe(200);
    }
    const row = await t.ctx.db
      .selectFrom('users')
      .select('lockedUntil')
      .where('id', '=', auditor.id)
      .executeTakeFirstOrThrow();
    expect(row.lockedUntil).toBeNull();
  });

  it('counters live in the database, so every app instance sees them', async () => {
    const account = await createAccount(t.ctx);
    await failUntil('198.51.100.77', account.username, { n: 0 }, FREE_FAILURES.pair);
    const rows = await t.ctx.db
      .selectFrom('loginAttempts')
      .selectAll()
      .where('key', 'like', '%198.51.100.77%')
      .orderBy('kind')
      .execute();
    expect(rows.map((r) => [r.kind, r.failures])).toEqual([
      ['pair', FREE_FAILURES.pair],
      ['source', FREE_FAILURES.pair],
    ]);
    // a second app instance on the same database holds the next attempt back too
    const handle = openDatabase(t.ctx.config);
    const second = await buildApp(createContext(handle, t.ctx.config, t.clock), {
      webDir: null,
      logger: false,
    });
    try {
      const res = await second.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: account.username, password: TEST_PASSWORD },
        headers: { [CSRF_HEADER]: 'guazhi' },
        remoteAddress: '198.51.100.77',
      });
      expect(res.statusCode).toBe(429);
      expect(res.headers['retry-after']).toBe('1');
    } finally {
      await second.close();
      await handle.close();
    }
  });

  it(`locks an account outright only after ${HARD_LOCK_AFTER_FAILURES} failures in a row, telling the security administrators`, async () => {
    const target = await createAccount(t.ctx);
    const security = await createAccount(t.ctx, { roles: ['security_admin'] });
    for (let i = 1; i < HARD_LOCK_AFTER_FAILURES; i++) {
      // from many addresses: no single source is held back
      const res = await attempt(`10.20.${Math.floor(i / 200)}.${i % 200}`, {
        username: target.username,
        password: 'Wrong#Guess1',
      });
      expect(res.statusCode).toBe(401);
    }
    const last = await attempt('10.20.9.9', { username: target.username, password: 'Wrong#Guess1' });
    expect(last.statusCode).toBe(423);
    expect(last.json().message).toBe(
      '登录失败次数过多，账号已锁定，请于 60 分钟后再试，或联系安全管理员解锁',
    );
    const right = await attempt('203.0.113.20', { username: target.username, password: TEST_PASSWORD });
    expect(right.statusCode).toBe(423);

    const secCookie = await login(t.app, security);
    const notes = (await get('/api/notifications', secCookie)).json();
    // the 100 refusals are also a burst of denials (its own notification, bursts.service.ts)
    const kinds = (notes.items as { kind: string }[]).map((n) => n.kind).sort();
    expect(kinds).toEqual(['auth.accountLocked', 'security.denialBurst']);
    const locked = notes.items.find((n: { kind: string }) => n.kind === 'auth.accountLocked');
    expect(locked).toMatchObject({ kind: 'auth.accountLocked', readAt: null });
    expect(locked.message).toBe(
      `账号 ${target.username} 连续登录失败 100 次，已锁定 60 分钟（最后一次来自 10.20.9.9）。请核查是否遭受攻击；确认后可在账号管理中解锁`,
    );
    const audit = await t.ctx.db
      .selectFrom('auditLog')
      .select(['action', 'objectId'])
      .where('action', '=', 'auth.lock')
      .execute();
    expect(audit).toEqual([{ action: 'auth.lock', objectId: target.id }]);

    const unlocked = await t.app.inject({
      method: 'POST',
      url: `/api/accounts/${target.id}/unlock`,
      headers: { cookie: secCookie },
    });
    expect(unlocked.statusCode).toBe(200);
    expect(
      (await attempt('203.0.113.20', { username: target.username, password: TEST_PASSWORD })).statusCode,
    ).toBe(200);
  });

  it('an address with many failures is held back, but not a correct password with a valid second factor', async () => {
    const admin = await createAccount(t.ctx, { roles: ['system_admin'] });
    const plain = await createAccount(t.ctx);
    const ip = '192.0.2.50';
    // password spraying: one try for each of many usernames
    for (let i = 0; i < FREE_FAILURES.source; i++)
      expect((await attempt(ip, { username: `sprayed${i}`, password: 'Spring#2026' })).statusCode).toBe(401);

    const alone = await attempt(ip, { username: admin.username, password: TEST_PASSWORD });
    expect(alone.statusCode).toBe(429);
    expect(alone.json().message).toContain('已绑定动态验证码的账号可同时输入密码和动态验证码立即登录');
    expect((await attempt(ip, { username: plain.username, password: TEST_PASSWORD })).statusCode).toBe(429);
    // a wrong code or a wrong password with a code: the same 429, telling nothing
    const wrongCode = await attempt(ip, {
      username: admin.username,
      password: TEST_PASSWORD,
      code: '000000',
    });
    expect(wrongCode.statusCode).toBe(429);
    const wrongPassword = await attempt(ip, {
      username: admin.username,
      password: 'Wrong#Guess1',
      code: freshTotpCode(t.app, admin.totpSecret as string),
    });
    expect(wrongPassword.statusCode).toBe(429);

    const both = await attempt(ip, {
      username: admin.username,
      password: TEST_PASSWORD,
      code: freshTotpCode(t.app, admin.totpSecret as string),
    });
    expect(both.statusCode, both.body).toBe(200);
    expect(both.json()).toMatchObject({ username: admin.username, secondFactorPending: false });
    expect((await get('/api/accounts', cookieOf(both))).statusCode).toBe(200);
  });
});
