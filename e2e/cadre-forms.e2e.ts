import { crc32, deflateSync } from 'node:zlib';
import { expect, type Locator, type Page, test } from '@playwright/test';
import { fictionalIdNumber } from '../server/demo/demo.seed.js';
import { API_HEADERS, adminApi, createAccount, expectJson, firstLogin } from './fixtures.js';

/** A real PNG: 2×2 pixels, made here (signature, IHDR, IDAT, IEND with their CRCs). */
function tinyPng(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(2, 0); // width
  header.writeUInt32BE(2, 4); // height
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const rows = Buffer.from([0, 200, 30, 30, 30, 200, 30, 0, 30, 30, 200, 240, 240, 240]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Picks an option of an antd select by its text. */
async function choose(page: Page, select: Locator, option: string, search?: string): Promise<void> {
  await select.click();
  if (search) await select.fill(search);
  await page.locator('.ant-select-dropdown:visible').getByTitle(option, { exact: true }).click();
}

/** Types a month into an antd month picker. */
async function month(field: Locator, value: string): Promise<void> {
  await field.click();
  await field.fill(value);
  await field.press('Enter');
}

test('组织部用表单新建干部（履历重叠提示、身份证号校验）、编辑、上传照片，并按专业特长和单位筛选、设置列', async ({
  page,
}) => {
  test.setTimeout(180_000); // accounts, two dialogs, uploads and filters: longer than the default minute
  const stamp = Date.now().toString(36);
  const unitName = `台江县表单测试中心${stamp}`;
  const otherUnitName = `黔东南州表单对照单位${stamp}`;
  const cadreName = '杨秀梅';
  const idNumber = fictionalIdNumber('52', '19860520', '062'); // 女 (even 17th digit)
  const badIdNumber = idNumber.slice(0, 17) + (idNumber.at(-1) === '1' ? '2' : '1');

  // two units (system administrator) and a 组织部 account over 黔东南州
  const system = await adminApi('system_admin');
  await expectJson(
    system.post('/api/units', { data: { name: unitName, kind: 'public_institution', regionCode: '522630' } }),
    201,
  );
  const other = await expectJson<{ id: string }>(
    system.post('/api/units', {
      data: { name: otherUnitName, kind: 'public_institution', regionCode: '522600' },
    }),
    201,
  );
  await system.dispose();
  const account = await createAccount([{ role: 'org_dept', regionCode: '522600' }], '表单测试组织部');
  await firstLogin(page, account);

  // another cadre, in the other unit with another expertise, so that the filters have something to leave out
  await expectJson(
    page.request.post('/api/cadres', {
      headers: API_HEADERS,
      data: {
        name: '吴对照',
        gender: 'male',
        ethnicity: '侗族',
        politicalStatus: 'cpc_member',
        birthDate: '1980-01-15',
        idNumber: fictionalIdNumber('52', '19800115', '071'),
        education: 'bachelor',
        degree: 'bachelor',
        unitId: other.id,
        position: '科员',
        rankLevel: 'section_deputy',
        rankKind: 'grade',
        expertise: ['教育'],
      },
    }),
    201,
  );

  // the region's registry may already hold cadres of the tests before this one (the on-post fixtures
  // place theirs in 台江县): count from what is there
  const before = await expectJson<{ total: number }>(
    page.request.get('/api/cadres', { headers: API_HEADERS }),
  );
  const count = (added: number) => `共 ${before.total + added} 条`;
  await page.getByRole('menuitem', { name: '干部名册' }).click();
  await expect(page).toHaveTitle('干部名册 - 挂职干部管理平台');
  await expect(page.getByText(count(0))).toBeVisible();

  await page.getByRole('button', { name: '新建干部' }).click();
  const dialog = page.getByRole('dialog', { name: '新建干部' });

  // a wrong check digit: the Chinese message on the ID field, and nothing is sent
  await dialog.getByLabel('姓名', { exact: true }).fill(cadreName);
  await dialog.getByLabel('身份证号').fill(badIdNumber);
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog.getByText('身份证号校验位不正确')).toBeVisible();
  await expect(dialog).toBeVisible();
  const saved = await expectJson<{ total: number }>(
    page.request.get('/api/cadres', { headers: API_HEADERS, params: { q: cadreName } }),
  );
  expect(saved.total).toBe(0);

  // the right number fills in the birth date and gender
  await dialog.getByLabel('身份证号').fill(idNumber);
  await expect(dialog.getByText('身份证号校验位不正确')).toHaveCount(0);
  await expect(dialog.getByLabel('出生日期')).toHaveValue('1986-05-20');
  await choose(page, dialog.getByLabel('民族'), '苗族', '苗');
  await choose(page, dialog.getByLabel('政治面貌'), '中共党员');
  await choose(page, dialog.getByLabel('学历'), '大学本科');
  await choose(page, dialog.getByLabel('学位', { exact: true }), '学士');
  await choose(page, dialog.getByLabel('所在单位'), unitName, stamp);
  await dialog.getByLabel('现任职务').fill('产业发展股股长');
  await choose(page, dialog.getByLabel('级别'), '正乡科级');
  const expertise = dialog.getByLabel('专业特长');
  await choose(page, expertise, '农业技术');
  await expertise.fill('苗绣传承');
  await expertise.press('Enter');
  await page.keyboard.press('Escape'); // close the options, not the dialog
  await expect(dialog).toBeVisible();

  // two résumé entries that overlap, one family member
  await dialog.getByRole('button', { name: '添加工作经历' }).click();
  await dialog.getByRole('button', { name: '添加工作经历' }).click();
  const first = dialog.getByTestId('resume-1');
  await month(first.getByLabel('起始年月（第 1 条）'), '2008-07');
  await month(first.getByLabel('截止年月（第 1 条）'), '2016-12');
  await first.getByLabel('工作单位（第 1 条）').fill('台江县农业农村局');
  await first.getByLabel('职务（第 1 条）').fill('科员');
  const second = dialog.getByTestId('resume-2');
  await month(second.getByLabel('起始年月（第 2 条）'), '2015-03');
  await second.getByLabel('工作单位（第 2 条）').fill(unitName);
  await second.getByLabel('职务（第 2 条）').fill('产业发展股股长');
  await dialog.getByRole('button', { name: '添加家庭成员' }).click();
  const relative = dialog.getByTestId('relative-1');
  await relative.getByLabel('姓名（第 1 条）').fill('张某');
  await choose(page, relative.getByLabel('称谓（第 1 条）'), '配偶');
  await relative.getByLabel('工作单位（第 1 条）').fill('台江县人民医院');

  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText(`已新建干部：${cadreName}`)).toBeVisible();
  await expect(page.getByText('第 1 条与第 2 条履历的时间重叠，请核对')).toBeVisible();
  await expect(dialog).toBeHidden();

  // in the list, with its expertise
  await expect(page.getByText(count(1))).toBeVisible();
  const row = page.getByRole('row', { name: new RegExp(cadreName) });
  await expect(row).toContainText(unitName);
  await expect(row).toContainText('苗绣传承');
  await expect(row).toContainText('1986-05-20');

  // edit the position on the detail page
  await row.getByRole('link', { name: '查看' }).click();
  await expect(page.getByText(`干部详情：${cadreName}`)).toBeVisible();
  await expect(page.getByText('张某')).toBeVisible();
  await page.getByRole('button', { name: '编辑' }).click();
  const edit = page.getByRole('dialog', { name: `编辑干部：${cadreName}` });
  await expect(edit.getByLabel('现任职务')).toHaveValue('产业发展股股长');
  await edit.getByLabel('现任职务').fill('产业发展股主任');
  await edit.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText(`已保存：${cadreName}`)).toBeVisible();
  await expect(edit).toBeHidden();
  await expect(page.getByText('产业发展股主任', { exact: true })).toBeVisible();
  await expect(page.getByText('第 1 条与第 2 条履历的时间重叠，请核对').first()).toBeVisible();

  // a photo: a real PNG is taken and shown; a text file named .png is refused
  await expect(page.getByText('未上传照片')).toBeVisible();
  const fileInput = page.locator('input[type="file"]');
  await fileInput.setInputFiles({ name: '照片.png', mimeType: 'image/png', buffer: tinyPng() });
  await expect(page.getByText('照片已上传')).toBeVisible();
  const photo = page.getByRole('img', { name: '照片' });
  await expect(photo).toBeVisible();
  await expect
    .poll(() => photo.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth))
    .toBe(2);
  await expect(page.getByRole('button', { name: '更换照片' })).toBeVisible();
  await fileInput.setInputFiles({
    name: '说明.png',
    mimeType: 'image/png',
    buffer: Buffer.from('这不是图片，只是改了扩展名的文本文件\n'),
  });
  await expect(page.getByRole('alert').filter({ hasText: '照片须为 JPEG、PNG 或 WebP 图片' })).toBeVisible();

  // filters: by expertise, then by unit
  await page.goto('/cadres');
  await expect(page.getByText(count(1))).toBeVisible();
  await choose(page, page.getByLabel('按专业特长筛选'), '农业技术');
  await expect(page).toHaveURL(/expertise=/);
  await expect(page.getByText('共 1 条')).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(cadreName) })).toBeVisible();
  await expect(page.getByRole('row', { name: /吴对照/ })).toHaveCount(0);
  await page.getByRole('button', { name: '重置' }).click();
  await expect(page.getByText(count(1))).toBeVisible();
  await choose(page, page.getByLabel('按单位筛选'), otherUnitName, stamp);
  await expect(page).toHaveURL(new RegExp(`unitId=${other.id}`));
  await expect(page.getByText('共 1 条')).toBeVisible();
  await expect(page.getByRole('row', { name: /吴对照/ })).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(cadreName) })).toHaveCount(0);
  // the link keeps the filter, with the unit's name
  await page.reload();
  await expect(page.getByText('共 1 条')).toBeVisible();
  await expect(page.getByRole('search').getByText(otherUnitName)).toBeVisible();

  // 列设置: hide 身份证号; the choice stays after a reload
  await expect(page.getByRole('columnheader', { name: '身份证号' })).toBeVisible();
  await page.getByRole('button', { name: '列设置' }).click();
  await page.getByRole('checkbox', { name: '身份证号' }).uncheck();
  await expect(page.getByRole('columnheader', { name: '身份证号' })).toHaveCount(0);
  await page.reload();
  await expect(page.getByText('共 1 条')).toBeVisible();
  await expect(page.getByRole('columnheader', { name: '身份证号' })).toHaveCount(0);
  await expect(page.getByRole('columnheader', { name: '姓名' })).toBeVisible();

  // delete, after the confirmation
  await page
    .getByRole('row', { name: /吴对照/ })
    .getByRole('link', { name: '查看' })
    .click();
  await page.getByRole('button', { name: '删除' }).click();
  const confirm = page.locator('.ant-popconfirm');
  await expect(confirm.getByText('删除干部“吴对照”？')).toBeVisible();
  await confirm.getByRole('button', { name: '删除' }).click();
  await expect(page.getByText('已删除干部：吴对照')).toBeVisible();
  await expect(page).toHaveURL(/\/cadres$/);
  await expect(page.getByText(count(0))).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(cadreName) })).toBeVisible();

  // leave the region's registry as it was: e2e/registry.e2e.ts counts the cadres it imports there
  const left = await expectJson<{ items: { id: string; version: number }[] }>(
    page.request.get('/api/cadres', { headers: API_HEADERS, params: { q: cadreName } }),
  );
  for (const cadre of left.items) {
    await expectJson(
      page.request.delete(`/api/cadres/${cadre.id}`, {
        headers: API_HEADERS,
        params: { version: cadre.version },
      }),
    );
  }
});
