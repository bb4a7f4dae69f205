import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Alternatives, Comparison, Run, RunSummary } from '../../common/matching/matching.schema.js';
import { DEFAULT_MATCHING_SETTINGS } from '../../common/matching/matching.schema.js';
import { acceptedCadre, approvedPost, matchingBatch, unit } from '../../test/fixtures/matching.js';
import { createAccount, createTestApp, login, secondInstance, type TestApp } from '../../test/helpers.js';
import { buildInstance } from './matching.problem.js';
import { loadProblem, nextSeq } from './matching.repository.js';
import { plainSettings, settingsOf } from './matching.service.js';
import { settled } from './runs.service.js';
import { solve } from './solver/solver.js';

let t: TestApp;
let org: string;
let foreignOrg: string;
let liaison: string;
let manager: string;
let self: string;
let batchId: string;
let otherBatchPost: string;
const P: Record<string, string> = {};
const C: Record<string, { nominationId: string; cadreId: string; name: string }> = {};

beforeAll(async () => {
  t = await createTestApp();
  const town = await unit(t.ctx, '台江县清溪镇人民政府', '522630');
  const bureau = await unit(t.ctx, '黎平县农业农村局', '522631');
  const station = await unit(t.ctx, '黎平县农业技术推广站', '522631', bureau);
  const sender = await unit(t.ctx, '苏州市吴中区农业农村局', '320506');
  ({ batchId } = await matchingBatch(t.ctx, {
    programmeRegion: '522600',
    quotas: [
      { regionCode: '522630', quota: 2 },
      { regionCode: '522631', quota: 3 },
    ],
  }));
  P.forestry = await approvedPost(t.ctx, batchId, {
    unitId: town,
    title: '副镇长（挂职，林业）',
    level: 'section_deputy',
    inCharge: ['林业'],
    assist: ['乡村振兴'],
    expertise: ['林业', '乡村振兴'],
  });
  P.invest = await approvedPost(t.ctx, batchId, {
    unitId: town,
    title: '镇长助理（挂职，招商）',
    level: 'section_deputy',
    inCharge: ['招商引资'],
    expertise: ['招商引资'],
  });
  P.bureau = await approvedPost(t.ctx, batchId, {
    unitId: bureau,
    title: '副局长（挂职）',
    level: 'section_chief',
    inCharge: ['农业技术'],
    expertise: ['农业技术'],
    headcount: 2,
  });
  P.station = await approvedPost(t.ctx, batchId, {
    unitId: station,
    title: '站长助理（挂职）',
    level: 'section_deputy',
    inCharge: ['农业技术'],
    expertise: ['农业技术', '林业'],
  });
  const resume = (position: string) => [
    { fromMonth: '2012-07', toMonth: null, unitName: '苏州市吴中区农业农村局', position },
  ];
  C.lin = await acceptedCadre(t.ctx, batchId, sender, {
    name: '林子涵',
    rankLevel: 'section_deputy',
    expertise: ['林业', '乡村振兴'],
    resume: resume('林业站站长'),
  });
  C.zhao = await acceptedCadre(t.ctx, batchId, sender, {
    name: '赵浩宇',
    rankLevel: 'section_deputy',
    expertise: ['招商引资'],
    resume: resume('招商科科员'),
    relatives: [{ name: '龙晓梅', relation: 'spouse', unitName: '台江县清溪镇人民政府', position: '干部' }],
  });
  C.qian = await acceptedCadre(t.ctx, batchId, sender, {
    name: '钱雨萱',
    rankLevel: 'section_chief',
    expertise: ['农业技术'],
    resume: resume('农技推广科科长'),
  });
  C.local = await acceptedCadre(t.ctx, batchId, bureau, {
    name: '孙梓轩',
    rankLevel: 'section_deputy',
    expertise: ['农业技术'],
    resume: resume('科员'),
  });
  C.senior = await acceptedCadre(t.ctx, batchId, sender, {
    name: '李欣怡',
    rankLevel: 'division_chief',
    expertise: ['林业'],
    resume: resume('处长'),
  });
  C.wu = await acceptedCadre(t.ctx, batchId, sender, {
    name: '吴俊杰',
    rankLevel: 'section_deputy',
    expertise: ['林业'],
    resume: resume('科员'),
  });
  C.zhou = await acceptedCadre(t.ctx, batchId, sender, {
    name: '周诗雨',
    rankLevel: 'section_deputy',
    expertise: ['招商引资'],
    resume: resume('科员'),
  });
  const other = await matchingBatch(t.ctx, {
    programmeRegion: '522600',
    quotas: [{ regionCode: '522630', quota: 1 }],
  });
  otherBatchPost = await approvedPost(t.ctx, other.batchId, {
    unitId: town,
    title: '别的批次岗位',
    level: 'section_deputy',
    inCharge: ['林业'],
    expertise: [],
  });

  org = await login(
    t.app,
    await createAccount(t.ctx, {
      grants: [{ role: 'org_dept', regionCode: '522600', unitId: null, programmeIds: null }],
    }),
  );
  foreignOrg = await login(
    t.app,
    await createAccount(t.ctx, {
      grants: [{ role: 'org_dept', regionCode: '320500', unitId: null, programmeIds: null }],
    }),
  );
  liaison = await login(
    t.app,
    await createAccount(t.ctx, {
      grants: [{ role: 'sending_liaison', regionCode: null, unitId: sender, programmeIds: null }],
    }),
  );
  manager = await login(
    t.app,
    await createAccount(t.ctx, {
      grants: [{ role: 'receiving_manager', regionCode: null, unitId: town, programmeIds: null }],
    }),
  );
  const cadreAccount = await createAccount(t.ctx, {
    grants: [{ role: 'cadre', regionCode: null, unitId: null, programmeIds: null }],
  });
  await t.ctx.db
    .updateTable('cadres')
    .set({ userId: cadreAccount.id })
    .where('id', '=', C.wu?.cadreId as string)
    .execute();
  self = await login(t.app, cadreAccount);
}, 120_000);
afterAll(() => t.close());

