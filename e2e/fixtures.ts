import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  type APIRequestContext,
  type APIResponse,
  expect,
  type Locator,
  type Page,
  request,
} from '@playwright/test';
import { Secret, TOTP } from 'otpauth';
import { E2E_DATA_DIR, E2E_DIR, E2E_PORT, E2E_SECRETS, E2E_SERVER_LOG, ROOT } from './env.js';

let seq = 0;

/**
 * Every secret a test typed or was shown, kept in a file of the run (e2e/serve.mjs empties it):
 * e2e/server-log.e2e.ts runs after every other spec and looks for each of them in the log.
 */
export function rememberSecrets(...secrets: string[]): void {
  appendFileSync(E2E_SECRETS, secrets.map((s) => `${s}\n`).join(''));
}

export function rememberedSecrets(): string[] {
  return existsSync(E2E_SECRETS) ? readFileSync(E2E_SECRETS, 'utf8').split('\n').filter(Boolean) : [];
}

/** The environment of a command run on the test server's data dir (SQLite, no demo, quiet). */
export const CLI_ENV: NodeJS.ProcessEnv = {
  ...process.env,
  GUAZHI_DATA_DIR: E2E_DATA_DIR,
  GUAZHI_DEMO: '0',
  DATABASE_URL: '',
  LOG_LEVEL: 'silent',
};

export type AdminRole = 'system_admin' | 'security_admin' | 'audit_admin';

/** The real command line (`guazhi <args>`) on the test server's data dir; its standard output. */
export function guazhiCommand(args: string[]): string {
  return execFileSync(process.execPath, [path.join(ROOT, 'bin/guazhi.js'), ...args], {
    env: CLI_ENV,
    encoding: 'utf8',
  });
}

/**
 * A post request asked by the receiving unit (`manager`), submitted, and approved by the 组织部
 * (`reviewer`: its API client or a signed-in page's `request`), all through the API.
 */
export async function approvedPost(
  manager: APIRequestContext,
  reviewer: APIRequestContext,
  data: Record<string, unknown>,
): Promise<{ id: string }> {
  const post = await expectJson<{ id: string; version: number }>(manager.post('/api/posts', { data }), 201);
  const submitted = await expectJson<{ version: number }>(
    manager.post(`/api/posts/${post.id}/submit`, { data: { version: post.version } }),
  );
  await expectJson(
    reviewer.post(`/api/posts/${post.id}/review`, {
      data: { decision: 'approve', comment: null, version: submitted.version },
      headers: API_HEADERS,
    }),
  );
  return { id: post.id };
}

/** A fresh administrator made by the real command line; returns its one-time password. */
export function createAdmin(role: AdminRole = 'system_admin'): { username: string; password: string } {
  seq += 1;
  const username = `e2e${Date.now().toString(36)}${seq}`;
  const out = guazhiCommand(['create-admin', username, '--role', role]);
  const password = out.trim().split('\n').at(-1) as string;
  rememberSecrets(password);
  return { username, password };
}

