import { expect, test } from '@playwright/test';
import { fictionalIdNumber } from '../server/demo/demo.seed.js';
import {
  accountApi,
  adminApi,
  createAccount,
  expectJson,
  FIRST_LOGIN_PASSWORD,
  loginAgain,
  programmeWithBatch,
} from './fixtures.js';

/**
 * Issue 11 line 2 (ADR 027): the pages show only the buttons the record's answer lists. A
 * 组织部 reviewing a nominee from another region (东西部协作) reads the nominee's profile but
 * finds no 编辑 / 删除 / 上传照片, and no 编辑 on a unit outside its region; a sending unit's
 * liaison reads the programme without 编辑 or 新建批次, and its own unit without 编辑 / 删除.
 * Regions of their own (黔南州, 苏州市吴中区) so that the other specs' counts stay theirs.
 */
test('组织部看外地被推荐干部与单位时没有编辑/删除按钮；联络员看项目与本单位也没有', async ({ page }) => {
  test.setTimeout(300_000);
  const stamp = Date.now().toString(36);
  const system = await adminApi('system_admin');
  const security = await adminApi('security_admin');
  const admins = { system, security };
  const sending = await expectJson<{ id: string; name: string }>(
    system.post('/api/units', {
      data: { name: `吴中区发展和改革委员会${stamp}`, kind: 'party_government', regionCode: '320506' },
    }),
    201,
  );
  const own = await expectJson<{ id: string; name: string }>(
    system.post('/api/units', {
      data: { name: `都匀市科技局${stamp}`, kind: 'party_government', regionCode: '522701' },
    }),
    201,
  );
  const liaison = await createAccount(
    [{ role: 'sending_liaison', unitId: sending.id }],
    '吴中区联络员',
    admins,
  );
  const org = await createAccount([{ role: 'org_dept', regionCode: '522700' }], '黔南州委组织部干部', admins);
  await Promise.all([system.dispose(), security.dispose()]);

  const orgApi = await accountApi(org, FIRST_LOGIN_PASSWORD);
  const liaisonApi = await accountApi(liaison, FIRST_LOGIN_PASSWORD);
  const { programme, batch } = await programmeWithBatch(orgApi, `黔南州东西部协作挂职${stamp}`, '522700');
  const cadreName = '顾清远';
  const cadre = await expectJson<{ id: string }>(
    liaisonApi.post('/api/cadres', {
      data: {
        name: cadreName,
        gender: 'male',
        ethnicity: '汉族',
        politicalStatus: 'cpc_member',
        birthDate: '1988-05-16',
        idNumber: fictionalIdNumber('32', '19880516', '957'),
        education: 'master',
        degree: 'master',
        unitId: sending.id,
        position: '副科长',
        rankLevel: 'section_deputy',
        rankKind: 'leadership',
        expertise: ['招商引资'],
      },
    }),
    201,
  );
  await expectJson(
    liaisonApi.post('/api/nominations', {
      data: { batchId: batch.id, cadreId: cadre.id, justification: '东西部协作对口推荐' },
    }),
    201,
  );
  await Promise.all([orgApi.dispose(), liaisonApi.dispose()]);

  // the 组织部: the nomination can be decided, the nominee's profile read but not changed
  await page.setViewportSize({ width: 1366, height: 768 });
  await loginAgain(page, org);
  await page.getByRole('menuitem', { name: '选派推荐' }).click();
  const row = page.getByRole('row', { name: new RegExp(cadreName) });
  await expect(row.getByRole('button', { name: '同意', exact: true })).toBeVisible();
  await expect(row.getByRole('button', { name: '撤回' })).toHaveCount(0);
  await row.getByRole('link', { name: cadreName }).click();
  await expect(page.getByRole('heading', { name: `干部详情：${cadreName}` })).toBeVisible();
  await expect(page.getByText(sending.name).first()).toBeVisible();
  for (const name of ['编辑', '删除', '上传照片', '查看完整信息'])
    await expect(page.getByRole('button', { name })).toHaveCount(0);
  // opened from 选派推荐, the page stays there: that menu item is lit, not 干部名册, and back says so
  await expect(page.getByRole('menuitem', { name: '选派推荐' })).toHaveClass(/ant-menu-item-selected/);
  await expect(page.getByRole('menuitem', { name: '干部名册' })).not.toHaveClass(/ant-menu-item-selected/);
  await expect(page.getByRole('button', { name: '返回名册' })).toHaveCount(0);
  await page.getByRole('button', { name: '返回选派推荐' }).click();
  await expect(page).toHaveURL(/\/recommendations/);
  await expect(page.getByRole('row', { name: new RegExp(cadreName) })).toBeVisible();

  // its own region's unit can be changed; the nominee's unit is not in its list at all
  await page.getByRole('menuitem', { name: '单位管理' }).click();
  await page.getByPlaceholder(/名称/).fill(stamp);
  await expect(
    page.getByRole('row', { name: new RegExp(own.name) }).getByRole('button', { name: '编辑' }),
  ).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(sending.name) })).toHaveCount(0);

  // the liaison: the programme is read, not changed; its own unit is read, not changed
  await loginAgain(page, liaison);
  await page.goto(`/projects/${programme.id}`);
  await expect(page.getByText('组织部所在区划')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('row', { name: /第一批/ })).toBeVisible();
  for (const name of ['编辑项目', '编辑', '新建批次', '推进状态', '删除'])
    await expect(page.getByRole('button', { name })).toHaveCount(0);
  await page.getByRole('menuitem', { name: '单位管理' }).click();
  await expect(page.getByRole('row', { name: new RegExp(sending.name) })).toBeVisible();
  for (const name of ['编辑', '停用', '删除'])
    await expect(page.getByRole('button', { name })).toHaveCount(0);
});
