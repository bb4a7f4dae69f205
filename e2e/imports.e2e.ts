import { readFile } from 'node:fs/promises';
import { expect, type Locator, type Page, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { createAccount, firstLogin, receivingUnitSetup, selectingBatch } from './fixtures.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Clicks a page button that downloads a file; returns the file's bytes. */
async function downloadFrom(page: Page, button: string): Promise<Buffer> {
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: button, exact: true }).click();
  return readFile((await (await downloading).path()) as string);
}

/** Fills a downloaded template: data rows from row 3, columns found by their header in row 1. */
async function fillTemplate(
  template: Buffer,
  sheetName: string,
  rows: Record<string, string | number>[],
): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(template as unknown as ArrayBuffer);
  const sheet = book.getWorksheet(sheetName);
  if (!sheet) throw new Error(`the template has no sheet ${sheetName}`);
  const column = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, col) => column.set(String(cell.value), col));
  rows.forEach((values, i) => {
    const row = sheet.getRow(3 + i);
    for (const [header, value] of Object.entries(values)) {
      const col = column.get(header);
      if (!col) throw new Error(`no column ${header} in the template`);
      row.getCell(col).value = value;
    }
    row.commit();
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}

/**
 * Holds the answers to matching requests until `release()`. Through DevTools at the response
 * stage: page.route intercepts the request, which hides an upload's progress from the page.
 */
async function holdResponses(page: Page, urlPattern: string) {
  const cdp = await page.context().newCDPSession(page);
  const paused: string[] = [];
  cdp.on('Fetch.requestPaused', ({ requestId }) => paused.push(requestId));
  await cdp.send('Fetch.enable', { patterns: [{ urlPattern, requestStage: 'Response' }] });
  return {
    release: async () => {
      await expect.poll(() => paused.length).toBeGreaterThan(0);
      for (const requestId of paused.splice(0)) await cdp.send('Fetch.continueRequest', { requestId });
    },
    stop: async () => {
      await cdp.send('Fetch.disable');
      await cdp.detach();
    },
  };
}

/** Puts a file in an import dialog and asks for the check. */
async function uploadFile(dialog: Locator, file: Buffer): Promise<void> {
  await dialog
    .locator('input[type="file"]')
    .setInputFiles({ name: '导入.xlsx', mimeType: XLSX, buffer: file });
  await dialog.getByRole('button', { name: '上传并检查' }).click();
}

test('组织部用模板导入单位（先发现区划错误，改正后导入，检查时有进度），再导出单位名册', async ({ page }) => {
  const stamp = Date.now().toString(36);
  const names = [`台江县导入一中${stamp}`, `台江县导入二中${stamp}`, `台江县导入三中${stamp}`];
  const orgDept = await createAccount([{ role: 'org_dept', regionCode: '522600' }], '测试组织部干部');
  await firstLogin(page, orgDept);

  await page.getByRole('menuitem', { name: '单位管理' }).click();
  await expect(page).toHaveTitle('单位管理 - 挂职干部管理平台');
  const template = await downloadFrom(page, '下载模板');
  const unitRows = (regions: string[]) =>
    names.map((name, i) => ({
      单位名称: name,
      单位类型: '事业单位',
      行政区划代码: regions[i] as string,
      联系人: '测试联系人',
    }));

  await page.getByRole('button', { name: '导入', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: '导入单位' });
  await expect(dialog.getByRole('radio', { name: '拒绝重复' })).toBeChecked();

  // the second unit's region does not exist: row 4, column 行政区划代码
  await uploadFile(
    dialog,
    await fillTemplate(template, '单位信息', unitRows(['522630', '529999', '522630'])),
  );
  await expect(dialog.getByText(/共 3 行，可导入 2 行，问题 \d+ 条/)).toBeVisible();
  await expect(dialog.getByText('请修改文件后重新上传')).toBeVisible();
  const problem = dialog.getByRole('row', { name: /行政区划代码/ }).first();
  await expect(problem.getByRole('cell').first()).toHaveText('4');
  await expect(problem.getByRole('cell').nth(1)).toHaveText('行政区划代码');
  await expect(dialog.getByRole('button', { name: '确认导入' })).toBeDisabled();

  // fixed; the server's answer is held back until the check's progress has been seen
  const { release, stop } = await holdResponses(page, '*/api/excel/imports/units?*');
  await uploadFile(
    dialog,
    await fillTemplate(template, '单位信息', unitRows(['522630', '522630', '522600'])),
  );
  const progress = page.getByTestId('import-progress');
  await expect(progress).toContainText(/正在检查…（已用 \d+ 秒）/);
  await expect(progress.getByRole('progressbar')).toBeVisible();
  await expect(dialog.getByRole('button', { name: '取消' })).toBeDisabled();
  await expect(dialog.getByRole('button', { name: '上传并检查' })).toBeDisabled();
  await release();
  await expect(dialog.getByText('共 3 行，可导入 3 行，问题 0 条')).toBeVisible();
  await expect(progress).toHaveCount(0);
  await stop();

  // the commit shows its progress too
  const commit = await holdResponses(page, '*/api/excel/imports/units/*/commit');
  await dialog.getByRole('button', { name: '确认导入' }).click();
  await expect(progress).toContainText(/正在导入 3 行…（已用 \d+ 秒）/);
  await expect(dialog.getByRole('button', { name: '取消' })).toBeDisabled();
  await commit.release();
  await expect(dialog.getByText('已导入：新增 3 个单位，更新 0 个单位')).toBeVisible();
  await commit.stop();
  await dialog.getByRole('button', { name: '关闭' }).click();
  await expect(dialog).toHaveCount(0);

  // the list, searched for this run's units
  await page.getByPlaceholder('名称、拼音或首字母').fill(stamp);
  await page.getByRole('button', { name: '查询' }).click();
  await expect(page.getByText('共 3 条')).toBeVisible();
  for (const name of names) await expect(page.getByRole('row', { name: new RegExp(name) })).toBeVisible();

  // 导出 takes the list's filter: the three units, each with its region
  const exported = new ExcelJS.Workbook();
  // contact phones are masked: the button, and the file's notes row, say it cannot go back in
  await page.getByRole('button', { name: '导出（脱敏）' }).hover();
  await expect(page.getByRole('tooltip')).toContainText('不能再导入');
  await exported.xlsx.load((await downloadFrom(page, '导出（脱敏）')) as unknown as ArrayBuffer);
  const sheet = exported.worksheets.find((s) => s.state === 'visible');
  if (!sheet) throw new Error('the export has no sheet');
  expect(String(sheet.getRow(2).getCell(1).value)).toContain('不能再导入');
  const rows: string[][] = [];
  sheet.eachRow((row) => {
    const values = (row.values as unknown[]).slice(1).map((v) => String(v ?? ''));
    if (values.some((v) => v.includes(stamp))) rows.push(values);
  });
  expect(rows.map((r) => r[0]).sort()).toEqual([...names].sort());
  expect(rows.find((r) => r[0] === names[2])).toContain('522600');
});

test('接收单位用模板导入两条岗位需求，列表中为草稿', async ({ page }) => {
  const stamp = Date.now().toString(36);
  const unitName = `台江县导入岗位镇${stamp}`;
  const programmeName = `导入岗位项目${stamp}`;
  const titles = [`副镇长${stamp}`, `镇长助理${stamp}`];

  const { orgDept, manager } = await receivingUnitSetup(unitName);

  // the 组织部 opens a programme with a batch in 选派 (through the API, as itself)
  await firstLogin(page, orgDept);
  await selectingBatch(page, programmeName, 2);

  // the receiving manager: 岗位需求, 下载模板, two requests filled in, 导入
  await firstLogin(page, manager);
  await page.getByRole('menuitem', { name: '岗位需求' }).click();
  await expect(page).toHaveTitle('岗位需求 - 挂职干部管理平台');
  await expect(page.getByRole('button', { name: '导出' })).toHaveCount(0);
  const template = await downloadFrom(page, '下载模板');
  const file = await fillTemplate(
    template,
    '岗位需求',
    titles.map((title, i) => ({
      批次: `${programmeName} / 第一批`,
      接收单位: unitName,
      岗位名称: title,
      岗位级别: '副乡科级',
      分管领域: i === 0 ? '乡村振兴、招商引资' : '',
      协管领域: '党建',
      人数: 1,
    })),
  );

  await page.getByRole('button', { name: '导入', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: '导入岗位需求' });
  await uploadFile(dialog, file);
  await expect(dialog.getByText('共 2 行，可导入 2 行，问题 0 条')).toBeVisible();
  await expect(dialog.getByText('文件检查通过，可以导入')).toBeVisible();
  await dialog.getByRole('button', { name: '确认导入' }).click();
  await expect(dialog.getByText('已导入：新增 2 条岗位需求，更新 0 条岗位需求')).toBeVisible();
  await dialog.getByRole('button', { name: '关闭' }).click();

  for (const title of titles) {
    const row = page.getByRole('row', { name: new RegExp(title) });
    await expect(row).toContainText('草稿');
    await expect(row).toContainText(unitName);
  }
});

test('关闭已检查的导入前先确认；Esc 关闭对话框', async ({ page }) => {
  const orgDept = await createAccount([{ role: 'org_dept', regionCode: '522600' }], '测试组织部干部');
  await firstLogin(page, orgDept);
  await page.goto('/units');
  const template = await downloadFrom(page, '下载模板');
  const stamp = Date.now().toString(36);
  const file = await fillTemplate(template, '单位信息', [
    { 单位名称: `放弃导入测试${stamp}`, 单位类型: '事业单位', 行政区划代码: '522630' },
  ]);

  await page.getByRole('button', { name: '导入', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: '导入单位' });
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);

  await page.getByRole('button', { name: '导入', exact: true }).click();
  await uploadFile(dialog, file);
  await expect(dialog.getByText('共 1 行，可导入 1 行，问题 0 条')).toBeVisible();
  await dialog.getByRole('button', { name: '取消' }).click();
  const ask = page.getByRole('dialog', { name: '放弃本次导入？' });
  await expect(ask.getByText('文件已检查，尚未导入；关闭后需要重新上传')).toBeVisible();
  await ask.getByRole('button', { name: '取消' }).click();
  await expect(dialog.getByText('共 1 行，可导入 1 行，问题 0 条')).toBeVisible();
  await dialog.getByRole('button', { name: '取消' }).click();
  await ask.getByRole('button', { name: '放弃' }).click();
  await expect(dialog).toHaveCount(0);
  await page.getByPlaceholder('名称、拼音或首字母').fill(stamp);
  await page.getByRole('button', { name: '查询' }).click();
  await expect(page.getByText('没有符合条件的单位', { exact: false })).toBeVisible();
});
