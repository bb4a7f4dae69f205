import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { type Browser, expect, type Page, test } from '@playwright/test';
import { DEMO_USERNAMES } from '../server/demo/demo.seed.js';
import { E2E_DIR, E2E_PORT, ROOT } from './env.js';
import { changeForcedPassword, enrolTotp, loginForm } from './fixtures.js';

/**
 * Issue 11's done-when, as a test: the walk a new user makes through every demo account. A
 * server of its own (the demo seeded, as `npm start` does, on a data dir of its own, so the other
 * specs' data stays theirs) prints the one-time passwords; each account signs in as a new user
 * would (password change, the administrators' authenticator), then opens every section its menu
 * offers. On no page may there be a failed load, a server error, a console error, or text a
 * user should never read (undefined, NaN, [object Object], Invalid Date, schema words).
 */
const WALK_PORT = E2E_PORT + 100;
const BASE = `http://127.0.0.1:${WALK_PORT}`;
const DIR = path.join(E2E_DIR, 'demo-walk');
const NEW_PASSWORD = 'Walk#Demo2026';

let server: ChildProcess | undefined;
const oneTime = new Map<string, string>();

test.beforeAll(async () => {
  test.setTimeout(240_000);
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });
  server = spawn(process.execPath, [path.join(ROOT, 'bin/guazhi.js'), 'serve'], {
    env: {
      ...process.env,
      GUAZHI_DATA_DIR: path.join(DIR, 'data'),
      PORT: String(WALK_PORT),
      HOST: '127.0.0.1',
      GUAZHI_DEMO: '1',
      DATABASE_URL: '',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  server.stdout?.on('data', (chunk: Buffer) => {
    out += chunk.toString('utf8');
    // `  admin    <password>   系统管理员`: the block the first start prints
    for (const m of out.matchAll(/^ {2}(\S+) +(\S{12,}) {3}/gm))
      if (DEMO_USERNAMES.includes(m[1] as string)) oneTime.set(m[1] as string, m[2] as string);
  });
  server.stderr?.on('data', (chunk: Buffer) => {
    out += chunk.toString('utf8');
  });
  await expect
    .poll(
      async () =>
        oneTime.size === DEMO_USERNAMES.length &&
        (await fetch(`${BASE}/api/health`).then(
          (r) => r.ok,
          () => false,
        )),
      { timeout: 220_000, intervals: [1000] },
    )
    .toBe(true);
});

test.afterAll(() => {
  server?.kill('SIGTERM');
});

/** Words of a validation library or a program's inner state that a page must never show. */
const NEVER_SHOWN =
  /\bundefined\b|\bNaN\b|\[object Object\]|Invalid Date|\bnull\b|expected \w+|\bstring\b|>=/;

async function signInNew(page: Page, username: string): Promise<void> {
  await page.goto(`${BASE}/login`);
  await loginForm(page, username, oneTime.get(username) as string);
  await changeForcedPassword(page, oneTime.get(username) as string, NEW_PASSWORD);
  if (page.url().includes('/totp-setup')) await enrolTotp(page);
  await expect(page).not.toHaveURL(/\/login|\/change-password|\/totp-setup/);
}

async function walk(browser: Browser, username: string): Promise<void> {
  const context = await browser.newContext({ baseURL: BASE });
  const page = await context.newPage();
  const problems: string[] = [];
  let where = '/login';
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`${where}: console error: ${m.text().slice(0, 200)}`);
  });
  page.on('pageerror', (e) => problems.push(`${where}: page error: ${e.message.slice(0, 200)}`));
  page.on('response', (r) => {
    // a page asks only for what its caller may read: a refusal is a page bug too
    if (r.status() >= 500 || r.status() === 403) problems.push(`${where}: ${r.status()} ${r.url()}`);
  });
  try {
    await signInNew(page, username);
    // every section the menu offers (the submenus start open)
    const menu = page.locator('.ant-layout-sider .ant-menu a[href], .ant-drawer .ant-menu a[href]');
    await expect(menu.first()).toBeVisible();
    const paths = [...new Set(await menu.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? '')))];
    expect(paths.length, `${username}: the menu offers sections`).toBeGreaterThan(0);
    for (const to of paths) {
      where = to;
      await page.goto(to);
      const main = page.locator('main, .ant-layout-content').first();
      await expect(main).toBeVisible();
      // loaded: no spinner left, a page title of its own
      await expect(page.locator('.ant-spin-spinning')).toHaveCount(0, { timeout: 20_000 });
      await expect(page).toHaveTitle(/ - 挂职干部管理平台$/);
      await expect(page.getByText('页面不存在')).toHaveCount(0);
      const failed = page.locator('.ant-result-warning, .ant-result-error');
      if ((await failed.count()) > 0)
        problems.push(`${to}: ${(await failed.first().innerText()).slice(0, 200)}`);
      const text = await main.innerText();
      const bad = text.match(NEVER_SHOWN);
      if (bad)
        problems.push(
          `${to}: shows "${bad[0]}" in "${text.slice(Math.max(0, (bad.index ?? 0) - 40), (bad.index ?? 0) + 40)}"`,
        );
    }
  } finally {
    await context.close();
  }
  expect(problems, `${username}'s walk`).toEqual([]);
}

for (const username of DEMO_USERNAMES) {
  test(`演示账号 ${username} 首次登录后打开菜单中的每个页面：无加载失败、无服务器错误、无控制台错误`, async ({
    browser,
  }) => {
    test.setTimeout(180_000);
    await walk(browser, username);
  });
}
