import { expect, type Page, test } from '@playwright/test';
import { fictionalIdNumber } from '../server/demo/demo.seed.js';
import { API_HEADERS, adminApi, createAccount, expectJson, firstLogin, loginAgain } from './fixtures.js';

/** Rows of the page's list table (not the profile's description rows). */
const tableRows = (page: Page) => page.locator('tr.ant-table-row');

/** Picks an option of the antd Select labelled `label` inside `scope`. */
async function choose(page: Page, label: string, option: string): Promise<void> {
  await page.getByRole('dialog').getByLabel(label, { exact: true }).click();
  await page.locator('.ant-select-dropdown:visible').getByTitle(option, { exact: true }).click();
}

test('干部本人直接改手机号、申请更正职务与级别；联络员看到对比后同意；第二份申请被驳回并显示意见', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const system = await adminApi('system_admin');
  const security = await adminApi('security_admin');
  const suffix = Date.now().toString(36);
  const unit = await expectJson<{ id: string; name: string }>(
    system.post('/api/units', {
      data: { name: `台江县更正测试局${suffix}`, kind: 'party_government', regionCode: '522630' },
    }),
    201,
  );
  const liaison = await createAccount([{ role: 'sending_liaison', unitId: unit.id }], '联络员 李华', {
    system,
    security,
  });
  const cadreAccount = await createAccount([{ role: 'cadre' }], '吴志远', { system, security });
  await Promise.all([system.dispose(), security.dispose()]);

  // the liaison keeps the record and links the cadre's account to it
  await firstLogin(page, liaison);
  const cadre = await expectJson<{ id: string; version: number }>(
    page.request.post('/api/cadres', {
      headers: API_HEADERS,
      data: {
        name: '吴志远',
        gender: 'male',
        ethnicity: '苗族',
        politicalStatus: 'cpc_member',
        birthDate: '1986-04-12',
        idNumber: fictionalIdNumber('52', '19860412', '031'),
        phone: '13800001234',
        education: 'bachelor',
        degree: 'bachelor',
        unitId: unit.id,
        position: '副科长',
        rankLevel: 'section_deputy',
        rankKind: 'leadership',
      },
    }),
    201,
  );
  await expectJson(
    page.request.put(`/api/cadres/${cadre.id}/account`, {
      headers: API_HEADERS,
      data: { username: cadreAccount.username, version: cadre.version },
    }),
  );

  // the cadre: 我的档案, phone saved at once, a correction of position and rank
  await firstLogin(page, cadreAccount);
  await page.getByRole('menuitem', { name: '我的档案' }).click();
  await expect(page.getByRole('heading', { name: '我的档案' })).toBeVisible();
  await expect(page.getByTestId('my-phone')).toHaveText('138****1234');
  await page.getByRole('button', { name: '修改联系方式等' }).click();
  const edit = page.getByRole('dialog', { name: '修改本人信息' });
  await edit.getByLabel('手机号码').fill('1398765');
  await edit.getByRole('button', { name: '保存' }).click();
  await expect(edit.getByText('电话号码格式不正确')).toBeVisible();
  await edit.getByLabel('手机号码').fill('13987654321');
  await edit.getByLabel('手机号码').press('Enter');
  await expect(page.getByText('已保存')).toBeVisible();
  await expect(edit).toBeHidden();
  await expect(page.getByTestId('my-phone')).toHaveText('139****4321');

  await page.getByRole('button', { name: '申请更正' }).click();
  const correction = page.getByRole('dialog', { name: '申请更正关键信息' });
  await expect(correction.getByText('当前：副科长')).toBeVisible();
  await correction.getByLabel('现任职务').fill('科长');
  await choose(page, '级别', '正乡科级');
  await correction.getByLabel('说明').fill('2026 年 10 月任命，见任免通知');
  await correction.getByRole('button', { name: '提交申请' }).click();
  await expect(page.getByText('更正申请已提交，等待派出单位审核')).toBeVisible();
  // while it waits, 申请更正 is disabled and the page says why (issue 11 line 6)
  await expect(page.getByRole('button', { name: '申请更正' })).toBeDisabled();
  await expect(page.getByText('您已有一份待审核的更正申请，请等待审核结果或先撤回')).toBeVisible();
  const first = tableRows(page).filter({ hasText: '现任职务' });
  await expect(first).toContainText('待审核');
  await expect(first).toContainText('副科长 → 科长');
  await expect(first).toContainText('副乡科级 → 正乡科级');

  // the liaison: the request with its diff, 同意
  await loginAgain(page, liaison);
  await page.getByRole('menuitem', { name: '信息更正审核' }).click();
  const row = tableRows(page).filter({ hasText: '吴志远' });
  await expect(row).toContainText('副科长 → 科长');
  await expect(row).toContainText('待审核');
  await expect(row).toContainText('2026 年 10 月任命');
  await row.getByRole('button', { name: '同意' }).click();
  const confirm = page.getByRole('dialog').filter({ hasText: '确定同意' });
  await confirm.getByRole('button', { name: '同意' }).click();
  await expect(page.getByText('已同意，档案已更新')).toBeVisible();
  await expect(row).toContainText('已同意');

  // the cadre sees 已同意 and the new values; asks again, to another political status
  await loginAgain(page, cadreAccount);
  await page.goto('/my-profile');
  await expect(tableRows(page).filter({ hasText: '现任职务' })).toContainText('已同意');
  const basic = page.locator('.ant-descriptions');
  await expect(basic).toContainText('科长');
  await expect(basic).toContainText('正乡科级');
  await page.getByRole('button', { name: '申请更正' }).click();
  await choose(page, '政治面貌', '群众');
  await page.getByRole('dialog').getByRole('button', { name: '提交申请' }).click();
  await expect(tableRows(page).filter({ hasText: '政治面貌' })).toContainText('待审核');

  // the liaison rejects it: the comment is required
  await loginAgain(page, liaison);
  await page.goto('/corrections?status=pending');
  const second = tableRows(page).filter({ hasText: '政治面貌' });
  await expect(second).toContainText('中共党员 → 群众');
  await second.getByRole('button', { name: '驳回' }).click();
  const reject = page.getByRole('dialog', { name: '驳回更正申请：吴志远' });
  await reject.getByRole('button', { name: '驳回' }).click();
  await expect(reject.getByText('请填写驳回意见')).toBeVisible();
  await reject.getByLabel('驳回意见').fill('请提供党组织关系转接证明');
  await reject.getByRole('button', { name: '驳回' }).click();
  await expect(page.getByText('已驳回', { exact: true }).first()).toBeVisible();
  await expect(page.getByText('没有更正申请')).toBeVisible();

  // the cadre sees the rejection with its comment; the record kept its political status
  await loginAgain(page, cadreAccount);
  await page.goto('/my-profile');
  const rejected = tableRows(page).filter({ hasText: '政治面貌' });
  await expect(rejected).toContainText('已驳回');
  await expect(rejected).toContainText('请提供党组织关系转接证明');
  await expect(basic).toContainText('中共党员');

  // on a phone the profile and the comment are still there
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(rejected).toContainText('请提供党组织关系转接证明');
  await expect(page.getByRole('button', { name: '申请更正' })).toBeVisible();
});
