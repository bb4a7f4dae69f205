import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dashboard } from '../../common/stats/stats.schema.js';
import { createTestApp, type TestApp } from '../../test/helpers.js';
import {
  activePostingOf,
  type PartyRole,
  partyAccount,
  programmeBatch,
  testUnit,
} from '../../test/on-post.js';
import { insertAchievement } from '../achievements/achievements.repository.js';
import { insertLeave } from '../leave/leave.repository.js';

let t: TestApp;
const c = {} as Record<'programmeOrg' | 'receivingOrg' | 'sending' | 'receiving' | 'cadre' | 'admin', string>;
let batchId: string;
let programmeId: string;
const p = {} as Record<'gy' | 'qdn1' | 'qdn2' | 'proposed', string>;

const account = (role: PartyRole, scope: { regionCode?: string; unitId?: string } = {}) =>
  partyAccount(t, role, scope);
const get = (url: string, cookie: string) =>
  t.app.inject({ method: 'GET', url, headers: { 'x-requested-with': 'test', cookie } });
async function ok<T>(url: string, cookie: string): Promise<T> {
  const res = await get(url, cookie);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as T;
}
const dashboard = (cookie: string, query = '') => ok<Dashboard>(`/api/stats/dashboard${query}`, cookie);

async function achievement(
  postingId: string,
  o: {
    kind: string;
    status: string;
    amount: string;
    unit: string;
    dimension: string;
    base: number;
    date: string;
  },
) {
  const now = t.ctx.clock.now().toISOString();
  const row = await t.ctx.db
    .selectFrom('postings')
    .select('cadreId')
    .where('id', '=', postingId)
    .executeTakeFirstOrThrow();
  await insertAchievement(t.ctx.db, {
    id: randomUUID(),
    postingId,
    cadreId: row.cadreId,
    kind: o.kind,
    title: `${o.kind}${o.amount}`,
    amount: o.amount,
    unit: o.unit,
    dimension: o.dimension,
    baseAmount: o.base,
    date: o.date,
    description: null,
    status: o.status,
    reviewComment: null,
    reviewedBy: null,
    reviewedAt: null,
    version: 1,
    createdAt: now,
    updatedAt: now,
    createdBy: null,
    updatedBy: null,
  });
}

async function leave(
  postingId: string,
  o: { kind: string; status: string; start: string; halfDays: number },
) {
  const now = t.ctx.clock.now().toISOString();
  const row = await t.ctx.db
    .selectFrom('postings')
    .select('cadreId')
    .where('id', '=', postingId)
    .executeTakeFirstOrThrow();
  const id = randomUUID();
  await insertLeave(
    t.ctx.db,
    {
      id,
      postingId,
      cadreId: row.cadreId,
      kind: o.kind,
      startDate: o.start,
      startHalf: 'am',
      endDate: o.start,
      endHalf: 'pm',
      halfDays: o.halfDays,
      reason: '统计测试',
      status: o.status,
      currentStep: null,
      returnedOn: null,
      version: 1,
      createdAt: now,
      updatedAt: now,
      createdBy: null,
      updatedBy: null,
    },
    [
      {
        id: randomUUID(),
        leaveId: id,
        seq: 1,
        approver: 'receiving_unit',
        decision: o.status === 'pending' ? 'pending' : 'approved',
        comment: null,
        decidedBy: null,
        decidedAt: null,
        substituteUserId: null,
        substituteNamedBy: null,
      },
    ],
  );
}

async function publishedRound(grades: string[], postings: string[]) {
  const id = randomUUID();
  const now = t.ctx.clock.now().toISOString();
  await t.ctx.db
    .insertInto('assessmentRounds')
    .values({
      id,
      batchId,
      programmeId,
      kind: 'annual',
      title: '2025年度考核',
      periodFrom: '2025-07-01',
      periodTo: '2025-12-31',
      weights: JSON.stringify({ receiving: 50, democratic: 30, sending: 20 }),
      settings: JSON.stringify({
        leaveThreshold: 0.5,
        excellentPct: 20,
        approvedPct: null,
        approvalDocNo: null,
        minBallots: 5,
      }),
      deadlines: JSON.stringify({ selfReportDue: null, opinionsDue: null, pollCloses: null }),
      status: 'published',
      version: 1,
      createdAt: now,
      updatedAt: now,
      createdBy: null,
      updatedBy: null,
    })
    .execute();
  for (const [i, postingId] of postings.entries())
    await t.ctx.db
      .insertInto('assessmentSubjects')
      .values({
        id: randomUUID(),
        roundId: id,
        postingId,
        selfReport: null,
        receivingOpinion: null,
        receivingGrade: null,
        sendingOpinion: null,
        sendingGrade: null,
        undeterminedMark: null,
        paperTally: null,
        finalGrade: grades[i] ?? null,
        finalReason: null,
        decidedBy: null,
        decidedAt: null,
        version: 1,
        updatedAt: now,
        updatedBy: null,
      })
      .execute();
  return id;
}