const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, cookie?: string, payload?: object) =>
  t.app.inject({ method, url, payload, headers: cookie ? { cookie } : {} });
const base = () => `/api/batches/${batchId}/matching`;
const n = (k: string) => C[k]?.nominationId as string;

async function finishedRun(): Promise<Run> {
  const res = await call('POST', `${base()}/runs`, org);
  expect(res.statusCode, res.body).toBe(202);
  const started = res.json() as RunSummary;
  expect(started.status).toBe('running');
  await settled(t.ctx, started.id);
  const run = await call('GET', `/api/matching/runs/${started.id}`, org);
  expect(run.statusCode, run.body).toBe(200);
  return run.json() as Run;
}
const auditActions = async (objectId: string) =>
  (await t.ctx.db.selectFrom('auditLog').select('action').where('objectId', '=', objectId).execute()).map(
    (r) => r.action,
  );

describe('matching settings', () => {
  it('start from the defaults and are kept per batch, versioned and audited', async () => {
    const first = await call('GET', `${base()}/settings`, org);
    expect(first.json()).toMatchObject({
      version: 0,
      rankGap: 1,
      homeCountyAvoidance: true,
      counterpart: [],
    });
    const { batchId: _b, version: _v, updatedAt: _u, ...values } = first.json();
    const saved = await call('PUT', `${base()}/settings`, org, { ...values, version: 0 });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ version: 1, weights: values.weights });
    const stale = await call('PUT', `${base()}/settings`, org, { ...values, rankGap: 3, version: 0 });
    expect(stale.statusCode).toBe(409);
    expect((await settingsOf(t.ctx.db, batchId)).rankGap).toBe(1);
    expect(await auditActions(batchId)).toContain('matching.settings');
  });

  it('refuse a pairing rule naming an unknown region or the same region on both sides, naming the field', async () => {
    const current = (await call('GET', `${base()}/settings`, org)).json();
    const { batchId: _b, updatedAt: _u, ...values } = current;
    const put = (rules: object) => call('PUT', `${base()}/settings`, org, { ...values, ...rules });
    const unknown = await put({ counterpart: [{ from: ['320500'], to: ['522600', '529900'] }] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().message).toContain('对口规则的接收地区（第1条规则中的地区代码 529900 不存在）');
    const same = await put({ counterpart: [{ from: ['320500'], to: ['320506'] }] });
    expect(same.statusCode).toBe(400);
    expect(same.json().message).toContain('对口规则的接收地区（第1条规则两边是同一地区');
    const mutual = await put({ mutual: [{ a: '520100', b: '520100' }] });
    expect(mutual.statusCode).toBe(400);
    expect(mutual.json().message).toContain('互派规则的地区乙');
    const unknownA = await put({
      mutual: [
        { a: '520100', b: '522600' },
        { a: '539900', b: '522600' },
      ],
    });
    expect(unknownA.json().message).toContain('互派规则的地区甲（第2条规则中的地区代码 539900 不存在）');
    // nothing was saved
    expect((await settingsOf(t.ctx.db, batchId)).counterpart).toEqual([]);
    const fine = await put({ counterpart: [{ from: ['320500'], to: ['522600'] }] });
    expect(fine.statusCode, fine.body).toBe(200);
    const back = await call('PUT', `${base()}/settings`, org, {
      ...values,
      version: fine.json().version,
      counterpart: [],
    });
    expect(back.statusCode, back.body).toBe(200);
  });
});

