import { expect as baseExpect, test } from '@playwright/test';
import { fictionalIdNumber } from '../server/demo/demo.seed.js';
import { docxText } from '../test/documents/render.js';
import { API_HEADERS, expectJson, firstLogin, loginForm, onPostCadre } from './fixtures.js';

// the machine running several builds at once: pages (lazy chunks) may take longer than 10 s
const expect = baseExpect.configure({ timeout: 30_000 });

/**
 * Issue 14 line 9 (the monthly report): the cadre generates June's draft (its work log in it),
 * writes next month's plan and submits; the receiving manager cannot return it without a comment
 * and signs it off; the sending liaison opens it, sees the first page of its preview and
 * downloads the .docx, whose text holds the plan.
 */
test('干部编辑并提交月度情况报送，接收单位签收，派出单位预览并下载 Word', async ({ page }) => {
  test.setTimeout(300_000);
  const stamp = Date.now().toString(36);
  const cadreName = '韦思远';
  const on = await onPostCadre(
    stamp,
    cadreName,
    fictionalIdNumber('52', '19900215', '357'),
    '2026-06-05',
    '贵州省月报',
  );
  const plan = `下月推进茶叶合作社建设${stamp}`;

  // the cadre: a day of work logged in June, then 情况报送 → 生成月度草稿 for 2026-06
  await firstLogin(page, on.cadreAccount);
  await expectJson(
    page.request.post('/api/worklog', {
      data: {
        postingId: on.postingId,
        entryDate: '2026-06-10',
        category: 'research',
        title: `调研茶园${stamp}`,
        body: '走访茶叶种植户，了解产销情况',
        place: null,
      },
      headers: API_HEADERS,
    }),
  );
  await page.getByRole('menuitem', { name: '情况报送' }).click();
  await expect(page).toHaveTitle('月度情况报送 - 挂职干部管理平台');
  await expect(page.getByText('暂无月度情况报送')).toBeVisible();
  await page.getByRole('button', { name: '生成月度草稿' }).click();
  const form = page.getByRole('dialog', { name: '生成月度草稿' });
  await expect(form.getByText('老屯乡')).toBeVisible();
  await form.getByLabel('月份').click();
  await form.getByLabel('月份').fill('2026-06');
  // Enter takes the typed month and sends the form (as 生成 would)
  await form.getByLabel('月份').press('Enter');
  await expect(form).toBeHidden();
  const drawer = page.getByRole('dialog', { name: '月度情况报送详情' });
  await expect(drawer).toContainText('2026-06');
  await expect(drawer).toContainText('草稿');
  await expect(drawer).toContainText(`调研茶园${stamp}`);
  await expect(drawer).toContainText('一、挂职岗位及分工');
  await drawer.getByLabel('工作小结').fill('本月完成茶产业调研。');
  await drawer.getByLabel('下月工作计划').fill(plan);
  await drawer.getByRole('button', { name: '保存' }).click();
  await expect(page.locator('.ant-message').getByText('已保存')).toBeVisible();
  await drawer.getByRole('button', { name: '提交' }).click();
  const submitting = page.getByRole('dialog').filter({ hasText: '提交后由接收单位审核签收' });
  await submitting.getByRole('button', { name: '提交' }).click();
  await expect(page.locator('.ant-message').getByText('已提交')).toBeVisible();
  await expect(drawer).toContainText('待审核');
  await expect(drawer.getByLabel('下月工作计划')).toHaveCount(0);

  // the receiving manager: 退回 needs a comment (said in Chinese), then 签收 (confirmed)
  await page.context().clearCookies();
  await page.goto('/login');
  await loginForm(page, on.manager.username, on.managerPassword);
  await expect(page).not.toHaveURL(/\/login/);
  await page.goto('/monthly?status=submitted');
  await expect(page).toHaveTitle('月度情况报送 - 挂职干部管理平台');
  await page.getByRole('button', { name: `查看 ${cadreName} 2026-06` }).click();
  await expect(drawer).toContainText(plan);
  await drawer.getByRole('button', { name: '退回' }).click();
  const returning = page.getByRole('dialog', { name: /退回韦思远 2026-06/ });
  await returning.getByRole('button', { name: '退回' }).click();
  await expect(returning.getByText('退回时须填写意见')).toBeVisible();
  await returning.getByRole('button', { name: '取消' }).click();
  await expect(returning).toBeHidden();
  await drawer.getByRole('button', { name: '签收' }).click();
  const signing = page.getByRole('dialog').filter({ hasText: '确定签收' });
  await signing.getByRole('button', { name: '签收' }).click();
  await expect(page.locator('.ant-message').getByText('已签收')).toBeVisible();
  await expect(drawer.getByRole('button', { name: '签收' })).toHaveCount(0);

  // the sending liaison: the signed report, read only; its preview's first page; the .docx
  await page.context().clearCookies();
  await page.goto('/login');
  await loginForm(page, on.liaison.username, 'E2e#Liaison2026');
  await expect(page).not.toHaveURL(/\/login/);
  await page.getByRole('menuitem', { name: '情况报送' }).click();
  const row = page.getByRole('row', { name: new RegExp(cadreName) });
  await expect(row).toContainText('已签收');
  await row.getByRole('button', { name: `查看 ${cadreName} 2026-06` }).click();
  await expect(drawer.getByRole('button', { name: '提交' })).toHaveCount(0);
  await drawer.getByRole('tab', { name: '历史版本' }).click();
  await expect(drawer.getByText(/第 \d+ 版 · 已签收/)).toBeVisible();
  await drawer.getByRole('tab', { name: '公文预览' }).click();
  const image = drawer.getByRole('img', { name: /第 1 页 \/ 共 \d+ 页/ });
  await expect(image).toBeVisible({ timeout: 90_000 });
  await expect
    .poll(
      () =>
        image.evaluate((img) => {
          const loaded = img as unknown as { complete: boolean; naturalWidth: number };
          return loaded.complete ? loaded.naturalWidth : 0;
        }),
      { timeout: 30_000 },
    )
    .toBeGreaterThan(500);
  const downloading = page.waitForEvent('download');
  await drawer.getByRole('link', { name: '下载 Word 文件' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`月度情况报送_${cadreName}_2026-06.docx`);
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  const text = docxText(Buffer.concat(chunks));
  expect(text).toContain(`${cadreName}同志2026年6月挂职工作情况报告`);
  expect(text).toContain(`调研茶园${stamp}`);
  expect(text).toContain('本月完成茶产业调研。');
  expect(text).toContain(plan);
  expect(text).toContain('接收单位已于');
});
