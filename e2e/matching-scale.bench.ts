import path from 'node:path';
import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import type { Run } from '../common/matching/matching.schema.js';
import { scaleRows } from '../test/fixtures/matching-scale.js';
import { E2E_DATA_DIR } from './env.js';
import { adminApi, createAccount, expectJson, firstLogin, selectingBatch } from './fixtures.js';

const CADRES = 1000;
const POSTS = 700;

/** camelCase rows (as the tables' types have them) into the SQLite file, one statement per table. */
function insertRaw(db: Database.Database, table: string, rows: object[], orIgnore = false): void {
  if (!rows.length) return;
  const columns = Object.keys(rows[0] as object);
  const snake = columns.map((c) => c.replace(/[A-Z]/g, (m) => `_${m.toLowerCase()}`));
  const insert = db.prepare(
    `insert ${orIgnore ? 'or ignore ' : ''}into ${table} (${snake.join(', ')}) values (${columns.map(() => '?').join(', ')})`,
  );
  db.transaction(() => {
    for (const row of rows) insert.run(...columns.map((c) => (row as Record<string, unknown>)[c] ?? null));
  })();
}

test.use({ viewport: { width: 1366, height: 768 } });

test('组织部在 1366×768 上匹配 1000 名人选、700 个岗位：列表虚拟滚动、滚到末尾、搜索、锁定后重新匹配，页面不卡顿', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const stamp = Date.now().toString(36);
  const system = await adminApi('system_admin');
  const security = await adminApi('security_admin');
  const unitOf = async (name: string, regionCode: string) =>
    (
      await expectJson<{ id: string }>(
        system.post('/api/units', { data: { name, kind: 'party_government', regionCode } }),
        201,
      )
    ).id;
  const senders: string[] = [];
  for (let k = 0; k < 5; k++) senders.push(await unitOf(`苏州市吴中区规模测试局${k}${stamp}`, '320506'));
  const receivers: string[] = [];
  for (let k = 0; k < 10; k++) receivers.push(await unitOf(`台江县规模测试单位${k}${stamp}`, '522630'));
  const org = await createAccount([{ role: 'org_dept', regionCode: '520000' }], '省委组织部干部', {
    system,
    security,
  });
  await Promise.all([system.dispose(), security.dispose()]);
  await firstLogin(page, org);
  const { batch } = await selectingBatch(page, `规模匹配测试${stamp}`, CADRES, '520000');

  // 1 000 accepted nominations and 700 approved posts, written straight into the server's database
  const seeded = Date.now();
  const rows = scaleRows({ batchId: batch.id, senders, receivers, cadres: CADRES, posts: POSTS, seed: 11 });
  const db = new Database(path.join(E2E_DATA_DIR, 'guazhi.sqlite'));
  db.pragma('busy_timeout = 10000');
  insertRaw(db, 'expertise_tags', rows.tags, true);
  insertRaw(db, 'cadres', rows.cadres);
  insertRaw(db, 'nominations', rows.nominations);
  insertRaw(db, 'post_requests', rows.posts);
  insertRaw(db, 'cadre_resume', rows.resume);
  insertRaw(db, 'cadre_expertise', rows.expertise);
  db.close();
  console.log(`seeded ${CADRES} nominations and ${POSTS} posts in ${Date.now() - seeded} ms`);

  // the longest task the page runs, from here on
  await page.addInitScript(`
    window.longest = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.longest = Math.max(window.longest, e.duration);
    }).observe({ type: 'longtask', buffered: true });
  `);
  const longest = () => page.evaluate<number>('window.longest');
  const opened = Date.now();
  await page.goto(`/matching?batchId=${batch.id}`);
  await expect(page.getByText(`人选（${CADRES}）`)).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText(`岗位（${POSTS}）`)).toBeVisible();
  const boardMs = Date.now() - opened;

  // the finished run as the page read it (its order is the list's)
  let shown: Run | undefined;
  page.on('response', async (response) => {
    if (!/\/api\/matching\/runs\/[^/?]+$/.test(new URL(response.url()).pathname)) return;
    const body = (await response.json().catch(() => null)) as Run | null;
    if (body?.status === 'done') shown = body;
  });
  const started = Date.now();
  await page.getByRole('button', { name: '开始匹配' }).click();
  const summary = page.getByText(new RegExp(`安排 ${POSTS}/${CADRES} 人（岗位共 ${POSTS} 个职数），总分`));
  await expect(summary).toBeVisible({ timeout: 180_000 });
  const runMs = Date.now() - started;
  await expect(page.getByText(`匹配结果（${POSTS}）`)).toBeVisible();

  // virtualised: far fewer row elements than rows
  const rendered = await page.locator('.ant-table-row').count();
  expect(rendered).toBeLessThan(200);

  // scroll the result to its end: the last pair is there with its score and explanation
  const result = page.locator('.ant-card', { hasText: `匹配结果（${POSTS}）` });
  const holder = result.locator('.ant-table-tbody-virtual-holder');
  // the last pair of the run as the page has it, drawn with its score and explanation (rows are
  // measured as they are drawn, so the end moves until every row near it is measured)
  const last = shown?.assignments.at(-1) as Run['assignments'][number];
  expect(last).toBeDefined();
  const lastRow = result.locator(`[data-row-key="${last.nominationId}"]`);
  await expect
    .poll(async () => {
      await holder.evaluate((el) => {
        el.scrollTop = el.scrollHeight;
      });
      return lastRow.count();
    })
    .toBe(1);
  await lastRow.scrollIntoViewIfNeeded();
  await expect(lastRow).toBeVisible();
  await expect(lastRow).toContainText(last.cadreName);
  await expect(lastRow).toContainText(last.explanation);
  await expect(lastRow).toContainText(String(last.score));

  // search: one cadre, at once
  const searched = Date.now();
  await page.getByLabel('搜索姓名、单位或岗位').fill('干部999');
  await expect(page.getByText('人选（1）')).toBeVisible();
  const searchMs = Date.now() - searched;
  expect(searchMs).toBeLessThan(15_000); // measured 3.7–10.6 s on a loaded machine: see docs/benchmarks.md

  // pin the last pair, re-run: the pin holds
  await page.getByLabel('搜索姓名、单位或岗位').fill(last.cadreName);
  await lastRow.getByRole('button', { name: '锁定' }).click();
  await expect(page.getByText(`已锁定“${last.cadreName}→${last.postTitle}”，重新匹配后生效`)).toBeVisible();
  const rerun = Date.now();
  await page.getByRole('button', { name: '重新匹配' }).click();
  await expect(lastRow.getByText('已锁定')).toBeVisible({ timeout: 180_000 });
  await expect(summary).toBeVisible({ timeout: 180_000 });
  const rerunMs = Date.now() - rerun;
  await page.getByLabel('搜索姓名、单位或岗位').fill('');
  await expect(page.getByText(`人选（${CADRES}）`)).toBeVisible();

  const longestMs = await longest();
  console.log(
    `matching board at ${CADRES} × ${POSTS}, 1366×768: board ${boardMs} ms, run ${runMs} ms, ` +
      `re-run with a pin ${rerunMs} ms, ${rendered} rendered rows, search ${searchMs} ms, ` +
      `longest task ${Math.round(longestMs)} ms`,
  );
  expect(longestMs).toBeLessThan(1500);
});
