import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import { E2E_DATA_DIR, ROOT } from './env.js';

let seq = 0;

/** A fresh administrator made by the real command line; returns its one-time password. */
export function createAdmin(): { username: string; password: string } {
  seq += 1;
  const username = `e2e${Date.now().toString(36)}${seq}`;
  const out = execFileSync(process.execPath, [path.join(ROOT, 'bin/guazhi.js'), 'create-admin', username], {
    env: {
      ...process.env,
      GUAZHI_DATA_DIR: E2E_DATA_DIR,
      GUAZHI_DEMO: '0',
      DATABASE_URL: '',
      LOG_LEVEL: 'silent',
    },
    encoding: 'utf8',
  });
  return { username, password: out.trim().split('\n').at(-1) as string };
}

export async function loginForm(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

/** Logs a new administrator in and gets through the forced password change. */
export async function loginAsNewAdmin(page: Page): Promise<{ username: string; password: string }> {
  const { username, password } = createAdmin();
  await page.goto('/login');
  await loginForm(page, username, password);
  await expect(page).toHaveURL(/\/change-password/);
  const fresh = 'E2e#Pass2026';
  await page.getByLabel('当前密码').fill(password);
  await page.getByLabel('新密码', { exact: true }).fill(fresh);
  await page.getByLabel('确认新密码').fill(fresh);
  await page.getByRole('button', { name: '确认修改' }).click();
  await expect(page).not.toHaveURL(/\/change-password/);
  return { username, password: fresh };
}

/**
 * The fonts Chromium really used to draw an element's text (DevTools CSS.getPlatformFontsForNode):
 * proves Chinese is drawn with a CJK font, not as empty boxes.
 */
export async function platformFonts(page: Page, element: Locator): Promise<string[]> {
  await element.evaluate((el) => el.setAttribute('data-font-probe', ''));
  const selector = '[data-font-probe]';
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
  const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
  await cdp.detach();
  return fonts.map((f) => f.familyName);
}
