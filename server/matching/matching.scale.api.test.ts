import { expect, it } from 'vitest';
import { matchingBatch, unit } from '../../test/fixtures/matching.js';
import { scaleRows } from '../../test/fixtures/matching-scale.js';
import { createAccount, createTestApp, login } from '../../test/helpers.js';
import { settled } from './runs.service.js';

/**
 * A batch of 1 000 accepted nominations × 1 000 approved posts (rows written directly, as
 * scripts/gen-data.ts does): the board, a run on the worker (the event loop answers meanwhile),
 * the result, one cadre's candidates and alternatives — each timed in the log.
 */
it('serves a 1 000 × 1 000 batch: board, run on the worker, result, candidates, alternatives', async () => {
  const t = await createTestApp();
  const N = 1000;
  const { batchId } = await matchingBatch(t.ctx, { programmeRegion: '522600', quotas: [] });
  const senders: string[] = [];
  for (let k = 0; k < 20; k++) senders.push(await unit(t.ctx, `派出单位${k}`, '320506'));
  const receivers: string[] = [];
  for (let k = 0; k < 50; k++) receivers.push(await unit(t.ctx, `接收单位${k}`, `52263${k % 6}`));
  const rows = scaleRows({ batchId, senders, receivers, cadres: N, posts: N });
  const { cadres, nominations: noms, expertise: tags, resume, posts } = rows;
  await t.ctx.db
    .insertInto('expertiseTags')
    .values(rows.tags)
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
