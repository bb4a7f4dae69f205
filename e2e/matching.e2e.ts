import path from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { fictionalIdNumber } from '../server/demo/demo.seed.js';
import { E2E_DATA_DIR } from './env.js';
import {
  API_HEADERS,
  accountApi,
  adminApi,
  approvedPost,
  createAccount,
  expectJson,
  firstLogin,
  guazhiCommand,
  loginForm,
  selectingBatch,
} from './fixtures.js';

const DAY = 24 * 60 * 60 * 1000;

async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.context().clearCookies();
  await page.goto('/login');
  await loginForm(page, username, password);
  await expect(page).not.toHaveURL(/\/login/);
}

const POSTS = [
  { title: '副镇长（挂职，林业）', inCharge: '林业', expertise: ['林业', '乡村振兴'] },
  { title: '镇长助理（挂职，招商）', inCharge: '招商引资', expertise: ['招商引资'] },
  { title: '镇长助理（挂职，数字乡村）', inCharge: '信息化', expertise: ['信息化'] },
];
const CADRES = [
  { name: '林晓岚', expertise: ['林业', '乡村振兴'], sequence: '801' },
  { name: '赵明哲', expertise: ['招商引资'], sequence: '803' },
  { name: '钱佳琪', expertise: ['信息化', '大数据'], sequence: '802' },
  { name: '孙一凡', expertise: ['林业'], sequence: '805' },
];