describe('pairs explained', () => {
  it('explains a pair’s fit factor by factor', async () => {
    const res = await call('GET', `${base()}/candidates?nominationId=${n('lin')}`, org);
    expect(res.statusCode, res.body).toBe(200);
    const pair = res.json().items.find((p: { postRequestId: string }) => p.postRequestId === P.forestry);
    expect(pair).toMatchObject({
      score: 30 + 10 + 5 + 8,
      explanation:
        '专业特长匹配 +30：林业、乡村振兴；分管领域对口 +10：林业；协管领域对口 +5：乡村振兴；工作经历相关 +8：林业（林业站站长）',
      excluded: [],
    });
  });

  it('shows each hard constraint’s reason', async () => {
    const texts = async (key: string) => {
      const res = await call('GET', `${base()}/candidates?nominationId=${n(key)}`, org);
      return Object.fromEntries(
        res
          .json()
          .items.map((p: { postTitle: string; excluded: { text: string }[] }) => [
            p.postTitle,
            p.excluded.map((e) => e.text),
          ]),
      );
    };
    const local = await texts('local');
    expect(local['副局长（挂职）']).toEqual([
      '不得到本单位挂职（黎平县农业农村局）',
      '回避：派出单位与接收单位同在黎平县（未登记籍贯，按派出单位所在县判断）',
    ]);
    expect(local['站长助理（挂职）']?.[0]).toBe('不得到本单位下属单位挂职（黎平县农业技术推广站）');
    expect((await texts('zhao'))['副镇长（挂职，林业）']).toEqual([
      '回避：配偶龙晓梅在台江县清溪镇人民政府工作',
    ]);
    expect((await texts('senior'))['副镇长（挂职，林业）']).toEqual([
      '职级相差三级（正县处级→副乡科级），超过允许的一级',
    ]);
    const byPost = await call('GET', `${base()}/candidates?postRequestId=${P.bureau}`, org);
    expect(byPost.json().items).toHaveLength(7);
  });
});

