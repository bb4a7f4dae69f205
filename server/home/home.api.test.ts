import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Home, HomeItem, HomeSection } from '../../common/home/home.schema.js';
import { createAccount, createTestApp, login, type TestAccount, type TestApp } from '../../test/helpers.js';
import {
  freshBatch,
  freshCadre,
  freshCorrection,
  freshNomination,
  freshPost,
  freshPosting,
  freshUnit,
  handOver,
} from '../../test/pending-work.js';
import { isWebRoute } from '../../test/web-routes.js';

/** Issue 12 line 6: each party's home page lists what waits on it, each item a link. */
let t: TestApp;
let sending: { id: string };
let receiving: { id: string };
const cookies: Record<string, string> = {};
let cadreAccount: TestAccount;
const everyone: Record<string, TestAccount> = {};
/** Signs everyone in (again: sessions end when the clock moves on by years). */
async function signIn() {
  for (const [name, account] of Object.entries(everyone)) cookies[name] = await login(t.app, account);
}

const grant = (role: string, regionCode: string | null, unitId: string | null) => ({
  grants: [{ role, regionCode, unitId, programmeIds: null }] as never,
});

beforeAll(async () => {
  t = await createTestApp();
  sending = await freshUnit(t);
  receiving = await freshUnit(t);
  cadreAccount = await createAccount(t.ctx, grant('cadre', null, null));
  const accounts = {
    org: await createAccount(t.ctx, grant('org_dept', '522600', null)),
    foreignOrg: await createAccount(t.ctx, grant('org_dept', '320500', null)),
    liaison: await createAccount(t.ctx, grant('sending_liaison', null, sending.id)),
    manager: await createAccount(t.ctx, grant('receiving_manager', null, receiving.id)),
    cadre: cadreAccount,
    admin: await createAccount(t.ctx, { roles: ['system_admin'] }),
  };
  Object.assign(everyone, accounts);
  await signIn();
  await freshCadre(t, sending.id, cadreAccount.id);
});
afterAll(() => t.close());

