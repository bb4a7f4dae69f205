import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LeaveDetail } from '../../common/leave/leave.schema.js';
import { zBatchInput } from '../../common/programmes/programmes.schema.js';
import { zUnitInput } from '../../common/units/units.schema.js';
import { createAccount, createTestApp, login, type TestApp, unitInput } from '../../test/helpers.js';
import { downThrough, upFrom } from '../../test/migrations.js';
import { activePostingOf } from '../../test/on-post.js';
import { systemActor } from '../core/context.js';
import * as programmes from '../programmes/programmes.service.js';
import { sendReminders } from '../reminders/reminders.service.js';
import * as units from '../units/units.service.js';
import { unreturnedBefore } from './leave.repository.js';

let t: TestApp;
const seeder = () => systemActor(null, 'leave-test');
let batchId: string;
let programmeId: string;
let sendingUnit: string;
let receivingUnit: string;
let otherUnit: string;
const c = {} as Record<
  | 'cadre'
  | 'sending'
  | 'receiving'
  | 'receivingOrg'
  | 'programmeOrg'
  | 'otherReceiving'
  | 'otherOrg'
  | 'otherCadre'
  | 'deputy'
  | 'admin',
  string
>;
let cadreUser: string;
/** The account ids behind the cookies of `c`. */
const who = {} as Record<keyof typeof c, string>;

const unit = async (name: string, regionCode: string) =>
  (
    await units.create(
      t.ctx,
      seeder(),
      zUnitInput.parse(unitInput({ name: `${name}${randomUUID().slice(0, 4)}`, regionCode })),
    )
  ).id;
const account = async (
  role: 'org_dept' | 'sending_liaison' | 'receiving_manager' | 'cadre' | 'system_admin',
  scope: { regionCode?: string; unitId?: string } = {},
) => {
  const a = await createAccount(t.ctx, {
    grants: [
      { role, regionCode: scope.regionCode ?? null, unitId: scope.unitId ?? null, programmeIds: null },
    ],
  });
  return { id: a.id, username: a.username, cookie: await login(t.app, a) };
};
let deputyName: string;

beforeAll(async () => {
  t = await createTestApp();
  sendingUnit = await unit('苏州市派出局', '320508');
  receivingUnit = await unit('南明区接收局', '520102');
  otherUnit = await unit('台江县其他局', '522630');
  const programme = await programmes.createProgramme(t.ctx, seeder(), {
    name: '请假测试项目',
    kind: 'cross_region',
    regionCode: '522600',
    description: null,
  });
  programmeId = programme.id;
  batchId = (
    await programmes.createBatch(
      t.ctx,
      seeder(),
      zBatchInput.parse({
        programmeId,
        name: '第一批',
        plannedStart: '2026-01-05',
        plannedEnd: '2026-12-31',
        termMonths: 12,
      }),
    )
  ).id;
  const cad = await account('cadre');
  cadreUser = cad.id;
  c.cadre = cad.cookie;
  who.cadre = cad.id;
  ({ cookie: c.sending, id: who.sending } = await account('sending_liaison', { unitId: sendingUnit }));
  ({ cookie: c.receiving, id: who.receiving } = await account('receiving_manager', {
    unitId: receivingUnit,
  }));
  ({ cookie: c.receivingOrg, id: who.receivingOrg } = await account('org_dept', { regionCode: '520100' }));
  ({ cookie: c.programmeOrg, id: who.programmeOrg } = await account('org_dept', { regionCode: '522600' }));
  ({ cookie: c.otherReceiving, id: who.otherReceiving } = await account('receiving_manager', {
    unitId: otherUnit,
  }));
  ({ cookie: c.otherOrg, id: who.otherOrg } = await account('org_dept', { regionCode: '330000' }));
  ({ cookie: c.otherCadre, id: who.otherCadre } = await account('cadre'));
  const deputy = await account('receiving_manager', { unitId: otherUnit });
  c.deputy = deputy.cookie;
  who.deputy = deputy.id;
  deputyName = deputy.username;
  ({ cookie: c.admin, id: who.admin } = await account('system_admin'));
}, 60_000);
afterAll(() => t.close());