beforeAll(async () => {
  t = await createTestApp();
  const sending = await testUnit(t.ctx, '苏州市派出局', '320508');
  const guiyang = await testUnit(t.ctx, '南明区接收局', '520102');
  const qiandongnan = await testUnit(t.ctx, '凯里市接收局', '522601');
  const made = await programmeBatch(t.ctx, {
    name: '统计测试项目',
    regionCode: '522600',
    plannedStart: '2025-07-01',
    plannedEnd: '2026-06-30',
  });
  ({ batchId, programmeId } = made);
  const posting = async (receivingUnitId: string) =>
    (
      await activePostingOf(t.ctx, {
        batchId,
        sendingUnitId: sending,
        receivingUnitId,
        userId: null,
        start: '2025-07-01',
      })
    ).id;
  p.gy = await posting(guiyang);
  p.qdn1 = await posting(qiandongnan);
  p.qdn2 = await posting(qiandongnan);
  p.proposed = await posting(guiyang);
  await t.ctx.db.updateTable('postings').set({ status: 'proposed' }).where('id', '=', p.proposed).execute();
  // the clock stands at 2026-01-05: this term ends within 90 days, the others on 2026-06-30
  await t.ctx.db.updateTable('postings').set({ endDate: '2026-03-01' }).where('id', '=', p.qdn2).execute();

  await achievement(p.gy, {
    kind: 'funds_arrived',
    status: 'verified',
    amount: '120.5',
    unit: '万元',
    dimension: 'money',
    base: 120_500_000,
    date: '2025-09-10',
  });
  await achievement(p.qdn1, {
    kind: 'funds_arrived',
    status: 'claimed',
    amount: '30',
    unit: '万元',
    dimension: 'money',
    base: 30_000_000,
    date: '2025-10-10',
  });
  await achievement(p.qdn1, {
    kind: 'training',
    status: 'verified',
    amount: '45',
    unit: '人',
    dimension: 'people',
    base: 45,
    date: '2025-11-02',
  });
  await achievement(p.qdn2, {
    kind: 'training',
    status: 'returned',
    amount: '10',
    unit: '人',
    dimension: 'people',
    base: 10,
    date: '2025-11-03',
  });
  await leave(p.gy, { kind: 'sick', status: 'approved', start: '2025-09-08', halfDays: 4 });
  await leave(p.qdn1, { kind: 'sick', status: 'returned', start: '2025-09-15', halfDays: 3 });
  await leave(p.qdn1, { kind: 'personal', status: 'returning', start: '2025-10-09', halfDays: 2 });
  await leave(p.qdn2, { kind: 'personal', status: 'pending', start: '2025-10-20', halfDays: 6 });
  await publishedRound(['excellent', 'excellent', 'competent'], [p.gy, p.qdn1, p.qdn2]);

  c.programmeOrg = (await account('org_dept', { regionCode: '522600' })).cookie;
  c.receivingOrg = (await account('org_dept', { regionCode: '520100' })).cookie;
  c.sending = (await account('sending_liaison', { unitId: sending })).cookie;
  c.receiving = (await account('receiving_manager', { unitId: qiandongnan })).cookie;
  c.cadre = (await account('cadre')).cookie;
  c.admin = (await account('system_admin')).cookie;
});
afterAll(() => t.close());

const statusOf = (d: Dashboard, status: string) => d.byStatus.find((s) => s.status === status)?.n ?? 0;

