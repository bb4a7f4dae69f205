import { expect, test } from '@playwright/test';
import { fictionalIdNumber } from '../server/demo/demo.seed.js';
import { accountApi, adminApi, approvedPost, createAccount, expectJson, proposePosting } from './fixtures.js';

test('接收单位记录对接到岗：分工与到岗日期记入挂职，时间线显示 拟任 → 在岗', async ({ page }) => {
  test.setTimeout(120_000);
  const stamp = Date.now().toString(36);
  const cadreName = '岳明远';

  // setup through the API: a sending and a receiving unit in 台江县, their accounts, a 组织部
  const system = await adminApi('system_admin');
  const security = await adminApi('security_admin');
  const admins = { system, security };
  const sending = await expectJson<{ id: string }>(
    system.post('/api/units', {
      data: { name: `台江县发展和改革局${stamp}`, kind: 'party_government', regionCode: '522630' },
    }),
    201,
  );
  const receiving = await expectJson<{ id: string }>(
    system.post('/api/units', {
      data: { name: `台江县台拱街道${stamp}`, kind: 'township', regionCode: '522630' },
    }),
    201,
  );
  const org = await createAccount([{ role: 'org_dept', regionCode: '522600' }], '州委组织部干部', admins);
  const liaison = await createAccount(
    [{ role: 'sending_liaison', unitId: sending.id }],
    '派出单位联络员',
    admins,
  );
  const manager = await createAccount(
    [{ role: 'receiving_manager', unitId: receiving.id }],
    '接收单位管理员',
    admins,
  );
  await Promise.all([system.dispose(), security.dispose()]);
  const orgApi = await accountApi(org, 'E2e#Org2026');
  const liaisonApi = await accountApi(liaison, 'E2e#Liaison2026');
  const managerApi = await accountApi(manager, 'E2e#Manager2026');

  // programme and batch; an approved post; a cadre nominated and accepted
  const programme = await expectJson<{ id: string }>(
    orgApi.post('/api/programmes', {
      data: { name: `黔东南州挂职${stamp}`, kind: 'downward', regionCode: '522600' },
    }),
    201,
  );
  const batch = await expectJson<{ id: string }>(
    orgApi.post('/api/batches', {
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
  const post = await approvedPost(managerApi, orgApi, {
    batchId: batch.id,
    unitId: receiving.id,
    title: '副主任',
    level: 'section_deputy',
    duties: [{ kind: 'assist', area: '招商引资' }],
    headcount: 1,
  });
  const cadre = await expectJson<{ id: string }>(
    liaisonApi.post('/api/cadres', {
      data: {
        name: cadreName,
        gender: 'male',
        ethnicity: '苗族',
        politicalStatus: 'cpc_member',
        birthDate: '1988-06-12',
        idNumber: fictionalIdNumber('52', '19880612', '931'),
        phone: '13800007777',
        education: 'master',
        degree: 'master',
        school: '贵州大学',
        major: '区域经济',
        unitId: sending.id,
        position: '科员',
        rankLevel: 'section_deputy',
        rankKind: 'grade',
        reserve: false,
        expertise: ['招商引资'],
        resume: [],
        relatives: [],
      },
    }),
    201,
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
  await Promise.all([orgApi.dispose(), liaisonApi.dispose(), managerApi.dispose()]);
  proposePosting({ batchId: batch.id, nominationId: nomination.id, postRequestId: post.id });

  // the receiving manager: 在岗管理 lists the posting as 拟任
  await page.context().clearCookies();
  await page.goto('/login');
  await page.getByLabel('用户名').fill(manager.username);
  await page.getByLabel('密码', { exact: true }).fill('E2e#Manager2026');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page).not.toHaveURL(/\/login/);
  await page.getByRole('menuitem', { name: '在岗管理' }).click();
  await expect(page).toHaveTitle('在岗管理 - 挂职干部管理平台');
  const row = page.getByRole('row', { name: new RegExp(cadreName) });
  await expect(row).toContainText('拟任');
  await expect(row).toContainText('副主任');
  await row.getByRole('button', { name: `查看 ${cadreName}` }).click();

  // the detail (its own address, for links): timeline with the proposal, and the one move this account may make
  await expect(page).toHaveURL(/\/postings\/[0-9a-f-]{36}$/);
  const drawer = page.getByRole('dialog', { name: '挂职详情' });
  const timeline = drawer.getByRole('region', { name: '状态时间线' });
  await expect(timeline).toContainText('组织部确认人岗匹配结果');
  const moves = drawer.getByRole('region', { name: '可执行的操作' });
  await expect(moves.getByRole('button')).toHaveText(['对接到岗']);
  await moves.getByRole('button', { name: '对接到岗' }).click();

  // the hand-over form: duties prefilled from the post, one area added, the date and a reason
  const form = page.getByRole('dialog', { name: `对接到岗：${cadreName}` });
  await form.getByLabel('实际到岗日期').fill('2027-03-05');
  await form.getByLabel('实际到岗日期').press('Enter');
  const inCharge = form.getByLabel('分管');
  await inCharge.fill('乡村振兴');
  await inCharge.press('Enter');
  await form.getByLabel('分工说明').fill('协助街道主任工作，负责招商引资、乡村振兴');
  await form.getByRole('button', { name: '确认对接到岗' }).click();
  await expect(form.getByText('请填写原因或说明')).toBeVisible();
  await form.getByLabel('原因或说明').fill('对接会议确定分工');
  await form.getByRole('button', { name: '确认对接到岗' }).click();
  await expect(form).toBeHidden();
  await expect(page.getByText(`已对接到岗：${cadreName}`)).toBeVisible();

  // the timeline now shows the hand-over with its date, duties and who recorded it
  await expect(timeline).toContainText('对接到岗');
  await expect(timeline).toContainText('2027-03-05');
  await expect(timeline).toContainText('拟任 → 在岗');
  await expect(timeline).toContainText('对接会议确定分工');
  await expect(timeline).toContainText('乡村振兴');
  await expect(timeline).toContainText('接收单位管理员');
  await expect(drawer).toContainText('协助街道主任工作，负责招商引资、乡村振兴');
  await expect(moves.getByRole('button')).toHaveText(['期满']);
  // opened again from its address, as a link from elsewhere would
  await page.reload();
  await expect(timeline).toContainText('拟任 → 在岗');
  await drawer.getByRole('button', { name: '关闭' }).click();
  await expect(page).toHaveURL(/\/postings$/);
  await expect(row).toContainText('在岗');
  await expect(row).toContainText('2027-03-05 至 2028-02-29');
});
