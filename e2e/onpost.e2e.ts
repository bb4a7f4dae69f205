import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { fictionalIdNumber } from '../server/demo/demo.seed.js';
import {
  accountApi,
  adminApi,
  approvedPost,
  createAccount,
  expectJson,
  firstLogin,
  loginAgain,
  loginForm,
  proposePosting,
} from './fixtures.js';

/**
 * Issue 13 line 9 (first half): a cadre on post asks for 5 working days of 探亲假 (2026-11-09 to
 * 11-13) → the receiving manager approves → the 组织部 approves (more than 3 days: the receiving
 * area's 组织部 too) → the cadre reports back (销假) → the receiving manager confirms → the cadre's
 * month summary and the batch's 考勤表 page and .xlsx show the five days of 探.
 */
test('请假五天探亲假，审批、销假后计入月度考勤汇总和考勤表', async ({ page }) => {
  test.setTimeout(560_000);
  const stamp = Date.now().toString(36);
  const cadreName = '吴秀云';

  const system = await adminApi('system_admin');
  const security = await adminApi('security_admin');
  const admins = { system, security };
  const unitOf = (name: string, kind: string) =>
    expectJson<{ id: string }>(
      system.post('/api/units', { data: { name: `${name}${stamp}`, kind, regionCode: '522630' } }),
      201,
    );
  const sending = await unitOf('台江县林业局', 'party_government');
  const receiving = await unitOf('台江县老屯乡', 'township');
  // the province's 组织部 runs the programme and is the 组织部 of the receiving area as well
  const org = await createAccount([{ role: 'org_dept', regionCode: '520000' }], '省委组织部干部', admins);
  const liaison = await createAccount(
    [{ role: 'sending_liaison', unitId: sending.id }],
    '林业局联络员',
    admins,
  );
  const manager = await createAccount(
    [{ role: 'receiving_manager', unitId: receiving.id }],
    '老屯乡管理员',
    admins,
  );
  const cadreAccount = await createAccount([{ role: 'cadre' }], cadreName, admins);
  await Promise.all([system.dispose(), security.dispose()]);
  const orgApi = await accountApi(org, 'E2e#Org2026');
  const liaisonApi = await accountApi(liaison, 'E2e#Liaison2026');
  const managerApi = await accountApi(manager, 'E2e#Manager2026');

  // a posting at 老屯乡, handed over (在岗) on 2026-11-02
  const programme = await expectJson<{ id: string }>(
    orgApi.post('/api/programmes', {
      data: { name: `贵州省考勤${stamp}`, kind: 'downward', regionCode: '520000' },
    }),
    201,
  );
  const batch = await expectJson<{ id: string }>(
    orgApi.post('/api/batches', {
      data: {
        programmeId: programme.id,
        name: `考勤第一批${stamp}`,
        plannedStart: '2026-11-01',
        plannedEnd: '2027-10-31',
        termMonths: 12,
      },
    }),
    201,
  );
  const post = await approvedPost(managerApi, orgApi, {
    batchId: batch.id,
    unitId: receiving.id,
    title: '副乡长',
    level: 'section_deputy',
    duties: [{ kind: 'assist', area: '林业生态' }],
    headcount: 1,
  });
  const cadre = await expectJson<{ id: string; version: number }>(
    liaisonApi.post('/api/cadres', {
      data: {
        name: cadreName,
        gender: 'female',
        ethnicity: '苗族',
        politicalStatus: 'cpc_member',
        birthDate: '1989-08-12',
        idNumber: fictionalIdNumber('52', '19890812', '946'),
        phone: '13800007799',
        education: 'bachelor',
        degree: 'bachelor',
        school: '贵州大学',
        major: '林学',
        unitId: sending.id,
        position: '科员',
        rankLevel: 'section_deputy',
        rankKind: 'grade',
        reserve: false,
        expertise: ['林业生态'],
        resume: [],
        relatives: [],
      },
    }),
    201,
  );
  await expectJson(
    liaisonApi.put(`/api/cadres/${cadre.id}/account`, {
      data: { username: cadreAccount.username, version: cadre.version },
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
  proposePosting({ batchId: batch.id, nominationId: nomination.id, postRequestId: post.id });
  const postings = await expectJson<{ items: { id: string; version: number }[] }>(
    managerApi.get('/api/postings', { params: { batchId: batch.id } }),
  );
  const posting = postings.items[0] as { id: string; version: number };
  await expectJson(
    managerApi.post(`/api/postings/${posting.id}/handover`, {
      data: {
        date: '2026-11-02',
        reason: '对接会议确定分工',
        duties: [{ kind: 'assist', area: '林业生态' }],
        dutiesText: null,
        version: posting.version,
      },
    }),
  );
  await Promise.all([orgApi.dispose(), liaisonApi.dispose(), managerApi.dispose()]);

  // the cadre, on a 375 px wide phone: 5 working days of 探亲假
  await page.setViewportSize({ width: 375, height: 812 });
  await firstLogin(page, cadreAccount);
  await page.goto('/leave');
  await page.getByRole('button', { name: '请假', exact: true }).click();
  const form = page.getByRole('dialog', { name: '申请请假' });
  await expect(form.getByLabel('挂职')).toBeVisible();
  await form.getByLabel('请假类别').click();
  await page.locator('.ant-select-dropdown:visible').getByTitle('探亲假', { exact: true }).click();
  await form.getByLabel('开始日期').fill('2026-11-09');
  await form.getByLabel('开始日期').press('Enter');
  await form.getByLabel('结束日期').fill('2026-11-13');
  await form.getByLabel('结束日期').press('Enter');
  await expect(form).toContainText('所选日期范围内有 5 个工作日');
  await form.getByLabel('原因').fill('回家探望父母');
  await form.getByRole('button', { name: '提交申请' }).click();
  await expect(form).toBeHidden();
  await expect(page.getByRole('row', { name: /探亲假/ })).toContainText('审批中');

  /** Opens the cadre's request from 待审批 and approves it. */
  const approve = async (who: string, comment: string) => {
    await page.goto('/leave?view=todo');
    const waiting = page.getByRole('row', { name: new RegExp(cadreName) });
    await waiting.getByRole('button', { name: new RegExp(`请假详情 ${cadreName}`) }).click();
    const drawer = page.getByRole('dialog', { name: '请假详情' });
    await drawer.getByRole('button', { name: '同意' }).click();
    const decision = page.getByRole('dialog', { name: /同意 · 审批请假/ });
    await decision.getByLabel('意见').fill(comment);
    await decision.getByRole('button', { name: '确定' }).click();
    await expect(decision).toBeHidden();
    await expect(drawer).toContainText(`${who} · 同意`);
    return drawer;
  };
  // the receiving manager, then the 组织部 of the receiving area
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.context().clearCookies();
  await page.goto('/login');
  await loginForm(page, manager.username, 'E2e#Manager2026');
  await expect(page).not.toHaveURL(/\/login/);
  const first = await approve('接收单位', '同意');
  await expect(first).toContainText('审批中');
  await page.context().clearCookies();
  await page.goto('/login');
  await loginForm(page, org.username, 'E2e#Org2026');
  await expect(page).not.toHaveURL(/\/login/);
  const second = await approve('接收地组织部', '同意，按期销假');
  await expect(second).toContainText('已批准');

  // the cadre reports back (销假) on 2026-11-16
  await page.setViewportSize({ width: 375, height: 812 });
  await loginAgain(page, cadreAccount);
  await page.goto('/leave?view=all');
  await page.getByRole('button', { name: new RegExp(`请假详情 ${cadreName}`) }).click();
  const mine = page.getByRole('dialog', { name: '请假详情' });
  await mine.getByRole('button', { name: '销假' }).click();
  const back = page.getByRole('dialog', { name: '销假' });
  await back.getByLabel('销假日期').fill('2026-11-16');
  // Enter picks the date and, in this one-field form, may already submit it
  await back.getByLabel('销假日期').press('Enter');
  if (await back.isVisible())
    await back
      .getByRole('button', { name: '确定' })
      .click({ timeout: 5_000 })
      .catch(() => {});
  await expect(back).toBeHidden();
  await expect(mine).toContainText('待确认销假');

  // the receiving manager confirms it
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.context().clearCookies();
  await page.goto('/login');
  await loginForm(page, manager.username, 'E2e#Manager2026');
  await expect(page).not.toHaveURL(/\/login/);
  await page.goto('/leave?view=todo');
  await page.getByRole('button', { name: new RegExp(`请假详情 ${cadreName}`) }).click();
  const confirm = page.getByRole('dialog', { name: '请假详情' });
  await confirm.getByRole('button', { name: '确认销假' }).click();
  await expect(confirm).toContainText('已销假');
  // the manager's 考勤管理 for November: the row shows the five days of 探
  await page.goto('/attendance?month=2026-11');
  await expect(page).toHaveTitle('考勤管理 - 挂职干部管理平台');
  const managerRow = page.getByRole('row', { name: new RegExp(cadreName) });
  await expect(managerRow.getByRole('cell', { name: '探', exact: true })).toHaveCount(5);

  // the cadre's phone page: one tap checks in for today; November's summary shows the leave
  await page.setViewportSize({ width: 375, height: 812 });
  await loginAgain(page, cadreAccount);
  await page.goto('/check-in');
  await expect(page).toHaveTitle('考勤打卡 - 挂职干部管理平台');
  await page.getByRole('button', { name: '打卡（今日在岗）' }).click();
  await expect(page.getByText('今日已打卡')).toBeVisible();
  const width = Number(await page.evaluate('document.documentElement.scrollWidth'));
  expect(width).toBeLessThanOrEqual(375);
  await page.getByLabel('月份').click();
  await page.getByLabel('月份').fill('2026-11');
  await page.getByLabel('月份').press('Enter');
  await expect(page.getByRole('button', { name: '2026-11-09 请假（探亲假）' })).toBeVisible();
  await expect(page.getByText('5 天（探亲假 5）')).toBeVisible();

  // the 组织部's 月度考勤表 of the batch for November, and its .xlsx
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.context().clearCookies();
  await page.goto('/login');
  await loginForm(page, org.username, 'E2e#Org2026');
  await expect(page).not.toHaveURL(/\/login/);
  await page.goto(`/attendance-report?month=2026-11&batchId=${batch.id}`);
  await expect(page).toHaveTitle('月度考勤表 - 挂职干部管理平台');
  await expect(page.getByText('2026年11月挂职干部考勤表')).toBeVisible();
  const row = page.getByRole('row', { name: new RegExp(cadreName) });
  await expect(row.getByRole('cell', { name: '探', exact: true })).toHaveCount(5);
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '导出 Excel' }).click(),
  ]);
  expect(file.suggestedFilename()).toBe('2026年11月挂职干部考勤表.xlsx');
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(await file.path());
  const sheet = book.getWorksheet('考勤表') as ExcelJS.Worksheet;
  expect(sheet.getCell('A1').value).toBe('2026年11月挂职干部考勤表');
  const cadreRow = sheet.getRow(3);
  expect(cadreRow.getCell(2).value).toBe(cadreName);
  // day d is column 3 + d; 11-09..13 探, 11-14/15 the weekend ○, 11-01 before the hand-over blank
  expect([9, 10, 11, 12, 13].map((d) => cadreRow.getCell(3 + d).value)).toEqual([
    '探',
    '探',
    '探',
    '探',
    '探',
  ]);
  expect([cadreRow.getCell(3 + 14).value, cadreRow.getCell(3 + 1).value]).toEqual(['○', null]);
  // 请假天数 (the second of the totals after 30 day columns)
  expect(cadreRow.getCell(3 + 30 + 2).value).toBe(5);
});
