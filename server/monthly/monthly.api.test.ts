import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Totals } from '../../common/achievements/achievements.schema.js';
import type { MonthlyDetail } from '../../common/monthly/monthly.schema.js';
import { createTestApp, type TestApp } from '../../test/helpers.js';
import { downThrough, upFrom } from '../../test/migrations.js';
import {
  activePostingOf,
  type PartyRole,
  partyAccount,
  programmeBatch,
  testUnit,
} from '../../test/on-post.js';
import { insertAchievement } from '../achievements/achievements.repository.js';

let t: TestApp;
const c = {} as Record<
  'cadre' | 'sending' | 'receiving' | 'receivingOrg' | 'programmeOrg' | 'otherSending',
  string
>;
let cadreUser: string;
let postingId: string;
let sendingUnit: string;
let receivingUnit: string;
let batchId: string;

const unit = (name: string, regionCode: string) => testUnit(t.ctx, name, regionCode);
const account = (role: PartyRole, scope: { regionCode?: string; unitId?: string } = {}) =>
  partyAccount(t, role, scope);
const headers = (cookie?: string) => ({ 'x-requested-with': 'test', ...(cookie ? { cookie } : {}) });
const call = (method: 'GET' | 'POST' | 'PUT', url: string, cookie: string | undefined, payload?: object) =>
  t.app.inject({ method, url, payload, headers: headers(cookie) });
const ok = async <T = MonthlyDetail>(res: Awaited<ReturnType<typeof call>>) => {
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as T;
};

