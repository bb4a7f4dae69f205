import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PostingMonth, Report } from '../../common/attendance/attendance.schema.js';
import { createTestApp, type TestApp } from '../../test/helpers.js';
import { downThrough, upFrom } from '../../test/migrations.js';
import {
  activePostingOf,
  type PartyRole,
  partyAccount,
  programmeBatch,
  testUnit,
} from '../../test/on-post.js';
import { sendReminders } from '../reminders/reminders.service.js';

// The test clock's day is 2026-01-05 (a Monday, China date): "today" for check-ins; the
// previous month (2025-12) is the month of the summary, the report and the reminder.

let t: TestApp;
let batchId: string;
let sendingUnit: string;
let receivingUnit: string;
let otherUnit: string;
const c = {} as Record<
  'cadre' | 'sending' | 'receiving' | 'receivingOrg' | 'programmeOrg' | 'otherReceiving' | 'otherOrg',
  string
>;
let cadreUser: string;
let receivingUser: string;

const unit = (name: string, regionCode: string) => testUnit(t.ctx, name, regionCode);
const account = (role: PartyRole, scope: { regionCode?: string; unitId?: string } = {}) =>
  partyAccount(t, role, scope);

beforeAll(async () => {
  t = await createTestApp();
  sendingUnit = await unit('苏州市派出局', '320508');
  receivingUnit = await unit('南明区接收局', '520102');
  otherUnit = await unit('台江县其他局', '522630');
  const made = await programmeBatch(t.ctx, {
    name: '考勤测试项目',
    regionCode: '522600',
    plannedStart: '2025-12-01',
    plannedEnd: '2026-11-30',
  });
  batchId = made.batchId;
  const cad = await account('cadre');
  cadreUser = cad.id;
  c.cadre = cad.cookie;
  c.sending = (await account('sending_liaison', { unitId: sendingUnit })).cookie;
  const rec = await account('receiving_manager', { unitId: receivingUnit });
  receivingUser = rec.id;
  c.receiving = rec.cookie;
  c.receivingOrg = (await account('org_dept', { regionCode: '520100' })).cookie;
  c.programmeOrg = (await account('org_dept', { regionCode: '522600' })).cookie;
  c.otherReceiving = (await account('receiving_manager', { unitId: otherUnit })).cookie;
  c.otherOrg = (await account('org_dept', { regionCode: '330000' })).cookie;
}, 60_000);
afterAll(() => t.close());

/** An active (在岗) posting at the receiving unit of a fresh cadre, linked to the cadre account. */
const activePosting = (start = '2025-12-01') =>
  activePostingOf(t.ctx, {
    batchId,
    sendingUnitId: sendingUnit,
    receivingUnitId: receivingUnit,
    userId: cadreUser,
    start,
  });

const call = (method: 'GET' | 'POST' | 'PUT', url: string, cookie: string | undefined, payload?: object) =>
  t.app.inject({
    method,
    url,
    payload,
    headers: { 'x-requested-with': 'test', ...(cookie ? { cookie } : {}) },
  });
const ok = async <T = PostingMonth>(res: Awaited<ReturnType<typeof call>>) => {
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as T;
};
const checkIn = (postingId: string, location: object | null = null, cookie = c.cadre) =>
  call('POST', '/api/attendance/check-in', cookie, { postingId, location });
const setDay = (postingId: string, date: string, status: string, cookie = c.receiving, reason = '经核实') =>
  call('PUT', `/api/attendance/postings/${postingId}/days/${date}`, cookie, { status, reason });
/** Near 南明区 (the place set below) and about 100 km away. */
const HERE = { lat: 26.568, lng: 106.714, accuracy: 30 };
const FAR = { lat: 27.47, lng: 106.714, accuracy: 50 };

