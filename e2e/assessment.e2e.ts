import { expect as baseExpect, type Page, test } from '@playwright/test';
import { fictionalIdNumber } from '../server/demo/demo.seed.js';
import { docxText } from '../test/documents/render.js';
import { firstLogin, loginForm, onPostCadres } from './fixtures.js';

// the machine running several builds at once: pages (lazy chunks) may take longer than 10 s
const expect = baseExpect.configure({ timeout: 30_000 });

/** Seven cadres of one sending unit on post at one township; the first has an account. */
const PEOPLE = [
  { name: '杨明远', idNumber: fictionalIdNumber('52', '19900312', '351'), account: true },
  { name: '潘雨桐', idNumber: fictionalIdNumber('52', '19910518', '362') },
  { name: '吴天佑', idNumber: fictionalIdNumber('52', '19920724', '373') },
  { name: '龙海燕', idNumber: fictionalIdNumber('52', '19930906', '384') },
  { name: '张国华', idNumber: fictionalIdNumber('52', '19941111', '395') },
  { name: '李志强', idNumber: fictionalIdNumber('52', '19950203', '317') },
  { name: '王晓梅', idNumber: fictionalIdNumber('52', '19960409', '328') },
];

async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.context().clearCookies();
  await page.goto('/login');
  await loginForm(page, username, password);
  await expect(page).not.toHaveURL(/\/login/);
}

/** 考核 in the side menu → the round's page. */
async function openRound(page: Page, title: string): Promise<void> {
  await page.getByRole('menuitem', { name: /考核$/ }).click();
  await expect(page).toHaveTitle('考核 - 挂职干部管理平台');
  await page.getByRole('button', { name: `查看 ${title}` }).click();
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
}

/** 进入“{to}” on the round's page, with its reason in the confirmation. */
async function moveRound(page: Page, to: string, reason: string): Promise<void> {
  await page.getByRole('button', { name: `进入“${to}”` }).click();
  const confirm = page.getByRole('dialog').filter({ hasText: `将考核轮次变更为“${to}”` });
  await confirm.getByLabel('理由').fill(reason);
  await confirm.getByRole('button', { name: '确定' }).click();
  await expect(confirm).toBeHidden();
}

/** A choice of an open antd select. */
async function choose(page: Page, option: string): Promise<void> {
  await page.locator('.ant-select-dropdown:visible').getByTitle(option, { exact: true }).click();
}

/**
 * Issue 15 line 9 (assessment rounds): the 组织部 opens a round over seven cadres on post; the
 * receiving unit issues six ballot codes and gives its opinion; six ballots are cast on the
 * phone-sized ballot page without an account (a spent code is refused); the sending unit gives
 * its opinion; the poll closes and the proposed grades show; two 优秀 among seven are refused on
 * publishing, one is changed with a reason, the round is published; the sending liaison and the
 * cadre see the results, and the liaison downloads the 考核登记表.
 */
