import { Secret } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createAccount,
  createTestApp,
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
    expect((await get('/api/accounts', pending)).statusCode).toBe(200);

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

  it('five wrong codes lock the account and end the pending session', async () => {
    const admin = await createAccount(t.ctx, { roles: ['audit_admin'] });
    const pending = cookieOf(
      await post('/api/auth/login', { username: admin.username, password: TEST_PASSWORD }),
    );
    for (let i = 0; i < 4; i++)
      expect((await post('/api/auth/totp/verify', { code: '000001' }, pending)).statusCode).toBe(401);
    expect((await post('/api/auth/totp/verify', { code: '000001' }, pending)).json().code).toBe(
      'ACCOUNT_LOCKED',
    );
    expect((await get('/api/auth/me', pending)).statusCode).toBe(401);
    const locked = await post('/api/auth/login', { username: admin.username, password: TEST_PASSWORD });
    expect(locked.json().code).toBe('ACCOUNT_LOCKED');
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