describe('check-in', () => {
  it('once per day, for today, on the cadre’s own active posting', async () => {
    const p = await activePosting();
    const before = await ok(await call('GET', `/api/attendance/postings/${p.id}?month=2026-01`, c.cadre));
    expect(before.actions).toEqual(['checkIn']);
    expect(before.todayStatus).toBeNull();
    const home = (await call('GET', '/api/home', c.cadre)).json();
    expect(JSON.stringify(home)).toContain('今天尚未打卡');

    const done = await ok(await checkIn(p.id));
    expect(done.today).toBe('2026-01-05');
    expect(done.todayStatus).toBe('present');
    expect(done.actions).toEqual([]);
    expect(done.days[4]).toMatchObject({ date: '2026-01-05', kind: 'present', symbol: '√' });
    const again = await checkIn(p.id);
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toBe('今天已有考勤记录（在岗），每天只能打卡一次；如有误请联系接收单位更正');
    const stored = await t.ctx.db
      .selectFrom('attendanceRecords')
      .selectAll()
      .where('postingId', '=', p.id)
      .execute();
    expect(stored.map((r) => [r.date, r.status, r.source, r.lat])).toEqual([
      ['2026-01-05', 'present', 'checkin', null],
    ]);
    expect(JSON.stringify((await call('GET', '/api/home', c.cadre)).json())).not.toContain('今天尚未打卡');
  });

  it('refuses a day outside the posting’s dates, a posting not 在岗, and someone else’s posting', async () => {
    const later = await activePosting('2026-02-01');
    const res = await checkIn(later.id);
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('今天（2026-01-05）早于到岗日期 2026-02-01，不在挂职期内，不能打卡');
    expect(res.json().fields[0].field).toBe('postingId');
    await t.ctx.db.updateTable('postings').set({ status: 'ended' }).where('id', '=', later.id).execute();
    const ended = await checkIn(later.id);
    expect(ended.statusCode).toBe(400);
    expect(ended.json().message).toContain('只能在“在岗”期间打卡，该挂职当前为“期满”');
    const mine = await activePosting();
    const other = await account('cadre');
    expect((await checkIn(mine.id, null, other.cookie)).statusCode).toBe(404);
    expect((await checkIn(mine.id, null, c.receiving)).statusCode).toBe(403);
    expect(
      await t.ctx.db
        .selectFrom('attendanceRecords')
        .select('id')
        .where('postingId', 'in', [later.id, mine.id])
        .execute(),
    ).toEqual([]);
  });

  it('keeps the position and marks a check-in beyond the receiving unit’s radius as far', async () => {
    const unset = await ok(await call('GET', `/api/attendance/places/${receivingUnit}`, c.receiving));
    expect(unset).toMatchObject({ lat: null, radiusM: 1000 });
    const small = await call('PUT', `/api/attendance/places/${receivingUnit}`, c.receiving, {
      lat: 26.57,
      lng: 106.71,
      radiusM: 10,
    });
    expect(small.statusCode).toBe(400);
    expect(small.json().message).toContain('范围（米）');
    expect(
      (
        await call('PUT', `/api/attendance/places/${receivingUnit}`, c.otherReceiving, {
          lat: 26.57,
          lng: 106.71,
          radiusM: 800,
        })
      ).statusCode,
    ).toBe(404);
    const placed = await ok(
      await call('PUT', `/api/attendance/places/${receivingUnit}`, c.receiving, {
        lat: 26.57,
        lng: 106.71,
        radiusM: 800,
      }),
    );
    expect(placed).toMatchObject({ lat: 26.57, lng: 106.71, radiusM: 800 });

    const near = await activePosting();
    const n = await ok(await checkIn(near.id, HERE));
    expect(n.records[0]).toMatchObject({ far: false, accuracy: 30 });
    expect(n.records[0]?.distanceM).toBeLessThan(800);
    const far = await activePosting();
    const f = await ok(await checkIn(far.id, FAR));
    expect(f.records[0]?.far).toBe(true);
    expect(f.records[0]?.distanceM).toBeGreaterThan(90_000);
    expect(f.totals.far).toBe(1);
    // the manager sees it marked, and on the home page
    const seen = await ok(await call('GET', `/api/attendance/postings/${far.id}?month=2026-01`, c.receiving));
    expect(seen.days[4]).toMatchObject({ far: true, kind: 'present' });
    expect(seen.actions).toEqual(['record']);
    expect(JSON.stringify((await call('GET', '/api/home', c.receiving)).json())).toContain(
      '本月超出范围的打卡 1 次',
    );
    const stored = await t.ctx.db
      .selectFrom('attendanceRecords')
      .selectAll()
      .where('postingId', '=', far.id)
      .executeTakeFirstOrThrow();
    expect([stored.lat, stored.lng, stored.far]).toEqual([FAR.lat, FAR.lng, 1]);
  });
});

