import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zNominationListQuery } from '../../common/nominations/nominations.schema.js';
import { idNumberFacts, idNumberProblems } from '../../common/personal/id-number.js';
import { createTestApp, type TestApp } from '../../test/helpers.js';
import { findUserByUsername, grantsOf } from '../auth/auth.repository.js';
import { type Actor, systemActor } from '../core/context.js';
import type { Database } from '../core/database.js';
import { scopeFor } from '../core/scope.js';
import * as nominations from '../nominations/nominations.service.js';
import { DEMO_COHORT } from './demo.cohort.js';
import { ONPOST_BATCH, ONPOST_POSTINGS, ONPOST_PROGRAMME } from './demo.onpost.js';
import { ONPOST_MISSING_DAY } from './demo.onpost-records.js';
import { DEMO_POSTINGS } from './demo.postings.js';
import { DEMO_REGISTRY } from './demo.registry.js';
import { seedDemo } from './demo.seed.js';
import { DEMO_SEEDER } from './demo.steps.js';

// Runs on SQLite and, with DATABASE_URL, on PostgreSQL.

const TABLES = [
  'users',
  'units',
  'cadres',
  'cadreResume',
  'cadreRelatives',
  'cadreExpertise',
  'programmes',
  'batches',
  'batchQuotas',
  'batchStatusLog',
  'postRequests',
  'nominations',
  'cadreCorrections',
  'postings',
  'postingEvents',
  'auditLog',
] as const satisfies readonly (keyof Database)[];

