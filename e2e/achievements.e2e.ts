import { readFileSync } from 'node:fs';
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

const EVIDENCE = Buffer.from(
  '%PDF-1.4\n% 安置花名册\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n',
);

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

  // evidence: a PDF added on the entry's page, listed with its name; a text file named .pdf is refused
  await row.getByRole('button', { name: '详情 转移安置人口' }).click();
  const drawer = page.getByRole('dialog', { name: '实事详情' });
  await expect(drawer.getByText('尚未上传佐证材料')).toBeVisible();
  const pick = drawer.locator('input[type="file"]');
  await pick.setInputFiles({ name: '安置花名册.pdf', mimeType: 'application/pdf', buffer: EVIDENCE });
  await expect(drawer.getByRole('link', { name: '安置花名册.pdf' })).toBeVisible();
  await pick.setInputFiles({
    name: '说明.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('只是改了扩展名的文本\n'),
  });
  await expect(page.locator('.ant-message')).toContainText('说明.pdf：');
  await expect(drawer.getByRole('link', { name: '说明.pdf' })).toHaveCount(0);
  await drawer.locator('.ant-drawer-close').click();
  await expect(drawer).toBeHidden();

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
  // the manager opens the evidence before verifying: the same bytes download
  await waiting.getByRole('button', { name: '详情 转移安置人口' }).click();
  const seen = page.getByRole('dialog', { name: '实事详情' });
  const download = page.waitForEvent('download');
  await seen.getByRole('link', { name: '安置花名册.pdf' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('安置花名册.pdf');
  expect(readFileSync(await file.path()).equals(EVIDENCE)).toBe(true);
  await expect(seen.getByRole('button', { name: '上传佐证材料' })).toHaveCount(0);
  await seen.locator('.ant-drawer-close').click();
  await expect(seen).toBeHidden();
  await waiting.getByRole('button', { name: '核实 转移安置人口' }).click();
  const confirm = page.getByRole('dialog').filter({ hasText: '确定核实' });
  await expect(confirm).toContainText('确定核实“转移安置人口”（1.9万人）吗？');
  await confirm.getByRole('button', { name: '核实' }).click();
  await expect(page.locator('.ant-message').getByText('已核实')).toBeVisible();
  await expect(page.getByRole('row', { name: /转移安置人口/ })).toHaveCount(0);

  const after = await batchTotals(page, on.batchId);
  expect(after).toEqual({ verified: '1.9万人', claimed: '—' });
});