/** An active (在岗) posting of a fresh cadre linked to `userId`, from `start` to the batch's end. */
const activePosting = (
  userId: string | null = cadreUser,
  start = '2026-01-05',
  rankLevel = 'division_deputy',
) =>
  activePostingOf(t.ctx, {
    batchId,
    sendingUnitId: sendingUnit,
    receivingUnitId: receivingUnit,
    userId,
    start,
    rankLevel,
  });

const call = (
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  url: string,
  cookie: string | undefined,
  payload?: object,
) =>
  t.app.inject({
    method,
    url,
    payload,
    headers: { 'x-requested-with': 'test', ...(cookie ? { cookie } : {}) },
  });
const ok = async (res: Awaited<ReturnType<typeof call>>) => {
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as LeaveDetail;
};
const ask = (postingId: string, over: object = {}, cookie = c.cadre) =>
  call('POST', '/api/leave', cookie, {
    postingId,
    kind: 'family_visit',
    startDate: '2026-03-02',
    startHalf: 'am',
    endDate: '2026-03-06',
    endHalf: 'pm',
    reason: '探望父母',
    ...over,
  });
const decide = (
  l: { id: string; version: number },
  cookie: string,
  decision = 'approve',
  comment: string | null = '同意',
) => call('POST', `/api/leave/${l.id}/decide`, cookie, { decision, comment, version: l.version });

describe('GET /api/calendar/working-days', () => {
  it('answers working days, holidays and make-up days for 2026 国庆', async () => {
    const res = await call('GET', '/api/calendar/working-days?from=2026-09-28&to=2026-10-11', c.cadre);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.workingDays).toBe(6);
    expect(body.holidays.map((h: { date: string }) => h.date)).toEqual([
      '2026-10-01',
      '2026-10-02',
      '2026-10-03',
      '2026-10-04',
      '2026-10-05',
      '2026-10-06',
      '2026-10-07',
    ]);
    expect(body.makeUpDays).toEqual([{ date: '2026-10-10', kind: 'makeup_workday', name: '国庆节' }]);
    const sept = (
      await call('GET', '/api/calendar/working-days?from=2026-09-20&to=2026-09-20', c.cadre)
    ).json();
    expect(sept.workingDays).toBe(1);
  });

  it('counts 春节 2026', async () => {
    const body = (
      await call('GET', '/api/calendar/working-days?from=2026-02-09&to=2026-03-01', c.receiving)
    ).json();
    expect(body.workingDays).toBe(11);
    expect(body.holidays).toHaveLength(9);
    expect(body.makeUpDays.map((d: { date: string }) => d.date)).toEqual(['2026-02-14', '2026-02-28']);
  });

  it('refuses a range outside the known years with a 400 naming the field, until the admin adds the year', async () => {
    const res = await call('GET', '/api/calendar/working-days?from=2026-12-28&to=2027-01-08', c.cadre);
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('结束日期');
    expect(res.json().message).toContain('2027 年的节假日安排尚未发布或录入');
    expect(res.json().fields[0].field).toBe('to');
    const before = await call('GET', '/api/calendar/working-days?from=2003-01-01&to=2003-01-08', c.cadre);
    expect(before.json().fields[0].field).toBe('from');

    expect((await call('POST', '/api/calendar/years', c.cadre, { year: 2030, note: null })).statusCode).toBe(
      403,
    );
    const added = await call('POST', '/api/calendar/years', c.admin, {
      year: 2027,
      note: '国务院通知发布前',
    });
    expect(added.statusCode, added.body).toBe(200);
    expect(added.json()).toMatchObject({ year: 2027, official: false, added: true });
    const day = await call('POST', '/api/calendar/days', c.admin, {
      date: '2027-01-01',
      kind: 'holiday',
      name: '元旦',
      regionCode: null,
    });
    expect(day.statusCode, day.body).toBe(200);
    const body = (
      await call('GET', '/api/calendar/working-days?from=2026-12-28&to=2027-01-08', c.cadre)
    ).json();
    // 12-28..12-31 (Mon–Thu) + 01-04..01-08; 01-01 (Fri) is the added holiday
    expect(body.workingDays).toBe(9);
    expect(body.holidays).toEqual([{ date: '2027-01-01', kind: 'holiday', name: '元旦' }]);
    const again = await call('POST', '/api/calendar/years', c.admin, { year: 2026, note: null });
    expect(again.statusCode).toBe(400);
    expect(again.json().message).toContain('2026 年已在工作日历中');
    const audit = await t.ctx.db
      .selectFrom('auditLog')
      .select('action')
      .where('action', 'like', 'calendar.%')
      .where('result', '=', 'success')
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['calendar.addDay', 'calendar.addYear']);
  });

  it('a local day off counts for its region only; the admin page lists it and can remove it', async () => {
    const day = await call('POST', '/api/calendar/days', c.admin, {
      date: '2026-04-13',
      kind: 'holiday',
      name: '地方民族节日',
      regionCode: '520000',
    });
    expect(day.statusCode, day.body).toBe(200);
    expect(day.json().regionPrefix).toBe('52');
    const there = (
      await call('GET', '/api/calendar/working-days?from=2026-04-13&to=2026-04-17&region=520102', c.cadre)
    ).json();
    const here = (
      await call('GET', '/api/calendar/working-days?from=2026-04-13&to=2026-04-17&region=320508', c.cadre)
    ).json();
    expect([there.workingDays, here.workingDays]).toEqual([4, 5]);
    const year = (await call('GET', '/api/calendar/years?year=2026', c.admin)).json();
    expect(year.official).toBe(true);
    expect(year.localDays.map((d: { name: string }) => d.name)).toContain('地方民族节日');
    expect(year.officialDays.some((d: { date: string }) => d.date === '2026-10-10')).toBe(true);
    expect((await call('DELETE', `/api/calendar/days/${day.json().id}`, c.cadre)).statusCode).toBe(403);
    expect((await call('DELETE', `/api/calendar/days/${day.json().id}`, c.admin)).statusCode).toBe(200);
    const after = (
      await call('GET', '/api/calendar/working-days?from=2026-04-13&to=2026-04-17&region=520102', c.cadre)
    ).json();
    expect(after.workingDays).toBe(5);
  });
});

