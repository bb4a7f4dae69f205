import { expect, test } from '@playwright/test';
import { loginAsNewAdmin, platformFonts } from './fixtures.js';

test('新用户登录、修改初始密码、新建单位并按拼音首字母找到它', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/login/);
  await expect(page).toHaveTitle('登录 - 挂职干部管理平台');

  await loginAsNewAdmin(page);
  const appName = page.getByText('挂职干部管理平台', { exact: true }).first();
  await expect(appName).toBeVisible();

  // Chinese is drawn with a CJK font (not as empty boxes): ask Chromium which font it used.
  const fonts = await platformFonts(page, appName);
  expect(
    fonts.some((f) => /CJK|Han|Hei|Song|Ming/i.test(f)),
    `fonts used: ${fonts.join(', ')}`,
  ).toBe(true);

  await page.getByRole('menuitem', { name: '单位管理' }).click();
  await expect(page).toHaveURL(/\/units/);
  await expect(page).toHaveTitle('单位管理 - 挂职干部管理平台');

  await page.getByRole('button', { name: '新建单位' }).click();
  const dialog = page.getByRole('dialog', { name: '新建单位' });
  await dialog.getByLabel('单位名称').fill('台江县数字乡村发展中心');
  await dialog.getByLabel('单位类型').click();
  await page.getByTitle('事业单位', { exact: true }).click();
  await dialog.getByLabel('行政区划').click();
  await page.getByRole('menuitemcheckbox', { name: '贵州省' }).click();
  await page.getByRole('menuitemcheckbox', { name: '黔东南苗族侗族自治州' }).click();
  await page.getByRole('menuitemcheckbox', { name: '台江县' }).click();
  await dialog.getByLabel('单位名称').click(); // close the cascader, keeping 台江县
  await dialog.getByLabel('联系人').fill('测试联系人');
  await dialog.getByLabel('联系电话').fill('13800009999');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已新建单位“台江县数字乡村发展中心”')).toBeVisible();

  // Find it by the initials of 台江县数字乡村发展中心
  await page.getByPlaceholder('名称、拼音或首字母').fill('tjxszxcfzzx');
  await page.getByRole('button', { name: '查询' }).click();
  const row = page.getByRole('row', { name: /台江县数字乡村发展中心/ });
  await expect(row).toBeVisible();
  await expect(row).toContainText('贵州省 / 黔东南苗族侗族自治州 / 台江县');
  await expect(row).toContainText('事业单位');
  await expect(page.getByText('共 1 条')).toBeVisible();
  await expect(page).toHaveURL(/q=tjxszxcfzzx/);
});

test('错误的密码给出中文提示，未知页面显示 404', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('用户名').fill('nobody');
  await page.getByLabel('密码', { exact: true }).fill('Wrong#Pass2026');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('alert')).toContainText('用户名或密码错误');

  await loginAsNewAdmin(page);
  await page.goto('/no/such/page');
  await expect(page.getByText('页面不存在')).toBeVisible();
  await page.getByRole('button', { name: '返回工作台' }).click();
  await expect(page).toHaveURL(/\/$/);
});
