import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Report } from '../common/attendance/attendance.schema.js';
import {
  generateAchievements,
  generateAttendance,
  generateLeave,
  generateWorklog,
} from '../scripts/gen-onpost.js';
import { calendarFor } from '../server/calendar/calendar.service.js';
import { createTestApp, type TestApp } from './helpers.js';
import { activePostingOf, partyAccount, programmeBatch, testUnit } from './on-post.js';

// gen:data's on-post generators (issue 13 line 8) write what the app itself would: read back
// through the routes a 组织部 uses, a generated posting's month has no missing day, its leave
// days are the generated requests' working days, and the ledger's totals are the rows'.

let t: TestApp;
let org: string;
let batchId: string;
let posting: { id: string; cadre: { id: string } };
const FROM = '2025-08-01';
const UNTIL = '2025-12-31';

beforeAll(async () => {
  t = await createTestApp();
  const sending = await testUnit(t.ctx, '生成数据派出局', '320508');
  const receiving = await testUnit(t.ctx, '生成数据接收局', '520102');
  ({ batchId } = await programmeBatch(t.ctx, {
    name: '生成数据测试项目',
    regionCode: '520000',
    plannedStart: FROM,
    plannedEnd: '2026-07-31',
  }));
  posting = await activePostingOf(t.ctx, {
    batchId,
    sendingUnitId: sending,
    receivingUnitId: receiving,
    userId: null,
    start: FROM,
  });
  org = (await partyAccount(t, 'org_dept', { regionCode: '520000' })).cookie;
}, 60_000);
afterAll(() => t.close());

const get = async <T>(url: string) => {
  const res = await t.app.inject({
    method: 'GET',
    url,
    headers: { 'x-requested-with': 'test', cookie: org },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as T;
};

it('generates leave, attendance, work log and achievements that read back through the routes', async () => {
  const cal = await calendarFor(t.ctx.db, FROM, UNTIL, null);
  const onPost = [{ id: posting.id, cadreId: posting.cadre.id, startDate: FROM }];
  const leave = await generateLeave(t.ctx, onPost, { isWorking: cal.isWorking, until: UNTIL, perPosting: 3 });
  expect(leave.made).toBe(3);
  const records = await generateAttendance(t.ctx, onPost, {
    isWorking: cal.isWorking,
    until: UNTIL,
    leaveDays: leave.days,
  });
  const worklog = await generateWorklog(t.ctx, onPost, { perPosting: 12, firstKey: 500_000 });
  const achievements = await generateAchievements(t.ctx, onPost, { until: UNTIL, perPosting: 10 });
  expect([worklog, achievements]).toEqual([12, 10]);

  // attendance: every working day of every month has a record or leave; the leave counted is
  // the generated requests' working days; present + absent + leave = working days
  const taken = leave.days.get(posting.id) as Set<string>;
  let seen = 0;
  for (const month of ['2025-08', '2025-09', '2025-10', '2025-11', '2025-12']) {
    const report = await get<Report>(`/api/attendance/report?month=${month}&batchId=${batchId}`);
    const row = report.items.find((i) => i.postingId === posting.id);
    expect(row, month).toBeDefined();
    const totals = row?.totals as Report['items'][number]['totals'];
    const leaveDays = [...taken].filter((d) => d.startsWith(month) && cal.isWorking(d)).length;
    expect(totals.missing, month).toBe(0);
    expect(totals.leaveTotal, month).toBe(leaveDays);
    expect(totals.present + totals.absent + totals.leaveTotal, month).toBe(totals.workingDays);
    seen += totals.present + totals.absent;
  }
  expect(seen).toBe(records);

  // leave: returned requests of the working days taken, back on post the day after
  const list = await get<{
    items: { status: string; days: number; returnedOn: string | null; startDate: string; endDate: string }[];
    total: number;
  }>(`/api/leave?postingId=${posting.id}`);
  expect(list.total).toBe(3);
  for (const r of list.items) {
    expect(r.status).toBe('returned');
    const days = [...taken].filter((d) => d >= r.startDate && d <= r.endDate).length;
    expect(r.days).toBe(days);
    expect(r.returnedOn && r.returnedOn > r.endDate).toBe(true);
  }

  // achievements: the ledger's verified and claimed counts and sums are the rows'
  const totals = await get<{
    overall: { kind: string; verified: string; verifiedCount: number; claimedCount: number }[];
  }>(`/api/achievements/totals?postingId=${posting.id}&groupBy=batch`);
  const rows = await t.ctx.db
    .selectFrom('achievements')
    .selectAll()
    .where('postingId', '=', posting.id)
    .execute();
  const verified = rows.filter((r) => r.status === 'verified');
  expect(verified).toHaveLength(6);
  expect(totals.overall.reduce((n, l) => n + l.verifiedCount, 0)).toBe(6);
  expect(totals.overall.reduce((n, l) => n + l.claimedCount, 0)).toBe(4);
  const funds = verified.filter((r) => r.kind === 'funds_secured');
  const line = totals.overall.find((l) => l.kind === 'funds_secured');
  // the ledger sums base units (ADR 034): the rows' base amounts, exactly
  expect(line?.verified).toBe(String(funds.reduce((n, r) => n + Number(r.baseAmount), 0)));
});
