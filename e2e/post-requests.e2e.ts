import { expect, type Locator, type Page, test } from '@playwright/test';
import { API_HEADERS, expectJson, firstLogin, receivingUnitSetup, selectingBatch } from './fixtures.js';

/** Confirms the open Popconfirm with its button. */
async function confirmPopover(page: Page, button: string): Promise<void> {
  await page.locator('.ant-popconfirm').getByRole('button', { name: button }).click();
}

const postRow = (page: Page, title: string): Locator => page.getByRole('row', { name: new RegExp(title) });

test('接收单位删除草稿、提报岗位需求；组织部通过时超出名额被拒，退回后改为 1 人重新提交，再通过', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000); // five accounts, two browsers, a dozen steps
  const stamp = Date.now().toString(36);
  const unitName = `台江县岗位测试镇${stamp}`;
  const programmeName = `岗位测试项目${stamp}`;
  const title = `副县长${stamp}`;

  // set-up through the API: a receiving unit in 台江县, a 组织部 over 黔东南州 and the unit's manager
  const { unit, orgDept, manager } = await receivingUnitSetup(unitName);

  // the 组织部 signs in and (through the API, as itself) opens a programme with a batch in 选派
  // that has a quota of 1 for 台江县
  await firstLogin(page, orgDept);
  const { batch } = await selectingBatch(page, programmeName, 1);
  const headers = API_HEADERS;

  // the receiving manager, in a browser of their own, asks for 2 × 副县长 and submits
  const managerContext = await browser.newContext();
  const mp = await managerContext.newPage();
  await firstLogin(mp, manager);
  await mp.getByRole('menuitem', { name: '岗位需求' }).click();
  await expect(mp).toHaveURL(/\/demands/);
  await expect(mp).toHaveTitle('岗位需求 - 挂职干部管理平台');
  await expect(mp.getByText('还没有岗位需求，点击“新建岗位需求”提报第一个')).toBeVisible();

  // a draft made through the API is deleted after a confirmation
  const spare = `镇党委副书记${stamp}`;
  await expectJson(
    mp.request.post('/api/posts', {
      data: {
        batchId: batch.id,
        unitId: unit.id,
        title: spare,
        level: 'section_deputy',
        duties: [{ kind: 'in_charge', area: '党建' }],
        headcount: 1,
      },
      headers,
    }),
    201,
  );
  await mp.reload();
  await expect(postRow(mp, spare)).toContainText('草稿');
  await postRow(mp, spare).getByRole('button', { name: '删除' }).click();
  await confirmPopover(mp, '删除');
  await expect(mp.getByText(`已删除“${spare}”`)).toBeVisible();
  await expect(postRow(mp, spare)).toHaveCount(0);

  await mp.getByRole('button', { name: '新建岗位需求' }).click();
  const dialog = mp.getByRole('dialog', { name: '新建岗位需求' });
  // the server is searched as the manager types: any batch is reached, however many there are
  await dialog.getByLabel('批次').click();
  await dialog.getByLabel('批次').fill(programmeName);
  await mp.getByTitle(`${programmeName} · 第一批`).click();
  await expect(dialog.getByText(unitName)).toBeVisible(); // the manager's one unit, chosen already
  // saving with nothing filled in names each missing field
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog.getByText('请输入岗位名称')).toBeVisible();
  await expect(dialog.getByText('请至少填写一项分管或协管领域')).toBeVisible();
  // an empty 分工 says so once, not also that its entries are too long (issue 11 line 7)
  const duties = dialog.locator('.ant-form-item').filter({ hasText: '请至少填写一项分管或协管领域' });
  await expect(duties.locator('.ant-form-item-explain-error')).toHaveCount(1);
  await expect(dialog.getByText('每项领域不超过 30 个字')).toHaveCount(0);
  await dialog.getByLabel('岗位名称').fill(title);
  // a township's levels: the most common first, no 县处级 or 厅局级 (issue 11 line 5)
  await dialog.getByLabel('岗位级别').click();
  const levelList = mp.locator('.ant-select-dropdown:visible .ant-select-item-option');
  await expect(levelList.first()).toHaveText('副乡科级');
  await expect(levelList).toHaveText(['副乡科级', '正乡科级', '其他']);
  await mp.getByTitle('正乡科级', { exact: true }).click();
  await dialog.getByLabel('人数').fill('2');
  await dialog.getByLabel('分管领域').fill('乡村振兴');
  await dialog.getByLabel('分管领域').press('Enter');
  await dialog.getByLabel('协管领域').fill('招商引资');
  await dialog.getByLabel('协管领域').press('Enter');
  await dialog.getByLabel('所需专业特长').fill('农业技术');
  await dialog.getByLabel('所需专业特长').press('Enter');
  await dialog.getByLabel('备注').fill('有基层工作经历者优先');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(mp.getByText(`已新建岗位需求“${title}”（草稿），请在列表中提交审核`)).toBeVisible();
  await expect(dialog).toBeHidden();

  let row = postRow(mp, title);
  await expect(row).toContainText('草稿');
  await expect(row).toContainText(unitName);
  await expect(row).toContainText('乡村振兴');
  await row.getByRole('button', { name: '提交' }).click();
  await confirmPopover(mp, '提交');
  await expect(mp.getByText(`已提交“${title}”，等待组织部门审核`)).toBeVisible();
  await expect(row).toContainText('待审核');
  await expect(row.getByRole('button', { name: '编辑' })).toHaveCount(0);

  // the 组织部 sees it among the requests waiting for review (the filter is kept in the URL)
  await page.getByRole('menuitem', { name: '岗位需求' }).click();
  await page.getByLabel('按状态筛选').click();
  await page.getByTitle('待审核', { exact: true }).click();
  await expect(page).toHaveURL(/status=submitted/);
  row = postRow(page, title);
  await expect(row).toContainText('待审核');
  await expect(row).toContainText('2');

  // approving 2 against a quota of 1 is refused with the figures
  await row.getByRole('button', { name: '通过', exact: true }).click();
  let review = page.getByRole('dialog', { name: '通过岗位需求' });
  await review.getByRole('button', { name: '确认通过' }).click();
  await expect(review.getByRole('alert')).toContainText(
    /超出名额：.*台江县名额 1 人，已通过 0 人，本次 2 人，超出 1 人/,
  );
  await review.getByRole('button', { name: '取消' }).click();
  await expect(row).toContainText('待审核');

  // so it goes back to the unit with a comment (a comment is required)
  await row.getByRole('button', { name: '退回' }).click();
  review = page.getByRole('dialog', { name: '退回岗位需求' });
  await review.getByRole('button', { name: '确认退回' }).click();
  await expect(review.getByText('退回或不通过时须填写意见')).toBeVisible();
  await review.getByLabel('意见').fill('台江县名额只有 1 人，请调整为 1 人');
  await review.getByRole('button', { name: '确认退回' }).click();
  await expect(page.getByText(`已退回“${title}”`)).toBeVisible();
  await page.getByRole('button', { name: '重置' }).click();
  await expect(postRow(page, title)).toContainText('已退回');

  // the manager sees the comment, lowers the headcount to 1 and resubmits
  await mp.reload();
  row = postRow(mp, title);
  await expect(row).toContainText('已退回');
  await expect(row).toContainText('意见：台江县名额只有 1 人，请调整为 1 人');
  await row.getByRole('button', { name: '编辑' }).click();
  const edit = mp.getByRole('dialog', { name: '编辑岗位需求' });
  await expect(edit.getByText('退回意见：台江县名额只有 1 人，请调整为 1 人')).toBeVisible();
  await edit.getByLabel('人数').fill('1');
  await edit.getByLabel('人数').press('Enter');
  await expect(mp.getByText(`已保存岗位需求“${title}”`)).toBeVisible();
  await row.getByRole('button', { name: '提交' }).click();
  await confirmPopover(mp, '提交');
  await expect(row).toContainText('待审核');

  // the 组织部 approves it now
  await page.reload();
  row = postRow(page, title);
  await expect(row).toContainText('待审核');
  await row.getByRole('button', { name: '通过', exact: true }).click();
  review = page.getByRole('dialog', { name: '通过岗位需求' });
  await review.getByLabel('意见').fill('同意');
  await review.getByRole('button', { name: '确认通过' }).click();
  await expect(page.getByText(`已通过“${title}”`)).toBeVisible();
  await expect(row).toContainText('已通过');
  await expect(row.getByRole('button', { name: '通过', exact: true })).toHaveCount(0);

  // the detail shows every field and the review
  await row.getByRole('button', { name: '查看' }).click();
  const detail = page.getByRole('dialog', { name: '岗位需求详情' });
  await expect(detail).toContainText(title);
  await expect(detail).toContainText('正乡科级');
  await expect(detail).toContainText('农业技术');
  await expect(detail).toContainText('有基层工作经历者优先');
  await expect(detail).toContainText('审核意见（已通过）');
  await expect(detail).toContainText('同意');

  // and the manager sees it approved
  await mp.reload();
  await expect(postRow(mp, title)).toContainText('已通过');
  await managerContext.close();
});
