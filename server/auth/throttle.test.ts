import { describe, expect, it } from 'vitest';
import { MINUTE } from '../core/clock.js';
import { delayAfter, FREE_FAILURES, MAX_DELAY_MS, throttled } from './throttle.service.js';

describe('sign-in delays', () => {
  it('are free for the first failures, then double from 1 s up to 15 minutes', () => {
    const pair = Array.from({ length: 22 }, (_, i) => delayAfter('pair', i));
    expect(pair.slice(0, FREE_FAILURES.pair)).toEqual([0, 0, 0, 0, 0]);
    expect(pair.slice(5, 15)).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 512].map((s) => s * 1000));
    expect(pair.slice(15)).toEqual(Array(7).fill(15 * MINUTE));
    expect(delayAfter('source', 19)).toBe(0);
    expect(delayAfter('source', 20)).toBe(1000);
    expect(delayAfter('pair', 10_000)).toBe(MAX_DELAY_MS);
  });

  it('are told in Chinese, with Retry-After in whole seconds', () => {
    expect(throttled('pair', 1500)).toMatchObject({
      status: 429,
      retryAfterSeconds: 2,
      message: '该账号在此网络地址的登录失败次数过多，请于 2 秒后再试',
    });
    expect(throttled('pair', 15 * MINUTE).message).toBe(
      '该账号在此网络地址的登录失败次数过多，请于 15 分钟后再试',
    );
  });
});