describe('GET /api/stats/dashboard: figures from known fixtures', () => {
  it("the programme's 组织部 sees every posting of its programme", async () => {
    const d = await dashboard(c.programmeOrg, `?programmeId=${programmeId}`);
    expect(d.asOf).toBe('2026-01-05');
    expect(d.total).toBe(4);
    expect(statusOf(d, 'active')).toBe(3);
    expect(statusOf(d, 'proposed')).toBe(1);
    expect(d.onPostByRegion).toEqual([
      { code: '520102', path: ['520000', '520100', '520102'], n: 1 },
      { code: '522601', path: ['520000', '522600', '522601'], n: 2 },
    ]);
    expect(d.regionNames).toMatchObject({ '520000': '贵州省', '520100': '贵阳市', '522601': '凯里市' });
    const funds = d.achievements.find((l) => l.kind === 'funds_arrived');
    expect(funds).toMatchObject({
      dimension: 'money',
      verified: '120500000',
      verifiedCount: 1,
      claimed: '30000000',
      claimedCount: 1,
    });
    // a returned entry is neither verified nor claimed
    expect(d.achievements.find((l) => l.kind === 'training')).toMatchObject({
      dimension: 'people',
      verified: '45',
      verifiedCount: 1,
      claimed: '0',
      claimedCount: 0,
    });
    // granted leave only (the pending request is left out), days from half days
    expect(d.leave).toEqual([
      { month: '2025-09', kind: 'sick', days: 3.5, n: 2 },
      { month: '2025-10', kind: 'personal', days: 1, n: 1 },
    ]);
    expect(d.assessment).toHaveLength(1);
    expect(d.assessment[0]?.total).toMatchObject({ excellent: 2, competent: 1 });
    expect(d.assessment[0]?.quota).toMatchObject({ graded: 3, cap: 0, excellent: 2, ok: false });
    expect(d.endingSoon.total).toBe(1);
    expect(d.endingSoon.items.map((i) => [i.postingId, i.endDate])).toEqual([[p.qdn2, '2026-03-01']]);
  });

  it('the receiving region’s 组织部 sees the postings received in its region, and no round it does not run', async () => {
    const d = await dashboard(c.receivingOrg);
    expect(d.total).toBe(2);
    expect(statusOf(d, 'active')).toBe(1);
    expect(d.onPostByRegion.map((r) => [r.code, r.n])).toEqual([['520102', 1]]);
    expect(d.achievements.map((l) => [l.kind, l.verified, l.claimed])).toEqual([
      ['funds_arrived', '120500000', '0'],
    ]);
    expect(d.leave).toEqual([{ month: '2025-09', kind: 'sick', days: 2, n: 1 }]);
    expect(d.assessment).toEqual([]);
    expect(d.endingSoon.total).toBe(0);
  });

  it('a receiving unit sees its own postings only; the sending unit all of its cadres', async () => {
    const r = await dashboard(c.receiving);
    expect(r.total).toBe(2);
    expect(r.onPostByRegion.map((x) => [x.code, x.n])).toEqual([['522601', 2]]);
    expect(r.endingSoon.total).toBe(1);
    const s = await dashboard(c.sending);
    expect(s.total).toBe(4);
  });

  it('the period narrows achievements and leave; a batch filter of another batch counts nothing', async () => {
    const d = await dashboard(c.programmeOrg, '?from=2025-10-01&to=2025-10-31');
    expect(d.leave).toEqual([{ month: '2025-10', kind: 'personal', days: 1, n: 1 }]);
    expect(d.achievements.map((l) => [l.kind, l.verifiedCount, l.claimedCount])).toEqual([
      ['funds_arrived', 0, 1],
    ]);
    expect(d.total).toBe(4);
    const other = await programmeBatch(t.ctx, {
      name: '统计测试其他项目',
      regionCode: '522600',
      plannedStart: '2025-07-01',
      plannedEnd: '2026-06-30',
    });
    const empty = await dashboard(c.programmeOrg, `?batchId=${other.batchId}`);
    expect(empty).toMatchObject({ total: 0, byStatus: [], onPostByRegion: [], achievements: [], leave: [] });
  });

  it('refuses a cadre and the administrators, and a bad date', async () => {
    expect((await get('/api/stats/dashboard', c.cadre)).statusCode).toBe(403);
    expect((await get('/api/stats/dashboard', c.admin)).statusCode).toBe(403);
    expect((await get('/api/stats/dashboard?from=2025-13-01', c.programmeOrg)).statusCode).toBe(400);
  });
});

describe('the dashboard counts what the scoped lists show', () => {
  type Page = { total: number };
  for (const who of ['programmeOrg', 'receivingOrg', 'sending', 'receiving'] as const) {
    it(`for ${who}: postings by status, on post by region, achievements, leave`, async () => {
      const cookie = c[who];
      const d = await dashboard(cookie);
      const total = async (url: string) => (await ok<Page>(url, cookie)).total;
      expect(d.total).toBe(await total('/api/postings?pageSize=1'));
      for (const status of ['proposed', 'active', 'ended', 'returned'])
        expect(statusOf(d, status), status).toBe(await total(`/api/postings?status=${status}&pageSize=1`));
      expect(d.onPostByRegion.reduce((s, r) => s + r.n, 0)).toBe(statusOf(d, 'active'));
      for (const line of d.achievements) {
        expect(line.verifiedCount).toBe(
          await total(`/api/achievements?status=verified&kind=${line.kind}&pageSize=1`),
        );
        expect(line.claimedCount).toBe(
          await total(`/api/achievements?status=claimed&kind=${line.kind}&pageSize=1`),
        );
      }
      let granted = 0;
      for (const status of ['approved', 'returning', 'returned'])
        granted += await total(`/api/leave?status=${status}&pageSize=1`);
      expect(d.leave.reduce((s, r) => s + r.n, 0)).toBe(granted);
    });
  }
});