describe('the receiving unit’s entries', () => {
  it('records an absence and corrects a day (audited); other units and the sending unit cannot', async () => {
    const p = await activePosting();
    await ok(await checkIn(p.id));
    const absent = await ok(await setDay(p.id, '2025-12-02', 'absent', c.receiving, '未请假外出'));
    expect(absent.days[1]).toMatchObject({ kind: 'absent', symbol: '×', source: 'manager' });
    expect(absent.records[0]?.reason).toBe('未请假外出');
    const corrected = await ok(await setDay(p.id, '2026-01-05', 'absent', c.receiving, '当日实际外出'));
    expect(corrected.todayStatus).toBe('absent');
    const back = await ok(await setDay(p.id, '2025-12-02', 'present', c.receiving, '经核实当日在岗'));
    expect(back.days[1]?.kind).toBe('present');

    const future = await setDay(p.id, '2026-01-06', 'absent');
    expect(future.statusCode).toBe(400);
    expect(future.json().message).toContain('2026-01-06 尚未到，不能登记');
    const before = await setDay(p.id, '2025-11-28', 'absent');
    expect(before.statusCode).toBe(400);
    expect(before.json().message).toContain('2025-11-28 不在挂职期内（2025-12-01 至 2026-11-30）');
    const noReason = await call('PUT', `/api/attendance/postings/${p.id}/days/2025-12-03`, c.receiving, {
      status: 'absent',
      reason: '',
    });
    expect(noReason.statusCode).toBe(400);

    expect((await setDay(p.id, '2025-12-03', 'absent', c.otherReceiving)).statusCode).toBe(404);
    expect((await setDay(p.id, '2025-12-03', 'absent', c.sending)).statusCode).toBe(403);
    expect((await setDay(p.id, '2025-12-03', 'absent', c.receivingOrg)).statusCode).toBe(403);
    expect(
      (await call('GET', `/api/attendance/postings/${p.id}?month=2025-12`, c.otherReceiving)).statusCode,
    ).toBe(404);
    expect((await call('GET', `/api/attendance/postings/${p.id}?month=2025-12`, c.otherOrg)).statusCode).toBe(
      404,
    );
    const liaison = await ok(await call('GET', `/api/attendance/postings/${p.id}?month=2025-12`, c.sending));
    expect(liaison.actions).toEqual([]);

    const rows = await t.ctx.db
      .selectFrom('attendanceRecords')
      .select(['date', 'status', 'source'])
      .where('postingId', '=', p.id)
      .orderBy('date')
      .execute();
    expect(rows).toEqual([
      { date: '2025-12-02', status: 'present', source: 'manager' },
      { date: '2026-01-05', status: 'absent', source: 'manager' },
    ]);
    const audit = await t.ctx.db
      .selectFrom('auditLog')
      .select(['action', 'objectId', 'actorId'])
      .where('action', '=', 'attendance.record')
      .where('objectId', '=', p.id)
      .where('result', '=', 'success')
      .execute();
    expect(audit).toHaveLength(3);
    expect(audit.every((a) => a.actorId === receivingUser)).toBe(true);
  });
});