test('考核轮次：民主测评、两单位意见、优秀比例把关、公布与考核登记表', async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(420_000);
  const stamp = Date.now().toString(36);
  const on = await onPostCadres(stamp, PEOPLE, '2026-06-05', '贵州省考核');
  const [first, second] = on.cadres as [(typeof on.cadres)[number], (typeof on.cadres)[number]];
  const others = on.cadres.slice(2);
  const roundTitle = `2026年度考核${stamp}`;
  const row = (name: string) => page.getByRole('row', { name: new RegExp(name) });

  // the 组织部: the round drafted (筹备) in the 新建考核 form, over the batch found by typing
  await signIn(page, on.org.username, 'E2e#Org2026');
  await page.getByRole('menuitem', { name: /考核$/ }).click();
  await expect(page).toHaveTitle('考核 - 挂职干部管理平台');
  await page.getByRole('button', { name: '新建考核' }).click();
  const creating = page.getByRole('dialog', { name: '新建考核' });
  await creating.getByLabel('批次').click();
  await creating.getByLabel('批次').fill(on.programmeName);
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option', {
      hasText: `${on.programmeName} · 第一批`,
    })
    .click();
  await creating.getByLabel('名称').fill(roundTitle);
  const period = creating.locator('.ant-picker-input input');
  await period.first().click();
  await period.first().fill('2026-06-01');
  await period.first().press('Enter');
  await period.last().fill('2026-11-30');
  await period.last().press('Enter');
  await creating.getByRole('button', { name: '创建' }).click();
  await expect(page.locator('.ant-message').getByText('已创建考核轮次')).toBeVisible();
  await expect(page.getByRole('heading', { name: roundTitle })).toBeVisible();
  await expect(page.getByText('2026-06-01 — 2026-11-30')).toBeVisible();
  await expect(page.getByText('本轮覆盖的挂职（7 人，开始考核时保存）')).toBeVisible();
  await moveRound(page, '进行中', '年度考核开始');
  await expect(page.locator('.ant-message').getByText('已变更状态')).toBeVisible();
  await expect(page.locator('.ant-tag').getByText('进行中', { exact: true })).toBeVisible();
  for (const c of on.cadres) await expect(row(c.name)).toContainText(on.sendingUnitName);

  // the receiving unit: six ballot codes (the printable slips), then its opinion of the first cadre
  await signIn(page, on.manager.username, on.managerPassword);
  await openRound(page, roundTitle);
  const issuing = page.locator('.ant-card').filter({ hasText: `民主测评码（${on.receivingUnitName}）` });
  await issuing.getByLabel('发放数量').fill('6');
  await issuing.getByRole('button', { name: '生成测评码' }).click();
  const slips = page.getByRole('dialog', { name: '测评票（可打印）' });
  await expect(slips.getByTestId('ballot-slip')).toHaveCount(6);
  await expect(slips.getByTestId('ballot-slip').first()).toContainText(roundTitle);
  const codes = await slips
    .locator('[data-code]')
    .evaluateAll((els) => els.map((el) => el.getAttribute('data-code') ?? ''));
  expect(codes).toHaveLength(6);
  await slips.locator('.ant-modal-close').click();
  await expect(slips).toBeHidden();
  await row(first.name).getByRole('button', { name: '接收单位意见' }).click();
  const receivingForm = page.getByRole('dialog', { name: `接收单位意见 · ${first.name}` });
  await receivingForm.getByLabel('意见').fill('工作扎实，推动茶产业发展成效明显');
  await receivingForm.getByLabel('建议等次').click();
  await choose(page, '优秀');
  await receivingForm.getByRole('button', { name: '保存' }).click();
  await expect(receivingForm).toBeHidden();
  await expect(page.locator('.ant-message').getByText('已保存')).toBeVisible();
  await expect(row(first.name)).toContainText('优秀');

  // six ballots on a phone, no account: the first by typing its code, the others by the slips' link
  const phone = await browser.newContext({
    baseURL: testInfo.project.use.baseURL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  const ballot = await phone.newPage();
  for (const [i, code] of codes.entries()) {
    if (i === 0) {
      await ballot.goto('/ballot');
      await ballot.getByLabel('测评码').fill(code);
      await ballot.getByRole('button', { name: '打开测评票' }).click();
    } else {
      await ballot.goto(`/ballot/${code}`);
    }
    await expect(ballot.getByText(roundTitle)).toBeVisible();
    await expect(ballot.getByText(`测评单位：${on.receivingUnitName}`)).toBeVisible();
    const cast = ballot.getByRole('button', { name: '提交测评票' });
    await expect(cast).toBeDisabled();
    for (const c of on.cadres) {
      // the first cadre: 优秀 on five ballots, 称职 on the last; the second 优秀; the rest 称职
      const grade = c === second || (c === first && i < 5) ? '优秀' : '称职';
      await ballot.getByRole('radiogroup', { name: c.name }).getByText(grade, { exact: true }).click();
    }
    await cast.click();
    await expect(ballot.getByText('投票成功，感谢参与')).toBeVisible();
  }
  await ballot.goto(`/ballot/${codes[0]}`);
  await expect(ballot.getByText('该测评码已使用，每个测评码只能投票一次')).toBeVisible();
  await phone.close();

  // the receiving unit sees the count, not the result, while the poll is open
  await page.reload();
  await expect(row(first.name)).toContainText('已收 6 票（测评结束后显示结果）');

  // the sending unit: its opinion of the first cadre
  await signIn(page, on.liaison.username, 'E2e#Liaison2026');
  await openRound(page, roundTitle);
  await row(first.name).getByRole('button', { name: '派出单位意见' }).click();
  const sendingForm = page.getByRole('dialog', { name: `派出单位意见 · ${first.name}` });
  await sendingForm.getByLabel('意见').fill('政治过硬，作风务实，同意评为优秀');
  await sendingForm.getByLabel('建议等次').click();
  await choose(page, '优秀');
  await sendingForm.getByRole('button', { name: '保存' }).click();
  await expect(sendingForm).toBeHidden();
  await expect(page.locator('.ant-message').getByText('已保存')).toBeVisible();

  // the 组织部 closes the poll: the democratic results and the proposals show
  await signIn(page, on.org.username, 'E2e#Org2026');
  await openRound(page, roundTitle);
  await moveRound(page, '评定', '民主测评结束');
  await expect(page.locator('.ant-tag').getByText('评定', { exact: true })).toBeVisible();
  // 50 % × 95 + 30 % × (5 × 95 + 85) / 6 + 20 % × 95 = 94.5
  await expect(row(first.name)).toContainText('优秀 5 / 称职 1 / 基本称职 0 / 不称职 0');
  await expect(row(first.name)).toContainText('优秀（94.5）');
  await expect(row(second.name)).toContainText('优秀（95）');
  for (const c of others) await expect(row(c.name)).toContainText('称职（85）');

  // each graded as proposed: two 优秀 among seven
  for (const c of on.cadres) {
    await page.getByRole('button', { name: `评定 ${c.name}` }).click();
    const deciding = page.getByRole('dialog', { name: `评定 · ${c.name}` });
    await expect(deciding).toContainText('系统建议：');
    await deciding.getByRole('button', { name: '保存' }).click();
    await expect(deciding).toBeHidden();
  }
  await expect(page.getByText('本轮参加考核 7 人，优秀最多 1 人（20%），现为 2 人')).toBeVisible();
  await expect(row(second.name).locator('strong')).toHaveText('优秀');

  // publishing is refused, in Chinese with the counts
  await moveRound(page, '已公布', '经部务会研究');
  const refusal = page.getByRole('dialog').filter({ hasText: '无法变更' });
  await expect(refusal).toContainText('本轮参加考核 7 人，优秀最多 1 人，现为 2 人');
  await refusal.getByRole('button').last().click();
  await expect(refusal).toBeHidden();
  await expect(page.locator('.ant-tag').getByText('评定', { exact: true })).toBeVisible();

  // the second cadre to 称职, with the reason a change from the proposal needs; then published
  await page.getByRole('button', { name: `评定 ${second.name}` }).click();
  const changing = page.getByRole('dialog', { name: `评定 · ${second.name}` });
  await expect(changing).toContainText('系统建议：优秀');
  await changing.getByLabel('最终等次').click();
  await choose(page, '称职');
  await changing.getByLabel('理由').fill('优秀名额所限，经研究确定为称职');
  await changing.getByRole('button', { name: '保存' }).click();
  await expect(changing).toBeHidden();
  await expect(page.getByText('本轮参加考核 7 人，优秀最多 1 人（20%），现为 1 人')).toBeVisible();
  await moveRound(page, '已公布', '经部务会研究');
  await expect(page.locator('.ant-tag').getByText('已公布', { exact: true })).toBeVisible();
  await expect(row(first.name).locator('strong')).toHaveText('优秀');
  await expect(row(second.name).locator('strong')).toHaveText('称职');

  // the sending liaison: its cadres' results, then the first cadre's 考核登记表
  await signIn(page, on.liaison.username, 'E2e#Liaison2026');
  await page.getByRole('menuitem', { name: /考核$/ }).click();
  await page.getByRole('button', { name: '我的考核结果' }).click();
  await expect(page).toHaveTitle('考核结果 - 挂职干部管理平台');
  await expect(row(first.name)).toContainText(roundTitle);
  await expect(row(first.name)).toContainText('已公布');
  await expect(row(first.name).getByTestId('final-grade')).toHaveText('优秀');
  await expect(row(second.name).getByTestId('final-grade')).toHaveText('称职');
  await openRound(page, roundTitle);
  const downloading = page.waitForEvent('download');
  await row(first.name).getByRole('button', { name: '考核登记表' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`挂职干部年度考核登记表_${first.name}_${roundTitle}.docx`);
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  const text = docxText(Buffer.concat(chunks));
  expect(text).toContain('挂职干部年度考核登记表');
  expect(text).toContain(first.name);
  expect(text).toContain('工作扎实，推动茶产业发展成效明显');
  expect(text).toContain('政治过硬，作风务实，同意评为优秀');

  // the cadre: its own result only
  await firstLogin(page, first.account as NonNullable<typeof first.account>);
  await page.getByRole('menuitem', { name: /考核$/ }).click();
  await page.getByRole('button', { name: '我的考核结果' }).click();
  await expect(page).toHaveTitle('考核结果 - 挂职干部管理平台');
  await expect(row(roundTitle)).toContainText(first.name);
  await expect(row(roundTitle).getByTestId('final-grade')).toHaveText('优秀');
  await expect(page.getByText(second.name)).toHaveCount(0);
});