const home = async (who: string): Promise<Home> => {
  const res = await t.app.inject({ method: 'GET', url: '/api/home', headers: { cookie: cookies[who] } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const section = async (who: string): Promise<HomeSection> => (await home(who)).sections[0] as HomeSection;
const summary = (s: HomeSection) => s.items.map((i) => [i.kind, i.count, i.title, i.link]);

describe('GET /api/home', () => {
  it('shows each party its empty state, saying what to do, before anything waits; the 三员 have no section', async () => {
    const org = await home('org');
    expect(org.sections).toEqual([
      {
        role: 'org_dept',
        title: '组织部门',
        items: [],
        empty: '暂无待审核的岗位需求和推荐人选。可在“项目管理”中新建项目和批次，开始一轮选派。',
      },
    ]);
    expect((await section('liaison')).empty).toContain('可在“干部推荐”中推荐本单位干部');
    expect((await section('manager')).empty).toContain('可在“岗位需求”中提报本单位的挂职岗位');
    expect((await section('cadre')).empty).toContain('请在“我的档案”中核对本人信息');
    expect(await home('admin')).toEqual({ sections: [] });
  });

  it('lists what waits on each party in its own scope, each item a link to a page of the web app', async () => {
    const batch = await freshBatch(t);
    await freshPost(t, batch.id, receiving.id, 'submitted');
    await freshPost(t, batch.id, receiving.id, 'submitted');
    await freshPost(t, batch.id, receiving.id, 'returned');
    await freshPost(t, batch.id, receiving.id, 'draft');
    await freshNomination(t, batch.id, sending.id);
    await freshCorrection(t, cookies.cadre as string);

    expect(summary(await section('org'))).toEqual([
      ['postsToReview', 2, '待审核的岗位需求 2 项', '/demands?status=submitted'],
      ['nominationsToReview', 1, '待审核的推荐人选 1 人', '/recommendations?status=submitted'],
      ['batchesPreparing', 1, '筹备中的批次 1 个', '/batches?status=preparing'],
    ]);
    expect(summary(await section('liaison'))).toEqual([
      ['correctionsToReview', 1, '待审核的档案更正申请 1 项', '/corrections?status=pending'],
      ['nominationsPending', 1, '已推荐、待组织部门审核 1 人', '/recommendations?status=submitted'],
    ]);
    expect(summary(await section('manager'))).toEqual([
      ['postsReturned', 1, '被退回待修改的岗位需求 1 项', '/demands?status=returned'],
      ['postsDraft', 1, '尚未提交的岗位需求草稿 1 项', '/demands?status=draft'],
    ]);
    expect(summary(await section('cadre'))).toEqual([
      ['myCorrections', 1, '我的档案更正申请待审核 1 项', '/my-profile'],
    ]);
    // another region's 组织部 sees none of it
    expect((await section('foreignOrg')).items).toEqual([]);

    for (const who of ['org', 'liaison', 'manager', 'cadre'])
      for (const item of (await section(who)).items) expect(isWebRoute(item.link), item.link).toBe(true);
    // the check itself: an address the web app has no page for is refused
    expect(isWebRoute('/no-such-page?status=submitted')).toBe(false);
    expect(isWebRoute('/cadres/1/2')).toBe(false);
  });

  it('counts what the list behind the link shows', async () => {
    const item = (await section('org')).items[0] as HomeItem;
    const list = await t.app.inject({
      method: 'GET',
      url: `/api${item.link.replace('/demands', '/posts')}`,
      headers: { cookie: cookies.org },
    });
    expect(list.json().total).toBe(item.count);
  });

  it('shows the postings: hand-overs to record, cadres on post, terms ending in 30 days, the cadre’s own posting and next step', async () => {
    const batch = await freshBatch(t);
    const waiting = await freshPosting(t, batch.id, sending.id, receiving.id);
    const mine = await freshPosting(t, batch.id, sending.id, receiving.id, cadreAccount.id);
    const before = await section('cadre');
    expect(before.items[0]).toMatchObject({
      kind: 'myPosting',
      title: `${(await t.ctx.db.selectFrom('units').select('name').where('id', '=', receiving.id).executeTakeFirstOrThrow()).name} ${mine.post.title}（拟任）`,
      next: '等待接收单位登记对接交接；请与接收单位联系报到',
      link: `/postings/${mine.id}`,
      urgent: true,
    });
    expect(before.items[0]?.detail).toMatch(/；任期 2027-03-01 至 2028-02-28；分工：待接收单位明确$/);
    await handOver(t, mine.id, '2027-03-05');

    const kinds = (s: HomeSection) =>
      Object.fromEntries(s.items.map((i) => [i.kind, [i.count, i.title, i.link]]));
    expect(kinds(await section('manager'))).toMatchObject({
      handoversToRecord: [
        1,
        '待登记对接交接（到岗日期、明确分工）的拟任干部 1 人',
        '/postings?status=proposed',
      ],
      hostedOnPost: [1, '在本单位挂职的干部 1 人', '/postings?status=active'],
    });
    expect(kinds(await section('liaison'))).toMatchObject({
      cadresProposed: [1, '本单位干部拟任 1 人', '/postings?status=proposed'],
      cadresOnPost: [1, '本单位干部在岗 1 人', '/postings?status=active'],
    });
    const org = kinds(await section('org'));
    expect(org.handoversMissing).toEqual([1, '拟任后尚未登记交接 1 人', '/postings?status=proposed']);
    expect(org.termsEnding).toBeUndefined();
    const cadre = (await section('cadre')).items[0];
    expect(cadre).toMatchObject({
      title: expect.stringMatching(/（在岗）$/),
      next: '按分工开展工作，期满前做好总结',
    });
    expect(cadre?.detail).toMatch(/；任期 2027-03-05 至 2028-02-28；分工：分管招商引资、协管乡村振兴$/);

    // 30 days before the end of term (China date), the 组织部 is told
    t.clock.advance(Date.parse('2028-01-29T00:00:00+08:00') - t.clock.now().getTime());
    await signIn();
    expect((await section('org')).items).toContainEqual(
      expect.objectContaining({
        kind: 'termsEnding',
        count: 1,
        title: '30 天内期满的挂职 1 人',
        link: '/postings?status=active&sort=endDate&order=asc',
      }),
    );
    expect((await section('foreignOrg')).items).toEqual([]);
    for (const who of ['org', 'liaison', 'manager', 'cadre'])
      for (const item of (await section(who)).items) expect(isWebRoute(item.link), item.link).toBe(true);
    expect(waiting.id).not.toBe(mine.id);

    // issue 15 line 7: each party sees what the ending term still lacks; the cadre its own
    const lacking = '尚缺：个人工作总结 1 人、期满鉴定会签 1 人、期满考核等次 1 人、归档的月度报告 1 人';
    for (const who of ['org', 'liaison', 'manager'])
      expect((await section(who)).items, who).toContainEqual(
        expect.objectContaining({ kind: 'termsEnding', count: 1, detail: lacking, urgent: true }),
      );
    const own = (await section('cadre')).items.find((i) => i.kind === 'myTermEnding');
    expect(own).toMatchObject({
      title: '我的挂职将于 2028-02-28 期满，还有 30 天',
      // 2027-03 to 2027-12: ten months on post without a signed monthly report
      detail: '尚缺：个人工作总结、期满鉴定会签、期满考核等次、归档的月度报告（10 个月未签收）',
      link: '/appraisals',
    });
    expect(own?.next).toContain('个人工作总结');
    // the appraisal countersigned with the term summary and the reports signed: two pieces fewer
    const at = t.clock.now().toISOString();
    await t.ctx.db
      .insertInto('appraisals')
      .values({
        id: crypto.randomUUID(),
        postingId: mine.id,
        status: 'countersigned',
        text: '鉴定意见',
        summary: '工作总结',
        reviewComment: null,
        reviewedBy: null,
        reviewedAt: at,
        version: 3,
        createdAt: at,
        updatedAt: at,
        createdBy: null,
        updatedBy: null,
      })
      .execute();
    expect((await section('org')).items).toContainEqual(
      expect.objectContaining({
        kind: 'termsEnding',
        detail: '尚缺：期满考核等次 1 人、归档的月度报告 1 人',
      }),
    );
    expect((await section('cadre')).items.find((i) => i.kind === 'myTermEnding')).toMatchObject({
      detail: '尚缺：期满考核等次、归档的月度报告（10 个月未签收）',
      next: null,
    });
  });

  it('answers 401 without a session and 403 before the first password change', async () => {
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/home' });
    expect(anonymous.statusCode).toBe(401);
    const fresh = await createAccount(t.ctx, {
      ...grant('org_dept', '522600', null),
      mustChangePassword: true,
    });
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/home',
      headers: { cookie: await login(t.app, fresh) },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect(res.body).not.toContain('待审核');
  });
});