test('组织部匹配一个批次：读一对的理由，锁定一对、排除一对，重新匹配，比较两次方案，看改派代价，确认并可导出', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const stamp = Date.now().toString(36);

  // set-up through the API: a receiving town and a sending unit, the 组织部, the manager, the liaison
  const system = await adminApi('system_admin');
  const security = await adminApi('security_admin');
  const admins = { system, security };
  const town = await expectJson<{ id: string }>(
    system.post('/api/units', {
      data: { name: `台江县匹配测试镇${stamp}`, kind: 'township', regionCode: '522630' },
    }),
    201,
  );
  const sender = await expectJson<{ id: string; name: string }>(
    system.post('/api/units', {
      data: { name: `苏州市吴中区匹配测试局${stamp}`, kind: 'party_government', regionCode: '320506' },
    }),
    201,
  );
  // the programme is the province's (贵州省), so the other specs' 黔东南州 组织部 lists stay as they expect
  const org = await createAccount([{ role: 'org_dept', regionCode: '520000' }], '省委组织部干部', admins);
  const org2 = await createAccount(
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
  // 林晓岚's own account (linked to her record by her keepers below)
  const cadreAccount = await createAccount([{ role: 'cadre' }], '林晓岚', admins);
  await Promise.all([system.dispose(), security.dispose()]);

  await firstLogin(page, org);
  const { batch } = await selectingBatch(page, `苏黔匹配测试${stamp}`, 3, '520000');
  const headers = API_HEADERS;

  const managerApi = await accountApi(manager, 'E2e#Manager2026');
  for (const p of POSTS) {
    await approvedPost(managerApi, page.request, {
      batchId: batch.id,
      unitId: town.id,
      title: p.title,
      level: 'section_deputy',
      duties: [{ kind: 'in_charge', area: p.inCharge }],
      expertise: p.expertise,
      headcount: 1,
    });
  }
  await managerApi.dispose();

  // the cadres are kept by the sending unit's 组织部 (苏州) and nominated by the liaison
  const keeper = await accountApi(org2, 'E2e#Keeper2026');
  const liaisonApi = await accountApi(liaison, 'E2e#Liaison2026');
  for (const [i, c] of CADRES.entries()) {
    const birth = `1990050${i + 1}`;
    const cadre = await expectJson<{ id: string }>(
      keeper.post('/api/cadres', {
        data: {
          name: c.name,
          gender: Number(c.sequence.at(-1)) % 2 === 1 ? 'male' : 'female',
          ethnicity: '汉族',
          politicalStatus: 'cpc_member',
          birthDate: `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}`,
          idNumber: fictionalIdNumber('52', birth, c.sequence),
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
          expertise: c.expertise,
          resume: [],
          relatives: [],
        },
      }),
      201,
    );
    if (c.name === '林晓岚')
      await expectJson(
        keeper.put(`/api/cadres/${cadre.id}/account`, {
          data: { username: cadreAccount.username, version: 1 },
        }),
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
        headers,
      }),
    );
  }
  await Promise.all([keeper.dispose(), liaisonApi.dispose()]);

  // the board: pick nothing yet, then the batch from the URL; run
  await page.getByRole('menuitem', { name: '人岗匹配' }).click();
  await expect(page).toHaveTitle('人岗匹配 - 挂职干部管理平台');
  await expect(page.getByText('请选择一个批次开始人岗匹配')).toBeVisible();
  await page.goto(`/matching?batchId=${batch.id}`);
  await expect(page.getByText('还没有匹配方案，点击“开始匹配”计算').first()).toBeVisible();

  // a 对口 rule in the settings: checked as typed, saved, its effect on the board, removed again
  await page.getByRole('button', { name: '匹配设置' }).click();
  const settings = page.getByRole('dialog', { name: '匹配设置' });
  await settings.getByRole('button', { name: '添加对口规则' }).click();
  await settings
    .getByRole('button', { name: '保 存' })
    .or(settings.getByRole('button', { name: '保存' }))
    .click();
  await expect(settings.getByText('请选择对口规则的派出地区')).toBeVisible();
  await settings.getByLabel('对口规则1的派出地区1').click();
  await page.getByRole('menuitemcheckbox', { name: '江苏省' }).click();
  await page.getByRole('menuitemcheckbox', { name: '苏州市' }).click();
  await settings.getByText('派出地区的干部只派往所列接收地区的岗位').click(); // close the cascader
  await settings.getByLabel('对口规则1的接收地区1').click();
  await page.getByRole('menuitemcheckbox', { name: '江苏省' }).click();
  await settings.getByText('派出地区的干部只派往所列接收地区的岗位').click();
  await settings
    .getByRole('button', { name: '保 存' })
    .or(settings.getByRole('button', { name: '保存' }))
    .click();
  await expect(settings.getByText('对口规则的接收地区不能与对口规则的派出地区相同或相互包含')).toBeVisible();
  await settings.getByLabel('对口规则1的接收地区1').click();
  await page.getByRole('menuitemcheckbox', { name: '贵州省' }).click();
  await page.getByRole('menuitemcheckbox', { name: '贵阳市' }).click();
  await settings.getByText('派出地区的干部只派往所列接收地区的岗位').click();
  await settings
    .getByRole('button', { name: '保 存' })
    .or(settings.getByRole('button', { name: '保存' }))
    .click();
  await expect(page.getByText('匹配设置已保存，重新匹配后生效')).toBeVisible();
  await expect(settings).toBeHidden();
  // the board: 林晓岚 (苏州) may now take none of the 台江县 posts, each excluded with the rule
  await page.getByRole('button', { name: '林晓岚' }).first().click();
  const ruleDrawer = page.locator('.ant-drawer');
  await expect(ruleDrawer.getByText('对口安排：苏州市的干部只派往贵阳市').first()).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(ruleDrawer).toBeHidden();
  await page.getByRole('button', { name: '匹配设置' }).click();
  await settings.getByRole('button', { name: '删除对口规则1' }).click();
  await settings
    .getByRole('button', { name: '保 存' })
    .or(settings.getByRole('button', { name: '保存' }))
    .click();
  await expect(settings).toBeHidden();
  await page.getByRole('button', { name: '开始匹配' }).click();
  await expect(page.getByText('安排 3/4 人（岗位共 3 个职数），总分')).toBeVisible();

  // one pair's reasons
  const lin = page
    .locator('.ant-table-row', { hasText: '林晓岚' })
    .filter({ hasText: '副镇长（挂职，林业）' });
  await expect(lin).toContainText('专业特长匹配 +30：林业、乡村振兴；分管领域对口 +10：林业');
  // the one left out, and why
  await expect(
    page.getByText(/最合适的岗位“副镇长（挂职，林业）”已由林晓岚担任，其匹配分高\d+分/),
  ).toBeVisible();

  // pin 孙一凡 to the forestry post from the alternatives, forbid 赵明哲 → 招商
  await page.getByRole('button', { name: '孙一凡' }).first().click();
  const drawer = page.locator('.ant-drawer');
  await expect(drawer.getByText('孙一凡：可选岗位与改派代价')).toBeVisible();
  await expect(drawer.getByText(/改派至“.+副镇长（挂职，林业）”：总分−\d+/)).toBeVisible();
  await drawer
    .locator('.ant-list-item', { hasText: '副镇长（挂职，林业）' })
    .first()
    .getByRole('button', { name: '锁定到此岗位' })
    .click();
  await expect(page.getByText('已锁定“孙一凡→副镇长（挂职，林业）”，重新匹配后生效')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
  await page
    .locator('.ant-table-row', { hasText: '赵明哲' })
    .filter({ hasText: '镇长助理（挂职，招商）' })
    .getByRole('button', { name: '排除' })
    .click();
  await expect(page.getByText('已排除“赵明哲→镇长助理（挂职，招商）”，重新匹配后生效')).toBeVisible();
  await expect(page.getByText(/锁定：孙一凡 →/)).toBeVisible();
  await expect(page.getByText(/排除：赵明哲 →/)).toBeVisible();

  // re-run: the pin holds; compare the two runs
  await page.getByRole('button', { name: '重新匹配' }).click();
  await expect(
    page.locator('.ant-table-row', { hasText: '孙一凡' }).filter({ hasText: '已锁定' }),
  ).toBeVisible();
  await page.getByRole('button', { name: '比较方案' }).click();
  const modal = page.locator('.ant-modal');
  await expect(modal.getByText('第1次 与 第2次 方案比较')).toBeVisible();
  await expect(modal.getByText(/总分 \d+ → \d+（[+−]\d+），安排人数 3 → 3/)).toBeVisible();
  await expect(modal.locator('.ant-table-row', { hasText: '孙一凡' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(modal).toBeHidden();

  // confirm: postings 拟任; the 拟任名单 can be exported
  await page.getByRole('button', { name: '确认方案' }).click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: '确认方案' }).click();
  await expect(page.getByText('已确认，生成3条拟任记录')).toBeVisible();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出拟任名单' }).click();
  expect((await downloading).suggestedFilename()).toMatch(/拟任名单\.xlsx$/);

  // fifteen days on (the proposals moved back in the server's database), the daily job reminds
  // the receiving unit of the hand-overs not recorded
  const db = new Database(path.join(E2E_DATA_DIR, 'guazhi.sqlite'));
  db.prepare('update postings set created_at = ? where batch_id = ?').run(
    new Date(Date.now() - 15 * DAY).toISOString(),
    batch.id,
  );
  db.close();
  expect(guazhiCommand(['jobs', 'run', '--force'])).toMatch(/到期提醒已发送 [1-9]\d* 条/);

  // the receiving manager: the home page asks for three hand-overs, the inbox has the reminders
  await signIn(page, manager.username, 'E2e#Manager2026');
  const managerHome = page.getByTestId('home-receiving_manager');
  await expect(
    managerHome.getByRole('link', { name: '前往处理：待登记对接交接（到岗日期、明确分工）的拟任干部 3 人' }),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: /^通知：[1-9]\d* 条未读$/ })).toBeVisible();
  await page.goto('/inbox');
  await expect(
    page.getByRole('main').getByText(/林晓岚拟任.+“镇长助理（挂职，招商）”已 15 天，尚未登记对接交接/),
  ).toBeVisible();

  // …and records 林晓岚's hand-over from the posting's page
  await page.goto('/postings');
  const linRow = page.getByRole('row', { name: /林晓岚/ });
  await expect(linRow).toContainText('拟任');
  await linRow.getByRole('button', { name: '查看 林晓岚' }).click();
  const posting = page.getByRole('dialog', { name: '挂职详情' });
  await posting
    .getByRole('region', { name: '可执行的操作' })
    .getByRole('button', { name: '对接到岗' })
    .click();
  const form = page.getByRole('dialog', { name: '对接到岗：林晓岚' });
  await form.getByLabel('实际到岗日期').fill('2027-03-02');
  await form.getByLabel('实际到岗日期').press('Enter');
  await form.getByLabel('分工说明').fill('协助镇长分管招商引资，联系苏州产业园区');
  await form.getByLabel('原因或说明').fill('3月2日召开对接会，明确分工');
  await form.getByRole('button', { name: '确认对接到岗' }).click();
  await expect(page.getByText('已对接到岗：林晓岚')).toBeVisible();
  await expect(posting.getByRole('region', { name: '状态时间线' })).toContainText('拟任 → 在岗');

  // 林晓岚 signs in: her home shows the posting, its duties and dates, and what comes next
  await firstLogin(page, cadreAccount);
  const mine = page.getByTestId('home-cadre');
  // (孙一凡 was pinned to the forestry post, so she went to the investment one)
  await expect(mine).toContainText('镇长助理（挂职，招商）（在岗）');
  await expect(mine).toContainText('分工：分管招商引资');
  await expect(mine).toContainText('2027-03-02');
  await expect(mine).toContainText('下一步：按分工开展工作，期满前做好总结');
});
