import path from 'node:path';
import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { E2E_DATA_DIR } from './env.js';
import {
  API_HEADERS,
  expectJson,
  firstLogin,
  guazhiCommand,
  receivingUnitSetup,
  selectingBatch,
} from './fixtures.js';

const DAY = 24 * 60 * 60 * 1000;

test('工作台列出各方待办并可直达处理页面；待审核超过 3 天的提醒进入消息中心，页头显示未读数', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  const stamp = Date.now().toString(36);
  const title = `副镇长${stamp}`;
  const { unit, orgDept, manager } = await receivingUnitSetup(`台江县工作台测试镇${stamp}`);
  await firstLogin(page, orgDept);
  const { batch } = await selectingBatch(page, `工作台测试项目${stamp}`, 1);

  // the receiving manager's home: nothing yet, and what to do
  const managerContext = await browser.newContext();
  const mp = await managerContext.newPage();
  await firstLogin(mp, manager);
  const managerHome = mp.getByTestId('home-receiving_manager');
  await expect(
    managerHome.getByText('暂无待办事项。批次筹备或选派期间，可在“岗位需求”中提报本单位的挂职岗位'),
  ).toBeVisible();

  // a draft shows as an item; its link opens the drafts
  const post = await expectJson<{ id: string; version: number }>(
    mp.request.post('/api/posts', {
      data: {
        batchId: batch.id,
        unitId: unit.id,
        title,
        level: 'section_deputy', // a township's level (issue 11 line 5)
        duties: [{ kind: 'assist', area: '乡村振兴' }],
        headcount: 1,
      },
      headers: API_HEADERS,
    }),
    201,
  );
  await mp.reload();
  await managerHome.getByRole('link', { name: '前往处理：尚未提交的岗位需求草稿 1 项' }).click();
  await expect(mp).toHaveURL(/\/demands\?status=draft$/);
  await expect(mp.getByRole('row', { name: new RegExp(title) })).toBeVisible();
  await expectJson(
    mp.request.post(`/api/posts/${post.id}/submit`, {
      data: { version: post.version },
      headers: API_HEADERS,
    }),
  );

  // the 组织部's home: the submitted request waits on it; the item opens the list to review
  await page.goto('/');
  const orgHome = page.getByTestId('home-org_dept');
  const toReview = orgHome.getByRole('link', { name: /^前往处理：待审核的岗位需求 \d+ 项$/ });
  await expect(toReview).toBeVisible();
  await toReview.click();
  await expect(page).toHaveURL(/\/demands\?status=submitted$/);
  await expect(page.getByRole('row', { name: new RegExp(title) })).toBeVisible();
  await expect(page.getByRole('button', { name: '通知', exact: true })).toBeVisible();

  // four days later (the request's submission moved back in the server's database), the daily
  // job reminds the 组织部: the header counts it, the inbox shows it and links to the list
  const db = new Database(path.join(E2E_DATA_DIR, 'guazhi.sqlite'));
  db.prepare('update post_requests set updated_at = ? where id = ?').run(
    new Date(Date.now() - 4 * DAY).toISOString(),
    post.id,
  );
  db.close();
  // the daily job as cron runs it; --force: past the day's gate, which serve may have taken
  expect(guazhiCommand(['jobs', 'run', '--force'])).toMatch(/到期提醒已发送 [1-9]\d* 条/);
  await page.reload();
  const bell = page.getByRole('button', { name: '通知：1 条未读' });
  await expect(bell).toBeVisible();
  await bell.click();
  await page.getByRole('link', { name: '查看全部通知' }).click();
  await expect(page).toHaveURL(/\/inbox$/);
  await expect(page).toHaveTitle('消息中心 - 挂职干部管理平台');
  await expect(page.getByRole('main').getByText('未读（1）')).toBeVisible();
  const inbox = page.getByRole('main');
  const text = new RegExp(`提报的岗位需求“${title}”（第一批）已等待审核 4 天，请尽快审核`);
  const reminder = inbox.getByText(text);
  await expect(reminder).toBeVisible();
  await inbox.getByRole('listitem').filter({ hasText: text }).getByRole('link', { name: '查看' }).click();
  await expect(page).toHaveURL(new RegExp(`/demands\\?status=submitted&batchId=${batch.id}$`));
  await expect(page.getByRole('row', { name: new RegExp(title) })).toBeVisible();
  await expect(page.getByRole('button', { name: '通知', exact: true })).toBeVisible();
  await managerContext.close();
});