describe('preferences', () => {
  it('are stated by the sending unit and by the cadre, ranked, and count in the fit', async () => {
    const url = `/api/matching/nominations/${n('wu')}/preferences`;
    const unitSaid = await call('PUT', url, liaison, {
      items: [{ postRequestId: P.station }, { regionCode: '522630' }],
    });
    expect(unitSaid.statusCode, unitSaid.body).toBe(200);
    const selfSaid = await call('PUT', url, self, { items: [{ postRequestId: P.forestry }] });
    expect(selfSaid.statusCode, selfSaid.body).toBe(200);
    const read = await call('GET', url, org);
    expect(read.json().items).toEqual([
      expect.objectContaining({ source: 'self', rank: 1, postTitle: '副镇长（挂职，林业）' }),
      expect.objectContaining({ source: 'unit', rank: 1, postTitle: '站长助理（挂职）' }),
      expect.objectContaining({
        source: 'unit',
        rank: 2,
        regionCode: '522630',
        regionName: expect.stringContaining('台江县'),
      }),
    ]);
    const pairs = await call('GET', `${base()}/candidates?nominationId=${n('wu')}`, org);
    const forestry = pairs
      .json()
      .items.find((p: { postRequestId: string }) => p.postRequestId === P.forestry);
    expect(forestry.explanation).toContain('志愿 +18：本人志愿第一位（岗位）');
    expect(await auditActions(n('wu'))).toContain('matching.preferences');
  });

  it('refuse duplicates, posts of another batch, other people’s cadres and the 组织部 writing', async () => {
    const url = `/api/matching/nominations/${n('wu')}/preferences`;
    const twice = await call('PUT', url, liaison, {
      items: [{ regionCode: '522630' }, { regionCode: '522630' }],
    });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().message).toContain('志愿不能重复');
    const elsewhere = await call('PUT', url, liaison, { items: [{ postRequestId: otherBatchPost }] });
    expect(elsewhere.statusCode).toBe(400);
    expect(elsewhere.json().fields[0].message).toContain('本批次已通过的岗位');
    expect(
      (await call('PUT', `/api/matching/nominations/${n('lin')}/preferences`, self, { items: [] }))
        .statusCode,
    ).toBe(404);
    expect((await call('PUT', url, org, { items: [] })).statusCode).toBe(403);
    expect((await call('GET', url, foreignOrg)).statusCode).toBe(404);
  });
});

