import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zUnitInput } from '../../common/units/units.schema.js';
import {
  cadreInput,
  createAccount,
  createTestApp,
  login,
  type TestApp,
  unitInput,
} from '../../test/helpers.js';
import { chinaDate } from '../core/clock.js';
import { systemActor } from '../core/context.js';
import { fictionalIdNumber } from '../demo/demo.seed.js';
import * as units from '../units/units.service.js';

// A batch moves on only when its work is done (issue 11 line 1). Runs on SQLite and PostgreSQL.

let t: TestApp;
let org: string;
let liaison: string;
let manager: string;
let sender: string;
let town: string;
let programmeId: string;

beforeAll(async () => {
  t = await createTestApp();
  const actor = systemActor(null, 't');
  sender = (await units.create(t.ctx, actor, zUnitInput.parse(unitInput({ regionCode: '522630' })))).id;
  town = (await units.create(t.ctx, actor, zUnitInput.parse(unitInput({ regionCode: '522631' })))).id;
  org = await login(
    t.app,
    await createAccount(t.ctx, {
      grants: [{ role: 'org_dept', regionCode: '522600', unitId: null, programmeIds: null }],
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
  const p = await call('POST', '/api/programmes', org, {
    name: '推进条件项目',
    kind: 'downward',
    regionCode: '522600',
  });
  expect(p.statusCode, p.body).toBe(201);
  programmeId = p.json().id;
});
afterAll(() => t.close());

const call = (method: 'GET' | 'POST' | 'PUT', url: string, cookie: string, payload?: object) =>
  t.app.inject({ method, url, payload, headers: { cookie } });

let seq = 100;
/** A batch in 选派 (starting `plannedStart`), with what `work` asks for. */
async function selectingBatch(plannedStart: string) {
  const b = await call('POST', '/api/batches', org, {
    programmeId,
    name: `批次${seq++}`,
    plannedStart,
    plannedEnd: '2028-12-31',
    termMonths: 12,
  });
  expect(b.statusCode, b.body).toBe(201);
  const moved = await call('POST', `/api/batches/${b.json().id}/advance`, org, {
    to: 'selecting',
    reason: '开始推荐',
    version: 1,
  });
  expect(moved.statusCode, moved.body).toBe(200);
  return moved.json() as { id: string; version: number; name: string };
}

async function post(batchId: string, submit: boolean) {
  const res = await call('POST', '/api/posts', manager, {
    batchId,
    unitId: town,
    title: '副镇长',
    level: 'section_deputy',
    duties: [{ kind: 'in_charge', area: '乡村振兴' }],
    expertise: [],
    headcount: 1,
    notes: null,
  });
  expect(res.statusCode, res.body).toBe(201);
  if (!submit) return res.json();
  const submitted = await call('POST', `/api/posts/${res.json().id}/submit`, manager, { version: 1 });
  expect(submitted.statusCode, submitted.body).toBe(200);
  return submitted.json();
}

async function nomination(batchId: string) {
  const s = String(seq++).padStart(3, '0');
  const c = await call(
    'POST',
    '/api/cadres',
    liaison,
    cadreInput(sender, {
      idNumber: fictionalIdNumber('52', '19880505', s),
      birthDate: '1988-05-05',
      gender: Number(s[2]) % 2 ? 'male' : 'female',
    }),
  );
  expect(c.statusCode, c.body).toBe(201);
  const n = await call('POST', '/api/nominations', liaison, {
    batchId,
    cadreId: c.json().id,
    justification: '工作需要',
  });
  expect(n.statusCode, n.body).toBe(201);
  return n.json();
}

/** A batch's nominations and post requests as stored. */
const storedWork = async (batchId: string) => ({
  nominations: await t.ctx.db.selectFrom('nominations').selectAll().where('batchId', '=', batchId).execute(),
  posts: await t.ctx.db.selectFrom('postRequests').selectAll().where('batchId', '=', batchId).execute(),
});

const today = () => chinaDate(t.clock.now());
const daysFromToday = (days: number) =>
  new Date(Date.parse(today()) + days * 86_400_000).toISOString().slice(0, 10);

describe('a batch moves on only with its work done', () => {
  it('选派 → 在岗 is refused while nominations and post requests wait, naming each; nothing changes', async () => {
    const batch = await selectingBatch(daysFromToday(3));
    for (let i = 0; i < 3; i++) await nomination(batch.id);
    await post(batch.id, true);

    const readiness = await call('GET', `/api/batches/${batch.id}/readiness`, org);
    expect(readiness.statusCode, readiness.body).toBe(200);
    expect(readiness.json()).toEqual({
      to: 'on_post',
      blocking: [
        { code: 'pendingPosts', message: '仍有 1 条岗位需求待审核' },
        { code: 'pendingNominations', message: '仍有 3 条推荐待审核' },
      ],
      warnings: [{ code: 'noAcceptedNominations', message: '尚无同意选派的干部' }],
    });

    const res = await call('POST', `/api/batches/${batch.id}/advance`, org, {
      to: 'on_post',
      reason: '人选已定',
      version: batch.version,
      acknowledgeWarnings: true,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toEqual({
      code: 'CONFLICT',
      message: `批次“${batch.name}”还不能推进到“在岗”：仍有 1 条岗位需求待审核；仍有 3 条推荐待审核`,
      fields: [
        { field: 'to', message: '仍有 1 条岗位需求待审核' },
        { field: 'to', message: '仍有 3 条推荐待审核' },
      ],
    });
    const stored = await t.ctx.db
      .selectFrom('batches')
      .selectAll()
      .where('id', '=', batch.id)
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ status: 'selecting', version: batch.version });
    const history = await t.ctx.db
      .selectFrom('statusHistory')
      .select('toStatus')
      .where('objectId', '=', batch.id)
      .execute();
    expect(history.map((h) => h.toStatus)).toEqual(['selecting']);
  });

  it('once decided, the move asks to acknowledge a start months away and an unsubmitted draft, then goes', async () => {
    const batch = await selectingBatch(daysFromToday(90));
    const n = await nomination(batch.id);
    const accepted = await call('POST', `/api/nominations/${n.id}/review`, org, {
      decision: 'accept',
      comment: null,
      version: n.version,
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    await post(batch.id, false);

    const readiness = (await call('GET', `/api/batches/${batch.id}/readiness`, org)).json();
    expect(readiness).toEqual({
      to: 'on_post',
      blocking: [],
      warnings: [
        { code: 'unsubmittedPosts', message: '仍有 1 条岗位需求未提交（草稿或已退回），推进后不能再提交' },
        { code: 'startAhead', message: `计划开始日期为 ${daysFromToday(90)}，还有 90 天` },
      ],
    });
    const unacknowledged = await call('POST', `/api/batches/${batch.id}/advance`, org, {
      to: 'on_post',
      reason: '人选已定',
      version: batch.version,
    });
    expect(unacknowledged.statusCode).toBe(409);
    expect(unacknowledged.json().message).toBe(
      `推进前请确认以下提醒：仍有 1 条岗位需求未提交（草稿或已退回），推进后不能再提交；计划开始日期为 ${daysFromToday(90)}，还有 90 天`,
    );
    expect(unacknowledged.json().fields.map((f: { field: string }) => f.field)).toEqual([
      'acknowledgeWarnings',
      'acknowledgeWarnings',
    ]);
    const moved = await call('POST', `/api/batches/${batch.id}/advance`, org, {
      to: 'on_post',
      reason: '人选已定',
      version: batch.version,
      acknowledgeWarnings: true,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().status).toBe('on_post');
  });

  it('past 选派, every decision on its nominations and post requests is refused and changes nothing', async () => {
    const batch = await selectingBatch(daysFromToday(1));
    const waiting = await nomination(batch.id);
    const draft = await post(batch.id, false);
    // decided first, so the batch may move on: refuse the nomination, return the post… then re-nominate
    const refused = await call('POST', `/api/nominations/${waiting.id}/review`, org, {
      decision: 'refuse',
      comment: '不符合岗位要求',
      version: waiting.version,
    });
    expect(refused.statusCode, refused.body).toBe(200);
    const accepted = await nomination(batch.id);
    const ok = await call('POST', `/api/nominations/${accepted.id}/review`, org, {
      decision: 'accept',
      comment: null,
      version: accepted.version,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const moved = await call('POST', `/api/batches/${batch.id}/advance`, org, {
      to: 'on_post',
      reason: '统一报到',
      version: batch.version,
      acknowledgeWarnings: true,
    });
    expect(moved.statusCode, moved.body).toBe(200);

    const closed = `批次“${batch.name}”已进入“在岗”阶段，其推荐和岗位需求不能再变更`;
    const attempts: [string, string, string, object][] = [
      ['POST', `/api/nominations/${accepted.id}/withdraw`, liaison, { version: ok.json().version }],
      ['POST', `/api/posts/${draft.id}/submit`, manager, { version: draft.version }],
      [
        'PUT',
        `/api/posts/${draft.id}`,
        manager,
        {
          title: '副镇长（改）',
          level: 'section_deputy',
          duties: [{ kind: 'in_charge', area: '乡村振兴' }],
          expertise: [],
          headcount: 1,
          notes: null,
          version: draft.version,
        },
      ],
    ];
    const before = await storedWork(batch.id);
    for (const [method, url, cookie, payload] of attempts) {
      const res = await call(method as 'POST' | 'PUT', url, cookie, payload);
      expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(409);
      expect(res.json().message, url).toBe(closed);
    }
    expect(await storedWork(batch.id)).toEqual(before);
  });

  it("the readiness of a batch outside the caller's scope is not found", async () => {
    const batch = await selectingBatch(daysFromToday(1));
    const far = await login(
      t.app,
      await createAccount(t.ctx, {
        grants: [{ role: 'org_dept', regionCode: '320500', unitId: null, programmeIds: null }],
      }),
    );
    const res = await call('GET', `/api/batches/${batch.id}/readiness`, far);
    expect(res.statusCode).toBe(404);
    expect((await call('GET', `/api/batches/${batch.id}/readiness`, '')).statusCode).toBe(401);
  });
});
