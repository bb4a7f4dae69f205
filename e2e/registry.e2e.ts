import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { changeForcedPassword, enrolTotp, loginAsNewAdmin, loginForm } from './fixtures.js';
import { cadre, type FictionalCadre, fillTemplate, uploadCadreFile } from './registry-data.js';

const headers = { 'x-requested-with': 'guazhi' };

/** The same ID number with a check character that does not match. */
function wrongCheck(idNumber: string): string {
  const last = idNumber.at(-1);
  return idNumber.slice(0, 17) + (last === '1' ? '2' : '1');
}

test('组织部下载模板、导入干部（先发现身份证号错误，改正后导入），再按姓名首字母查到干部', async ({
  page,
}) => {
  const stamp = Date.now().toString(36);
  const unitName = `台江县导入测试中心${stamp}`;

  // a unit in 台江县 (system administrator) and a 组织部 account
  await loginAsNewAdmin(page);
  const unitRes = await page.request.post('/api/units', {
    data: { name: unitName, kind: 'public_institution', regionCode: '522630' },
    headers,
  });
  expect(unitRes.status(), await unitRes.text()).toBe(201);
  const unitId = ((await unitRes.json()) as { id: string }).id;
  const accountRes = await page.request.post('/api/accounts', {
    data: { username: `zzb${stamp}`, displayName: '测试组织部干部' },
    headers,
  });
  expect(accountRes.status(), await accountRes.text()).toBe(201);
  const { account, oneTimePassword } = (await accountRes.json()) as {
    account: { id: string; username: string; version: number };
    oneTimePassword: string;
  };

  // org_dept over 黔东南州 (security administrator)
  await page.context().clearCookies();
  await loginAsNewAdmin(page, 'security_admin');
  const grantRes = await page.request.put(`/api/accounts/${account.id}/grants`, {
    data: { grants: [{ role: 'org_dept', regionCode: '522600' }], version: account.version },
    headers,
  });
  expect(grantRes.status(), await grantRes.text()).toBe(200);

  // the 组织部 account logs in
  await page.context().clearCookies();
  await page.goto('/login');
  await loginForm(page, account.username, oneTimePassword);
  await changeForcedPassword(page, oneTimePassword);
  if (page.url().includes('/totp-setup')) await enrolTotp(page);

  await page.getByRole('menuitem', { name: '干部名册' }).click();
  await expect(page).toHaveURL(/\/cadres/);
  await expect(page).toHaveTitle('干部名册 - 挂职干部管理平台');

  // the template, from the page's button
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: '下载模板' }).click();
  const download = await downloading;
  const template = await readFile((await download.path()) as string);

  const cadres = [
    cadre('张三丰', '19850412', '031'),
    cadre('李秀英', '19900718', '042'),
    cadre('王建国', '19780903', '053'),
  ];
  const second = cadres[1] as FictionalCadre;
  const broken = cadres.map((c) => (c === second ? { ...c, idNumber: wrongCheck(c.idNumber) } : c));

  await page.getByRole('button', { name: '导入', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: '导入干部' });
  await expect(dialog.getByText('遇到重复身份证号时')).toBeVisible();
  await expect(dialog.getByRole('radio', { name: '拒绝重复' })).toBeChecked();

  // first upload: the wrong check digit is found, on row 4 (the second data row)
  await uploadCadreFile(page, await fillTemplate(template, unitName, broken));
  await expect(dialog.getByText(/共 3 行，可导入 2 行，问题 \d+ 条/)).toBeVisible();
  await expect(dialog.getByText('请修改文件后重新上传')).toBeVisible();
  const problem = dialog.getByRole('row', { name: /身份证号/ }).first();
  await expect(problem.getByRole('cell').first()).toHaveText('4');
  await expect(problem.getByRole('cell').nth(1)).toHaveText('身份证号');
  await expect(dialog.getByRole('button', { name: '确认导入' })).toBeDisabled();

  // fixed: all three import
  await uploadCadreFile(page, await fillTemplate(template, unitName, cadres));
  await expect(dialog.getByText('共 3 行，可导入 3 行，问题 0 条')).toBeVisible();
  await expect(dialog.getByText('请修改文件后重新上传')).toHaveCount(0);
  await dialog.getByRole('button', { name: '确认导入' }).click();
  await expect(dialog.getByText('已导入：新增 3 人，更新 0 人')).toBeVisible();
  await dialog.getByRole('button', { name: '关闭' }).click();
  // other specs keep cadres in 黔东南州 too: this unit's list holds exactly the three
  await page.goto(`/cadres?unitId=${unitId}`);
  await expect(page.getByText('共 3 条')).toBeVisible();

  // find 张三丰 by the initials of the name
  await page.getByPlaceholder('姓名、拼音或首字母').fill('zsf');
  await page.getByRole('button', { name: '查询' }).click();
  await expect(page).toHaveURL(/q=zsf/);
  await expect(page.getByText('共 1 条')).toBeVisible();
  const row = page.getByRole('row', { name: /张三丰/ });
  await expect(row).toBeVisible();
  await expect(row).toContainText(unitName);
  await expect(row).toContainText('1985-04-12');
  await expect(row).not.toContainText((cadres[0] as FictionalCadre).idNumber); // masked

  // its detail page, and the full ID number after the audited confirmation
  await row.getByRole('link', { name: '查看' }).click();
  await expect(page).toHaveURL(/\/cadres\/[^/?]+$/);
  await expect(page.getByText('工作经历', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: '查看完整信息' }).click();
  await expect(page.getByText('查看将被记入审计日志')).toBeVisible();
  await page.getByRole('button', { name: '查看', exact: true }).click();
  await expect(page.getByTestId('cadre-id-number')).toHaveText((cadres[0] as FictionalCadre).idNumber);
});