async function achievement(date: string, status: string, amount: string, base: number) {
  const now = t.ctx.clock.now().toISOString();
  const p = await t.ctx.db
    .selectFrom('postings')
    .select('cadreId')
    .where('id', '=', postingId)
    .executeTakeFirstOrThrow();
  await insertAchievement(t.ctx.db, {
    id: randomUUID(),
    postingId,
    cadreId: p.cadreId,
    kind: 'funds_arrived',
    title: `到位资金${amount}`,
    amount,
    unit: '万元',
    dimension: 'money',
    baseAmount: base,
    date,
    description: null,
    status,
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

beforeAll(async () => {
  t = await createTestApp();
  sendingUnit = await unit('苏州市派出局', '320508');
  receivingUnit = await unit('南明区接收局', '520102');
  const made = await programmeBatch(t.ctx, {
    name: '月报测试项目',
    regionCode: '522600',
    plannedStart: '2025-11-01',
    plannedEnd: '2026-10-31',
  });
  batchId = made.batchId;
  const cad = await account('cadre');
  cadreUser = cad.id;
  c.cadre = cad.cookie;
  c.sending = (await account('sending_liaison', { unitId: sendingUnit })).cookie;
  c.receiving = (await account('receiving_manager', { unitId: receivingUnit })).cookie;
  c.receivingOrg = (await account('org_dept', { regionCode: '520100' })).cookie;
  c.programmeOrg = (await account('org_dept', { regionCode: '522600' })).cookie;
  c.otherSending = (await account('sending_liaison', { unitId: await unit('其他派出局', '320508') })).cookie;
  postingId = (
    await activePostingOf(t.ctx, {
      batchId,
      sendingUnitId: sendingUnit,
      receivingUnitId: receivingUnit,
      userId: cadreUser,
      start: '2025-11-03',
    })
  ).id;
  for (const [entryDate, category, title] of [
    ['2025-12-02', 'research', '走访乡镇'],
    ['2025-12-09', 'research', '调研茶产业'],
    ['2025-12-15', 'meeting', '参加招商推介会'],
    ['2025-11-20', 'meeting', '上月会议'],
  ] as const)
    await ok(
      await call('POST', '/api/worklog', c.cadre, {
        postingId,
        entryDate,
        category,
        title,
        body: '按计划开展工作',
        place: null,
      }),
    );
  await achievement('2025-12-03', 'verified', '1.5', 150_000_00);
  await achievement('2025-12-04', 'verified', '0.25', 25_000_00);
  await achievement('2025-12-10', 'claimed', '2', 200_000_00);
  await achievement('2025-11-10', 'verified', '9', 900_000_00);
}, 60_000);
afterAll(() => t.close());

describe('monthly reports', () => {
  let report: MonthlyDetail;

  it('refuses a future month and one before the posting, naming the month in Chinese', async () => {
    const future = await call('POST', '/api/monthly', c.cadre, { postingId, month: '2026-02' });
    expect(future.statusCode).toBe(400);
    expect(future.json().fields).toEqual([{ field: 'month', message: '月份不能晚于本月' }]);
    const before = await call('POST', '/api/monthly', c.cadre, { postingId, month: '2025-10' });
    expect(before.statusCode).toBe(400);
    expect(before.json().fields[0].message).toContain('早于挂职开始日期');
  });

  it('generates a draft from the records: duties, attendance, work by category, the ledger totals', async () => {
    report = await ok(await call('POST', '/api/monthly', c.cadre, { postingId, month: '2025-12' }));
    expect(report.status).toBe('draft');
    expect(report.facts.duties).toBe('协管招商引资');
    expect(report.facts.attendance.workingDays).toBeGreaterThan(15);
    expect(report.facts.work).toEqual([
      {
        category: 'research',
        entries: [
          { date: '2025-12-02', title: '走访乡镇' },
          { date: '2025-12-09', title: '调研茶产业' },
        ],
      },
      { category: 'meeting', entries: [{ date: '2025-12-15', title: '参加招商推介会' }] },
    ]);
    expect(report.facts.achievements.map((a) => a.date).sort()).toEqual([
      '2025-12-03',
      '2025-12-04',
      '2025-12-10',
    ]);
    expect(report.actions).toEqual(['update', 'submit']);
    const again = await call('POST', '/api/monthly', c.cadre, { postingId, month: '2025-12' });
    expect(again.statusCode).toBe(400);
    expect(again.json().fields).toEqual([{ field: 'month', message: '该月的报送已存在' }]);
  });

  it("reports the numbers of the ledger's own totals", async () => {
    const ledger = await ok<Totals>(
      await call(
        'GET',
        `/api/achievements/totals?groupBy=posting&postingId=${postingId}&from=2025-12-01&to=2025-12-31`,
        c.receiving,
      ),
    );
    expect(report.facts.totals).toEqual(ledger.overall);
    expect(report.facts.totals[0]?.verified).toBe(String(175_000_00));
    expect(report.facts.totals[0]?.verifiedCount).toBe(2);
    expect(report.facts.totals[0]?.claimed).toBe(String(200_000_00));
  });

  it('the cadre edits and submits; the receiving unit returns with a comment, then signs it off', async () => {
    const receivingDenied = await call('PUT', `/api/monthly/${report.id}`, c.receiving, {
      summary: '越权',
      plan: null,
      version: report.version,
    });
    expect(receivingDenied.statusCode).toBe(403);
    report = await ok(
      await call('PUT', `/api/monthly/${report.id}`, c.cadre, {
        summary: '本月完成调研两次。',
        plan: '下月继续推进招商。',
        version: report.version,
      }),
    );
    expect(report.plan).toBe('下月继续推进招商。');
    const stale = await call('PUT', `/api/monthly/${report.id}`, c.cadre, {
      summary: 'x',
      plan: null,
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    report = await ok(
      await call('POST', `/api/monthly/${report.id}/submit`, c.cadre, { version: report.version }),
    );
    expect(report.status).toBe('submitted');
    expect((await ok(await call('GET', `/api/monthly/${report.id}`, c.receiving))).actions).toEqual([
      'sign',
      'return',
    ]);
    const noComment = await call('POST', `/api/monthly/${report.id}/return`, c.receiving, {
      version: report.version,
      comment: null,
    });
    expect(noComment.statusCode).toBe(400);
    report = await ok(
      await call('POST', `/api/monthly/${report.id}/return`, c.receiving, {
        version: report.version,
        comment: '请补充出勤说明',
      }),
    );
    expect(report.status).toBe('returned');
    report = await ok(
      await call('POST', `/api/monthly/${report.id}/submit`, c.cadre, { version: report.version }),
    );
    const liaisonSign = await call('POST', `/api/monthly/${report.id}/sign`, c.sending, {
      version: report.version,
    });
    expect(liaisonSign.statusCode).toBe(403);
    report = await ok(
      await call('POST', `/api/monthly/${report.id}/sign`, c.receiving, {
        version: report.version,
        comment: null,
      }),
    );
    expect(report.status).toBe('signed');
    expect(report.versions.map((v) => v.status)).toEqual([
      'signed',
      'submitted',
      'returned',
      'submitted',
      'draft',
      'draft',
    ]);
    const notes = await t.ctx.db
      .selectFrom('notifications')
      .select('kind')
      .where('kind', 'like', 'monthly.%')
      .execute();
    expect(notes.map((n) => n.kind).sort()).toEqual([
      'monthly.returned',
      'monthly.signed',
      'monthly.toReview',
      'monthly.toReview',
    ]);
  });

  it('is read by the five owners only; a liaison lists only its cadres', async () => {
    for (const who of ['cadre', 'sending', 'receiving', 'receivingOrg', 'programmeOrg'] as const) {
      const page = await ok<{ items: { id: string }[] }>(
        await call('GET', '/api/monthly?month=2025-12', c[who]),
      );
      expect(page.items.map((i) => i.id)).toEqual([report.id]);
    }
    const inBatch = await ok<{ items: { id: string }[] }>(
      await call('GET', `/api/monthly?batchId=${batchId}`, c.programmeOrg),
    );
    expect(inBatch.items.map((i) => i.id)).toEqual([report.id]);
    const otherBatch = await ok<{ items: unknown[] }>(
      await call('GET', `/api/monthly?batchId=${randomUUID()}`, c.programmeOrg),
    );
    expect(otherBatch.items).toEqual([]);
    const other = await ok<{ items: unknown[] }>(await call('GET', '/api/monthly', c.otherSending));
    expect(other.items).toEqual([]);
    expect((await call('GET', `/api/monthly/${report.id}`, c.otherSending)).statusCode).toBe(404);
  });

  it('downloads as .docx from the document engine', async () => {
    const res = await call('GET', `/api/monthly/${report.id}/document?format=docx`, c.sending);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('migration down and up', async () => {
    const before = await t.ctx.db.selectFrom('monthlyReports').select('id').execute();
    await t.ctx.db
      .transaction()
      .execute(async (trx) => {
        // biome-ignore lint/suspicious/noExplicitAny: migrations run on untyped Kysely
        const raw = trx.withoutPlugins() as unknown as Kysely<any>;
        await downThrough(raw, '20261204100000_monthly_reports');
        await upFrom(raw, '20261204100000_monthly_reports');
        expect(await raw.selectFrom('monthly_reports').select('id').execute()).toEqual([]);
        throw new Error('roll back');
      })
      .catch((error: Error) => expect(error.message).toBe('roll back'));
    expect(await t.ctx.db.selectFrom('monthlyReports').select('id').execute()).toHaveLength(before.length);
  });
});
