import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Run } from '../../common/matching/matching.schema.js';
import { createAccount, createTestApp, login, type TestApp } from '../../test/helpers.js';
import { COHORT_BATCH, COHORT_PROGRAMME, DEMO_COHORT } from '../demo/demo.cohort.js';
import { seedDemo } from '../demo/demo.seed.js';
import { settled } from './runs.service.js';

let t: TestApp;
let batchId: string;
let org: string;

beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.ctx);
  org = await login(
    t.app,
    await createAccount(t.ctx, {
      grants: [{ role: 'org_dept', regionCode: '522600', unitId: null, programmeIds: null }],
    }),
  );
  batchId = (
    await t.ctx.db
      .selectFrom('batches as b')
      .innerJoin('programmes as p', 'p.id', 'b.programmeId')
      .select('b.id')
      .where('p.name', '=', COHORT_PROGRAMME.name)
      .where('b.name', '=', COHORT_BATCH.name)
      .executeTakeFirstOrThrow()
  ).id;
}, 300_000);
afterAll(() => t.close());

it('matches the demo cohort at once, with the 回避 cases excluded and every pair explained', async () => {
  const board = await t.app.inject({
    method: 'GET',
    url: `/api/batches/${batchId}/matching`,
    headers: { cookie: org },
  });
  expect(board.statusCode, board.body).toBe(200);
  expect(board.json().cadres.length).toBeGreaterThanOrEqual(DEMO_COHORT.cadres.length);
  expect(board.json().posts).toHaveLength(DEMO_COHORT.posts);
  const started = await t.app.inject({
    method: 'POST',
    url: `/api/batches/${batchId}/matching/runs`,
    headers: { cookie: org },
  });
  expect(started.statusCode, started.body).toBe(202);
  await settled(t.ctx, started.json().id);
  const run = (
    await t.app.inject({
      method: 'GET',
      url: `/api/matching/runs/${started.json().id}`,
      headers: { cookie: org },
    })
  ).json() as Run;
  expect(run.status).toBe('done');
  expect(run.placed).toBe(Math.min(board.json().cadres.length, DEMO_COHORT.places));
  for (const a of run.assignments) expect(a.explanation.length).toBeGreaterThan(0);
  // each cadre with a relative in a receiving unit: that unit is excluded, with the reason
  const relatives = await t.ctx.db
    .selectFrom('cadreRelatives as r')
    .innerJoin('nominations as n', 'n.cadreId', 'r.cadreId')
    .select(['n.id as nominationId', 'r.unitName', 'r.name'])
    .where('n.batchId', '=', batchId)
    .execute();
  expect(relatives.length).toBe(DEMO_COHORT.avoidance.length);
  for (const r of relatives) {
    const placed = run.assignments.find((a) => a.nominationId === r.nominationId);
    expect(placed?.receivingUnitName).not.toBe(r.unitName);
    const pairs = await t.app.inject({
      method: 'GET',
      url: `/api/batches/${batchId}/matching/candidates?nominationId=${r.nominationId}`,
      headers: { cookie: org },
    });
    const there = pairs.json().items.filter((p: { unitName: string }) => p.unitName === r.unitName);
    expect(there.length).toBeGreaterThan(0);
    for (const p of there)
      expect(p.excluded.map((e: { text: string }) => e.text).join('|')).toMatch(
        new RegExp(`回避：.{2,5}${r.name}在${r.unitName}工作`),
      );
  }
  // the home-county case: 黎平 cadres never go to 黎平
  const liping = run.assignments.filter((a) => a.sendingUnitName === '黎平县乡村人才服务站');
  expect(liping.length).toBeGreaterThan(0);
  for (const a of liping) expect(a.receivingUnitName.startsWith('黎平县')).toBe(false);
  // the 对口 pairing: 昆山 goes only to 凯里 and 黎平, 张家港 only to 榕江 and 从江 — the others say why
  const paired = {
    昆山市智能制造促进中心: ['凯里市', '黎平县'],
    张家港市港城产业投资有限公司: ['榕江县', '从江县'],
  };
  for (const [sender, counties] of Object.entries(paired)) {
    const placed = run.assignments.filter((a) => a.sendingUnitName === sender);
    expect(placed.length).toBeGreaterThan(0);
    for (const a of placed) expect(counties.some((c) => a.receivingUnitName.startsWith(c))).toBe(true);
  }
  const kunshan = run.assignments.find((a) => a.sendingUnitName === '昆山市智能制造促进中心');
  const pairs = await t.app.inject({
    method: 'GET',
    url: `/api/batches/${batchId}/matching/candidates?nominationId=${kunshan?.nominationId}`,
    headers: { cookie: org },
  });
  const elsewhere = pairs.json().items.filter((p: { unitName: string }) => p.unitName.startsWith('从江县'));
  expect(elsewhere.length).toBeGreaterThan(0);
  for (const p of elsewhere)
    expect(p.excluded.map((e: { text: string }) => e.text)).toContain(
      '对口安排：昆山市的干部只派往凯里市、黎平县',
    );
}, 120_000);

it('leaves out a cadre whose posting was made by hand, and the place it takes', async () => {
  const posting = await t.ctx.db
    .selectFrom('postings as p')
    .innerJoin('cadres as c', 'c.id', 'p.cadreId')
    .select(['p.batchId', 'p.nominationId', 'p.postRequestId', 'c.name'])
    .where('p.matchRunId', 'is', null)
    .executeTakeFirstOrThrow();
  const headcount = (
    await t.ctx.db
      .selectFrom('postRequests')
      .select('headcount')
      .where('id', '=', posting.postRequestId)
      .executeTakeFirstOrThrow()
  ).headcount;
  const board = await t.app.inject({
    method: 'GET',
    url: `/api/batches/${posting.batchId}/matching`,
    headers: { cookie: org },
  });
  expect(board.statusCode, board.body).toBe(200);
  expect(board.json().cadres.map((c: { name: string }) => c.name)).not.toContain(posting.name);
  const post = board
    .json()
    .posts.find((p: { postRequestId: string }) => p.postRequestId === posting.postRequestId);
  if (headcount === 1) expect(post).toBeUndefined();
  else expect(post.headcount).toBe(headcount - 1);
});
