import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { matchingBatch, unit } from '../../test/fixtures/matching.js';
import { createAccount, createTestApp, login } from '../../test/helpers.js';
import type { CadreResumeTable, NewCadre } from '../cadres/cadres.table.js';
import type { NominationsTable } from '../nominations/nominations.table.js';
import type { PostRequestsTable } from '../posts/posts.table.js';
import { settled } from './runs.service.js';

const TAGS = [
  '林业',
  '乡村振兴',
  '招商引资',
  '信息化',
  '大数据',
  '文化旅游',
  '城乡规划',
  '特色产业',
  '农产品电商',
  '财政金融',
  '教育',
  '人力资源',
  '生态环境',
  '水利工程',
  '科技管理',
];
const LEVELS = ['section_deputy', 'section_chief', 'division_deputy'];

/**
 * A batch of 1 000 accepted nominations × 1 000 approved posts (rows written directly, as
 * scripts/gen-data.ts does): the board, a run on the worker (the event loop answers meanwhile),
 * the result, one cadre's candidates and alternatives — each timed in the log.
 */
it('serves a 1 000 × 1 000 batch: board, run on the worker, result, candidates, alternatives', async () => {
  const t = await createTestApp();
  const N = 1000;
  let seed = 3;
  const rnd = () => {
    seed = (seed * 16807) % 2147483647;
    return seed / 2147483647;
  };
  const pick = <T>(a: readonly T[]) => a[Math.floor(rnd() * a.length)] as T;
  const { batchId } = await matchingBatch(t.ctx, { programmeRegion: '522600', quotas: [] });
  const senders: string[] = [];
  for (let k = 0; k < 20; k++) senders.push(await unit(t.ctx, `派出单位${k}`, '320506'));
  const receivers: string[] = [];
  for (let k = 0; k < 50; k++) receivers.push(await unit(t.ctx, `接收单位${k}`, `52263${k % 6}`));
  const now = new Date().toISOString();
  const reviewedRow = {
    reviewComment: null,
    reviewedBy: null,
    reviewedAt: null,
    version: 1,
    createdAt: now,
    updatedAt: now,
    createdBy: null,
    updatedBy: null,
  };
  const cadres: NewCadre[] = [];
  const noms: NominationsTable[] = [];
  const tags: { cadreId: string; tag: string }[] = [];
  const resume: CadreResumeTable[] = [];
  for (let i = 0; i < N; i++) {
    const id = randomUUID();
    cadres.push({
      id,
      userId: null,
      name: `干部${i}`,
      namePinyin: `gb${i}`,
      nameInitials: 'gb',
      gender: 'male',
      ethnicity: '汉族',
      politicalStatus: 'cpc_member',
      birthDate: '1990-01-01',
      idNumberEnc: 'x',
      idNumberIndex: randomUUID(),
      idNumberMasked: 'x',
      phoneEnc: null,
      phoneMasked: null,
      education: 'bachelor',
      degree: 'bachelor',
      school: null,
      major: null,
      unitId: pick(senders),
      position: `${pick(TAGS)}科科长`,
      rankLevel: pick(LEVELS),
      rankKind: 'leadership',
      reserve: 0,
      version: 1,
      createdAt: now,
      updatedAt: now,
      createdBy: null,
      updatedBy: null,
    });
    noms.push({
      id: randomUUID(),
      batchId,
      cadreId: id,
      unitId: (cadres[i] as NewCadre).unitId,
      status: 'accepted',
      eligible: 1,
      reasons: '[]',
      justification: null,
      ...reviewedRow,
    });
    for (const tag of new Set([pick(TAGS), pick(TAGS)])) tags.push({ cadreId: id, tag });
    resume.push({
      id: randomUUID(),
      cadreId: id,
      fromMonth: '2012-01',
      toMonth: null,
      unitName: '某单位',
      position: `${pick(TAGS)}科科员`,
    });
  }
  const posts: PostRequestsTable[] = [];
  for (let j = 0; j < N; j++)
    posts.push({
      id: randomUUID(),
      batchId,
      unitId: pick(receivers),
      title: `岗位${j}`,
      level: pick(LEVELS),
      duties: JSON.stringify([
        { kind: 'in_charge', area: pick(TAGS) },
        { kind: 'assist', area: pick(TAGS) },
      ]),
      expertise: JSON.stringify([pick(TAGS), pick(TAGS)]),
      headcount: 1,
      notes: null,
      status: 'approved',
      ...reviewedRow,
    });
  await t.ctx.db
    .insertInto('expertiseTags')
    .values(TAGS.map((tag) => ({ tag, category: 'x', managed: 0 })))
    .onConflict((oc) => oc.doNothing())
    .execute();
  for (let k = 0; k < N; k += 100) {
    await t.ctx.db
      .insertInto('cadres')
      .values(cadres.slice(k, k + 100))
      .execute();
    await t.ctx.db
      .insertInto('nominations')
      .values(noms.slice(k, k + 100))
      .execute();
    await t.ctx.db
      .insertInto('postRequests')
      .values(posts.slice(k, k + 100))
      .execute();
    await t.ctx.db
      .insertInto('cadreResume')
      .values(resume.slice(k, k + 100))
      .execute();
  }
  for (let k = 0; k < tags.length; k += 200)
    await t.ctx.db
      .insertInto('cadreExpertise')
      .values(tags.slice(k, k + 200))
      .execute();
  const org = await login(
    t.app,
    await createAccount(t.ctx, {
      grants: [{ role: 'org_dept', regionCode: '522600', unitId: null, programmeIds: null }],
    }),
  );
  const time = async (label: string, f: () => Promise<{ statusCode: number; body: string }>) => {
    const t0 = Date.now();
    const r = await f();
    console.log(label, r.statusCode, Date.now() - t0, 'ms', `${Math.round(r.body.length / 1024)} kB`);
    return r;
  };
  const url = `/api/batches/${batchId}/matching`;
  await time('board', () => t.app.inject({ method: 'GET', url, headers: { cookie: org } }));
  const started = await time('start run', () =>
    t.app.inject({ method: 'POST', url: `${url}/runs`, headers: { cookie: org } }),
  );
  const id = JSON.parse(started.body).id;
  const t0 = Date.now();
  // the event loop stays free while the worker builds the fit matrix and solves: health checks
  // asked all through the run are answered, the first of them before the run finishes
  let finished = false;
  const done = settled(t.ctx, id).then(() => {
    finished = true;
  });
  const health: { ms: number; beforeEnd: boolean }[] = [];
  const progress: number[] = [];
  while (!finished) {
    const h0 = Date.now();
    const h = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(h.statusCode).toBe(200);
    health.push({ ms: Date.now() - h0, beforeEnd: !finished });
    const r = await t.ctx.db
      .selectFrom('matchingRuns')
      .select('progress')
      .where('id', '=', id)
      .executeTakeFirst();
    progress.push(Number(r?.progress));
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await done;
  const answered = health.filter((h) => h.beforeEnd);
  console.log(
    'run computed and stored in',
    Date.now() - t0,
    'ms;',
    answered.length,
    'health checks answered meanwhile, slowest',
    Math.max(...answered.map((h) => h.ms)),
    'ms; progress seen',
    [...new Set(progress.map((p) => p.toFixed(2)))].join(' '),
  );
  expect(answered.length).toBeGreaterThan(0);
  expect(answered[0]?.beforeEnd).toBe(true);
  const run = await time('get run', () =>
    t.app.inject({ method: 'GET', url: `/api/matching/runs/${id}`, headers: { cookie: org } }),
  );
  expect(JSON.parse(run.body)).toMatchObject({ status: 'done', placed: N });
  await time('candidates', () =>
    t.app.inject({
      method: 'GET',
      url: `${url}/candidates?nominationId=${noms[0]?.id}`,
      headers: { cookie: org },
    }),
  );
  const alt = await time('alternatives', () =>
    t.app.inject({
      method: 'GET',
      url: `/api/matching/runs/${id}/alternatives?nominationId=${noms[0]?.id}`,
      headers: { cookie: org },
    }),
  );
  expect(JSON.parse(alt.body).items.length).toBeGreaterThan(0);
  await t.close();
}, 600_000);
