import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, createTestApp, login, type TestApp, unitInput } from '../../test/helpers.js';
import { FREE_FAILURES } from '../auth/throttle.service.js';

let t: TestApp;
let cookie: string;
beforeAll(async () => {
  t = await createTestApp();
  cookie = await login(t.app, await createAccount(t.ctx, { roles: ['system_admin'] }));
});
afterAll(() => t.close());

describe('request hygiene', () => {
  it('refuses state-changing requests from another origin or without the CSRF header, changing nothing', async () => {
    const count = async () => (await t.ctx.db.selectFrom('units').select('id').execute()).length;
    const before = await count();
    const cases: Record<string, string | undefined>[] = [
      { origin: 'https://evil.example' },
      { 'sec-fetch-site': 'cross-site' },
      { 'x-requested-with': undefined },
      { origin: 'null' },
    ];
    for (const headers of cases) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/units',
        payload: unitInput(),
        headers: { cookie, ...headers },
      });
      expect(res.statusCode, JSON.stringify(headers)).toBe(403);
      expect(res.json()).toEqual({ code: 'CSRF_REJECTED', message: '请求来源校验失败，请刷新页面后重试' });
    }
    expect(await count()).toBe(before);
    const same = await t.app.inject({
      method: 'POST',
      url: '/api/units',
      payload: unitInput(),
      headers: {
        cookie,
        origin: 'http://localhost:80',
        host: 'localhost:80',
        'sec-fetch-site': 'same-origin',
      },
    });
    expect(same.statusCode).toBe(201);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'a', password: 'b' },
      headers: { 'x-requested-with': undefined },
    });
    expect(login.statusCode).toBe(403);
  });

  it('sends the security headers on API answers and on the web app', async () => {
    for (const url of ['/api/health', '/api/units']) {
      const res = await t.app.inject({ method: 'GET', url, headers: { cookie } });
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['cache-control']).toBe('no-store');
    }
  });

  it(`answers 429 after ${FREE_FAILURES.source} failed logins from one IP, with Retry-After, then recovers`, async () => {
    // different usernames: only the source's counter (not a pair's) holds this address back
    const attempt = (ip: string, n: number) =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: `nobody${n}`, password: 'Wrong#Pass1' },
        remoteAddress: ip,
      });
    for (let i = 0; i < FREE_FAILURES.source; i++)
      expect((await attempt('10.9.8.7', i)).statusCode).toBe(401);
    const limited = await attempt('10.9.8.7', 99);
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toBe('1');
    expect(limited.json()).toEqual({
      code: 'RATE_LIMITED',
      message:
        '此网络地址的登录失败次数过多，请于 1 秒后再试；已绑定动态验证码的账号可同时输入密码和动态验证码立即登录',
    });
    expect((await attempt('10.9.8.8', 99)).statusCode).toBe(401);
    t.clock.advance(1000);
    expect((await attempt('10.9.8.7', 99)).statusCode).toBe(401);
  });
});