export async function loginForm(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

/** The last time step each secret gave a code for: the server accepts a step once (ADR 018). */
const usedSteps = new Map<string, number>();

/** A code for a time step not used yet: waits for the next step when this one's code was used. */
export async function totpNow(secret: string): Promise<string> {
  const step = () => Math.floor(Date.now() / 30_000);
  const last = usedSteps.get(secret);
  if (last !== undefined && step() <= last) {
    await new Promise((resolve) => setTimeout(resolve, (last + 1) * 30_000 - Date.now() + 50));
  }
  usedSteps.set(secret, step());
  return new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' }).generate();
}

/** The password the forced change sets unless told otherwise (firstLogin's). */
export const FIRST_LOGIN_PASSWORD = 'E2e#Pass2026';

/** The forced password change after a first login. */
export async function changeForcedPassword(
  page: Page,
  oneTime: string,
  fresh = FIRST_LOGIN_PASSWORD,
): Promise<string> {
  await expect(page).toHaveURL(/\/change-password/);
  await page.getByLabel('当前密码').fill(oneTime);
  await page.getByLabel('新密码', { exact: true }).fill(fresh);
  await page.getByLabel('确认新密码').fill(fresh);
  await page.getByRole('button', { name: '确认修改' }).click();
  await expect(page).not.toHaveURL(/\/change-password/);
  rememberSecrets(fresh);
  return fresh;
}

/** Binds a TOTP authenticator on the forced enrolment page; returns the secret. */
export async function enrolTotp(page: Page): Promise<string> {
  await expect(page).toHaveURL(/\/totp-setup/);
  const secret = ((await page.getByTestId('totp-secret').textContent()) ?? '').replace(/\s/g, '');
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
  await page.getByLabel('动态验证码').fill(await totpNow(secret));
  await page.getByRole('button', { name: '绑定' }).click();
  await expect(page.getByText('请妥善保存以下恢复码，每个只能使用一次')).toBeVisible();
  await page.getByRole('button', { name: '我已保存，继续' }).click();
  rememberSecrets(secret);
  return secret;
}

export interface Session {
  username: string;
  password: string;
  totpSecret: string;
}

/** A new administrator: first login, forced password change, forced TOTP enrolment. */
export async function loginAsNewAdmin(page: Page, role: AdminRole = 'system_admin'): Promise<Session> {
  const { username, password } = createAdmin(role);
  await page.goto('/login');
  await loginForm(page, username, password);
  const fresh = await changeForcedPassword(page, password);
  const totpSecret = await enrolTotp(page);
  await expect(page).not.toHaveURL(/\/totp-setup|\/login/);
  return { username, password: fresh, totpSecret };
}

/** A later login of an account with a second factor. */
export async function loginWithTotp(page: Page, session: Session): Promise<void> {
  await page.goto('/login');
  await loginForm(page, session.username, session.password);
  await expect(page).toHaveURL(/\/login\/verify/);
  await page.getByLabel('动态验证码').fill(await totpNow(session.totpSecret));
  await page.getByRole('button', { name: '验证' }).click();
  await expect(page).not.toHaveURL(/\/login/);
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

export function serverLog(): string {
  return readFileSync(E2E_SERVER_LOG, 'utf8');
}

/** The header every API call carries (the CSRF check in server/core/access.ts). */
export const API_HEADERS = { 'x-requested-with': 'guazhi' };

/** The JSON of an answer with this status; else the test fails showing the body. */
export async function expectJson<T>(answer: Promise<APIResponse>, status = 200): Promise<T> {
  const res = await answer;
  expect(res.status(), await res.text()).toBe(status);
  return (await res.json()) as T;
}

/**
 * An API client signed in as a fresh administrator — made by the real command line, then the
 * forced password change and TOTP binding done through the API (quicker than the pages, which
 * e2e/units.e2e.ts and e2e/access.e2e.ts already drive). Dispose it when done.
 */
export async function adminApi(role: AdminRole): Promise<APIRequestContext> {
  const { username, password } = createAdmin(role);
  const api = await request.newContext({
    baseURL: `http://127.0.0.1:${E2E_PORT}`,
    extraHTTPHeaders: API_HEADERS,
  });
  await expectJson(api.post('/api/auth/login', { data: { username, password } }));
  const fresh = 'E2e#Admin2026';
  await expectJson(
    api.post('/api/auth/password', { data: { currentPassword: password, newPassword: fresh } }),
  );
  const { secret } = await expectJson<{ secret: string }>(api.post('/api/auth/totp/setup'));
  await expectJson(api.post('/api/auth/totp/enable', { data: { code: await totpNow(secret) } }));
  rememberSecrets(fresh, secret);
  return api;
}

/** A role grant as the accounts API takes it. */
export interface Grant {
  role: 'org_dept' | 'sending_liaison' | 'receiving_manager' | 'cadre';
  regionCode?: string;
  unitId?: string;
  programmeIds?: string[];
}

export interface NewAccount {
  id: string;
  username: string;
  oneTimePassword: string;
}

/**
 * A business account with these grants: the system administrator creates it, the security
 * administrator grants the roles (both through the API). Log in with `firstLogin`.
 */
export async function createAccount(
  grants: Grant[],
  displayName = '测试用户',
  admins?: { system: APIRequestContext; security: APIRequestContext },
): Promise<NewAccount> {
  const system = admins?.system ?? (await adminApi('system_admin'));
  const security = admins?.security ?? (await adminApi('security_admin'));
  seq += 1;
  const username = `u${Date.now().toString(36)}${seq}`;
  const { account, oneTimePassword } = await expectJson<{
    account: { id: string; version: number };
    oneTimePassword: string;
  }>(system.post('/api/accounts', { data: { username, displayName } }), 201);
  await expectJson(
    security.put(`/api/accounts/${account.id}/grants`, { data: { grants, version: account.version } }),
  );
  if (!admins) await Promise.all([system.dispose(), security.dispose()]);
  rememberSecrets(oneTimePassword);
  return { id: account.id, username, oneTimePassword };
}

/** An API client signed in as a business account (first login: the forced password change through the API). */
export async function accountApi(account: NewAccount, fresh: string): Promise<APIRequestContext> {
  const api = await request.newContext({
    baseURL: `http://127.0.0.1:${E2E_PORT}`,
    extraHTTPHeaders: API_HEADERS,
  });
  await expectJson(
    api.post('/api/auth/login', { data: { username: account.username, password: account.oneTimePassword } }),
  );
  await expectJson(
    api.post('/api/auth/password', {
      data: { currentPassword: account.oneTimePassword, newPassword: fresh },
    }),
  );
  rememberSecrets(fresh);
  return api;
}

/** The first login of an account in the browser: forced password change, TOTP binding if asked. */
export async function firstLogin(page: Page, account: NewAccount): Promise<void> {
  await page.context().clearCookies();
  await page.goto('/login');
  await loginForm(page, account.username, account.oneTimePassword);
  await changeForcedPassword(page, account.oneTimePassword);
  if (page.url().includes('/totp-setup')) await enrolTotp(page);
  await expect(page).not.toHaveURL(/\/login|\/change-password|\/totp-setup/);
}

/** Signs in again, in the browser, an account that has made its first login. */
export async function loginAgain(page: Page, account: NewAccount): Promise<void> {
  await page.context().clearCookies();
  await page.goto('/login');
  await loginForm(page, account.username, FIRST_LOGIN_PASSWORD);
  await expect(page).not.toHaveURL(/\/login/);
}

/**
 * A receiving unit in 台江县 with its manager, and a 组织部 over 黔东南州 (both not signed in yet),
 * made through the API by fresh administrators.
 */
export async function receivingUnitSetup(
  unitName: string,
): Promise<{ unit: { id: string }; orgDept: NewAccount; manager: NewAccount }> {
  const system = await adminApi('system_admin');
  const security = await adminApi('security_admin');
  const unit = await expectJson<{ id: string }>(
    system.post('/api/units', { data: { name: unitName, kind: 'township', regionCode: '522630' } }),
    201,
  );
  const admins = { system, security };
  const orgDept = await createAccount([{ role: 'org_dept', regionCode: '522600' }], '测试组织部干部', admins);
  const manager = await createAccount(
    [{ role: 'receiving_manager', unitId: unit.id }],
    '测试接收单位',
    admins,
  );
  await Promise.all([system.dispose(), security.dispose()]);
  return { unit, orgDept, manager };
}

/** Through a 组织部's API client: a programme over `regionCode` with 第一批 (筹备, default rules). */
export async function programmeWithBatch(
  api: APIRequestContext,
  name: string,
  regionCode: string,
): Promise<{ programme: { id: string; name: string }; batch: { id: string } }> {
  const programme = await expectJson<{ id: string; name: string }>(
    api.post('/api/programmes', { data: { name, kind: 'cross_region', regionCode } }),
    201,
  );
  const batch = await expectJson<{ id: string }>(
    api.post('/api/batches', {
      data: {
        programmeId: programme.id,
        name: '第一批',
        plannedStart: '2027-03-01',
        plannedEnd: '2028-02-29',
        termMonths: 12,
      },
    }),
    201,
  );
  return { programme, batch };
}

/**
 * Through the signed-in 组织部's page: a programme over 黔东南州 (or `programmeRegion`) with 第一批
 * moved to 选派, its quota for 台江县 as given.
 */
export async function selectingBatch(
  page: Page,
  programmeName: string,
  quota: number,
  programmeRegion = '522600',
): Promise<{ programme: { id: string }; batch: { id: string; version: number } }> {
  const headers = API_HEADERS;
  const programme = await expectJson<{ id: string }>(
    page.request.post('/api/programmes', {
      data: { name: programmeName, kind: 'cross_region', regionCode: programmeRegion },
      headers,
    }),
    201,
  );
  const batch = await expectJson<{ id: string; version: number }>(
    page.request.post('/api/batches', {
      data: {
        programmeId: programme.id,
        name: '第一批',
        plannedStart: '2027-03-01',
        plannedEnd: '2028-02-29',
        termMonths: 12,
        quotas: [{ regionCode: '522630', quota }],
      },
      headers,
    }),
    201,
  );
  await expectJson(
    page.request.post(`/api/batches/${batch.id}/advance`, {
      data: { to: 'selecting', reason: '进入选派阶段', version: batch.version },
      headers,
    }),
  );
  return { programme, batch };
}

type ProposedItem = { batchId: string; nominationId: string; postRequestId: string };

/**
 * The matching confirm's step (issue 12 line 4, not in the API yet): `createProposed` run by a
 * command on the test server's database, as `guazhi create-admin` runs there.
 */
export function proposePosting(items: ProposedItem | ProposedItem[]): void {
  const list = (Array.isArray(items) ? items : [items]).map((item) => ({ ...item, matchRunId: null }));
  const dist = (file: string) => pathToFileURL(path.join(ROOT, 'dist/server', file)).href;
  const script = path.join(E2E_DIR, 'propose-posting.mjs');
  writeFileSync(
    script,
    `import { loadConfig } from '${dist('core/config.js')}';
import { openRuntime } from '${dist('runtime.js')}';
import { systemActor } from '${dist('core/context.js')}';
import { inTransaction } from '${dist('core/transaction.js')}';
import { createProposed } from '${dist('postings/postings.service.js')}';
const runtime = await openRuntime(loadConfig());
try {
  await inTransaction(runtime.ctx, (tx) =>
    createProposed(tx, systemActor(null, 'e2e'), ${JSON.stringify(list)}),
  );
} finally {
  await runtime.close();
}
`,
  );
  // Playwright's own loader options are not for this process
  const { NODE_OPTIONS: _loader, ...env } = CLI_ENV;
  execFileSync(process.execPath, [script], { cwd: ROOT, env });
}

// ---- achievements (issue 13 line 9): a cadre on post, made through the API ----

/** What `onPostCadre` made: the accounts (the manager's password already changed) and the ids. */
export interface OnPost {
  cadreAccount: NewAccount;
  org: NewAccount;
  liaison: NewAccount;
  manager: NewAccount;
  managerPassword: string;
  programmeName: string;
  batchId: string;
  postingId: string;
}

/**
 * A cadre with an account, on post (在岗) at a fresh township of 台江县: units, the province's
 * 组织部 running a programme and batch, the post approved, the nomination accepted, the posting
 * proposed and handed over on `start` — all through the API, as the roles would.
 */
export async function onPostCadre(
  stamp: string,
  cadreName: string,
  idNumber: string,
  start = '2026-06-05',
  /** The programme's name before the stamp (each spec its own, to find it in lists). */
  programmePrefix = '贵州省实事',
): Promise<OnPost> {
  const made = await onPostCadres(
    stamp,
    [{ name: cadreName, idNumber, account: true }],
    start,
    programmePrefix,
  );
  const { cadres, ...rest } = made;
  const [only] = cadres as [OnPostCadres['cadres'][number]];
  return { ...rest, cadreAccount: only.account as NewAccount, postingId: only.postingId };
}

/** What `onPostCadres` made: the parties' accounts, the batch and each cadre's posting. */
export interface OnPostCadres extends Omit<OnPost, 'cadreAccount' | 'postingId'> {
  sendingUnitName: string;
  receivingUnitName: string;
  /** In the order asked; `account` for those asked with one. */
  cadres: { name: string; postingId: string; account: NewAccount | null }[];
}

/**
 * Several cadres of one sending unit (台江县发展改革局), on post (在岗) in one batch at one
 * township of 台江县 (老屯乡), each on a 副乡长 post of its own: as `onPostCadre`, all through the
 * API. A cadre asked `account: true` gets a business account linked to its record.
 */
export async function onPostCadres(
  stamp: string,
  people: { name: string; idNumber: string; account?: boolean }[],
  start = '2026-06-05',
  programmePrefix = '贵州省实事',
): Promise<OnPostCadres> {
  const system = await adminApi('system_admin');
  const security = await adminApi('security_admin');
  const admins = { system, security };
  const unitOf = async (name: string, kind: string) =>
    expectJson<{ id: string }>(
      system.post('/api/units', { data: { name, kind, regionCode: '522630' } }),
      201,
    );
  const sendingUnitName = `台江县发展改革局${stamp}`;
  const receivingUnitName = `台江县老屯乡${stamp}`;
  const sending = await unitOf(sendingUnitName, 'party_government');
  const receiving = await unitOf(receivingUnitName, 'township');
  const org = await createAccount([{ role: 'org_dept', regionCode: '520000' }], '省委组织部干部', admins);
  const liaison = await createAccount(
    [{ role: 'sending_liaison', unitId: sending.id }],
    '派出单位联络员',
    admins,
  );
  const manager = await createAccount(
    [{ role: 'receiving_manager', unitId: receiving.id }],
    '老屯乡管理员',
    admins,
  );
  const accounts: (NewAccount | null)[] = [];
  for (const person of people)
    accounts.push(person.account ? await createAccount([{ role: 'cadre' }], person.name, admins) : null);
  await Promise.all([system.dispose(), security.dispose()]);
  const managerPassword = 'E2e#Manager2026';
  const orgApi = await accountApi(org, 'E2e#Org2026');
  const liaisonApi = await accountApi(liaison, 'E2e#Liaison2026');
  const managerApi = await accountApi(manager, managerPassword);
  const programmeName = `${programmePrefix}${stamp}`;
  const programme = await expectJson<{ id: string }>(
    orgApi.post('/api/programmes', { data: { name: programmeName, kind: 'downward', regionCode: '520000' } }),
    201,
  );
  const batch = await expectJson<{ id: string }>(
    orgApi.post('/api/batches', {
      data: {
        programmeId: programme.id,
        name: '第一批',
        plannedStart: '2026-06-01',
        plannedEnd: '2027-05-31',
        termMonths: 12,
      },
    }),
    201,
  );
  const duties = [{ kind: 'assist', area: '乡村振兴' }];
  const proposals: { batchId: string; nominationId: string; postRequestId: string }[] = [];
  for (const [i, person] of people.entries()) {
    const post = await approvedPost(managerApi, orgApi, {
      batchId: batch.id,
      unitId: receiving.id,
      title: '副乡长',
      level: 'section_deputy',
      duties,
      headcount: 1,
    });
    const { idNumber } = person;
    const cadre = await expectJson<{ id: string; version: number }>(
      liaisonApi.post('/api/cadres', {
        data: {
          name: person.name,
          gender: Number(idNumber[16]) % 2 === 1 ? 'male' : 'female',
          ethnicity: '苗族',
          politicalStatus: 'cpc_member',
          birthDate: `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`,
          idNumber,
          phone: `1380000${6655 + i * 11}`,
          education: 'bachelor',
          degree: 'bachelor',
          school: '贵州大学',
          major: '经济学',
          unitId: sending.id,
          position: '科员',
          rankLevel: 'section_deputy',
          rankKind: 'grade',
          reserve: false,
          expertise: ['乡村振兴'],
          resume: [],
          relatives: [],
        },
      }),
      201,
    );
    const account = accounts[i];
    if (account)
      await expectJson(
        liaisonApi.put(`/api/cadres/${cadre.id}/account`, {
          data: { username: account.username, version: cadre.version },
        }),
      );
    const nomination = await expectJson<{ id: string; version: number }>(
      liaisonApi.post('/api/nominations', {
        data: { batchId: batch.id, cadreId: cadre.id, justification: null },
      }),
      201,
    );
    await expectJson(
      orgApi.post(`/api/nominations/${nomination.id}/review`, {
        data: { decision: 'accept', comment: null, version: nomination.version },
      }),
    );
    proposals.push({ batchId: batch.id, nominationId: nomination.id, postRequestId: post.id });
  }
  proposePosting(proposals);
  const postings = await expectJson<{ items: { id: string; nominationId: string; version: number }[] }>(
    managerApi.get('/api/postings', { params: { batchId: batch.id, pageSize: 100 } }),
  );
  const cadres: OnPostCadres['cadres'] = [];
  for (const [i, proposal] of proposals.entries()) {
    const posting = postings.items.find((p) => p.nominationId === proposal.nominationId);
    expect(posting, `the posting of ${people[i]?.name}`).toBeDefined();
    const { id, version } = posting as { id: string; version: number };
    await expectJson(
      managerApi.post(`/api/postings/${id}/handover`, {
        data: { date: start, reason: '对接会议确定分工', duties, dutiesText: null, version },
      }),
    );
    cadres.push({ name: people[i]?.name ?? '', postingId: id, account: accounts[i] ?? null });
  }
  await Promise.all([orgApi.dispose(), liaisonApi.dispose(), managerApi.dispose()]);
  return {
    org,
    liaison,
    manager,
    managerPassword,
    programmeName,
    batchId: batch.id,
    sendingUnitName,
    receivingUnitName,
    cadres,
  };
}
