import { expect, type Response, test } from '@playwright/test';
import { loginAsNewAdmin } from './fixtures.js';

/**
 * How the browser gets the app: the login page's scripts come precompressed (brotli) and are
 * cached for a year under their hashed names; the page itself is asked again each time; the
 * pages behind the login are not downloaded before it.
 */
test('登录页的脚本压缩传输、长期缓存，登录后的页面按需加载', async ({ page }) => {
  const scripts: Response[] = [];
  page.on('response', (res) => {
    if (res.url().includes('/assets/') && res.url().endsWith('.js')) scripts.push(res);
  });
  const consoleErrors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  const html = await page.goto('/login');
  await expect(page.getByLabel('用户名')).toBeEditable();
  await page.waitForLoadState('networkidle');
  // signed out is not an error: nothing in the console (no 401 from /api/auth/me)
  expect(consoleErrors).toEqual([]);

  expect(html?.headers()['cache-control']).toBe('no-cache');
  expect(scripts.length).toBeGreaterThan(3);
  for (const res of scripts) {
    const headers = await res.allHeaders();
    // files under 1 kB have no twin (web/vite.config.ts): they gain less than a header
    if ((await res.body()).length >= 1024) expect(headers['content-encoding'], res.url()).toBe('br');
    expect(headers['cache-control'], res.url()).toBe('public, max-age=31536000, immutable');
  }
  const beforeLogin = new Set(scripts.map((r) => new URL(r.url()).pathname));
  // the shell and the home page are not among them
  expect([...beforeLogin].some((p) => /\/(shell|home)[.-]/.test(p))).toBe(false);

  await loginAsNewAdmin(page, 'system_admin');
  await expect(page.getByRole('menuitem', { name: '系统管理' })).toBeVisible();
  const afterLogin = scripts.map((r) => new URL(r.url()).pathname).filter((p) => !beforeLogin.has(p));
  expect(afterLogin.some((p) => /\/shell[.-]/.test(p))).toBe(true);
});
