import { expect as baseExpect, type Page, test } from '@playwright/test';
import { fictionalIdNumber } from '../server/demo/demo.seed.js';
import { docxText } from '../test/documents/render.js';
import { firstLogin, loginForm, onPostCadre } from './fixtures.js';

// the machine running several builds at once: pages (lazy chunks) may take longer than 10 s
const expect = baseExpect.configure({ timeout: 30_000 });

async function signIn(page: Page, username: string, password: string) {
  await page.context().clearCookies();
  await page.goto('/login');
  await loginForm(page, username, password);
  await expect(page).not.toHaveURL(/\/login/);
}

/**
 * Issue 15 line 4 (the appraisal, 鉴定): the receiving manager drafts it from the records and
 * cannot submit it before the cadre's term summary is there; the cadre writes the summary from
 * its draft; the receiving manager submits; the 组织部 cannot return it without a comment,
 * returns it with one, the manager resubmits and the 组织部 countersigns; the sending liaison reads
 * it and downloads the 挂职干部鉴定表, whose text holds both parts and the countersignature.
 */
test('接收单位起草鉴定，干部填写工作总结，组织部退回后会签，派出单位下载鉴定表', async ({ page }) => {
  test.setTimeout(300_000);
  const stamp = Date.now().toString(36);
  const cadreName = '潘明远';
  const on = await onPostCadre(
    stamp,
    cadreName,
    fictionalIdNumber('52', '19920318', '415'),
    '2026-06-05',
    '贵州省鉴定',
  );
  const drawer = page.getByRole('dialog', { name: '期满鉴定详情' });
  const message = (text: string | RegExp) => page.locator('.ant-message').getByText(text);

  // the receiving manager: 期满鉴定 → 起草鉴定, the draft from the posting's records
  await signIn(page, on.manager.username, on.managerPassword);
  await page.getByRole('menuitem', { name: '期满鉴定' }).click();
  await expect(page.getByText('暂无期满鉴定')).toBeVisible();
  await page.getByRole('button', { name: '起草鉴定' }).click();
  const form = page.getByRole('dialog', { name: '起草期满鉴定' });
  await form.getByLabel('挂职').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: cadreName }).click();
  await form.getByRole('button', { name: '起草' }).click();
  await expect(form).toBeHidden();
  await expect(drawer).toContainText('草拟中');
  const text = drawer.getByRole('textbox', { name: '接收单位鉴定意见' });
  await expect(text).toHaveValue(new RegExp(`${cadreName}同志由台江县发展改革局${stamp}选派`));
  await text.fill(`${cadreName}同志政治坚定，作风扎实，廉洁自律${stamp}。`);
  await drawer.getByRole('button', { name: '保存' }).click();
  await expect(message('已保存')).toBeVisible();
  await drawer.getByRole('button', { name: '提交会签' }).click();
  await page
    .getByRole('dialog')
    .filter({ hasText: '确定提交吗' })
    .getByRole('button', { name: '提交会签' })
    .click();
  await expect(message(`${cadreName}同志尚未提交个人工作总结，不能提交会签`)).toBeVisible();

  // the cadre: the term summary, from its draft
  await firstLogin(page, on.cadreAccount);
  await page.getByRole('menuitem', { name: '期满鉴定' }).click();
  await page.getByRole('button', { name: `查看 ${cadreName}` }).click();
  await expect(drawer.getByRole('textbox', { name: '接收单位鉴定意见' })).toHaveCount(0);
  await drawer.getByRole('tab', { name: '个人工作总结' }).click();
  const summary = drawer.getByRole('textbox', { name: '个人工作总结' });
  await expect(summary).toHaveValue(/本人由.*选派/);
  await summary.fill(`挂职以来，本人深入村组开展调研${stamp}。`);
  await drawer.getByRole('button', { name: '保存' }).click();
  await expect(message('已保存')).toBeVisible();

  // the receiving manager submits
  await signIn(page, on.manager.username, on.managerPassword);
  await page.goto('/appraisals');
  await page.getByRole('button', { name: `查看 ${cadreName}` }).click();
  await expect(drawer).toContainText('草拟中');
  await drawer.getByRole('button', { name: '提交会签' }).click();
  await page
    .getByRole('dialog')
    .filter({ hasText: '确定提交吗' })
    .getByRole('button', { name: '提交会签' })
    .click();
  await expect(drawer).toContainText('待会签');
  await expect(drawer.getByRole('textbox', { name: '接收单位鉴定意见' })).toHaveCount(0);

  // the 组织部: 退回 needs a comment; returned with one
  await signIn(page, on.org.username, 'E2e#Org2026');
  await page.goto('/appraisals?status=submitted');
  await page.getByRole('button', { name: `查看 ${cadreName}` }).click();
  await drawer.getByRole('button', { name: '退回' }).click();
  const returning = page.getByRole('dialog', { name: `退回${cadreName}同志的期满鉴定` });
  await returning.getByRole('button', { name: '退回' }).click();
  await expect(returning.getByText('退回时须填写意见')).toBeVisible();
  await returning.getByLabel('意见').fill('请补充群众评价方面的内容');
  await returning.getByRole('button', { name: '退回' }).click();
  await expect(returning).toBeHidden();
  await expect(drawer).toContainText('已退回');
  await expect(drawer).toContainText('请补充群众评价方面的内容');

  // the manager edits and resubmits; the 组织部 countersigns
  await signIn(page, on.manager.username, on.managerPassword);
  await page.goto('/appraisals');
  await page.getByRole('button', { name: `查看 ${cadreName}` }).click();
  await expect(drawer).toContainText('请补充群众评价方面的内容');
  await drawer
    .getByRole('textbox', { name: '接收单位鉴定意见' })
    .fill(`${cadreName}同志政治坚定，群众评价好，廉洁自律${stamp}。`);
  await drawer.getByRole('button', { name: '保存' }).click();
  await expect(message('已保存')).toBeVisible();
  await drawer.getByRole('button', { name: '提交会签' }).click();
  await page
    .getByRole('dialog')
    .filter({ hasText: '确定提交吗' })
    .getByRole('button', { name: '提交会签' })
    .click();
  await expect(drawer).toContainText('待会签');
  await signIn(page, on.org.username, 'E2e#Org2026');
  await page.goto('/appraisals');
  await page.getByRole('button', { name: `查看 ${cadreName}` }).click();
  await drawer.getByRole('button', { name: '会签' }).click();
  const signing = page.getByRole('dialog', { name: `会签${cadreName}同志的期满鉴定` });
  await signing.getByRole('button', { name: '会签' }).click();
  await expect(signing).toBeHidden();
  await expect(drawer).toContainText('已会签');
  await drawer.getByRole('tab', { name: '历史版本' }).click();
  await expect(drawer.getByText(/第\d+版 · 已退回/).first()).toBeVisible();

  // the sending liaison: read only, the 鉴定表 downloaded
  await signIn(page, on.liaison.username, 'E2e#Liaison2026');
  await page.getByRole('menuitem', { name: '期满鉴定' }).click();
  const row = page.getByRole('row', { name: new RegExp(cadreName) });
  await expect(row).toContainText('已会签');
  await expect(row).toContainText('已附');
  await row.getByRole('button', { name: `查看 ${cadreName}` }).click();
  await expect(drawer.getByRole('button', { name: '会签' })).toHaveCount(0);
  await drawer.getByRole('tab', { name: '鉴定表预览' }).click();
  const downloading = page.waitForEvent('download');
  await drawer.getByRole('link', { name: '下载 Word 文件' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`挂职干部鉴定表_${cadreName}.docx`);
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  const doc = docxText(Buffer.concat(chunks));
  expect(doc).toContain('挂职干部鉴定表');
  expect(doc).toContain(`挂职以来，本人深入村组开展调研${stamp}。`);
  expect(doc).toContain(`群众评价好，廉洁自律${stamp}。`);
  expect(doc).toContain('同意接收单位鉴定意见。');
});
