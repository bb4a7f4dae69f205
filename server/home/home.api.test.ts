import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Home, HomeItem, HomeSection } from '../../common/home/home.schema.js';
import { createAccount, createTestApp, login, type TestAccount, type TestApp } from '../../test/helpers.js';
import {
  freshBatch,
  freshCadre,
  freshCorrection,
  freshNomination,
  freshPost,
  freshUnit,
} from '../../test/pending-work.js';
import { isWebRoute } from '../../test/web-routes.js';

/** Issue 12 line 6: each party's home page lists what waits on it, each item a link. */
let t: TestApp;
let sending: { id: string };
let receiving: { id: string };
const cookies: Record<string, string> = {};
let cadreAccount: TestAccount;

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
  for (const [name, account] of Object.entries(accounts)) cookies[name] = await login(t.app, account);
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