let first: Run;
describe('runs', () => {
  it('run on a worker to completion; the stored result is the solver’s on the same instance', async () => {
    first = await finishedRun();
    expect(first.status).toBe('done');
    expect(first.progress).toBe(1);
    const problem = await loadProblem(t.ctx.db, batchId);
    const built = buildInstance(problem, plainSettings(await settingsOf(t.ctx.db, batchId)));
    const direct = solve(built.instance);
    expect(first.placed).toBe(direct.placed);
    expect(first.total).toBe(direct.total);
    const expected = [...direct.assignment]
      .map((j, i) =>
        j >= 0 ? `${problem.cadres[i]?.nominationId}→${problem.posts[j]?.postRequestId}` : null,
      )
      .filter(Boolean)
      .sort();
    expect(first.assignments.map((a) => `${a.nominationId}→${a.postRequestId}`).sort()).toEqual(expected);
    const sum = first.assignments.reduce((s, a) => s + a.score, 0);
    expect(sum).toBe(first.total);
    const factorSum = Object.values(first.factorTotals ?? {}).reduce((s, v) => s + v, 0);
    expect(factorSum).toBe(first.total);
    const lin = first.assignments.find((a) => a.nominationId === n('lin'));
    expect(lin?.explanation).toMatch(/^专业特长匹配 \+/);
    expect(await auditActions(first.id)).toEqual(
      expect.arrayContaining(['matching.run', 'matching.runDone']),
    );
  });

  it('list the cadres and posts left open, with why', () => {
    const senior = first.unmatched.find((u) => u.id === n('senior'));
    expect(senior).toMatchObject({ kind: 'cadre', reason: 'noFeasible' });
    expect(senior?.text).toMatch(/^没有可安排的岗位：职级相差.+（4个）$/);
    // 7 cadres, 5 places, one cannot go anywhere: one more is left out by a better fit or a full quota
    const others = first.unmatched.filter((u) => u.kind === 'cadre' && u.id !== n('senior'));
    expect(others).toHaveLength(1);
    expect(['outranked', 'quotaFull']).toContain(others[0]?.reason);
    expect(others[0]?.text).toMatch(/匹配分高\d+分|名额已满|整体匹配总分更高/);
  });

  it('pin and forbid pairs by hand; a re-run keeps them; compare says what moved', async () => {
    const linAt = first.assignments.find((a) => a.nominationId === n('lin'))?.postRequestId;
    expect(linAt).toBe(P.forestry);
    const excluded = await call('POST', `${base()}/locks`, org, {
      nominationId: n('local'),
      postRequestId: P.bureau,
      kind: 'pin',
      reason: null,
    });
    expect(excluded.statusCode).toBe(409);
    expect(excluded.json().message).toContain('不能锁定：不得到本单位挂职（黎平县农业农村局）');
    const pin = await call('POST', `${base()}/locks`, org, {
      nominationId: n('wu'),
      postRequestId: P.forestry,
      kind: 'pin',
      reason: '本人志愿',
    });
    expect(pin.statusCode, pin.body).toBe(201);
    const forbid = await call('POST', `${base()}/locks`, org, {
      nominationId: n('lin'),
      postRequestId: P.station,
      kind: 'forbid',
      reason: '工作需要',
    });
    expect(forbid.statusCode, forbid.body).toBe(201);
    const again = await call('POST', `${base()}/locks`, org, {
      nominationId: n('lin'),
      postRequestId: P.station,
      kind: 'forbid',
      reason: null,
    });
    expect(again.statusCode).toBe(409);
    const pair = await call('GET', `${base()}/candidates?nominationId=${n('lin')}`, org);
    const station = pair.json().items.find((p: { postRequestId: string }) => p.postRequestId === P.station);
    expect(station.excluded).toEqual([{ code: 'forbidden', text: '已手工排除：工作需要' }]);
    expect((await call('GET', `${base()}/locks`, org)).json().items).toHaveLength(2);

    const second = await finishedRun();
    const wu = second.assignments.find((a) => a.nominationId === n('wu'));
    expect(wu).toMatchObject({ postRequestId: P.forestry, pinned: true });
    expect(
      second.assignments.find((a) => a.nominationId === n('lin') && a.postRequestId === P.station),
    ).toBeUndefined();

    const cmp = await call('GET', `/api/matching/runs/${first.id}/compare?with=${second.id}`, org);
    expect(cmp.statusCode, cmp.body).toBe(200);
    const c = cmp.json() as Comparison;
    expect(c.totalDelta).toBe((second.total ?? 0) - (first.total ?? 0));
    for (const [k, v] of Object.entries(c.factorDeltas))
      expect(v).toBe((second.factorTotals?.[k] ?? 0) - (first.factorTotals?.[k] ?? 0));
    const movedWu = c.moved.find((m) => m.nominationId === n('wu'));
    expect(movedWu?.to?.postRequestId).toBe(P.forestry);
    expect(c.moved.some((m) => m.nominationId === n('lin'))).toBe(true);
    expect(c.unchanged + c.moved.length).toBeGreaterThanOrEqual(second.assignments.length);

    const board = await call('GET', base(), org);
    expect(board.statusCode, board.body).toBe(200);
    expect(board.json()).toMatchObject({ cadres: expect.any(Array), posts: expect.any(Array) });
    expect(board.json().runs.map((r: RunSummary) => r.seq)).toEqual([2, 1]);
    expect(
      board.json().cadres.find((x: { nominationId: string }) => x.nominationId === n('senior')).feasible,
    ).toBe(0);

    const removed = await call('DELETE', `/api/matching/locks/${forbid.json().id}`, org);
    expect(removed.statusCode).toBe(200);
    expect((await call('GET', `${base()}/locks`, org)).json().items).toHaveLength(1);
    expect(await auditActions(forbid.json().id)).toEqual(['matching.lock', 'matching.unlock']);
  });

  it('alternatives: each delta is the exact re-solve difference with that pair pinned', async () => {
    const res = await call(
      'GET',
      `/api/matching/runs/${first.id}/alternatives?nominationId=${n('lin')}`,
      org,
    );
    expect(res.statusCode, res.body).toBe(200);
    const alt = res.json() as Alternatives;
    expect(alt.current?.postRequestId).toBe(P.forestry);
    expect(alt.items.length).toBeGreaterThan(0);
    const problem = await loadProblem(t.ctx.db, batchId);
    const pins = JSON.parse(
      (
        await t.ctx.db
          .selectFrom('matchingRuns')
          .select('pins')
          .where('id', '=', first.id)
          .executeTakeFirstOrThrow()
      ).pins,
    );
    const settings = JSON.parse(
      (
        await t.ctx.db
          .selectFrom('matchingRuns')
          .select('settings')
          .where('id', '=', first.id)
          .executeTakeFirstOrThrow()
      ).settings,
    );
    const plain = buildInstance(problem, settings, { pins });
    const baseResult = solve(plain.instance);
    expect(alt.base).toEqual({ placed: baseResult.placed, total: baseResult.total });
    for (const item of alt.items) {
      const withPin = buildInstance(problem, settings, { pins, extraPin: [n('lin'), item.postRequestId] });
      const r = solve(withPin.instance);
      expect(item.totalDelta).toBe(r.total - baseResult.total);
      expect(item.placedDelta).toBe(r.placed - baseResult.placed);
      expect(item.text).toMatch(/^改派至“.+”：(安排人数[+−]\d+，)?总分[+−]\d+/);
    }
  });

  it('a run left running by a process that died is marked failed, at start-up and when read', async () => {
    const now = t.clock.now().getTime();
    const stored = async (heartbeatMsAgo: number) => {
      const id = randomUUID();
      const seq = await nextSeq(t.ctx.db, batchId);
      await t.ctx.db
        .insertInto('matchingRuns')
        .values({
          id,
          batchId,
          seq,
          status: 'running',
          progress: 0.3,
          settings: JSON.stringify(DEFAULT_MATCHING_SETTINGS),
          pins: '[]',
          cadreCount: 1,
          postCount: 1,
          places: 1,
          placed: null,
          total: null,
          factorTotals: null,
          unmatched: null,
          error: null,
          startedAt: new Date(now - heartbeatMsAgo - 10_000).toISOString(),
          finishedAt: null,
          heartbeatAt: new Date(now - heartbeatMsAgo).toISOString(),
          confirmedAt: null,
          confirmedBy: null,
          version: 1,
          createdBy: null,
        })
        .execute();
      return id;
    };
    const statusOf = async (id: string) =>
      await t.ctx.db
        .selectFrom('matchingRuns')
        .select(['status', 'error'])
        .where('id', '=', id)
        .executeTakeFirst();
    // read: a stale run (no heartbeat for two minutes) is failed with the reason; a fresh one is not
    const stale = await stored(120_000);
    const fresh = await stored(5_000);
    const read = (await call('GET', `/api/matching/runs/${stale}`, org)).json() as Run;
    expect(read).toMatchObject({ status: 'failed', error: expect.stringContaining('计算已中断') });
    expect((await call('GET', `/api/matching/runs/${fresh}`, org)).json()).toMatchObject({
      status: 'running',
    });
    expect((await call('POST', `/api/matching/runs/${fresh}/cancel`, org, {})).statusCode).toBe(200);
    // start-up: a server starting on the database fails the stale runs it finds, unread
    const left = await stored(120_000);
    const second = await secondInstance(t);
    try {
      expect(await statusOf(left)).toEqual({
        status: 'failed',
        error: expect.stringContaining('服务器重启'),
      });
    } finally {
      await second.close();
    }
  });

  it('cancel: a run stopped before it finishes stores no result', async () => {
    const res = await call('POST', `${base()}/runs`, org);
    const id = (res.json() as RunSummary).id;
    const cancelled = await call('POST', `/api/matching/runs/${id}/cancel`, org, {});
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json().status).toBe('cancelled');
    await settled(t.ctx, id);
    const run = (await call('GET', `/api/matching/runs/${id}`, org)).json() as Run;
    expect(run).toMatchObject({ status: 'cancelled', placed: null, assignments: [] });
    expect((await call('POST', `/api/matching/runs/${id}/cancel`, org, {})).statusCode).toBe(409);
    expect(await auditActions(id)).toEqual(['matching.run', 'matching.cancel']);
    const cmp = await call('GET', `/api/matching/runs/${first.id}/compare?with=${id}`, org);
    expect(cmp.statusCode).toBe(409);
    expect(cmp.json().message).toContain('尚未完成计算（状态：已取消）');
  });
});