describe('the month: summary, report, .xlsx, reminder', () => {
  let postingId: string;
  let cadreName: string;

  beforeAll(async () => {
    const p = await activePosting();
    postingId = p.id;
    cadreName = p.cadre.name;
    // 5 working days of 探亲假 (2025-12-08..12, Mon–Fri), approved by both steps, returned and confirmed
    const asked = await call('POST', '/api/leave', c.cadre, {
      postingId,
      kind: 'family_visit',
      startDate: '2025-12-08',
      startHalf: 'am',
      endDate: '2025-12-12',
      endHalf: 'pm',
      reason: '探望父母',
    });
    expect(asked.statusCode, asked.body).toBe(200);
    let l = asked.json();
    for (const cookie of [c.receiving, c.receivingOrg]) {
      const res = await call('POST', `/api/leave/${l.id}/decide`, cookie, {
        decision: 'approve',
        comment: '同意',
        version: l.version,
      });
      expect(res.statusCode, res.body).toBe(200);
      l = res.json();
    }
    expect(l.status).toBe('approved');
    l = (
      await call('POST', `/api/leave/${l.id}/return`, c.cadre, { date: '2025-12-15', version: l.version })
    ).json();
    const confirmed = await call('POST', `/api/leave/${l.id}/confirm-return`, c.receiving, {
      version: l.version,
    });
    expect(confirmed.json().status).toBe('returned');
    // a half day of 病假 (2025-12-17 afternoon) approved, not yet returned: unreturned
    const sick = (
      await call('POST', '/api/leave', c.cadre, {
        postingId,
        kind: 'sick',
        startDate: '2025-12-17',
        startHalf: 'pm',
        endDate: '2025-12-17',
        endHalf: 'pm',
        reason: '看病',
      })
    ).json();
    await call('POST', `/api/leave/${sick.id}/decide`, c.receiving, {
      decision: 'approve',
      comment: null,
      version: sick.version,
    });
    await ok(await setDay(postingId, '2025-12-01', 'present'));
    await ok(await setDay(postingId, '2025-12-02', 'absent'));
  });

  it('sums days on post, leave by kind with halves, absences, unreturned leave and days without a record', async () => {
    const m = await ok(await call('GET', `/api/attendance/postings/${postingId}?month=2025-12`, c.cadre));
    // December 2025: 23 working days
    expect(m.totals).toEqual({
      present: 1,
      leave: { family_visit: 5, sick: 0.5 },
      leaveTotal: 5.5,
      absent: 1,
      missing: 23 - 2 - 5 - 1,
      unreturned: 1,
      far: 0,
      workingDays: 23,
    });
    expect(m.days.slice(5, 13).map((d) => d.symbol)).toEqual(['○', '○', '探', '探', '探', '探', '探', '○']);
    expect(m.days[16]).toMatchObject({ kind: 'half', symbol: '病', leaveKind: 'sick' });
    const bad = await call('GET', `/api/attendance/postings/${postingId}?month=2025-13`, c.cadre);
    expect(bad.statusCode).toBe(400);
    const unknown = await call('GET', `/api/attendance/postings/${postingId}?month=2027-01`, c.cadre);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().message).toContain('2027 年的节假日安排尚未发布或录入');
  });

  it('the report: the 组织部 and the receiving unit see the posting; another unit’s manager and 组织部 do not', async () => {
    const url = `/api/attendance/report?month=2025-12&batchId=${batchId}`;
    const org = await ok<Report>(await call('GET', url, c.programmeOrg));
    expect(org.dueBy).toBe('2026-01-05');
    expect(org.days).toHaveLength(31);
    const row = org.items.find((r) => r.postingId === postingId);
    expect(row?.totals.missing).toBe(15);
    expect(row?.days[7]?.symbol).toBe('探');
    const mgr = await ok<Report>(await call('GET', url, c.receiving));
    expect(mgr.items.map((r) => r.postingId)).toContain(postingId);
    const liaison = await ok<Report>(await call('GET', url, c.sending));
    expect(liaison.items.map((r) => r.postingId)).toContain(postingId);
    for (const cookie of [c.otherReceiving, c.otherOrg]) {
      const other = await ok<Report>(await call('GET', url, cookie));
      expect(other.items).toEqual([]);
      expect(other.total).toBe(0);
      const file = await call(
        'GET',
        `/api/attendance/report/export?month=2025-12&batchId=${batchId}`,
        cookie,
      );
      expect(file.statusCode).toBe(404);
    }
    expect((await call('GET', url, c.cadre)).statusCode).toBe(403);
  });

  it('the .xlsx in the 考勤表 shape: title, one row per cadre, day symbols, totals, flags and the legend', async () => {
    const res = await call(
      'GET',
      `/api/attendance/report/export?month=2025-12&batchId=${batchId}`,
      c.programmeOrg,
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain(
      '2025年12月挂职干部考勤表.xlsx',
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as never);
    const sheet = book.getWorksheet('考勤表') as ExcelJS.Worksheet;
    expect(sheet.getCell('A1').value).toBe('2025年12月挂职干部考勤表');
    const header = sheet.getRow(2).values as unknown[];
    expect(header.slice(1, 5)).toEqual(['序号', '姓名', '挂职单位及职务', 1]);
    expect(header.slice(-4)).toEqual(['在岗天数', '请假天数', '缺勤天数', '缺记录天数']);
    let rowNo = 0;
    sheet.eachRow((r, n) => {
      if (r.getCell(2).value === cadreName) rowNo = n;
    });
    expect(rowNo).toBeGreaterThan(2);
    const row = sheet.getRow(rowNo);
    const day = (d: number) => row.getCell(3 + d).value;
    expect([day(1), day(2), day(3), day(6), day(8), day(12), day(17)]).toEqual([
      '√',
      '×',
      null,
      '○',
      '探',
      '探',
      '病',
    ]);
    expect(String(row.getCell(3).value)).toContain('南明区接收局');
    expect([
      row.getCell(35).value,
      row.getCell(36).value,
      row.getCell(37).value,
      row.getCell(38).value,
    ]).toEqual([1, 5.5, 1, 15]);
    expect((row.getCell(38).fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFEB9C');
    expect((row.getCell(3 + 3).fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFC7CE');
    const legend = String(sheet.getRow(sheet.rowCount).getCell(1).value);
    for (const s of [
      '√ 在岗',
      '事 事假',
      '病 病假',
      '探 探亲假',
      '年 年休假',
      '公 因公外出',
      '假 其他',
      '× 缺勤',
      '○ 休息日',
      '空白 无记录',
    ])
      expect(legend).toContain(s);
  });

  it('reminds each incomplete receiving unit once on the 3rd or later, in the inbox, and on its home page', async () => {
    const first = await sendReminders(t.ctx);
    expect(first.sent.attendanceIncomplete).toBeGreaterThanOrEqual(1);
    const again = await sendReminders(t.ctx);
    expect(again.sent.attendanceIncomplete).toBe(0);
    const inbox = (await call('GET', '/api/notifications', c.receiving)).json();
    const note = inbox.items.find((n: { kind: string }) => n.kind === 'reminder.attendanceIncomplete');
    expect(note.message).toMatch(
      /^南明区接收局.* 2025-12 的考勤尚不完整：\d+ 名挂职干部有工作日缺少记录，请在 5 日前补齐$/,
    );
    expect(note.link).toBe('/attendance?month=2025-12');
    const others = (await call('GET', '/api/notifications', c.otherReceiving)).json();
    expect(others.items.some((n: { kind: string }) => n.kind === 'reminder.attendanceIncomplete')).toBe(
      false,
    );
    expect(JSON.stringify((await call('GET', '/api/home', c.receiving)).json())).toMatch(
      /上月考勤缺少记录的挂职干部 \d+ 人/,
    );
  });
});

describe('migration 20261203150000_attendance', () => {
  it('goes down (tables gone) and up again', async () => {
    const before = await t.ctx.db.selectFrom('attendanceRecords').select('id').execute();
    expect(before.length).toBeGreaterThan(0);
    await t.ctx.db
      .transaction()
      .execute(async (trx) => {
        // biome-ignore lint/suspicious/noExplicitAny: migrations run on untyped Kysely
        const raw = trx.withoutPlugins() as unknown as Kysely<any>;
        await downThrough(raw, '20261203150000_attendance');
        await expect(raw.selectFrom('attendance_records').select('id').execute()).rejects.toThrow();
        throw new Error('roll back');
      })
      .catch((error: Error) => expect(error.message).toBe('roll back'));
    await t.ctx.db
      .transaction()
      .execute(async (trx) => {
        // biome-ignore lint/suspicious/noExplicitAny: migrations run on untyped Kysely
        const raw = trx.withoutPlugins() as unknown as Kysely<any>;
        await downThrough(raw, '20261203150000_attendance');
        await upFrom(raw, '20261203150000_attendance');
        expect(await raw.selectFrom('attendance_records').select('id').execute()).toEqual([]);
        expect(await raw.selectFrom('attendance_places').select('unit_id').execute()).toEqual([]);
        throw new Error('roll back');
      })
      .catch((error: Error) => expect(error.message).toBe('roll back'));
    expect(await t.ctx.db.selectFrom('attendanceRecords').select('id').execute()).toHaveLength(before.length);
  });
});
