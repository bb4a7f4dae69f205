import { expect, test } from '@playwright/test';
import { fictionalIdNumber } from '../server/demo/demo.seed.js';
import { firstLogin, loginForm, onPostCadre } from './fixtures.js';

/** A tiny PDF: the server finds its type in the bytes. */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n');

/**
 * Issue 13 line 4: on a phone-sized window (375 px) the cadre logs a day's work with a PDF
 * attached; the province's 组织部 searches two characters (防汛) and sees the entry with the
 * match marked, and downloads the attachment with its name.
 */
test('挂职干部手机记工作纪实（附件），组织部两个字检索并看到高亮', async ({ page }) => {
  test.setTimeout(300_000);
  const stamp = Date.now().toString(36);
  const { org, cadreAccount } = await onPostCadre(
    stamp,
    '吴承志',
    fictionalIdNumber('52', '19870418', '947'),
    '2026-06-05',
    '贵州省纪实',
  );

  await page.setViewportSize({ width: 375, height: 812 });
  await firstLogin(page, cadreAccount);
  await page.goto('/worklog');
  await expect(page).toHaveTitle('工作纪实 - 挂职干部管理平台');
  await expect(page.getByText('还没有工作纪实')).toBeVisible();
  await page.getByRole('button', { name: '记一条' }).click();
  const form = page.getByRole('dialog', { name: '记工作纪实' });
  await expect(form.getByLabel('挂职')).toBeVisible();
  await form.getByLabel('类别').click();
  await page.locator('.ant-select-dropdown:visible').getByTitle('应急', { exact: true }).click();
  await form.getByLabel('标题').fill(`防汛值守${stamp}`);
  await form.getByLabel('地点').fill('施洞镇');
  await form.getByLabel('内容').fill('连夜检查防汛物资，转移安置沿河群众');
  await form.locator('input[type=file]').setInputFiles({
    name: '防汛检查记录.pdf',
    mimeType: 'application/pdf',
    buffer: PDF,
  });
  await expect(form.getByText('防汛检查记录.pdf')).toBeVisible();
  // the phone-sized dialog fits the window
  const box = await form.boundingBox();
  expect(box?.width ?? 999).toBeLessThanOrEqual(375);
  await form.getByRole('button', { name: '保存' }).click();
  await expect(form).toBeHidden();
  const card = page.getByTestId('worklog-entry').filter({ hasText: `防汛值守${stamp}` });
  await expect(card).toContainText('应急');
  await expect(card).toContainText('施洞镇');
  await expect(card.getByRole('link', { name: '防汛检查记录.pdf' })).toBeVisible();

  // the 组织部: 纪实检索 → 防汛 → the entry, 防汛 marked, the attachment downloadable
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.context().clearCookies();
  await page.goto('/login');
  await loginForm(page, org.username, 'E2e#Org2026');
  await expect(page).not.toHaveURL(/\/login/);
  await page.getByRole('menuitem', { name: '纪实检索' }).click();
  await expect(page).toHaveTitle('工作纪实检索 - 挂职干部管理平台');
  await page.getByLabel('检索词').fill('防汛');
  await page.getByLabel('检索词').press('Enter');
  const hit = page.getByTestId('worklog-hit').filter({ hasText: stamp });
  await expect(hit).toContainText('吴承志');
  await expect(hit.locator('mark').first()).toHaveText('防汛');
  expect(await hit.locator('mark').count()).toBeGreaterThanOrEqual(2);
  const download = page.waitForEvent('download');
  await hit.getByRole('link', { name: '防汛检查记录.pdf' }).click();
  expect((await download).suggestedFilename()).toBe('防汛检查记录.pdf');
  // one character is explained, not searched
  await page.getByLabel('检索词').fill('汛');
  await page.getByLabel('检索词').press('Enter');
  await expect(page.getByText('至少输入 2 个字').first()).toBeVisible();
});