describe('confirm and export', () => {
  it('confirming a run creates postings 拟任 in one transaction, audited; the 拟任名单 exports', async () => {
    const runs = (await call('GET', `${base()}/runs`, org)).json().items as RunSummary[];
    const second = runs.find((r) => r.seq === 2) as RunSummary;
    const notYet = await call('GET', `/api/matching/runs/${second.id}/export`, org);
    expect(notYet.statusCode).toBe(409);
    expect(notYet.json().message).toBe('只能导出已确认的匹配方案');
    const stale = await call('POST', `/api/matching/runs/${second.id}/confirm`, org, {
      version: second.version + 1,
    });
    expect(stale.statusCode).toBe(409);
    const res = await call('POST', `/api/matching/runs/${second.id}/confirm`, org, {
      version: second.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    const run = (await call('GET', `/api/matching/runs/${second.id}`, org)).json() as Run;
    expect(res.json().run).toMatchObject({ status: 'confirmed', version: second.version + 1 });
    expect(res.json().postingIds).toHaveLength(run.assignments.length);
    const postings = await t.ctx.db
      .selectFrom('postings')
      .select([
        'nominationId',
        'postRequestId',
        'status',
        'matchRunId',
        'title',
        'plannedStart',
        'plannedEnd',
      ])
      .where('batchId', '=', batchId)
      .execute();
    expect(postings.map((p) => `${p.nominationId}→${p.postRequestId}`).sort()).toEqual(
      run.assignments.map((a) => `${a.nominationId}→${a.postRequestId}`).sort(),
    );
    for (const p of postings)
      expect(p).toMatchObject({
        status: 'proposed',
        matchRunId: second.id,
        plannedStart: '2027-04-01',
        plannedEnd: '2029-03-31',
      });
    expect(postings.find((p) => p.nominationId === n('wu'))?.title).toBe('副镇长（挂职，林业）');
    expect(await auditActions(second.id)).toContain('matching.confirm');

    const twice = await call('POST', `/api/matching/runs/${first.id}/confirm`, org, {
      version: first.version,
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().message).toBe('本批次已确认匹配方案（第2次）');
    expect(
      (await t.ctx.db.selectFrom('postings').select('id').where('batchId', '=', batchId).execute()).length,
    ).toBe(postings.length);

    const file = await call('GET', `/api/matching/runs/${second.id}/export`, org);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('spreadsheetml');
    expect(decodeURIComponent(String(file.headers['content-disposition']))).toContain('第一批拟任名单.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('拟任名单');
    expect(sheet?.getRow(1).values).toEqual([
      undefined,
      '序号',
      '姓名',
      '性别',
      '出生年月',
      '派出单位及职务',
      '职级',
      '挂职单位',
      '拟任职务',
      '分管/协管',
      '挂职期限',
      '匹配分',
      '匹配说明',
    ]);
    expect(sheet?.rowCount).toBe(1 + run.assignments.length);
    const wuRow = sheet?.getRows(2, run.assignments.length)?.find((r) => r.getCell(2).value === '吴俊杰');
    expect(wuRow?.getCell(8).value).toBe('副镇长（挂职，林业）');
    expect(wuRow?.getCell(9).value).toBe('分管：林业；协管：乡村振兴');
    expect(wuRow?.getCell(10).value).toBe('2027-04-01至2029-03-31');
    expect(String(wuRow?.getCell(12).value)).toContain('志愿 +18：本人志愿第一位（岗位）');
    expect(await auditActions(second.id)).toContain('matching.export');
  });
});

describe('access', () => {
  const routes = (): [string, string, object?][] => [
    ['GET', base()],
    ['GET', `${base()}/candidates?nominationId=${n('lin')}`],
    ['GET', `${base()}/settings`],
    [
      'PUT',
      `${base()}/settings`,
      {
        weights: { expertise: 1, inCharge: 1, assist: 1, rank: 1, experience: 1, preference: 1 },
        rankGap: 1,
        homeCountyAvoidance: false,
        counterpart: [],
        mutual: [],
        version: 1,
      },
    ],
    ['GET', `${base()}/locks`],
    [
      'POST',
      `${base()}/locks`,
      { nominationId: n('zhou'), postRequestId: P.invest, kind: 'forbid', reason: null },
    ],
    ['DELETE', `/api/matching/locks/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}`],
    ['GET', `${base()}/runs`],
    ['POST', `${base()}/runs`],
    ['GET', `/api/matching/runs/${first.id}`],
    ['POST', `/api/matching/runs/${first.id}/cancel`, {}],
    ['GET', `/api/matching/runs/${first.id}/compare?with=${first.id}`],
    ['GET', `/api/matching/runs/${first.id}/alternatives?nominationId=${n('lin')}`],
    ['POST', `/api/matching/runs/${first.id}/confirm`, { version: 1 }],
    ['GET', `/api/matching/runs/${first.id}/export`],
  ];

  it('every route answers 401 without a session', async () => {
    for (const [method, url, body] of [
      ...routes(),
      ['GET', `/api/matching/nominations/${n('wu')}/preferences`],
      ['PUT', `/api/matching/nominations/${n('wu')}/preferences`, { items: [] }],
    ] as [string, string, object?][]) {
      const res = await call(method as 'GET', url, undefined, body);
      expect(res.statusCode, `${method} ${url}`).toBe(401);
    }
  });

  it('every route refuses roles the policy does not name (403) and a 组织部 of another region (404)', async () => {
    const runsBefore = (await t.ctx.db.selectFrom('matchingRuns').select('id').execute()).length;
    for (const [method, url, body] of routes()) {
      const res = await call(method as 'GET', url, liaison, body);
      expect(res.statusCode, `${method} ${url} as liaison`).toBe(403);
      const foreign = await call(method as 'GET', url, foreignOrg, body);
      expect(foreign.statusCode, `${method} ${url} as foreign 组织部`).toBe(404);
      expect(foreign.body).not.toContain('林子涵');
    }
    const prefs = `/api/matching/nominations/${n('wu')}/preferences`;
    expect((await call('GET', prefs, manager)).statusCode).toBe(403);
    expect((await call('PUT', prefs, manager, { items: [] })).statusCode).toBe(403);
    expect((await t.ctx.db.selectFrom('matchingRuns').select('id').execute()).length).toBe(runsBefore);
    expect((await settingsOf(t.ctx.db, batchId)).weights.expertise).toBe(15);
  });
});
