import { expect, test } from '@playwright/test';
import { fictionalIdNumber } from '../server/demo/demo.seed.js';
import { docxText } from '../test/documents/render.js';
import {
  API_HEADERS,
  accountApi,
  adminApi,
  approvedPost,
  createAccount,
  expectJson,
  firstLogin,
  selectingBatch,
} from './fixtures.js';

/**
 * Issue 14 line 5: the 组织部 sets its 版头, confirms a batch's matching run, generates the
 * batch's 挂职任职通知, sees its first page in the preview and downloads the .docx.
 */
test('组织部设置版头，生成批次的挂职任职通知，预览第 1 页并下载 Word 文件', async ({ page }) => {
  test.setTimeout(180_000);
  const stamp = Date.now().toString(36);
  const system = await adminApi('system_admin');
  const security = await adminApi('security_admin');
  const admins = { system, security };
  const town = await expectJson<{ id: string }>(
    system.post('/api/units', {
      data: { name: `台江县公文测试镇${stamp}`, kind: 'township', regionCode: '522630' },
    }),
    201,
  );
  const sender = await expectJson<{ id: string }>(
    system.post('/api/units', {
      data: { name: `苏州市公文测试局${stamp}`, kind: 'party_government', regionCode: '320506' },
    }),
    201,
  );
  // the programme is the province's (贵州省), so the other specs' 黔东南州 组织部 lists stay as they expect
  const org = await createAccount([{ role: 'org_dept', regionCode: '520000' }], '省委组织部干部', admins);
  const keeperAccount = await createAccount(
    [{ role: 'org_dept', regionCode: '320500' }],
    '苏州市委组织部干部',
    admins,
  );
  const manager = await createAccount(
    [{ role: 'receiving_manager', unitId: town.id }],
    '测试接收单位',
    admins,
  );
  const liaison = await createAccount(
    [{ role: 'sending_liaison', unitId: sender.id }],
    '测试派出单位',
    admins,
  );
  await Promise.all([system.dispose(), security.dispose()]);

  await firstLogin(page, org);
  const { batch } = await selectingBatch(page, `贵州省公文测试${stamp}`, 2, '520000');
  const managerApi = await accountApi(manager, 'E2e#Manager2026');
  for (const title of ['副镇长（挂职）', '镇长助理（挂职）'])
    await approvedPost(managerApi, page.request, {
      batchId: batch.id,
      unitId: town.id,
      title,
      level: 'section_deputy',
      duties: [{ kind: 'in_charge', area: '招商引资' }],
      expertise: ['招商引资'],
      headcount: 1,
    });
  await managerApi.dispose();
  const keeper = await accountApi(keeperAccount, 'E2e#Keeper2026');
  const liaisonApi = await accountApi(liaison, 'E2e#Liaison2026');
  const names = ['顾文博', '沈雨桐'];
  for (const [i, name] of names.entries()) {
    const birth = `1988070${i + 1}`;
    const cadre = await expectJson<{ id: string }>(
      keeper.post('/api/cadres', {
        data: {
          name,
          gender: i === 0 ? 'male' : 'female',
          ethnicity: '汉族',
          politicalStatus: 'cpc_member',
          birthDate: `1988-07-0${i + 1}`,
          idNumber: fictionalIdNumber('32', birth, i === 0 ? '811' : '822'),
          phone: null,
          education: 'bachelor',
          degree: 'bachelor',
          school: null,
          major: null,
          unitId: sender.id,
          position: '科长',
          rankLevel: 'section_deputy',
          rankKind: 'leadership',
          reserve: false,
          expertise: ['招商引资'],
          resume: [],
          relatives: [],
        },
      }),
      201,
    );
    const nomination = await expectJson<{ id: string; version: number }>(
      liaisonApi.post('/api/nominations', {
        data: {
          batchId: batch.id,
          cadreId: cadre.id,
          justification: '经单位党委研究同意推荐参加东西部协作挂职',
        },
      }),
      201,
    );
    await expectJson(
      page.request.post(`/api/nominations/${nomination.id}/review`, {
        data: { decision: 'accept', comment: null, version: nomination.version },
        headers: API_HEADERS,
      }),
    );
  }
  await Promise.all([keeper.dispose(), liaisonApi.dispose()]);
  // the matching run, finished and confirmed (the matching page's own spec does this in the browser)
  const run = await expectJson<{ id: string }>(
    page.request.post(`/api/batches/${batch.id}/matching/runs`, { headers: API_HEADERS }),
    202,
  );
  await expect
    .poll(async () => (await (await page.request.get(`/api/matching/runs/${run.id}`)).json()).status)
    .toBe('done');
  const done = await (await page.request.get(`/api/matching/runs/${run.id}`)).json();
  await expectJson(
    page.request.post(`/api/matching/runs/${run.id}/confirm`, {
      data: { version: done.version },
      headers: API_HEADERS,
    }),
  );

  // 版头与版记
  await page.goto('/documents/settings');
  await expect(page).toHaveTitle('版头与版记 - 挂职干部管理平台');
  await page.getByLabel('发文机关标志').fill('中共贵州省委组织部文件');
  await page.getByLabel('发文机关全称').fill('中共贵州省委组织部');
  await page.getByLabel('机关代字').fill('黔组');
  await page.getByLabel('下一序号').fill('21');
  await expect(page.getByText(/发文字号示例：黔组〔\d{4}〕21号/)).toBeVisible();
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已保存')).toBeVisible();

  // 公文生成: the batch's notice, its first page previewed, the .docx downloaded
  await page.getByRole('menuitem', { name: '公文' }).click();
  await expect(page).toHaveTitle('公文生成 - 挂职干部管理平台');
  await page.getByLabel('批次').click();
  // the picker searches the server: earlier specs leave many batches
  await page.getByLabel('批次').fill(`贵州省公文测试${stamp}`);
  await page.getByTitle(`贵州省公文测试${stamp} · 第一批`).click();
  const image = page.getByRole('img', { name: /第 1 页 \/ 共 \d+ 页/ });
  await expect(image).toBeVisible({ timeout: 90_000 });
  await expect
    .poll(
      () =>
        image.evaluate((img) => {
          const loaded = img as unknown as { complete: boolean; naturalWidth: number };
          return loaded.complete ? loaded.naturalWidth : 0;
        }),
      {
        timeout: 30_000,
      },
    )
    .toBeGreaterThan(500);
  await expect(page.getByText(/第 1 页 \/ 共 [2-9] 页/)).toBeVisible();
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: '下载 Word 文件' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('挂职任职通知_第一批.docx');
  const file = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of file) chunks.push(chunk as Buffer);
  const text = docxText(Buffer.concat(chunks));
  expect(text).toContain('中共贵州省委组织部文件');
  expect(text).toMatch(/黔组〔\d{4}〕21号/);
  expect(text).toMatch(/关于(顾文博|沈雨桐)等2名同志挂职任职的通知/);
  for (const name of names) expect(text).toContain(name);
  expect(text).toContain('挂职干部名单');
});
