import { expect, type Locator, type Page, test } from '@playwright/test';
import { adminApi, createAccount, expectJson, firstLogin } from './fixtures.js';

/** Picks 贵州省 / 黔东南州 (/ 台江县) in the region cascader just opened. */
async function pickRegion(page: Page, county: boolean): Promise<void> {
  await page.getByRole('menuitemcheckbox', { name: '贵州省' }).click();
  await page.getByRole('menuitemcheckbox', { name: '黔东南苗族侗族自治州' }).click();
  if (county) await page.getByRole('menuitemcheckbox', { name: '台江县' }).click();
}

async function pickDate(field: Locator, day: string): Promise<void> {
  await field.click();
  await field.fill(day);
  await field.press('Tab');
}

test('组织部新建项目和批次（名额、默认资格条件），推进状态须填原因并留下记录；派出单位联络员只读', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const stamp = Date.now().toString(36);
  const programmeName = `黔东南州千名干部人才行动${stamp}`;

  const system = await adminApi('system_admin');
  const security = await adminApi('security_admin');
  const unit = await expectJson<{ id: string }>(
    system.post('/api/units', {
      data: { name: `台江县派出测试单位${stamp}`, kind: 'public_institution', regionCode: '522630' },
    }),
    201,
  );
  const admins = { system, security };
  const orgDept = await createAccount([{ role: 'org_dept', regionCode: '522600' }], '测试组织部干部', admins);
  const liaison = await createAccount([{ role: 'sending_liaison', unitId: unit.id }], '测试联络员', admins);
  await Promise.all([system.dispose(), security.dispose()]);

  // the 组织部 opens 项目与批次 and creates a programme
  await firstLogin(page, orgDept);
  await page.getByRole('menuitem', { name: '项目与批次' }).click();
  await expect(page).toHaveURL(/\/projects$/);
  await expect(page).toHaveTitle('挂职项目 - 挂职干部管理平台');
  await page.getByRole('button', { name: '新建项目' }).click();
  const create = page.getByRole('dialog', { name: '新建项目' });
  await create.getByRole('button', { name: '保存' }).click();
  await expect(create.getByText('请输入项目名称')).toBeVisible();
  await expect(create.getByText('请选择项目类型')).toBeVisible();
  await create.getByLabel('项目名称').fill(programmeName);
  await create.getByLabel('项目类型').click();
  await page.getByTitle('跨地区交流', { exact: true }).click();
  await create.getByLabel('组织部所在区划').click();
  await pickRegion(page, false);
  await create.getByLabel('项目名称').click(); // close the cascader, keeping 黔东南州
  await create.getByLabel('项目说明').fill('东西部协作，选派干部到县乡挂职');
  await create.getByLabel('项目名称').press('Enter');
  await expect(page.getByText(`已新建项目“${programmeName}”`)).toBeVisible();

  // found by the filter, kept in the URL
  await page.getByLabel('搜索项目').fill(stamp);
  await page.getByRole('button', { name: '查询' }).click();
  await expect(page).toHaveURL(new RegExp(`q=${stamp}`));
  const row = page.getByRole('row', { name: new RegExp(programmeName) });
  await expect(row).toContainText('跨地区交流');
  await expect(row).toContainText('贵州省 / 黔东南苗族侗族自治州');
  await row.getByRole('link', { name: programmeName }).click();

  // the detail page; a batch with a quota for 台江县 and the default rules
  await expect(page.getByRole('heading', { name: programmeName })).toBeVisible();
  await expect(page.getByText('东西部协作，选派干部到县乡挂职')).toBeVisible();
  await expect(page.getByText('还没有批次，点击“新建批次”添加第一批')).toBeVisible();
  await page.getByRole('button', { name: '新建批次' }).click();
  const batchDialog = page.getByRole('dialog', { name: '新建批次' });
  await batchDialog.getByLabel('批次名称').fill('第一批');
  await pickDate(batchDialog.getByLabel('计划开始日期'), '2027-03-01');
  await pickDate(batchDialog.getByLabel('计划结束日期'), '2028-02-29');
  await expect(batchDialog.getByLabel('挂职期限（月）')).toHaveValue('12');
  await expect(batchDialog.getByLabel('厅局级年龄上限（岁）')).toHaveValue('50');
  await expect(batchDialog.getByLabel('县处级年龄上限（岁）')).toHaveValue('45');
  await expect(batchDialog.getByLabel('乡科级年龄上限（岁）')).toHaveValue('40');
  await expect(batchDialog.getByLabel('优先选派后备干部')).toBeChecked();
  await batchDialog.getByRole('button', { name: '添加地区名额' }).click();
  await batchDialog.getByLabel('第 1 行接收地区').click();
  await pickRegion(page, true);
  await batchDialog.getByLabel('批次名称').click(); // close the cascader, keeping 台江县
  await batchDialog.getByLabel('第 1 行名额（人）').fill('3');
  await batchDialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已新建批次“第一批”')).toBeVisible();

  const batchRow = page.getByRole('row', { name: /第一批/ });
  await expect(batchRow).toContainText('2027-03-01 至 2028-02-29');
  await expect(batchRow).toContainText('筹备');
  await expect(batchRow.getByRole('cell').nth(5)).toHaveText('3'); // 名额合计
  await batchRow.getByRole('button', { name: '展开行' }).click();
  const details = page.getByTestId('batch-details');
  await expect(details).toContainText('贵州省 / 黔东南苗族侗族自治州 / 台江县：3 人');
  await expect(details).toContainText('厅局级 50 岁，县处级 45 岁，乡科级 40 岁');
  await expect(details).toContainText('大学本科');
  await expect(details).toContainText('尚无状态变更');

  // 推进状态: the next status only, and a reason is required
  await batchRow.getByRole('button', { name: '推进状态' }).click();
  const advance = page.getByRole('dialog', { name: '推进状态：第一批' });
  await expect(advance.getByTestId('advance-step')).toContainText('筹备');
  await expect(advance.getByTestId('advance-step')).toContainText('选派');
  await advance.getByRole('button', { name: '确认推进' }).click();
  await expect(advance.getByText('请填写推进原因')).toBeVisible();
  await advance.getByLabel('推进原因').fill('岗位需求已汇总，开始推荐人选');
  await advance.getByLabel('推进原因').press('Enter');
  await expect(page.getByText('批次“第一批”已推进到“选派”')).toBeVisible();
  await expect(advance).toBeHidden();
  await expect(batchRow).toContainText('选派');
  const history = details.getByRole('row', { name: /岗位需求已汇总/ });
  await expect(history).toContainText('筹备 → 选派');
  await expect(history).toContainText('测试组织部干部');
  // a started batch can no longer be deleted
  await expect(batchRow.getByRole('button', { name: '删除' })).toHaveCount(0);

  // 选派 → 在岗 with no cadre accepted and the start months away: warned, moved only once acknowledged
  await batchRow.getByRole('button', { name: '推进状态' }).click();
  const onPost = page.getByRole('dialog', { name: '推进状态：第一批' });
  const warnings = onPost.getByTestId('advance-warnings');
  await expect(warnings).toContainText('尚无同意选派的干部');
  await expect(warnings).toContainText('计划开始日期为 2027-03-01，还有');
  await onPost.getByLabel('推进原因').fill('人选已定，统一报到');
  await expect(onPost.getByRole('button', { name: '确认推进' })).toBeDisabled();
  await onPost.getByLabel('我已知晓以上提醒，仍要推进').check();
  await expect(onPost.getByRole('button', { name: '确认推进' })).toBeEnabled();
  await onPost.getByRole('button', { name: '取消' }).click();
  await expect(onPost).toBeHidden();
  await expect(batchRow).toContainText('选派');

  // a programme with batches cannot be deleted: the server's reason is shown
  await page.getByRole('button', { name: '返回项目列表' }).click();
  await page
    .getByRole('row', { name: new RegExp(programmeName) })
    .getByRole('button', { name: '删除' })
    .click();
  await page
    .getByRole('dialog', { name: `确定删除项目“${programmeName}”吗？` })
    .getByRole('button', { name: '删除' })
    .click();
  await expect(page.getByText('该项目下已有批次，不能删除')).toBeVisible();
  await page.getByRole('button', { name: '确定' }).click();

  // 批次一览: the batches of every programme, searched, filtered by status, sorted, kept in the URL
  await page.getByRole('menuitem', { name: '批次一览' }).click();
  await expect(page).toHaveURL(/\/batches$/);
  await page.getByLabel('搜索批次').fill(stamp);
  await page.getByRole('button', { name: '查询' }).click();
  const listed = page.getByRole('row', { name: new RegExp(`第一批.*${programmeName}`) });
  await expect(listed).toContainText('2027-03-01 至 2028-02-29');
  await expect(listed).toContainText('选派');
  await page.getByLabel('按状态筛选').click();
  await page.getByTitle('筹备', { exact: true }).click();
  await expect(page).toHaveURL(/status=preparing/);
  await expect(page.getByText('没有符合条件的批次，可调整筛选条件或点击“重置”')).toBeVisible();
  await page.getByLabel('按状态筛选').click();
  await page.getByTitle('选派', { exact: true }).click();
  await expect(listed).toBeVisible();
  await page.getByRole('columnheader', { name: '批次名称' }).click();
  await expect(page).toHaveURL(/sort=name/);
  await expect(listed).toBeVisible();
  await listed.getByRole('link', { name: programmeName }).click();
  await expect(page.getByRole('heading', { name: programmeName })).toBeVisible();

  // a sending liaison reads the same programme, with no buttons to change it
  await firstLogin(page, liaison);
  await page.goto(`/projects?q=${stamp}`);
  const seen = page.getByRole('row', { name: new RegExp(programmeName) });
  await expect(seen).toBeVisible();
  await expect(page.getByRole('button', { name: '新建项目' })).toHaveCount(0);
  await expect(seen.getByRole('button', { name: '编辑' })).toHaveCount(0);
  await seen.getByRole('link', { name: programmeName }).click();
  await expect(page.getByRole('heading', { name: programmeName })).toBeVisible();
  const readRow = page.getByRole('row', { name: /第一批/ });
  await expect(readRow).toContainText('选派');
  await expect(page.getByRole('button', { name: '新建批次' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '编辑项目' })).toHaveCount(0);
  await expect(readRow.getByRole('button', { name: '推进状态' })).toHaveCount(0);
});
