import { expect, test } from '@playwright/test';
import { rememberedSecrets, serverLog } from './fixtures.js';

// Runs after every other spec (its own project in playwright.config.ts, depending on the others):
// the server's log of the whole run holds none of the secrets any test typed or was shown.
test('服务器日志里没有任何输入过或显示过的密码、密钥、身份证号和手机号', async () => {
  const log = serverLog();
  const secrets = rememberedSecrets();
  expect(log.length).toBeGreaterThan(1000);
  expect(log).toContain('"url":"/api/accounts');
  expect(secrets.length).toBeGreaterThan(10);
  for (const secret of secrets)
    expect(log.includes(secret), `log contains ${secret.slice(0, 3)}…`).toBe(false);
});
