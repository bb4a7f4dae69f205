import { randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RoundDetail, SubjectResult } from '../../common/assessment/assessment.schema.js';
import { zCadreInput } from '../../common/cadres/cadres.schema.js';
import { addDay } from '../../common/calendar/calendar.js';
import { XLSX_MIME } from '../../common/excel/excel.schema.js';
import { zPostInput } from '../../common/posts/posts.schema.js';
import { docxText } from '../../test/documents/render.js';
import { readBook } from '../../test/fixtures/excel/workbooks.js';
import { cadreInput, createTestApp, type TestApp } from '../../test/helpers.js';
import { downThrough, upFrom } from '../../test/migrations.js';
import { type PartyRole, partyAccount, programmeBatch, testUnit } from '../../test/on-post.js';
import * as cadres from '../cadres/cadres.service.js';
import { calendarFor } from '../calendar/calendar.service.js';
import { systemActor } from '../core/context.js';
import { inTransaction } from '../core/transaction.js';
import { insertLeave } from '../leave/leave.repository.js';
import * as nominations from '../nominations/nominations.service.js';
import { createProposed } from '../postings/postings.service.js';
import * as posts from '../posts/posts.service.js';

let t: TestApp;
const seeder = () => systemActor(null, 'assessment-test');
let batchId: string;
let sendingUnit: string;
let otherSendingUnit: string;
let receivingUnit: string;
let otherReceivingUnit: string;
const c = {} as Record<
  'org' | 'receiving' | 'otherReceiving' | 'sending' | 'otherSending' | 'cadre' | 'otherOrg' | 'anon',
  string
>;
let cadreUser: string;
let sendingUser: string;

const unit = (name: string, regionCode: string) => testUnit(t.ctx, name, regionCode);
const account = (role: PartyRole, scope: { regionCode?: string; unitId?: string } = {}) =>
  partyAccount(t, role, scope);

/** An active posting from 2026-01-05 of a fresh cadre (linked to `userId`). */
async function activePosting(sending: string, receiving: string, userId: string | null = null) {
  const cadre = await cadres.create(t.ctx, seeder(), zCadreInput.parse(cadreInput(sending)));
  if (userId) await t.ctx.db.updateTable('cadres').set({ userId }).where('id', '=', cadre.id).execute();
  const n = await nominations.nominate(t.ctx, seeder(), {
    batchId,
    cadreId: cadre.id,
    justification: '测试：经单位党委研究同意推荐',
  });
  await t.ctx.db.updateTable('nominations').set({ status: 'accepted' }).where('id', '=', n.id).execute();
  const post = await posts.create(
    t.ctx,
    seeder(),
    zPostInput.parse({
      batchId,
      unitId: receiving,
      title: `副局长${randomUUID().slice(0, 4)}`,
      level: 'division_deputy',
      duties: [{ kind: 'assist', area: '招商引资' }],
      headcount: 1,
    }),
  );
  await t.ctx.db.updateTable('postRequests').set({ status: 'approved' }).where('id', '=', post.id).execute();
  const [id] = await inTransaction(t.ctx, (tx) =>
    createProposed(tx, seeder(), [{ batchId, nominationId: n.id, postRequestId: post.id, matchRunId: null }]),
  );
  await t.ctx.db
    .updateTable('postings')
    .set({ status: 'active', startDate: '2026-01-05' })
    .where('id', '=', id as string)
    .execute();
  return { id: id as string, cadre };
}

const call = (method: 'GET' | 'POST' | 'PUT', url: string, cookie: string | undefined, payload?: object) =>
  t.app.inject({
    method,
    url,
    payload,
    headers: { 'x-requested-with': 'test', ...(cookie ? { cookie } : {}) },
  });
async function ok<T = RoundDetail>(res: Awaited<ReturnType<typeof call>>): Promise<T> {
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as T;
}

/** Leave rows of a posting, written as the leave service stores them once approved. */
async function leave(
  postingId: string,
  cadreId: string,
  kind: string,
  from: string,
  fromHalf: string,
  to: string,
  toHalf: string,
) {
  const now = t.ctx.clock.now().toISOString();
  const id = randomUUID();
  await insertLeave(
    t.ctx.db,
    {
      id,
      postingId,
      cadreId,
      kind,
      startDate: from,
      startHalf: fromHalf,
      endDate: to,
      endHalf: toHalf,
      halfDays: 0,
      reason: '测试',
      status: 'approved',
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
        decision: 'approved',
        comment: null,
        decidedBy: null,
        decidedAt: null,
        substituteUserId: null,
        substituteNamedBy: null,
      },
    ],
  );
}