describe('leave requests', () => {
  it('counts the length in working days with half days, and routes by length: 2, 5, 10 days → 1, 2, 3 steps', async () => {
    const p = await activePosting();
    const two = await ok(await ask(p.id, { startDate: '2026-03-02', endDate: '2026-03-03' }));
    expect(two.days).toBe(2);
    expect(two.steps.map((s) => s.approver)).toEqual(['receiving_unit']);
    const five = await ok(await ask(p.id, { startDate: '2026-03-09', endDate: '2026-03-13' }));
    expect(five.days).toBe(5);
    expect(five.steps.map((s) => s.approver)).toEqual(['receiving_unit', 'receiving_org']);
    const ten = await ok(await ask(p.id, { startDate: '2026-03-16', endDate: '2026-03-27' }));
    expect(ten.days).toBe(10);
    expect(ten.steps.map((s) => [s.approver, s.decision])).toEqual([
      ['receiving_unit', 'pending'],
      ['receiving_org', 'waiting'],
      ['programme_org', 'waiting'],
    ]);
    // Friday afternoon to Monday morning next to the weekend: one working day in halves
    const half = await ok(
      await ask(p.id, { startDate: '2026-04-03', startHalf: 'pm', endDate: '2026-04-07', endHalf: 'am' }),
    );
    // 04-04..04-06 is 清明 (Sat–Mon): 04-03 pm + 04-07 am
    expect(half.days).toBe(1);
    // 3.5 days: beyond 3, so two steps
    const threeHalf = await ok(
      await ask(p.id, { startDate: '2026-04-13', endDate: '2026-04-16', endHalf: 'am' }),
    );
    expect(threeHalf.days).toBe(3.5);
    expect(threeHalf.steps).toHaveLength(2);
    // the 国庆 week: 09-28..10-09 is 6 working days (10-01..10-07 off)
    const national = await ok(await ask(p.id, { startDate: '2026-09-28', endDate: '2026-10-09' }));
    expect(national.days).toBe(5);
    expect(national.steps).toHaveLength(2);
  });

  it('walks the chain: each step approves with a comment, the request is 已批准 after the last', async () => {
    const p = await activePosting();
    let l = await ok(await ask(p.id, { startDate: '2026-05-11', endDate: '2026-05-22' }));
    expect((await decide(l, c.receivingOrg)).statusCode).toBe(403);
    expect((await decide(l, c.otherReceiving)).statusCode).toBe(404);
    expect(
      (await call('GET', `/api/leave?view=todo`, c.receiving)).json().items.map((i: { id: string }) => i.id),
    ).toContain(l.id);
    expect(
      (await call('GET', `/api/leave?view=todo`, c.receivingOrg))
        .json()
        .items.map((i: { id: string }) => i.id),
    ).not.toContain(l.id);
    l = await ok(await decide(l, c.receiving, 'approve', '同意，注意安全'));
    expect(l.status).toBe('pending');
    expect(l.currentStep).toBe(2);
    l = await ok(await decide(l, c.receivingOrg));
    expect(
      (await call('GET', `/api/leave?view=todo`, c.programmeOrg))
        .json()
        .items.map((i: { id: string }) => i.id),
    ).toContain(l.id);
    l = await ok(await decide(l, c.programmeOrg, 'approve', '同意'));
    expect(l.status).toBe('approved');
    expect(l.steps.map((s) => [s.decision, s.comment])).toEqual([
      ['approved', '同意，注意安全'],
      ['approved', '同意'],
      ['approved', '同意'],
    ]);
    expect(l.history.map((h) => h.to)).toEqual(['pending', 'pending', 'pending', 'approved']);
    // the sending unit reads it and decides nothing
    const seen = await call('GET', `/api/leave/${l.id}`, c.sending);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().actions).toEqual([]);
    expect((await call('GET', `/api/leave/${l.id}`, c.otherOrg)).statusCode).toBe(404);
    expect((await call('GET', `/api/leave/${l.id}`, c.otherCadre)).statusCode).toBe(404);
  });

  it('tells whoever a step now waits on: the step’s approvers, the cadre when decided, the receiving unit on 销假, a named substitute', async () => {
    const p = await activePosting();
    const inbox = async (userId: string, leaveId: string) =>
      (
        await t.ctx.db
          .selectFrom('notifications')
          .select(['kind', 'params'])
          .where('userId', '=', userId)
          .orderBy('createdAt')
          .execute()
      )
        .filter((n) => JSON.parse(n.params).leaveId === leaveId)
        .map((n) => n.kind);
    const inboxText = async (cookie: string) =>
      (await call('GET', '/api/notifications', cookie))
        .json()
        .items.map((n: { message: string }) => n.message);
    let l = await ok(await ask(p.id, { startDate: '2026-08-03', endDate: '2026-08-07' }));
    expect(await inbox(who.receiving, l.id)).toEqual(['leave.toDecide']);
    expect(await inboxText(c.receiving)).toContain(
      `${p.cadre.name}（${l.receivingUnitName}）申请探亲假 5 个工作日（2026-08-03 至 2026-08-07），待您审批`,
    );
    // not yet the next step's, nor another unit's, nor the cadre's own
    for (const id of [who.receivingOrg, who.otherReceiving, who.cadre, who.programmeOrg])
      expect(await inbox(id, l.id)).toEqual([]);
    l = await ok(await decide(l, c.receiving));
    expect(await inbox(who.receivingOrg, l.id)).toEqual(['leave.toDecide']);
    expect(await inbox(who.otherOrg, l.id)).toEqual([]);
    l = await ok(
      await call('POST', `/api/leave/${l.id}/substitute`, c.receivingOrg, {
        username: deputyName,
        version: l.version,
      }),
    );
    expect(await inbox(who.deputy, l.id)).toEqual(['leave.substituteNamed']);
    l = await ok(await decide(l, c.deputy, 'approve', '代为审批：同意'));
    expect(l.status).toBe('approved');
    expect(await inbox(who.cadre, l.id)).toEqual(['leave.decided']);
    expect(await inboxText(c.cadre)).toContain('您 2026-08-03 至 2026-08-07 的探亲假申请已批准');
    await t.ctx.db
      .updateTable('leaveRequests')
      .set({ endDate: '2025-12-31', startDate: '2025-12-29' })
      .where('id', '=', l.id)
      .execute();
    l = await ok(
      await call('POST', `/api/leave/${l.id}/return`, c.cadre, { date: '2026-01-02', version: l.version }),
    );
    expect(await inbox(who.receiving, l.id)).toEqual(['leave.toDecide', 'leave.toConfirmReturn']);
    expect(await inbox(who.otherReceiving, l.id)).toEqual([]);
  });

  it('a rejection needs a comment and ends the chain', async () => {
    const p = await activePosting();
    const l = await ok(await ask(p.id, { startDate: '2026-06-01', endDate: '2026-06-05' }));
    const bare = await decide(l, c.receiving, 'reject', null);
    expect(bare.statusCode).toBe(400);
    expect(bare.json().message).toContain('驳回时请填写意见');
    const done = await ok(await decide(l, c.receiving, 'reject', '近期工作任务重，请改期'));
    expect(done.status).toBe('rejected');
    expect(done.steps.map((s) => s.decision)).toEqual(['rejected', 'cancelled']);
    // a rejected request does not hold its days
    expect((await ask(p.id, { startDate: '2026-06-01', endDate: '2026-06-05' })).statusCode).toBe(200);
  });

  it('a substitute named by the approver decides the step, and only it', async () => {
    const p = await activePosting();
    let l = await ok(await ask(p.id, { startDate: '2026-07-06', endDate: '2026-07-10' }));
    expect(l.actions).toEqual(['withdraw']);
    const mgr = await ok(await call('GET', `/api/leave/${l.id}`, c.receiving));
    expect(mgr.actions).toEqual(['decide', 'substitute']);
    // the deputy (a manager of another unit) reaches nothing before being named
    expect((await decide(l, c.deputy)).statusCode).toBe(404);
    const unknown = await call('POST', `/api/leave/${l.id}/substitute`, c.receiving, {
      username: 'nobody',
      version: l.version,
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().message).toContain('找不到可审批请假的账号“nobody”');
    expect(
      (
        await call('POST', `/api/leave/${l.id}/substitute`, c.cadre, {
          username: deputyName,
          version: l.version,
        })
      ).statusCode,
    ).toBe(403);
    l = await ok(
      await call('POST', `/api/leave/${l.id}/substitute`, c.receiving, {
        username: deputyName,
        version: l.version,
      }),
    );
    expect(l.steps[0]?.substitute).not.toBeNull();
    expect(
      (await call('GET', '/api/leave?view=todo', c.deputy)).json().items.map((i: { id: string }) => i.id),
    ).toEqual([l.id]);
    l = await ok(await decide(l, c.deputy, 'approve', '代为审批：同意'));
    expect(l.currentStep).toBe(2);
    expect(l.steps[0]?.comment).toBe('代为审批：同意');
    // the next step is not the substitute's
    expect((await decide(l, c.deputy)).statusCode).toBe(404);
    const audit = await t.ctx.db
      .selectFrom('auditLog')
      .select(['action', 'diff'])
      .where('objectId', '=', l.id)
      .where('result', '=', 'success')
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['leave.create', 'leave.substitute', 'leave.decide']);
    expect(JSON.parse(audit[2]?.diff ?? '{}').substitute).toEqual({ to: true });
  });

  it('the cadre withdraws before the first decision, not after', async () => {
    const p = await activePosting();
    const l = await ok(await ask(p.id, { startDate: '2026-08-03', endDate: '2026-08-04' }));
    expect(
      (await call('POST', `/api/leave/${l.id}/withdraw`, c.receiving, { version: l.version })).statusCode,
    ).toBe(403);
    const w = await ok(await call('POST', `/api/leave/${l.id}/withdraw`, c.cadre, { version: l.version }));
    expect(w.status).toBe('withdrawn');
    expect(w.steps[0]?.decision).toBe('cancelled');
    const m = await ok(await ask(p.id, { startDate: '2026-08-10', endDate: '2026-08-14' }));
    const decided = await ok(await decide(m, c.receiving));
    const late = await call('POST', `/api/leave/${m.id}/withdraw`, c.cadre, { version: decided.version });
    expect(late.statusCode).toBe(409);
    expect(late.json().message).toBe('审批已开始，不能撤回');
  });

  it('refuses overlapping requests and requests outside the posting, naming the field', async () => {
    const p = await activePosting(cadreUser, '2026-02-02');
    await ok(
      await ask(p.id, { startDate: '2026-09-07', endDate: '2026-09-08', startHalf: 'pm', endHalf: 'am' }),
    );
    const overlap = await ask(p.id, { startDate: '2026-09-08', endDate: '2026-09-09' });
    expect(overlap.statusCode).toBe(400);
    expect(overlap.json().fields[0].field).toBe('startDate');
    expect(overlap.json().message).toContain('与已有的请假（探亲假，2026-09-07 至 2026-09-08）时间重叠');
    // the afternoon of the day the other ends at noon is free
    expect(
      (await ask(p.id, { startDate: '2026-09-08', startHalf: 'pm', endDate: '2026-09-08' })).statusCode,
    ).toBe(200);
    const before = await ask(p.id, { startDate: '2026-01-26', endDate: '2026-02-03' });
    expect(before.statusCode).toBe(400);
    expect(before.json().fields[0].field).toBe('startDate');
    expect(before.json().message).toContain('请假开始日期早于到岗日期 2026-02-02');
    const after = await ask(p.id, { startDate: '2026-12-28', endDate: '2027-01-05' });
    expect(after.statusCode).toBe(400);
    expect(after.json().fields[0].field).toBe('endDate');
    expect(after.json().message).toContain('请假结束日期晚于挂职期满日期 2026-12-31');
    const weekend = await ask(p.id, { startDate: '2026-10-03', endDate: '2026-10-04' });
    expect(weekend.json().message).toContain('所选时段内没有工作日');
    const backwards = await ask(p.id, { startDate: '2026-10-13', endDate: '2026-10-12' });
    expect(backwards.json().fields[0].field).toBe('endDate');
    await t.ctx.db.updateTable('postings').set({ status: 'proposed' }).where('id', '=', p.id).execute();
    const proposed = await ask(p.id, { startDate: '2026-11-02', endDate: '2026-11-03' });
    expect(proposed.json().fields[0].field).toBe('postingId');
    expect(proposed.json().message).toContain('只能在“在岗”期间请假');
    // another cadre's posting: not found
    const mine = await activePosting();
    expect((await ask(mine.id, {}, c.otherCadre)).statusCode).toBe(404);
    expect(
      await t.ctx.db.selectFrom('leaveRequests').select('id').where('postingId', '=', p.id).execute(),
    ).toHaveLength(2);
  });

  it('销假: the cadre reports back, the receiving unit confirms; an unreturned leave is flagged', async () => {
    const p = await activePosting(cadreUser, '2025-12-01');
    const future = await ok(await ask(p.id, { startDate: '2026-01-12', endDate: '2026-01-13' }));
    expect((await ok(await decide(future, c.receiving))).overdue).toBe(false);
    // today is 2026-01-05 (the test clock): a leave that ended in December is overdue
    let l = await ok(await ask(p.id, { startDate: '2025-12-08', endDate: '2025-12-09' }));
    l = await ok(await decide(l, c.receiving));
    expect(l.status).toBe('approved');
    expect(l.overdue).toBe(true);
    l = await ok(await call('GET', `/api/leave/${l.id}`, c.cadre));
    expect(l.actions).toEqual(['return']);
    expect((await unreturnedBefore(t.ctx.db, '2026-01-05')).map((r) => r.id)).toEqual([l.id]);
    // the daily reminder: to the cadre and to the receiving unit's manager, once
    const first = await sendReminders(t.ctx);
    expect(first.sent.leaveNotReturned).toBe(2);
    expect((await sendReminders(t.ctx)).sent.leaveNotReturned).toBe(0);
    const notes = await t.ctx.db
      .selectFrom('notifications')
      .select(['userId', 'params'])
      .where('kind', '=', 'reminder.leaveNotReturned')
      .execute();
    expect(notes.map((n) => n.userId)).toContain(cadreUser);
    expect(JSON.parse(notes[0]?.params ?? '{}')).toMatchObject({ leaveId: l.id, endDate: '2025-12-09' });
    const early = await call('POST', `/api/leave/${l.id}/return`, c.cadre, {
      date: '2025-12-07',
      version: l.version,
    });
    expect(early.json().message).toContain('销假日期不能早于请假开始日期 2025-12-08');
    expect(
      (
        await call('POST', `/api/leave/${l.id}/return`, c.receiving, {
          date: '2025-12-10',
          version: l.version,
        })
      ).statusCode,
    ).toBe(403);
    l = await ok(
      await call('POST', `/api/leave/${l.id}/return`, c.cadre, { date: '2025-12-10', version: l.version }),
    );
    expect([l.status, l.returnedOn, l.overdue]).toEqual(['returning', '2025-12-10', false]);
    expect(
      (await call('POST', `/api/leave/${l.id}/confirm-return`, c.sending, { version: l.version })).statusCode,
    ).toBe(403);
    expect(
      (await call('GET', '/api/leave?view=todo', c.receiving)).json().items.map((i: { id: string }) => i.id),
    ).toContain(l.id);
    l = await ok(
      await call('POST', `/api/leave/${l.id}/confirm-return`, c.receiving, { version: l.version }),
    );
    expect(l.status).toBe('returned');
    expect(l.history.map((h) => h.to)).toEqual(['pending', 'approved', 'returning', 'returned']);
  });

  it('the routing table is the programme 组织部’s: by length and by level', async () => {
    const routes = (await call('GET', `/api/programmes/${programmeId}/leave-routes`, c.programmeOrg)).json();
    expect(routes.version).toBeNull();
    expect(routes.rules.map((r: { upToDays: number | null }) => r.upToDays)).toEqual([3, 7, null]);
    expect((await call('GET', `/api/programmes/${programmeId}/leave-routes`, c.otherOrg)).statusCode).toBe(
      404,
    );
    const rules = [
      { upToDays: null, rankLevels: ['bureau_deputy'], approvers: ['receiving_unit', 'programme_org'] },
      { upToDays: 1, rankLevels: null, approvers: ['receiving_unit'] },
      { upToDays: null, rankLevels: null, approvers: ['receiving_unit', 'receiving_org'] },
    ];
    const open = await call('PUT', `/api/programmes/${programmeId}/leave-routes`, c.programmeOrg, {
      rules: rules.slice(0, 2),
      version: null,
    });
    expect(open.statusCode).toBe(400);
    expect(open.json().message).toContain('最后一条规则须适用于任何天数和级别');
    const saved = await call('PUT', `/api/programmes/${programmeId}/leave-routes`, c.programmeOrg, {
      rules,
      version: null,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().version).toBe(1);
    const stale = await call('PUT', `/api/programmes/${programmeId}/leave-routes`, c.programmeOrg, {
      rules,
      version: null,
    });
    expect(stale.statusCode).toBe(409);
    const senior = await activePosting(cadreUser, '2026-01-05', 'bureau_deputy');
    const s = await ok(await ask(senior.id, { startDate: '2026-11-02', endDate: '2026-11-02' }));
    expect(s.steps.map((x) => x.approver)).toEqual(['receiving_unit', 'programme_org']);
    const junior = await activePosting(cadreUser);
    const j = await ok(await ask(junior.id, { startDate: '2026-11-02', endDate: '2026-11-03' }));
    expect(j.steps.map((x) => x.approver)).toEqual(['receiving_unit', 'receiving_org']);
    await t.ctx.db.deleteFrom('leaveRoutes').execute();
  });

  it('every route answers 401 without a session and 403 to a role not allowed', async () => {
    const p = await activePosting();
    const l = await ok(await ask(p.id, { startDate: '2026-12-07', endDate: '2026-12-08' }));
    const routes: [
      method: 'GET' | 'POST' | 'PUT' | 'DELETE',
      url: string,
      forbidden: string,
      body?: object,
    ][] = [
      ['GET', '/api/calendar/working-days?from=2026-01-01&to=2026-01-31', ''],
      ['GET', '/api/calendar/years?year=2026', ''],
      ['POST', '/api/calendar/years', c.programmeOrg, { year: 2031, note: null }],
      [
        'POST',
        '/api/calendar/days',
        c.receiving,
        { date: '2026-05-06', kind: 'holiday', name: '测试', regionCode: null },
      ],
      ['DELETE', `/api/calendar/days/${randomUUID()}`, c.cadre],
      ['GET', '/api/leave', c.admin],
      ['GET', `/api/leave/${l.id}`, c.admin],
      [
        'POST',
        '/api/leave',
        c.receiving,
        {
          postingId: p.id,
          kind: 'sick',
          startDate: '2026-12-14',
          startHalf: 'am',
          endDate: '2026-12-14',
          endHalf: 'pm',
          reason: '看病',
        },
      ],
      ['POST', `/api/leave/${l.id}/withdraw`, c.programmeOrg, { version: l.version }],
      [
        'POST',
        `/api/leave/${l.id}/decide`,
        c.cadre,
        { decision: 'approve', comment: null, version: l.version },
      ],
      ['POST', `/api/leave/${l.id}/substitute`, c.sending, { username: deputyName, version: l.version }],
      ['POST', `/api/leave/${l.id}/return`, c.receiving, { date: '2026-01-05', version: l.version }],
      ['POST', `/api/leave/${l.id}/confirm-return`, c.cadre, { version: l.version }],
      ['GET', `/api/programmes/${programmeId}/leave-routes`, c.receiving],
      [
        'PUT',
        `/api/programmes/${programmeId}/leave-routes`,
        c.sending,
        { rules: [{ upToDays: null, rankLevels: null, approvers: ['receiving_unit'] }], version: null },
      ],
    ];
    const routesOfApp = t.app.printRoutes({ commonPrefix: false });
    for (const path of ['/api/leave', '/api/calendar/working-days', '/api/programmes/:id/leave-routes'])
      expect(routesOfApp).toContain(path.split('/').at(-1));
    for (const [method, url, forbidden, body] of routes) {
      const anon = await call(method, url, undefined, body);
      expect(anon.statusCode, `${method} ${url}`).toBe(401);
      if (forbidden) {
        const res = await call(method, url, forbidden, body);
        expect(res.statusCode, `${method} ${url}`).toBe(403);
        expect(res.json().message).toBe('没有权限执行此操作');
      }
    }
    const after = await ok(await call('GET', `/api/leave/${l.id}`, c.cadre));
    expect([after.status, after.version]).toEqual(['pending', l.version]);
    expect(
      await t.ctx.db.selectFrom('calendarYears').select('year').where('year', '=', 2031).execute(),
    ).toEqual([]);
  });
});

describe('migration 20261203140000_leave_calendar', () => {
  it('goes down (tables and leave history gone) and up again', async () => {
    const before = await t.ctx.db.selectFrom('leaveRequests').select('id').execute();
    expect(before.length).toBeGreaterThan(0);
    await t.ctx.db
      .transaction()
      .execute(async (trx) => {
        // biome-ignore lint/suspicious/noExplicitAny: migrations run on untyped Kysely
        const raw = trx.withoutPlugins() as unknown as Kysely<any>;
        await downThrough(raw, '20261203140000_leave_calendar');
        expect(
          await raw.selectFrom('status_history').select('id').where('object_type', '=', 'leave').execute(),
        ).toEqual([]);
        await upFrom(raw, '20261203140000_leave_calendar');
        expect(await raw.selectFrom('leave_requests').select('id').execute()).toEqual([]);
        throw new Error('roll back');
      })
      .catch((error: Error) => expect(error.message).toBe('roll back'));
    expect(await t.ctx.db.selectFrom('leaveRequests').select('id').execute()).toHaveLength(before.length);
  });
});
