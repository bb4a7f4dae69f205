import { expect as baseExpect, type Page, test } from '@playwright/test';
import { fictionalIdNumber } from '../server/demo/demo.seed.js';
import { firstLogin, loginForm, onPostCadre } from './fixtures.js';

// the machine running several builds at once: pages (lazy chunks) may take longer than 10 s
const expect = baseExpect.configure({ timeout: 30_000 });

/** The batch's 其他（人数） line on the totals page: verified and unverified, as shown. */
async function batchTotals(page: Page, batchId: string) {
  await page.goto('/achievement-totals?groupBy=batch');
  await expect(page).toHaveTitle('实事统计 - 挂职干部管理平台');
  const group = page.getByTestId(`group-${batchId}`);
  await expect(group).toBeVisible();
  const row = group.getByRole('row', { name: /其他（人数）/ });
  return {
    verified: (await row.getByTestId('verified').textContent()) ?? '',
    claimed: (await row.getByTestId('claimed').textContent()) ?? '',
  };
}

/**
 * Issue 13 line 9 (second half): the cadre records an achievement of 1.9万人 on a phone-sized
 * window; the receiving manager verifies it; the batch total moves from 未核实 to 已核实.
 */
test('干部申报 1.9万人 的实事，接收单位核实后批次合计变化', async ({ page }) => {
  test.setTimeout(300_000);
  const stamp = Date.now().toString(36);
  const on = await onPostCadre(stamp, '杨秀英', fictionalIdNumber('52', '19890312', '246'));

  // the cadre, 375 px wide: 实绩成效 → 申报实事 → 1.9 万人
  await page.setViewportSize({ width: 375, height: 812 });
  await firstLogin(page, on.cadreAccount);
  await page.goto('/achievements');
  await expect(page).toHaveTitle('我的实事 - 挂职干部管理平台');
  await expect(page.getByText('暂无实事')).toBeVisible();
  await page.getByRole('button', { name: '申报实事' }).click();
  const form = page.getByRole('dialog', { name: '申报实事' });
  await expect(form.getByLabel('挂职')).toBeVisible();
  await form.getByLabel('类别').click();
  await page.locator('.ant-select-dropdown:visible').getByTitle('其他', { exact: true }).click();
  await form.getByLabel('实事名称').fill('转移安置人口');
  // a count of people in 人 must be whole: said in Chinese before anything is sent
  await form.getByLabel('数量').fill('1.9');
  await form.getByLabel('单位').click();
  await page.locator('.ant-select-dropdown:visible').getByTitle('人', { exact: true }).click();
  await expect(form).toContainText('以“人”为单位时须为整数');
  await form.getByLabel('单位').click();
  await page.locator('.ant-select-dropdown:visible').getByTitle('万人', { exact: true }).click();
  await expect(form).not.toContainText('须为整数');
  await form.getByLabel('说明').fill('跑遍了全乡12个村，转移安置人口1.9万人');
  const box = await form.boundingBox();
  expect(box?.width ?? 0).toBeLessThanOrEqual(375);
  await form.getByRole('button', { name: '申报' }).click();
  await expect(form).toBeHidden();
  const row = page.getByRole('row', { name: /转移安置人口/ });
  await expect(row).toContainText('1.9万人');
  await expect(row).toContainText('已申报');

  // the receiving manager: the batch total before, 待我核实 → 核实 (confirmed), the total after
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.context().clearCookies();
  await page.goto('/login');
  await loginForm(page, on.manager.username, on.managerPassword);
  await expect(page).not.toHaveURL(/\/login/);
  const before = await batchTotals(page, on.batchId);
  expect(before).toEqual({ verified: '—', claimed: '1.9万人' });

  await page.getByRole('menuitem', { name: '实绩成效' }).click();
  await expect(page).toHaveTitle('待核实的实事 - 挂职干部管理平台');
  const waiting = page.getByRole('row', { name: /转移安置人口/ });
  await expect(waiting).toContainText('杨秀英');
  await waiting.getByRole('button', { name: '核实 转移安置人口' }).click();
  const confirm = page.getByRole('dialog').filter({ hasText: '确定核实' });
  await expect(confirm).toContainText('确定核实“转移安置人口”（1.9万人）吗？');
  await confirm.getByRole('button', { name: '核实' }).click();
  await expect(page.locator('.ant-message').getByText('已核实')).toBeVisible();
  await expect(page.getByRole('row', { name: /转移安置人口/ })).toHaveCount(0);

  const after = await batchTotals(page, on.batchId);
  expect(after).toEqual({ verified: '1.9万人', claimed: '—' });
});