describe('demo registry', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const counts = async () => {
    const out: Record<string, number> = {};
    for (const table of TABLES) {
      const row = await t.ctx.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .executeTakeFirstOrThrow();
      out[table] = Number(row.n);
    }
    return out;
  };

  const actor = async (username: string, action: Parameters<typeof scopeFor>[0]): Promise<Actor> => {
    const user = await findUserByUsername(t.ctx.db, username);
    if (!user) throw new Error(username);
    const grants = await grantsOf(t.ctx.db, user.id);
    return {
      ...systemActor(user.id, username),
      roles: grants.map((g) => g.role),
      grants,
      scope: scopeFor(action, user.id, grants),
    };
  };

  let first: Record<string, number>;

  it('seeds cadres, a programme with two batches, posts, nominations and a correction', async () => {
    await seedDemo(t.ctx);
    first = await counts();
    expect(first).toMatchObject({
      users: 9,
      units: 12 + 14,
      cadres: DEMO_REGISTRY.cadres.length + DEMO_COHORT.cadres.length,
      cadreRelatives: 1 + DEMO_COHORT.avoidance.length,
      programmes: 3,
      batches: 4,
      batchQuotas: 4 + 10 + 1,
      batchStatusLog: 2 + 2,
      postRequests: DEMO_REGISTRY.posts.length + DEMO_COHORT.posts + 1,
      nominations: DEMO_REGISTRY.nominations.length + DEMO_COHORT.cadres.length + 1 + ONPOST_POSTINGS.length,
      cadreCorrections: 1,
      postings: DEMO_POSTINGS.length + ONPOST_POSTINGS.length,
    });
    expect(first.cadreResume).toBeGreaterThanOrEqual(30);
    expect(first.cadreExpertise).toBeGreaterThanOrEqual(30);
    const qingfeng = await t.ctx.db
      .selectFrom('cadres as c')
      .innerJoin('units as u', 'u.id', 'c.unitId')
      .select('c.id')
      .where('u.name', '=', '苏州市青枫科技产业集团有限公司')
      .execute();
    expect(qingfeng).toHaveLength(12);
  });

  it('adds nothing the second time', async () => {
    expect(await seedDemo(t.ctx)).toEqual([]);
    expect(await counts()).toEqual(first);
  });

  it('stores valid, fictional ID numbers (county xx9999) matching birth date and gender, encrypted', async () => {
    const rows = await t.ctx.db
      .selectFrom('cadres')
      .select(['name', 'idNumberEnc', 'idNumberMasked', 'birthDate', 'gender'])
      .execute();
    const demoCadres = [...DEMO_REGISTRY.cadres, ...DEMO_COHORT.cadres];
    expect(rows).toHaveLength(demoCadres.length);
    for (const row of rows) {
      expect(row.idNumberEnc).not.toMatch(/^\d{17}[\dX]$/);
      const idNumber = t.ctx.cipher.decrypt(row.idNumberEnc, 'cadres.id_number');
      expect(idNumberProblems(idNumber)).toEqual([]);
      expect(idNumber.slice(2, 6)).toBe('9999');
      expect(idNumberFacts(idNumber)).toMatchObject({ birthDate: row.birthDate, gender: row.gender });
      expect(demoCadres.find((c) => c.name === row.name)?.idNumber).toBe(idNumber);
    }
  });

  it('links 周明远 to the gb.zhou account (and 王静怡 to gb.wang), with his pending correction for the liaison', async () => {
    const zhou = await t.ctx.db
      .selectFrom('cadres as c')
      .innerJoin('users as u', 'u.id', 'c.userId')
      .select(['c.id', 'u.username'])
      .where('c.name', '=', '周明远')
      .executeTakeFirstOrThrow();
    expect(zhou.username).toBe('gb.zhou');
    const linked = await t.ctx.db
      .selectFrom('cadres as c')
      .innerJoin('users as u', 'u.id', 'c.userId')
      .select(['c.name', 'u.username'])
      .orderBy('u.username')
      .execute();
    expect(linked).toEqual([
      { name: '王静怡', username: 'gb.wang' },
      { name: '周明远', username: 'gb.zhou' },
    ]);
    const correction = await t.ctx.db
      .selectFrom('cadreCorrections as k')
      .innerJoin('users as u', 'u.id', 'k.requestedBy')
      .select(['k.cadreId', 'k.status', 'k.changes', 'u.username'])
      .executeTakeFirstOrThrow();
    expect(correction).toMatchObject({ cadreId: zhou.id, status: 'pending', username: 'gb.zhou' });
    expect(JSON.parse(correction.changes)).toEqual({ position: '投资发展部部长' });
  });

  it('puts 第一批 in 选派 with its history, 第二批 still in 筹备', async () => {
    const batches = await t.ctx.db
      .selectFrom('batches as b')
      .innerJoin('programmes as p', 'p.id', 'b.programmeId')
      .select([
        'b.id',
        'b.name',
        'b.status',
        'b.plannedStart',
        'b.plannedEnd',
        'b.termMonths',
        'p.kind',
        'p.regionCode',
      ])
      .where('p.name', '=', DEMO_REGISTRY.programme)
      .orderBy('b.name')
      .execute();
    expect(batches).toMatchObject([
      {
        name: '第一批',
        status: 'selecting',
        plannedStart: '2027-03-01',
        plannedEnd: '2028-02-29',
        termMonths: 12,
        kind: 'cross_region',
        regionCode: '522600',
      },
      { name: '第二批', status: 'preparing' },
    ]);
    const history = await t.ctx.db
      .selectFrom('batchStatusLog as h')
      .innerJoin('users as u', 'u.id', 'h.actorId')
      .select(['h.batchId', 'h.fromStatus', 'h.toStatus', 'h.reason', 'u.username'])
      .where(
        'h.batchId',
        'in',
        batches.map((b) => b.id),
      )
      .execute();
    expect(history).toEqual([
      {
        batchId: batches[0]?.id,
        fromStatus: 'preparing',
        toStatus: 'selecting',
        reason: expect.stringMatching(/.{2,}/),
        username: 'zzb',
      },
    ]);
    const quotas = await t.ctx.db
      .selectFrom('batchQuotas')
      .select(['regionCode', 'quota'])
      .where('batchId', '=', batches[0]?.id as string)
      .orderBy('regionCode')
      .execute();
    expect(quotas).toEqual([
      { regionCode: '522630', quota: 3 },
      { regionCode: '522634', quota: 2 },
    ]);
  });

  it("has the receiving unit's posts approved, submitted and in draft", async () => {
    const posts = await t.ctx.db
      .selectFrom('postRequests as p')
      .innerJoin('units as u', 'u.id', 'p.unitId')
      .innerJoin('batches as b', 'b.id', 'p.batchId')
      .innerJoin('programmes as g', 'g.id', 'b.programmeId')
      .select(['p.title', 'p.status', 'u.name as unit', 'b.name as batch'])
      .where('g.name', '=', DEMO_REGISTRY.programme)
      .orderBy('p.title')
      .execute();
    const byTitle = (a: string[], b: string[]) => String(a[0]).localeCompare(String(b[0]));
    expect(posts.map((p) => [p.title, p.status]).sort(byTitle)).toEqual(
      DEMO_REGISTRY.posts.map((p) => [p.title, p.fate]).sort(byTitle),
    );
    expect(posts.every((p) => p.unit === '台江县清溪镇人民政府' && p.batch === '第一批')).toBe(true);
    expect(posts.map((p) => p.status).sort()).toEqual(['approved', 'approved', 'draft', 'submitted']);
  });

  it('has nominations by pc.qf: one accepted, three submitted, one of them ineligible with a justification', async () => {
    const rows = await t.ctx.db
      .selectFrom('nominations as n')
      .innerJoin('cadres as c', 'c.id', 'n.cadreId')
      .innerJoin('users as u', 'u.id', 'n.createdBy')
      .innerJoin('batches as b', 'b.id', 'n.batchId')
      .innerJoin('programmes as g', 'g.id', 'b.programmeId')
      .select(['c.name', 'n.status', 'n.eligible', 'n.justification', 'u.username'])
      .where('g.name', '=', DEMO_REGISTRY.programme)
      .orderBy('c.name')
      .execute();
    expect(rows.every((r) => r.username === 'pc.qf')).toBe(true);
    expect(rows.map((r) => r.status).sort()).toEqual(['accepted', 'accepted', 'submitted', 'submitted']);
    const ineligible = rows.filter((r) => r.eligible === 0);
    expect(ineligible).toHaveLength(1);
    expect(ineligible[0]).toMatchObject({ name: '李浩然', status: 'submitted' });
    expect(ineligible[0]?.justification?.length).toBeGreaterThanOrEqual(10);
    expect(rows.find((r) => r.name === '陈思远')?.status).toBe('accepted');
  });

  it('lets the organising 组织部 (黔东南) see the 苏州 nominations for its batch', async () => {
    const all = zNominationListQuery.parse({ pageSize: 100 });
    const zzb = await nominations.list(t.ctx, await actor('zzb', 'nominations.read'), all);
    const onPost = ONPOST_POSTINGS.length;
    expect(zzb.total).toBe(DEMO_REGISTRY.nominations.length + DEMO_COHORT.cadres.length + 1 + onPost);
    const liaison = await nominations.list(t.ctx, await actor('pc.qf', 'nominations.read'), all);
    expect(liaison.total).toBe(DEMO_REGISTRY.nominations.length + 1 + onPost);
  });

  it('audits each step under the demo account that did it', async () => {
    const rows = await t.ctx.db.selectFrom('auditLog').select(['actorName', 'action']).execute();
    const by = (action: string) => [
      ...new Set(rows.filter((r) => r.action === action).map((r) => r.actorName)),
    ];
    expect(by('cadres.create').sort()).toEqual([DEMO_SEEDER, 'pc.qf', 'zzb', 'zzb.sz']);
    expect(by('cadres.linkAccount')).toEqual(['pc.qf']);
    expect(by('programmes.create')).toEqual(['zzb']);
    expect(by('batches.advance')).toEqual(['zzb']);
    expect(by('posts.create').sort()).toEqual([DEMO_SEEDER, 'js.qx']);
    expect(by('posts.approve')).toEqual(['zzb']);
    expect(by('nominations.create').sort()).toEqual([DEMO_SEEDER, 'pc.qf']);
    expect(by('nominations.accept')).toEqual(['zzb']);
    expect(by('corrections.create')).toEqual(['gb.zhou']);
    const text = JSON.stringify(await t.ctx.db.selectFrom('auditLog').selectAll().execute());
    for (const c of DEMO_REGISTRY.cadres) expect(text).not.toContain(c.idNumber);
  });

  it('has a running batch: 王静怡 (gb.wang) on post at 清溪镇 since March 2026, the batch 在岗', async () => {
    const [demo] = ONPOST_POSTINGS;
    const posting = await t.ctx.db
      .selectFrom('postings as ps')
      .innerJoin('cadres as c', 'c.id', 'ps.cadreId')
      .innerJoin('users as a', 'a.id', 'c.userId')
      .innerJoin('batches as b', 'b.id', 'ps.batchId')
      .innerJoin('programmes as g', 'g.id', 'ps.programmeId')
      .select([
        'ps.status',
        'ps.title',
        'ps.startDate',
        'ps.endDate',
        'a.username',
        'b.status as batchStatus',
        'g.name',
      ])
      .where('c.name', '=', demo?.cadre ?? '')
      .executeTakeFirstOrThrow();
    expect(posting).toEqual({
      status: 'active',
      title: demo?.post,
      startDate: '2026-03-02',
      endDate: ONPOST_BATCH.plannedEnd,
      username: 'gb.wang',
      batchStatus: 'on_post',
      name: ONPOST_PROGRAMME.name,
    });
    // November 2026 on post: 21 working days, 3 on 探亲假, one without a record → 17 check-ins
    const { id: postingId } = await t.ctx.db
      .selectFrom('postings as ps')
      .innerJoin('cadres as c', 'c.id', 'ps.cadreId')
      .select('ps.id')
      .where('c.name', '=', '王静怡')
      .executeTakeFirstOrThrow();
    const days = await t.ctx.db
      .selectFrom('attendanceRecords')
      .select(['date', 'status'])
      .where('postingId', '=', postingId)
      .orderBy('date')
      .execute();
    expect(days).toHaveLength(17);
    expect(days.every((d) => d.status === 'present')).toBe(true);
    expect(days.map((d) => d.date)).not.toContain(ONPOST_MISSING_DAY);
    const leave = await t.ctx.db
      .selectFrom('leaveRequests')
      .select(['status', 'kind', 'halfDays'])
      .where('postingId', '=', postingId)
      .execute();
    expect(leave).toEqual([{ status: 'returned', kind: 'family_visit', halfDays: 6 }]);
    const logs = await t.ctx.db
      .selectFrom('worklogEntries')
      .select('id')
      .where('postingId', '=', postingId)
      .execute();
    expect(logs).toHaveLength(6);
    const ledger = await t.ctx.db
      .selectFrom('achievements')
      .select(['status'])
      .where('postingId', '=', postingId)
      .orderBy('status')
      .execute();
    expect(ledger.map((a) => a.status)).toEqual(['claimed', 'verified', 'verified']);
    // November's 情况报送, signed off by the town
    const reports = await t.ctx.db
      .selectFrom('monthlyReports')
      .select(['month', 'status', 'plan'])
      .where('postingId', '=', postingId)
      .execute();
    expect(reports).toEqual([
      { month: '2026-11', status: 'signed', plan: '下月继续跟进招商项目落地，做好年终总结。' },
    ]);
  });

  it('has 陈思远 and 杨帆 on post at 清溪镇: proposed by the 组织部, the hand-over recorded by js.qx', async () => {
    for (const demo of DEMO_POSTINGS) {
      const posting = await t.ctx.db
        .selectFrom('postings as ps')
        .innerJoin('cadres as c', 'c.id', 'ps.cadreId')
        .innerJoin('units as u', 'u.id', 'ps.receivingUnitId')
        .select([
          'ps.id',
          'ps.status',
          'ps.title',
          'ps.startDate',
          'ps.endDate',
          'ps.duties',
          'u.name as unit',
        ])
        .where('c.name', '=', demo.cadre)
        .executeTakeFirstOrThrow();
      expect(posting).toMatchObject({
        status: 'active',
        title: demo.post,
        startDate: demo.handover.date,
        endDate: '2028-02-29',
        unit: '台江县清溪镇人民政府',
      });
      expect(JSON.parse(posting.duties)).toEqual(demo.handover.duties);
      const moves = await t.ctx.db
        .selectFrom('statusHistory as h')
        .innerJoin('users as a', 'a.id', 'h.actorId')
        .select(['h.toStatus', 'a.username'])
        .where('h.objectId', '=', posting.id)
        .orderBy('h.seq')
        .execute();
      expect(moves).toEqual([
        { toStatus: 'proposed', username: 'zzb' },
        { toStatus: 'active', username: 'js.qx' },
      ]);
    }
  });

  it('has a matching cohort: 44 accepted nominations, 42 approved posts (some for two), avoidance and home-county cases', async () => {
    const batch = await t.ctx.db
      .selectFrom('batches as b')
      .innerJoin('programmes as g', 'g.id', 'b.programmeId')
      .select(['b.id', 'b.status'])
      .where('g.name', '=', DEMO_COHORT.programme)
      .executeTakeFirstOrThrow();
    expect(batch.status).toBe('selecting');
    const noms = await t.ctx.db
      .selectFrom('nominations as n')
      .innerJoin('cadres as c', 'c.id', 'n.cadreId')
      .select(['c.name', 'n.status', 'n.eligible'])
      .where('n.batchId', '=', batch.id)
      .execute();
    expect(noms.length).toBeGreaterThanOrEqual(40);
    expect(noms.every((n) => n.status === 'accepted' && n.eligible === 1)).toBe(true);
    expect(noms.map((n) => n.name)).toContain('周明远');
    const posts = await t.ctx.db
      .selectFrom('postRequests as p')
      .innerJoin('units as u', 'u.id', 'p.unitId')
      .select(['p.status', 'p.headcount', 'u.name as unit', 'u.regionCode'])
      .where('p.batchId', '=', batch.id)
      .execute();
    expect(posts.length).toBeGreaterThanOrEqual(40);
    expect(posts.every((p) => p.status === 'approved')).toBe(true);
    expect(posts.filter((p) => p.headcount === 2)).toHaveLength(3);
    expect(posts.reduce((sum, p) => sum + p.headcount, 0)).toBe(DEMO_COHORT.places);
    expect(posts.some((p) => p.unit === '台江县清溪镇人民政府')).toBe(true);
    // 回避: relatives work in three receiving units; a sending unit of 黎平 while 黎平 receives posts.
    const relatives = await t.ctx.db.selectFrom('cadreRelatives').select('unitName').execute();
    for (const unit of DEMO_COHORT.avoidance) {
      expect(relatives.map((r) => r.unitName)).toContain(unit);
      expect(posts.map((p) => p.unit)).toContain(unit);
    }
    const homeCounty = await t.ctx.db
      .selectFrom('nominations as n')
      .innerJoin('units as u', 'u.id', 'n.unitId')
      .select('u.regionCode')
      .where('n.batchId', '=', batch.id)
      .where('u.regionCode', '=', '522631')
      .execute();
    expect(homeCounty.length).toBeGreaterThan(0);
    expect(posts.some((p) => p.regionCode === '522631')).toBe(true);
  });
});