/** The date and half on which leave from `from` reaches `halves` half working days. */
async function reach(from: string, halves: number, region: string) {
  const cal = await calendarFor(t.ctx.db, '2026-01-01', '2026-12-31', region);
  let day = from;
  let count = 0;
  for (;;) {
    if (cal.isWorking(day)) {
      if (count + 2 >= halves) return { date: day, half: count + 2 === halves ? 'pm' : 'am' };
      count += 2;
    }
    day = addDay(day);
  }
}

const PERIOD = { periodFrom: '2026-01-01', periodTo: '2026-03-31' };
let postings: { id: string; cadre: { id: string; name: string } }[] = [];
let elsewhere: { id: string; cadre: { id: string; name: string } };
let periodDays: number;

beforeAll(async () => {
  t = await createTestApp(process.env.ASSESS_DEBUG ? { logStream: process.stderr } : {});
  sendingUnit = await unit('苏州市派出局', '320508');
  otherSendingUnit = await unit('无锡市派出局', '320200');
  receivingUnit = await unit('南明区接收局', '520102');
  otherReceivingUnit = await unit('台江县接收局', '522630');
  const made = await programmeBatch(t.ctx, {
    name: '考核测试项目',
    regionCode: '522600',
    plannedStart: '2026-01-05',
    plannedEnd: '2026-12-31',
  });
  batchId = made.batchId;
  const cad = await account('cadre');
  cadreUser = cad.id;
  c.cadre = cad.cookie;
  c.org = (await account('org_dept', { regionCode: '522600' })).cookie;
  c.otherOrg = (await account('org_dept', { regionCode: '330000' })).cookie;
  c.receiving = (await account('receiving_manager', { unitId: receivingUnit })).cookie;
  c.otherReceiving = (await account('receiving_manager', { unitId: otherReceivingUnit })).cookie;
  const s = await account('sending_liaison', { unitId: sendingUnit });
  c.sending = s.cookie;
  sendingUser = s.id;
  c.otherSending = (await account('sending_liaison', { unitId: otherSendingUnit })).cookie;
  postings = [];
  for (let i = 0; i < 7; i++)
    postings.push(await activePosting(sendingUnit, receivingUnit, i === 0 ? cadreUser : null));
  elsewhere = await activePosting(otherSendingUnit, otherReceivingUnit);
  periodDays = (await calendarFor(t.ctx.db, PERIOD.periodFrom, PERIOD.periodTo, '520102')).workingDays(
    PERIOD.periodFrom,
    PERIOD.periodTo,
  );
  // posting 5: sick + personal leave of exactly half the period's working days (not over)
  const half = await reach('2026-01-01', periodDays, '520102');
  const p5 = postings[5] as (typeof postings)[number];
  await leave(p5.id, p5.cadre.id, 'sick', '2026-01-01', 'am', '2026-01-31', 'pm');
  await leave(p5.id, p5.cadre.id, 'personal', '2026-02-01', 'am', half.date, half.half);
  await leave(p5.id, p5.cadre.id, 'family_visit', '2026-03-20', 'am', '2026-03-27', 'pm');
  // posting 6: half a working day more → 不考核
  const over = await reach('2026-01-01', periodDays + 1, '520102');
  const p6 = postings[6] as (typeof postings)[number];
  await leave(p6.id, p6.cadre.id, 'sick', '2025-12-15', 'am', over.date, over.half);
}, 120_000);
afterAll(() => t.close());

let round: RoundDetail;
const codes: string[] = [];
const subjectOf = (r: RoundDetail, postingId: string) =>
  r.subjects.find((s) => s.postingId === postingId) as RoundDetail['subjects'][number];

