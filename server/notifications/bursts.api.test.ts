import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createAccount,
  createTestApp,
  login,
  secondInstance,
  type TestAccount,
  type TestApp,
} from '../../test/helpers.js';
import { BURST_WINDOW_MS, BurstWatch, burstKindOf } from './bursts.service.js';

/** Issue 10 line 8: bursts of denials and 429s notify the security administrators, once per window. */
let t: TestApp;
let securityAdmin: TestAccount;
let adminCookie: string;
let orgCookie: string;
const THRESHOLD = 3;

beforeAll(async () => {
  t = await createTestApp({ config: { alertThreshold: THRESHOLD } });
  securityAdmin = await createAccount(t.ctx, { roles: ['security_admin'] });
  adminCookie = await login(t.app, securityAdmin);
  orgCookie = await login(t.app, await createAccount(t.ctx, { roles: ['org_dept'] }));
});
afterAll(() => t.close());

const messages = async () =>
  (
    (
      await t.app.inject({ method: 'GET', url: '/api/notifications', headers: { cookie: adminCookie } })
    ).json() as {
      items: { kind: string; message: string }[];
    }
  ).items;
/** A 组织部 account asking for the account list: 403, audited as denied. */
const forbidden = async () => {
  const res = await t.app.inject({ method: 'GET', url: '/api/accounts', headers: { cookie: orgCookie } });
  expect(res.statusCode).toBe(403);
};

describe('burst notifications', () => {
  it('counts denials and 429s, not the signed-out session probe', () => {
    expect(burstKindOf(403, 'POST', '/api/units')).toBe('denied');
    expect(burstKindOf(401, 'GET', '/api/cadres')).toBe('denied');
    expect(burstKindOf(401, 'POST', '/api/auth/login')).toBe('denied');
    expect(burstKindOf(401, 'GET', '/api/auth/me?x=1')).toBeNull();
    expect(burstKindOf(429, 'GET', '/api/excel/exports/cadres')).toBe('tooMany');
    expect(burstKindOf(404, 'GET', '/api/units/x')).toBeNull();
  });

  it('notify every security administrator when the denials of a window reach the threshold, once a window', async () => {
    t.clock.advance(BURST_WINDOW_MS); // a fresh window
    for (let i = 0; i < THRESHOLD - 1; i++) await forbidden();
    expect(await messages()).toEqual([]);
    await forbidden();
    await expect.poll(async () => (await messages()).length).toBe(1);
    const [note] = await messages();
    expect(note?.kind).toBe('security.denialBurst');
    expect(note?.message).toMatch(
      /^拒绝访问次数异常：自 \d{4}-\d{2}-\d{2} \d{2}:\d{2}（UTC）起 5 分钟内已有 3 次未登录或无权限的请求被拒绝，请在审计日志中核查来源$/,
    );
    // more in the same window: no second notification; the next window notifies again
    for (let i = 0; i < THRESHOLD; i++) await forbidden();
    t.clock.advance(BURST_WINDOW_MS);
    for (let i = 0; i < THRESHOLD; i++) await forbidden();
    await expect.poll(async () => (await messages()).length).toBe(2);
  });

  it('notify once per window however many instances see the burst, and name 429s as such', async () => {
    const other = await secondInstance(t);
    try {
      t.clock.advance(BURST_WINDOW_MS);
      const watches = [new BurstWatch(t.ctx), new BurstWatch(other.ctx), new BurstWatch(other.ctx)];
      const crossed: Promise<void>[] = [];
      for (const watch of watches) {
        for (let i = 0; i < THRESHOLD + 2; i++) {
          const notifying = watch.count('tooMany');
          if (notifying) crossed.push(notifying);
        }
      }
      expect(crossed).toHaveLength(3); // each instance crossed its own threshold once
      await Promise.all(crossed);
      const notes = (await messages()).filter((n) => n.kind === 'security.rateLimitBurst');
      expect(notes).toHaveLength(1);
      expect(notes[0]?.message).toContain('已有 3 次请求因过于频繁被拒绝（429）');
    } finally {
      await other.close();
    }
  });
});
