import { expect, test } from '@playwright/test';
import { fictionalIdNumber } from '../server/demo/demo.seed.js';
import {
  accountApi,
  adminApi,
  approvedPost,
  createAccount,
  expectJson,
  firstLogin,
  loginForm,
  proposePosting,
} from './fixtures.js';

/**
 * Issue 13 line 1: a cadre on post (在岗) asks for two days of 探亲假 on the phone-sized page; the
 * receiving unit's manager finds it in 待我处理 and approves it; the chain shows the step done.
 */
test('在岗干部请假，接收单位审批同意', async ({ page }) => {
  test.setTimeout(120_000);
  const stamp = Date.now().toString(36);
  const cadreName = '龙清泉';

  const system = await adminApi('system_admin');
  const security = await adminApi('security_admin');
  const admins = { system, security };
  const sending = await expectJson<{ id: string }>(
    system.post('/api/units', {
      data: { name: `台江县农业农村局${stamp}`, kind: 'party_government', regionCode: '522630' },
    }),
    201,
  );
  const receiving = await expectJson<{ id: string }>(
    system.post('/api/units', {
      data: { name: `台江县施洞镇${stamp}`, kind: 'township', regionCode: '522630' },
    }),
    201,
  );
  // the programme is the province's (贵州省), so the 黔东南州 组织部 of nominations.e2e counts only its own
  const org = await createAccount([{ role: 'org_dept', regionCode: '520000' }], '省委组织部干部', admins);
  const liaison = await createAccount(
    [{ role: 'sending_liaison', unitId: sending.id }],
    '派出单位联络员',
    admins,
  );
  const manager = await createAccount(
    [{ role: 'receiving_manager', unitId: receiving.id }],
    '施洞镇管理员',
    admins,
  );
  const cadreAccount = await createAccount([{ role: 'cadre' }], cadreName, admins);
  await Promise.all([system.dispose(), security.dispose()]);
  const orgApi = await accountApi(org, 'E2e#Org2026');
  const liaisonApi = await accountApi(liaison, 'E2e#Liaison2026');
  const managerApi = await accountApi(manager, 'E2e#Manager2026');

  // a posting of the cadre at 施洞镇, handed over (在岗) in June 2026
  const programme = await expectJson<{ id: string }>(
    orgApi.post('/api/programmes', {
      data: { name: `贵州省请假${stamp}`, kind: 'downward', regionCode: '520000' },
    }),
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
  const post = await approvedPost(managerApi, orgApi, {
    batchId: batch.id,
    unitId: receiving.id,
    title: '副镇长',
    level: 'section_deputy',
    duties: [{ kind: 'assist', area: '乡村振兴' }],
    headcount: 1,
  });
  const cadre = await expectJson<{ id: string; version: number }>(
    liaisonApi.post('/api/cadres', {
      data: {
        name: cadreName,
        gender: 'male',
        ethnicity: '苗族',
        politicalStatus: 'cpc_member',
        birthDate: '1987-04-18',
        idNumber: fictionalIdNumber('52', '19870418', '935'),
        phone: '13800007788',
        education: 'bachelor',
        degree: 'bachelor',
        school: '贵州大学',
        major: '农学',
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
        date: '2026-06-05',
        reason: '对接会议确定分工',
        duties: [{ kind: 'assist', area: '乡村振兴' }],
        dutiesText: null,
        version: posting.version,
      },
    }),
  );
  await Promise.all([orgApi.dispose(), liaisonApi.dispose(), managerApi.dispose()]);

  // the cadre, on a phone-sized window: 请假 → the form → 2 working days of 探亲假
  await page.setViewportSize({ width: 390, height: 844 });
  await firstLogin(page, cadreAccount);
  await page.goto('/leave');
  await expect(page).toHaveTitle('我的请假 - 挂职干部管理平台');
  await page.getByRole('button', { name: '请假', exact: true }).click();
  const form = page.getByRole('dialog', { name: '申请请假' });
  await expect(form.getByLabel('挂职')).toBeVisible();
  await form.getByLabel('请假类别').click();
  await page.locator('.ant-select-dropdown:visible').getByTitle('探亲假', { exact: true }).click();
  await form.getByLabel('开始日期').fill('2026-12-14');
  await form.getByLabel('开始日期').press('Enter');
  await form.getByLabel('结束日期').fill('2026-12-15');
  await form.getByLabel('结束日期').press('Enter');
  await expect(form).toContainText('所选日期范围内有 2 个工作日');
  await form.getByLabel('原因').fill('回苏州探望父母');
  await form.getByRole('button', { name: '提交申请' }).click();
  await expect(form).toBeHidden();
  const row = page.getByRole('row', { name: /探亲假/ });
  await expect(row).toContainText('2026-12-14 上午 至 2026-12-15 下午');
  await expect(row).toContainText('审批中');

  // the receiving manager: 待我处理 → the detail → 同意 with a comment
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.context().clearCookies();
  await page.goto('/login');
  await loginForm(page, manager.username, 'E2e#Manager2026');
  await expect(page).not.toHaveURL(/\/login/);
  await page.getByRole('menuitem', { name: '请假' }).click();
  await expect(page).toHaveTitle('待审批的请假 - 挂职干部管理平台');
  const waiting = page.getByRole('row', { name: new RegExp(cadreName) });
  await expect(waiting).toContainText('审批中');
  await waiting.getByRole('button', { name: new RegExp(`请假详情 ${cadreName}`) }).click();
  const drawer = page.getByRole('dialog', { name: '请假详情' });
  await expect(drawer).toContainText('接收单位 · 待审批');
  await drawer.getByRole('button', { name: '同意' }).click();
  const decision = page.getByRole('dialog', { name: /同意 · 审批请假/ });
  await decision.getByLabel('意见').fill('同意，注意安全');
  await decision.getByRole('button', { name: '确定' }).click();
  await expect(decision).toBeHidden();
  await expect(drawer).toContainText('已批准');
  await expect(drawer).toContainText('接收单位 · 同意');
  await expect(drawer).toContainText('同意，注意安全');
  await expect(drawer.getByRole('button', { name: '同意' })).toHaveCount(0);

  // the programme's 组织部 sees the routing table the request went by (the default)
  await page.context().clearCookies();
  await page.goto('/login');
  await loginForm(page, org.username, 'E2e#Org2026');
  await expect(page).not.toHaveURL(/\/login/);
  await page.getByRole('menuitem', { name: '请假审批路由' }).click();
  await expect(page).toHaveTitle('请假审批路由 - 挂职干部管理平台');
  await expect(page.getByText('使用默认路由')).toBeVisible();
  await expect(page.getByRole('row')).toHaveCount(4);
});
