import { Secret } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createAccount,
  createTestApp,
  freshTotpCode,
  login,
  TEST_PASSWORD,
  type TestApp,
  totpCode,
} from '../../test/helpers.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const post = (url: string, payload: object, cookie?: string) =>
  t.app.inject({ method: 'POST', url, payload, headers: cookie ? { cookie } : {} });
const get = (url: string, cookie: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });
const cookieOf = (res: { cookies: { name: string; value: string }[] }) =>
  `guazhi_session=${res.cookies.find((c) => c.name === 'guazhi_session')?.value}`;

describe('second factor (TOTP)', () => {
  it('an administrator without one must enrol before anything else; enrolment gives recovery codes', async () => {
    const admin = await createAccount(t.ctx, { roles: ['system_admin'], totp: false });
    const res = await post('/api/auth/login', { username: admin.username, password: TEST_PASSWORD });
    expect(res.json()).toMatchObject({ totpEnrolmentRequired: true, secondFactorPending: false });
    const cookie = cookieOf(res);
    expect((await get('/api/accounts', cookie)).json().code).toBe('SECOND_FACTOR_ENROLMENT_REQUIRED');

    const setup = (await post('/api/auth/totp/setup', {}, cookie)).json();
    expect(setup.uri).toMatch(/^otpauth:\/\/totp\/.+\?.*secret=[A-Z2-7]+/);
    expect(setup.uri).toContain(encodeURIComponent('挂职干部管理平台'));
    const wrong = await post('/api/auth/totp/enable', { code: '000000' }, cookie);
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().fields[0].field).toBe('code');
    const enabled = await post(
      '/api/auth/totp/enable',
      { code: totpCode(setup.secret, t.clock.now()) },
      cookie,
    );
    expect(enabled.statusCode).toBe(200);
    const { recoveryCodes } = enabled.json();
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    expect((await get('/api/accounts', cookie)).statusCode).toBe(200);
    const row = await t.ctx.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', admin.id)
      .executeTakeFirstOrThrow();
    expect(row.totpSecretEnc).not.toContain(setup.secret);
    expect(row.recoveryCodes).not.toContain(recoveryCodes[0]);

    // Next login: the password alone gives no usable session.
    t.clock.advance(60_000);
    const again = await post('/api/auth/login', { username: admin.username, password: TEST_PASSWORD });
    expect(again.json().secondFactorPending).toBe(true);
    const pending = cookieOf(again);
    const blocked = await get('/api/accounts', pending);
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json()).toEqual({ code: 'SECOND_FACTOR_REQUIRED', message: '请输入动态验证码完成登录' });
    expect((await post('/api/auth/totp/verify', { code: '123456' }, pending)).json().code).toBe(
      'INVALID_SECOND_FACTOR',
    );
    const verified = await post(
      '/api/auth/totp/verify',
      { code: totpCode(setup.secret, t.clock.now()) },
      pending,
    );
    expect(verified.json().secondFactorPending).toBe(false);
    // a new session replaces the pending one: only its cookie works
    expect((await get('/api/accounts', cookieOf(verified))).statusCode).toBe(200);
    expect((await get('/api/accounts', pending)).statusCode).toBe(401);

    // A recovery code works once.
    const third = cookieOf(
      await post('/api/auth/login', { username: admin.username, password: TEST_PASSWORD }),
    );
    expect((await post('/api/auth/totp/verify', { recoveryCode: recoveryCodes[0] }, third)).statusCode).toBe(
      200,
    );
    const fourth = cookieOf(
      await post('/api/auth/login', { username: admin.username, password: TEST_PASSWORD }),
    );
    expect((await post('/api/auth/totp/verify', { recoveryCode: recoveryCodes[0] }, fourth)).statusCode).toBe(
      401,
    );
  });

  // Replaces "five wrong codes lock the account" (ADR 018): they end the pending session and
  // slow that source down; the account is not locked.
  it('five wrong codes end the pending session and slow the next login from that source, without locking', async () => {
    const admin = await createAccount(t.ctx, { roles: ['audit_admin'] });
    const from = (ip: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: admin.username, password: TEST_PASSWORD },
        remoteAddress: ip,
      });
    const verify = (code: string, cookie: string, ip: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/totp/verify',
        payload: { code },
        headers: { cookie },
        remoteAddress: ip,
      });
    const pending = cookieOf(await from('198.51.100.31'));
    for (let i = 0; i < 4; i++) {
      const wrong = await verify('000001', pending, '198.51.100.31');
      expect(wrong.statusCode).toBe(401);
      expect(wrong.json().code).toBe('INVALID_SECOND_FACTOR');
    }
    const fifth = await verify('000001', pending, '198.51.100.31');
    expect(fifth.json()).toEqual({
      code: 'INVALID_SECOND_FACTOR',
      message: '动态验证码错误次数过多，本次登录已结束，请重新输入密码登录',
    });
    expect((await get('/api/auth/me', pending)).statusCode).toBe(401);
    const again = await from('198.51.100.31');
    expect(again.statusCode).toBe(429);
    expect(again.headers['retry-after']).toBe('1');
    // not locked: another source signs in at once
    const elsewhere = await from('203.0.113.31');
    expect(elsewhere.json()).toMatchObject({ secondFactorPending: true });
    expect(
      (await verify(freshTotpCode(t.app, admin.totpSecret as string), cookieOf(elsewhere), '203.0.113.31'))
        .statusCode,
    ).toBe(200);
    t.clock.advance(1000);
    expect((await from('198.51.100.31')).statusCode).toBe(200);
  });

  it('a TOTP code is accepted once: the same code again in its window is refused', async () => {
    const admin = await createAccount(t.ctx, { roles: ['system_admin'] });
    const secret = admin.totpSecret as string;
    const pendingCookie = async () =>
      cookieOf(await post('/api/auth/login', { username: admin.username, password: TEST_PASSWORD }));
    const code = freshTotpCode(t.app, secret);
    expect((await post('/api/auth/totp/verify', { code }, await pendingCookie())).statusCode).toBe(200);
    const replay = await post('/api/auth/totp/verify', { code }, await pendingCookie());
    expect(replay.statusCode).toBe(401);
    expect(replay.json().code).toBe('INVALID_SECOND_FACTOR');
    // nor with the password in one step
    const oneStep = await post('/api/auth/login', {
      username: admin.username,
      password: TEST_PASSWORD,
      code,
    });
    expect(oneStep.json().code).toBe('INVALID_SECOND_FACTOR');
    // the next time step's code works
    const next = freshTotpCode(t.app, secret);
    expect(next).not.toBe(code);
    const ok = await post('/api/auth/login', {
      username: admin.username,
      password: TEST_PASSWORD,
      code: next,
    });
    expect(ok.json()).toMatchObject({ secondFactorPending: false });
    const row = await t.ctx.db
      .selectFrom('users')
      .select('totpLastStep')
      .where('id', '=', admin.id)
      .executeTakeFirstOrThrow();
    expect(row.totpLastStep).toBe(Math.floor(t.clock.now().getTime() / 30_000));
  });

  it('the code that confirms the binding cannot also sign in', async () => {
    const admin = await createAccount(t.ctx, { roles: ['security_admin'], totp: false });
    const cookie = cookieOf(
      await post('/api/auth/login', { username: admin.username, password: TEST_PASSWORD }),
    );
    const setup = (await post('/api/auth/totp/setup', {}, cookie)).json();
    const code = totpCode(setup.secret, t.clock.now());
    expect((await post('/api/auth/totp/enable', { code }, cookie)).statusCode).toBe(200);
    const pending = cookieOf(
      await post('/api/auth/login', { username: admin.username, password: TEST_PASSWORD }),
    );
    expect((await post('/api/auth/totp/verify', { code }, pending)).statusCode).toBe(401);
  });

  it('replaces the session token after the second factor; the pre-factor token no longer works', async () => {
    const admin = await createAccount(t.ctx, { roles: ['audit_admin'] });
    const first = await post('/api/auth/login', { username: admin.username, password: TEST_PASSWORD });
    const pending = cookieOf(first);
    const done = await post(
      '/api/auth/totp/verify',
      { code: freshTotpCode(t.app, admin.totpSecret as string) },
      pending,
    );
    expect(done.statusCode).toBe(200);
    const full = cookieOf(done);
    expect(full).not.toBe(pending);
    expect(String(done.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Strict/);
    expect((await get('/api/auth/me', pending)).statusCode).toBe(401);
    expect((await get('/api/audit', pending)).statusCode).toBe(401);
    expect((await get('/api/audit', full)).statusCode).toBe(200);
    const sessions = await t.ctx.db
      .selectFrom('sessions')
      .select(['stage', 'revokedAt'])
      .where('userId', '=', admin.id)
      .orderBy('stage')
      .execute();
    // the pending session is ended, the new one carries on
    expect(sessions.map((r) => [r.stage, r.revokedAt === null])).toEqual([
      ['full', true],
      ['totp', false],
    ]);
  });

  it('is optional for other roles, who may switch it off; administrators may not', async () => {
    const cadre = await createAccount(t.ctx, { roles: ['cadre'] });
    const cookie = await login(t.app, cadre);
    expect((await get('/api/auth/me', cookie)).json()).toMatchObject({
      totpEnrolmentRequired: false,
      totpEnabled: false,
    });
    const setup = (await post('/api/auth/totp/setup', {}, cookie)).json();
    await post('/api/auth/totp/enable', { code: totpCode(setup.secret, t.clock.now()) }, cookie);
    expect((await post('/api/auth/totp/disable', { password: 'Wrong#Pass1' }, cookie)).statusCode).toBe(400);
    const off = await post('/api/auth/totp/disable', { password: TEST_PASSWORD }, cookie);
    expect(off.json()).toMatchObject({ totpEnabled: false });

    const admin = await createAccount(t.ctx, { roles: ['security_admin'] });
    const adminCookie = await login(t.app, admin);
    const refused = await post('/api/auth/totp/disable', { password: TEST_PASSWORD }, adminCookie);
    expect(refused.json().message).toBe('管理员账号必须启用动态验证码，不能关闭');
  });

  it('the security admin can reset a lost authenticator', async () => {
    const admin = await createAccount(t.ctx, { roles: ['system_admin'] });
    const sec = await login(t.app, await createAccount(t.ctx, { roles: ['security_admin'] }));
    const res = await post(`/api/accounts/${admin.id}/reset-totp`, {}, sec);
    expect(res.json().totpEnabled).toBe(false);
    const next = await post('/api/auth/login', { username: admin.username, password: TEST_PASSWORD });
    expect(next.json()).toMatchObject({ secondFactorPending: false, totpEnrolmentRequired: true });
    void Secret;
  });
});