describe('assessment round (issue 15)', () => {
  it('the 组织部 opens a round: covered postings listed; weights must sum to 100; no skipping', async () => {
    const bad = await call('POST', '/api/assessment/rounds', c.org, {
      batchId,
      kind: 'quarterly',
      title: '2026年第一季度平时考核',
      ...PERIOD,
      weights: { receiving: 50, democratic: 30, sending: 30 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('各项权重之和须为 100%，现为 110%');
    expect(
      (
        await call('POST', '/api/assessment/rounds', c.otherOrg, {
          batchId,
          kind: 'quarterly',
          title: '外区',
          ...PERIOD,
        })
      ).statusCode,
    ).toBe(404);
    round = await ok(
      await call('POST', '/api/assessment/rounds', c.org, {
        batchId,
        kind: 'quarterly',
        title: '2026年第一季度平时考核',
        ...PERIOD,
      }),
    );
    expect(round.status).toBe('preparing');
    expect(round.weights).toEqual({ receiving: 50, democratic: 30, sending: 20 });
    expect(round.covered.map((p) => p.postingId).sort()).toEqual(
      [...postings.map((p) => p.id), elsewhere.id].sort(),
    );
    const skip = await call('POST', `/api/assessment/rounds/${round.id}/move`, c.org, {
      to: 'grading',
      reason: '直接评定',
      version: round.version,
    });
    expect(skip.statusCode).toBe(409);
    expect(skip.json().message).toContain('不能从当前状态“筹备”变更为目标状态“评定”');
    // a party of a posting does not see a round in 筹备
    expect((await call('GET', `/api/assessment/rounds/${round.id}`, c.receiving)).statusCode).toBe(404);
    round = await ok(
      await call('POST', `/api/assessment/rounds/${round.id}/move`, c.org, {
        to: 'open',
        reason: '开始考核',
        version: round.version,
      }),
    );
    expect(round.status).toBe('open');
    expect(round.subjects).toHaveLength(8);
    expect(round.history.map((h) => h.to)).toEqual(['preparing', 'open']);
  });

  it('不考核 is proposed from the leave records and the calendar, at its threshold', async () => {
    const atHalf = subjectOf(round, (postings[5] as { id: string }).id);
    expect(atHalf.periodDays).toBe(periodDays);
    expect(atHalf.leaveDays).toBe(periodDays / 2);
    expect(atHalf.proposal.grade).not.toBe('not_assessed');
    const over = subjectOf(round, (postings[6] as { id: string }).id);
    expect(over.leaveDays).toBe(periodDays / 2 + 0.5);
    expect(over.proposal).toMatchObject({ grade: 'not_assessed', because: 'leave' });
  });

  it('scope: each party sees only its own subjects; others cannot issue codes or enter tallies', async () => {
    const r = await ok(await call('GET', `/api/assessment/rounds/${round.id}`, c.otherSending));
    expect(r.subjects.map((s) => s.postingId)).toEqual([elsewhere.id]);
    expect(r.subjects[0]?.ballots).toBeNull();
    const mine = await ok(await call('GET', `/api/assessment/rounds/${round.id}`, c.receiving));
    expect(mine.subjects).toHaveLength(7);
    expect(mine.ballotUnits).toEqual([{ unitId: receivingUnit, unitName: expect.any(String) }]);
    expect(
      (
        await call('POST', `/api/assessment/rounds/${round.id}/ballot-codes`, c.otherReceiving, {
          unitId: receivingUnit,
          count: 3,
        })
      ).statusCode,
    ).toBe(404);
    const s0 = subjectOf(round, (postings[0] as { id: string }).id);
    expect(
      (
        await call('PUT', `/api/assessment/subjects/${s0.id}/paper-tally`, c.otherReceiving, {
          excellent: 9,
          competent: 0,
          basically_competent: 0,
          incompetent: 0,
          version: s0.version,
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await call('PUT', `/api/assessment/subjects/${s0.id}/opinion`, c.otherSending, {
          side: 'sending',
          opinion: '外单位意见',
          grade: 'excellent',
          version: s0.version,
        })
      ).statusCode,
    ).toBe(404);
    // the sending unit reads the receiving side but may not write it
    expect(
      (
        await call('PUT', `/api/assessment/subjects/${s0.id}/opinion`, c.sending, {
          side: 'receiving',
          opinion: '越权意见',
          grade: 'excellent',
          version: s0.version,
        })
      ).statusCode,
    ).toBe(403);
  });

  it('democratic evaluation: 6 one-time codes, anonymous votes, a code works once', async () => {
    const issued = await ok<{ codes: string[] }>(
      await call('POST', `/api/assessment/rounds/${round.id}/ballot-codes`, c.receiving, {
        unitId: receivingUnit,
        count: 6,
      }),
    );
    expect(issued.codes).toHaveLength(6);
    codes.push(...issued.codes);
    const ballot = await ok<{ subjects: { id: string }[] }>(
      await call('GET', `/api/ballots/${codes[0]}`, undefined),
    );
    expect(ballot.subjects).toHaveLength(7);
    const [first] = postings;
    const top = subjectOf(round, (first as { id: string }).id).id;
    for (const code of codes) {
      const res = await call('POST', `/api/ballots/${code}`, undefined, {
        votes: ballot.subjects.map((s) => ({
          subjectId: s.id,
          grade: s.id === top ? 'excellent' : 'competent',
          items: { de: 'excellent' },
        })),
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    const again = await call('POST', `/api/ballots/${codes[0]}`, undefined, {
      votes: [{ subjectId: top, grade: 'incompetent' }],
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toBe('该测评码已使用，每个测评码只能投票一次');
    const forged = `${(codes[0] as string).slice(0, 13)}000000000000`;
    expect((await call('GET', `/api/ballots/${forged}`, undefined)).statusCode).toBe(404);
    const foreign = await call('POST', `/api/ballots/${codes[1]}`, undefined, {
      votes: [{ subjectId: subjectOf(round, elsewhere.id).id, grade: 'excellent' }],
    });
    expect(foreign.statusCode).toBe(409);
  });

  it('results are hidden while the poll is open', async () => {
    const r = await ok(await call('GET', `/api/assessment/rounds/${round.id}`, c.org));
    const top = subjectOf(r, (postings[0] as { id: string }).id);
    expect(top.ballots).toBe(6);
    expect(top.democratic).toBeNull();
  });

  it('after the poll no table links a vote to a code or a voter', async () => {
    const dialect = t.ctx.dialect;
    const tables =
      dialect === 'sqlite'
        ? (
            await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(t.ctx.db)
          ).rows.map((r) => r.name)
        : (
            await sql<{
              name: string;
            }>`select table_name as name from information_schema.tables where table_schema = current_schema()`.execute(
              t.ctx.db,
            )
          ).rows.map((r) => r.name);
    const macs = codes.map((code) => code.split('-')[2] as string);
    for (const table of tables) {
      const rows = (await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(t.ctx.db))
        .rows;
      const text = JSON.stringify(rows);
      for (const [i, code] of codes.entries()) {
        expect(text.includes(code), `${table} holds a code`).toBe(false);
        expect(text.includes(macs[i] as string), `${table} holds a code's mac`).toBe(false);
      }
    }
    const votes = await t.ctx.db
      .selectFrom('assessmentVotes')
      .selectAll()
      .where('roundId', '=', round.id)
      .execute();
    expect(votes).toHaveLength(42);
    expect(Object.keys(votes[0] as object).sort()).toEqual([
      'day',
      'grade',
      'id',
      'items',
      'roundId',
      'subjectId',
    ]);
    for (const v of votes) expect(v.day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const spent = await t.ctx.db
      .selectFrom('assessmentSpentCodes')
      .selectAll()
      .where('roundId', '=', round.id)
      .execute();
    expect(spent).toHaveLength(6);
    expect(Object.keys(spent[0] as object).sort()).toEqual(['codeHash', 'roundId']);
    if (dialect === 'sqlite') {
      for (const table of ['assessment_votes', 'assessment_spent_codes']) {
        const ddl = (
          await sql<{ sql: string }>`select sql from sqlite_master where name = ${table}`.execute(t.ctx.db)
        ).rows[0]?.sql;
        expect(ddl?.toLowerCase()).toContain('without rowid');
      }
    }
  });

  it('opinions, a paper tally, a self-report; the poll closes; < 5 ballots are not shown', async () => {
    const cadreRow = await ok<{ items: SubjectResult[] }>(
      await call('GET', '/api/assessment/subjects', c.cadre),
    );
    expect(cadreRow.items).toHaveLength(1);
    const mine = cadreRow.items[0] as SubjectResult;
    expect(mine.actions).toContain('selfReport');
    await ok<SubjectResult>(
      await call('PUT', `/api/assessment/subjects/${mine.id}/self-report`, c.cadre, {
        text: '本季度主要做了招商引资和项目推进工作。',
        version: mine.version,
      }),
    );
    let r = await ok(await call('GET', `/api/assessment/rounds/${round.id}`, c.receiving));
    for (const s of r.subjects) {
      const grade =
        s.postingId === (postings[0] as { id: string }).id ||
        s.postingId === (postings[1] as { id: string }).id
          ? 'excellent'
          : 'competent';
      await ok<SubjectResult>(
        await call('PUT', `/api/assessment/subjects/${s.id}/opinion`, c.receiving, {
          side: 'receiving',
          opinion: '工作积极，成效明显',
          grade,
          version: s.version,
        }),
      );
    }
    r = await ok(await call('GET', `/api/assessment/rounds/${round.id}`, c.sending));
    for (const s of r.subjects) {
      const grade = s.postingId === (postings[0] as { id: string }).id ? 'excellent' : 'competent';
      await ok<SubjectResult>(
        await call('PUT', `/api/assessment/subjects/${s.id}/opinion`, c.sending, {
          side: 'sending',
          opinion: '表现良好',
          grade,
          version: s.version,
        }),
      );
    }
    const far = subjectOf(round, elsewhere.id);
    await ok<SubjectResult>(
      await call('PUT', `/api/assessment/subjects/${far.id}/paper-tally`, c.otherReceiving, {
        excellent: 1,
        competent: 2,
        basically_competent: 0,
        incompetent: 0,
        version: far.version,
      }),
    );
    round = await ok(await call('GET', `/api/assessment/rounds/${round.id}`, c.org));
    round = await ok(
      await call('POST', `/api/assessment/rounds/${round.id}/move`, c.org, {
        to: 'grading',
        reason: '测评结束，进入评定',
        version: round.version,
      }),
    );
    const top = subjectOf(round, (postings[0] as { id: string }).id);
    expect(top.democratic).toEqual({ excellent: 6, competent: 0, basically_competent: 0, incompetent: 0 });
    expect(top.proposal).toMatchObject({ grade: 'excellent', because: 'score', score: 95 });
    expect(subjectOf(round, (postings[1] as { id: string }).id).proposal).toMatchObject({
      grade: 'excellent',
      score: 90,
    });
    expect(subjectOf(round, (postings[2] as { id: string }).id).proposal).toMatchObject({
      grade: 'competent',
      score: 85,
    });
    const few = subjectOf(round, elsewhere.id);
    expect(few.ballots).toBe(3);
    expect(few.democratic).toBeNull();
  });

  it('grades: a change from the proposal and 基本称职 need a reason; the 优秀 cap is enforced at 已公布', async () => {
    const decide = (postingId: string, grade: string, reason: string | null = null) => {
      const s = subjectOf(round, postingId);
      return call('PUT', `/api/assessment/subjects/${s.id}/decision`, c.org, {
        grade,
        reason,
        undeterminedMark: null,
        version: s.version,
      });
    };
    const p = postings.map((x) => x.id);
    const noReason = await decide(p[2] as string, 'excellent');
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().message).toContain('与系统建议等次“称职”不同（评定为“优秀”），请填写理由');
    const basic = await decide(p[3] as string, 'basically_competent', null);
    expect(basic.statusCode).toBe(400);
    expect(basic.json().message).toContain('评定为“基本称职”须填写书面理由');
    expect((await decide(p[0] as string, 'excellent')).statusCode).toBe(200);
    expect((await decide(p[1] as string, 'excellent')).statusCode).toBe(200);
    for (const id of [p[2], p[3], p[4], p[5]])
      expect((await decide(id as string, 'competent')).statusCode).toBe(200);
    expect((await decide(p[6] as string, 'not_assessed', '病假、事假超过考核期一半')).statusCode).toBe(200);
    round = await ok(await call('GET', `/api/assessment/rounds/${round.id}`, c.org));
    const ungraded = await call('POST', `/api/assessment/rounds/${round.id}/move`, c.org, {
      to: 'published',
      reason: '公布',
      version: round.version,
    });
    expect(ungraded.statusCode).toBe(409);
    expect(ungraded.json().message).toContain('还有 1 名干部未确定等次');
    expect((await decide(elsewhere.id, 'competent')).statusCode).toBe(200);
    round = await ok(await call('GET', `/api/assessment/rounds/${round.id}`, c.org));
    expect(round.quota).toEqual({ graded: 7, cap: 1, excellent: 2, pct: 20, ok: false });
    const seven = await call('POST', `/api/assessment/rounds/${round.id}/move`, c.org, {
      to: 'published',
      reason: '公布',
      version: round.version,
    });
    expect(seven.statusCode).toBe(409);
    expect(seven.json().message).toBe('本轮参加考核 7 人，优秀最多 1 人，现为 2 人');
    // a 25 % asked without its document number is refused
    const noDoc = await call('PUT', `/api/assessment/rounds/${round.id}`, c.org, {
      title: round.title,
      weights: round.weights,
      settings: { ...round.settings, approvedPct: 25, approvalDocNo: null },
      deadlines: round.deadlines,
      version: round.version,
    });
    expect(noDoc.statusCode).toBe(400);
    expect(noDoc.json().message).toContain('提高优秀比例须填写批准文号');
    // with an approval of 25 % and its number: 7 × 25 % = 1.75 → still 1 (rounding down)
    round = await ok(
      await call('PUT', `/api/assessment/rounds/${round.id}`, c.org, {
        title: round.title,
        weights: round.weights,
        settings: { ...round.settings, approvedPct: 25, approvalDocNo: '黔组通〔2026〕8号' },
        deadlines: round.deadlines,
        version: round.version,
      }),
    );
    expect(round.quota).toMatchObject({ graded: 7, cap: 1, pct: 25 });
    // one more graded: 8 × 25 % = 2 → allowed
    const s6 = subjectOf(round, p[6] as string);
    await ok<SubjectResult>(
      await call('PUT', `/api/assessment/subjects/${s6.id}/decision`, c.org, {
        grade: 'competent',
        reason: '病假已核实为工伤，按称职评定',
        undeterminedMark: null,
        version: s6.version,
      }),
    );
    round = await ok(await call('GET', `/api/assessment/rounds/${round.id}`, c.org));
    expect(round.quota).toMatchObject({ graded: 8, cap: 2, excellent: 2, ok: true });
    round = await ok(
      await call('POST', `/api/assessment/rounds/${round.id}/move`, c.org, {
        to: 'published',
        reason: '经部务会研究，公布结果',
        version: round.version,
      }),
    );
    expect(round.status).toBe('published');
  });

  it('results travel: the sending liaison and the cadre are told and see theirs, nobody else’s', async () => {
    const notes = await t.ctx.db
      .selectFrom('notifications')
      .select(['userId', 'kind', 'params'])
      .where('kind', 'like', 'assessment.%')
      .execute();
    expect(notes.filter((n) => n.userId === sendingUser)).toHaveLength(7);
    expect(notes.filter((n) => n.userId === cadreUser).map((n) => JSON.parse(n.params).grade)).toEqual([
      '优秀',
    ]);
    const sent = await ok<{ items: SubjectResult[] }>(
      await call('GET', '/api/assessment/subjects?published=true', c.sending),
    );
    expect(sent.items).toHaveLength(7);
    expect(sent.items.filter((s) => s.finalGrade === 'excellent')).toHaveLength(2);
    const other = await ok<{ items: SubjectResult[] }>(
      await call('GET', '/api/assessment/subjects?published=true', c.otherSending),
    );
    expect(other.items.map((s) => s.cadreName)).toEqual([elsewhere.cadre.name]);
    const own = await ok<{ items: SubjectResult[] }>(
      await call('GET', '/api/assessment/subjects?published=true', c.cadre),
    );
    expect(own.items.map((s) => s.finalGrade)).toEqual(['excellent']);
    const otherView = await ok(await call('GET', `/api/assessment/rounds/${round.id}`, c.otherSending));
    expect(otherView.subjects.map((s) => s.cadreName)).toEqual([elsewhere.cadre.name]);
    expect(otherView.subjects[0]?.democratic).toBeNull();
  });

  it('statistics by region and sending unit, exported; the 表彰名单 lists the 优秀', async () => {
    const s = await ok<{
      total: Record<string, number>;
      quota: { cap: number };
      bySendingUnit: { name: string }[];
    }>(await call('GET', `/api/assessment/stats?roundId=${round.id}`, c.org));
    expect(s.total).toMatchObject({ excellent: 2, competent: 6 });
    expect(s.bySendingUnit).toHaveLength(2);
    expect((await call('GET', `/api/assessment/stats?roundId=${round.id}`, c.otherOrg)).statusCode).toBe(404);
    const batch = await ok<{ total: Record<string, number> }>(
      await call('GET', `/api/assessment/stats?batchId=${batchId}`, c.org),
    );
    expect(batch.total.excellent).toBe(2);
    const file = await call('GET', `/api/assessment/stats/export?roundId=${round.id}`, c.org);
    expect(file.headers['content-type']).toBe(XLSX_MIME);
    const honours = await call('GET', `/api/batches/${batchId}/assessment-honours`, c.org);
    expect(honours.statusCode).toBe(200);
    const sheet = (await readBook(honours.rawPayload)).worksheets[0];
    const names: string[] = [];
    sheet?.eachRow((row) => names.push(String(row.getCell(2).value)));
    expect(names).toContain((postings[0] as { cadre: { name: string } }).cadre.name);
  });

  it('dossier forms: the 考核登记表 of a posting and the 考核结果汇总表 (.docx and .xlsx), as each party sees them', async () => {
    const first = postings[0] as { id: string; cadre: { name: string } };
    const form = await call('GET', `/api/assessment/rounds/${round.id}/registration/${first.id}`, c.sending);
    expect(form.statusCode, form.body).toBe(200);
    expect(form.headers['content-disposition']).toContain('attachment');
    const text = docxText(form.rawPayload);
    for (const part of [
      '挂职干部平时考核登记表',
      first.cadre.name,
      '接收单位意见',
      '派出单位意见',
      '民主测评',
      '考核等次：优秀',
    ])
      expect(text).toContain(part);
    expect(text).toContain('审定：');
    // another unit's liaison does not see this subject; another 组织部 not the round
    const other = await call(
      'GET',
      `/api/assessment/rounds/${round.id}/registration/${first.id}`,
      c.otherSending,
    );
    expect(other.statusCode).toBe(404);
    expect(
      (await call('GET', `/api/assessment/rounds/${round.id}/results-list`, c.otherOrg)).statusCode,
    ).toBe(404);

    const list = await call('GET', `/api/assessment/rounds/${round.id}/results-list`, c.org);
    expect(list.statusCode).toBe(200);
    const listText = docxText(list.rawPayload);
    expect(listText).toContain('考核结果汇总表');
    expect(listText).toContain('本轮考核结果已于');
    const book = await call('GET', `/api/assessment/rounds/${round.id}/results-list?format=xlsx`, c.org);
    expect(book.headers['content-type']).toBe(XLSX_MIME);
    const ws = (await readBook(book.rawPayload)).worksheets[0];
    const grades: string[] = [];
    ws?.eachRow((row, n) => {
      if (n > 3) grades.push(String(row.getCell(6).value));
    });
    const detail = await ok<{ subjects: { finalGrade: string | null }[] }>(
      await call('GET', `/api/assessment/rounds/${round.id}`, c.org),
    );
    expect(grades).toHaveLength(detail.subjects.length);
    expect(grades.filter((g) => g === '优秀')).toHaveLength(2);
    // the other liaison's list holds its one cadre only
    const theirs = await call(
      'GET',
      `/api/assessment/rounds/${round.id}/results-list?format=xlsx`,
      c.otherSending,
    );
    const rows: string[] = [];
    (await readBook(theirs.rawPayload)).worksheets[0]?.eachRow((row, n) => {
      if (n > 3) rows.push(String(row.getCell(2).value));
    });
    expect(rows).toEqual([elsewhere.cadre.name]);
  });
});

describe('migration 20261203210000_assessment', () => {
  it('goes down (tables and round history gone) and up again', async () => {
    const before = await t.ctx.db.selectFrom('assessmentRounds').select('id').execute();
    expect(before.length).toBeGreaterThan(0);
    await t.ctx.db
      .transaction()
      .execute(async (trx) => {
        // biome-ignore lint/suspicious/noExplicitAny: migrations run on untyped Kysely
        const raw = trx.withoutPlugins() as unknown as Kysely<any>;
        await downThrough(raw, '20261203210000_assessment');
        expect(
          await raw
            .selectFrom('status_history')
            .select('id')
            .where('object_type', '=', 'assessmentRound')
            .execute(),
        ).toEqual([]);
        await upFrom(raw, '20261203210000_assessment');
        expect(await raw.selectFrom('assessment_votes').select('id').execute()).toEqual([]);
        throw new Error('roll back');
      })
      .catch((error: Error) => expect(error.message).toBe('roll back'));
    expect(await t.ctx.db.selectFrom('assessmentRounds').select('id').execute()).toHaveLength(before.length);
  });
});
