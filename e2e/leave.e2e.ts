import { expect, test } from '@playwright/test';
import { fictionalIdNumber } from '../server/demo/demo.seed.js';
import { firstLogin, loginForm, onPostCadre } from './fixtures.js';

/**
 * Issue 13 line 1: a cadre on post (在岗) asks for two days of 探亲假 on the phone-sized page; the
 * receiving unit's manager finds it in 待我处理 and approves it; the chain shows the step done.
 */
test('在岗干部请假，接收单位审批同意', async ({ page }) => {
  test.setTimeout(120_000);
  const stamp = Date.now().toString(36);
  const cadreName = '龙清泉';

  const { org, manager, cadreAccount } = await onPostCadre(
    stamp,
    cadreName,
    fictionalIdNumber('52', '19870418', '935'),
    '2026-06-05',
    '贵州省请假',
  );

  // the cadre, on a phone-sized window: 请假 → the form → 2 working days of 探亲假
  await page.setViewportSize({ width: 390, height: 844 });
  await firstLogin(page, cadreAccount);
  await page.goto('/leave');
  await expect(page).toHaveTitle('我的请假 - 挂职干部管理平台');
  await page.getByRole('button', { name: '请假', exact: true }).click();
  const form = page.getByRole('dialog', { name: '申请请假' });
  await expect(form.getByLabel('挂职')).toBeVisible();
  await form.getByLabel('请假类别').click();
  await page.locator('.ant-select-dropdown:visible').getByTitle('探亲假', { exact: true }).click();
  await form.getByLabel('开始日期').fill('2026-12-14');
  await form.getByLabel('开始日期').press('Enter');
  await form.getByLabel('结束日期').fill('2026-12-15');
  await form.getByLabel('结束日期').press('Enter');
  await expect(form).toContainText('所选日期范围内有 2 个工作日');
  await form.getByLabel('原因').fill('回苏州探望父母');
  await form.getByRole('button', { name: '提交申请' }).click();
  await expect(form).toBeHidden();
  const row = page.getByRole('row', { name: /探亲假/ });
  await expect(row).toContainText('2026-12-14 上午 至 2026-12-15 下午');
  await expect(row).toContainText('审批中');

  // the receiving manager: 待我处理 → the detail → 同意 with a comment
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.context().clearCookies();
  await page.goto('/login');
  await loginForm(page, manager.username, 'E2e#Manager2026');
  await expect(page).not.toHaveURL(/\/login/);
  await page.getByRole('menuitem', { name: '请假' }).click();
  await expect(page).toHaveTitle('待审批的请假 - 挂职干部管理平台');
  const waiting = page.getByRole('row', { name: new RegExp(cadreName) });
  await expect(waiting).toContainText('审批中');
  await waiting.getByRole('button', { name: new RegExp(`请假详情 ${cadreName}`) }).click();
  const drawer = page.getByRole('dialog', { name: '请假详情' });
  await expect(drawer).toContainText('接收单位 · 待审批');
  await drawer.getByRole('button', { name: '同意' }).click();
  const decision = page.getByRole('dialog', { name: /同意 · 审批请假/ });
  await decision.getByLabel('意见').fill('同意，注意安全');
  await decision.getByRole('button', { name: '确定' }).click();
  await expect(decision).toBeHidden();
  await expect(drawer).toContainText('已批准');
  await expect(drawer).toContainText('接收单位 · 同意');
  await expect(drawer).toContainText('同意，注意安全');
  await expect(drawer.getByRole('button', { name: '同意' })).toHaveCount(0);

  // the programme's 组织部 sees the routing table the request went by (the default)
  await page.context().clearCookies();
  await page.goto('/login');
  await loginForm(page, org.username, 'E2e#Org2026');
  await expect(page).not.toHaveURL(/\/login/);
  await page.getByRole('menuitem', { name: '请假审批路由' }).click();
  await expect(page).toHaveTitle('请假审批路由 - 挂职干部管理平台');
  await expect(page.getByText('使用默认路由')).toBeVisible();
  await expect(page.getByRole('row')).toHaveCount(4);
});
