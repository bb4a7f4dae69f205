import { expect, test } from '@playwright/test';
import { fictionalIdNumber } from '../server/demo/demo.seed.js';
import {
  accountApi,
  adminApi,
  createAccount,
  expectJson,
  FIRST_LOGIN_PASSWORD,
  firstLogin,
  loginAgain,
} from './fixtures.js';

test('我的档案：干部看到工作经历、家庭成员和选派推荐；申请更正一条工作经历，联络员看到逐条对比后同意，干部看到更正后的经历', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const system = await adminApi('system_admin');
  const security = await adminApi('security_admin');
  const admins = { system, security };
  const suffix = Date.now().toString(36);
  const unit = await expectJson<{ id: string }>(
    system.post('/api/units', {
      data: { name: `南明区档案测试局${suffix}`, kind: 'party_government', regionCode: '520102' },
    }),
    201,
  );
  const liaisonName = '南明区档案测试局办公室联络员 周敏';
  const liaison = await createAccount([{ role: 'sending_liaison', unitId: unit.id }], liaisonName, admins);
  // another region than the other browser tests' (their lists count what they see)
  const org = await createAccount([{ role: 'org_dept', regionCode: '520100' }], '组织部 王强', admins);
  const cadreAccount = await createAccount([{ role: 'cadre' }], '杨光明', admins);
  await Promise.all([system.dispose(), security.dispose()]);

  // the 组织部 opens a batch; the liaison keeps the record, links the account and nominates
  const orgApi = await accountApi(org, 'E2e#OrgPass2026');
  const programme = await expectJson<{ id: string }>(
    orgApi.post('/api/programmes', {
      data: { name: `档案测试项目${suffix}`, kind: 'cross_region', regionCode: '520100' },
    }),
    201,
  );
  const batch = await expectJson<{ id: string; name: string }>(
    orgApi.post('/api/batches', {
      data: {
        programmeId: programme.id,
        name: `第${suffix}批`,
        plannedStart: '2027-03-01',
        plannedEnd: '2028-02-29',
        termMonths: 12,
        quotas: [{ regionCode: '520102', quota: 3 }],
      },
    }),
    201,
  );
  const liaisonApi = await accountApi(liaison, FIRST_LOGIN_PASSWORD);
  const cadre = await expectJson<{ id: string; version: number }>(
    liaisonApi.post('/api/cadres', {
      data: {
        name: '杨光明',
        gender: 'male',
        ethnicity: '苗族',
        politicalStatus: 'cpc_member',
        birthDate: '1985-09-20',
        idNumber: fictionalIdNumber('52', '19850920', '035'),
        education: 'bachelor',
        degree: 'bachelor',
        unitId: unit.id,
        position: '副局长',
        rankLevel: 'section_chief',
        rankKind: 'leadership',
        resume: [
          { fromMonth: '2008-07', toMonth: '2015-12', unitName: '台江县台拱镇人民政府', position: '科员' },
          { fromMonth: '2016-01', toMonth: null, unitName: '台江县档案测试局', position: '副科长' },
        ],
        relatives: [{ name: '吴秀英', relation: 'spouse', unitName: '台江县人民医院', position: '护士' }],
      },
    }),
    201,
  );
  await expectJson(
    liaisonApi.put(`/api/cadres/${cadre.id}/account`, {
      data: { username: cadreAccount.username, version: cadre.version },
    }),
  );
  await expectJson(
    liaisonApi.post('/api/nominations', {
      data: { batchId: batch.id, cadreId: cadre.id, justification: '经单位党组研究同意推荐' },
    }),
    201,
  );
  await Promise.all([orgApi.dispose(), liaisonApi.dispose()]);

  // the cadre: the whole file — résumé, relatives, reserve flag, photo, the nomination
  await firstLogin(page, cadreAccount);
  await page.getByRole('menuitem', { name: '我的档案' }).click();
  await expect(page.getByRole('heading', { name: '我的档案' })).toBeVisible();
  const resume = page.getByTestId('cadre-resume');
  await expect(resume).toContainText('2016-01 — 至今');
  await expect(resume).toContainText('台江县档案测试局 副科长');
  await expect(page.getByTestId('cadre-relatives')).toContainText('吴秀英');
  await expect(page.getByTestId('cadre-relatives')).toContainText('台江县人民医院');
  await expect(page.locator('.ant-descriptions')).toContainText('后备干部');
  await expect(page.getByText('照片由派出单位联络员上传')).toBeVisible();
  await expect(page.getByRole('button', { name: '上传照片' })).toHaveCount(0);
  const nomination = page.getByTestId('my-nominations').locator('tr.ant-table-row');
  await expect(nomination).toContainText(batch.name);
  await expect(nomination).toContainText('待审核');

  // asks to correct the second résumé entry: the position was 副局长, not 副科长
  await page.getByRole('button', { name: '更正工作经历及家庭成员' }).click();
  const dialog = page.getByRole('dialog', { name: '申请更正工作经历及家庭成员' });
  await dialog.getByRole('button', { name: '提交申请' }).click();
  await expect(dialog.getByText('工作经历和家庭成员都没有改动，无需申请更正')).toBeVisible();
  await dialog.getByTestId('resume-2').getByLabel(/^职务/).fill('副局长');
  await dialog.getByLabel('说明').fill('2019 年任副局长，见任免通知');
  await dialog.getByRole('button', { name: '提交申请' }).click();
  await expect(page.getByText('更正申请已提交，等待派出单位审核')).toBeVisible();
  const request = page.locator('tr.ant-table-row').filter({ hasText: '工作经历' });
  await expect(request).toContainText('待审核');
  await expect(request.getByTestId('entry-changed')).toContainText('副科长');

  // the liaison sees the entry changed (not two whole lists) and approves
  await loginAgain(page, liaison);
  // a long name in the header is cut short, and shown whole on hover (issue 11 line 7)
  await expect(page.locator('.shell-user__name')).toHaveAttribute('title', liaisonName);
  await page.getByRole('menuitem', { name: '信息更正审核' }).click();
  const row = page.locator('tr.ant-table-row').filter({ hasText: '杨光明' });
  const changed = row.getByTestId('entry-changed');
  await expect(changed).toContainText('修改');
  await expect(changed.locator('del')).toContainText('台江县档案测试局 副科长');
  await expect(changed.locator('strong')).toContainText('台江县档案测试局 副局长');
  await expect(row.getByTestId('entry-added')).toHaveCount(0);
  await expect(row.getByTestId('entry-removed')).toHaveCount(0);
  await row.getByRole('button', { name: '同意' }).click();
  await page
    .getByRole('dialog')
    .filter({ hasText: '确定同意' })
    .getByRole('button', { name: '同意' })
    .click();
  await expect(page.getByText('已同意，档案已更新')).toBeVisible();

  // the cadre sees the corrected résumé and the request 已同意
  await loginAgain(page, cadreAccount);
  await page.goto('/my-profile');
  await expect(resume).toContainText('台江县档案测试局 副局长');
  await expect(resume).not.toContainText('副科长');
  await expect(page.locator('tr.ant-table-row').filter({ hasText: '工作经历' })).toContainText('已同意');
});
