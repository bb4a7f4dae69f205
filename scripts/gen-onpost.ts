// Generators of on-post data at scale (issue 13 line 8), called by gen:data and the benches, all
// in bulk inserts (`insertRows`) and deterministic by seed:
// - `generateWorklog`: work-log entries (工作纪实) with the search columns the service writes (ADR 033);
// - `generateLeave`: leave requests approved by the receiving unit and returned (销假), with their
//   step, on working days of the calendar given;
// - `generateAttendance`: a check-in on each working day on post up to a date, a few absences
//   recorded by the receiving unit, nothing on the leave days;
// - `generateAchievements`: achievements of every kind with exact amounts (verified or claimed).

import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { type AmountUnit, parseAmount } from '../common/achievements/achievement-amount.js';
import { ACHIEVEMENT_KINDS, type AchievementKind } from '../common/achievements/achievement-moves.js';
import { addDay, leaveHalfDays } from '../common/calendar/calendar.js';
import type { WorklogCategory } from '../common/worklog/worklog.schema.js';
import { WORKLOG_CATEGORIES } from '../common/worklog/worklog.schema.js';
import type { AchievementsTable } from '../server/achievements/achievements.table.js';
import type { AttendanceRecordsTable } from '../server/attendance/attendance.table.js';
import { insertRows } from '../server/core/bulk-insert.js';
import type { AppContext } from '../server/core/context.js';
import type { LeaveRequestsTable, LeaveStepsTable } from '../server/leave/leave.table.js';
import { searchColumns } from '../server/worklog/worklog.service.js';
import type { WorklogEntriesTable } from '../server/worklog/worklog.table.js';

/** Phrases of what cadres record (../shared/samples/ give the tone): mixed into each entry. */
const PHRASES = [
  '跑遍了全县12个乡镇，摸清产业底数',
  '深入乡镇村组开展入户走访',
  '召开防汛工作调度会，部署防汛物资储备',
  '转移安置群众1.9万人，确保人员安全',
  '筹集一百余万元资金用于村道硬化',
  '对接东部企业开展招商引资洽谈',
  '签约农产品深加工项目一个',
  '督查乡村振兴重点项目推进情况',
  '接待考察团调研茶产业发展',
  '参加县委理论学习中心组学习',
  '处理群众信访件三件，现场答复诉求',
  '协调解决易地搬迁安置点就业问题',
  '走访慰问困难党员和脱贫户',
  '组织农技培训，培训种植户86人',
  '检查地质灾害隐患点和防汛值守',
  '推进东西部协作劳务输出',
  '调研村集体经济发展路径',
  '督导森林防火和安全生产工作',
  '召开项目建设推进会，研究土地要素保障',
  '陪同派出单位领导考察对口帮扶项目',
];
const PLACES = ['施洞镇', '台江县', '革一镇', '老屯乡', '县委会议室', '南宫镇', '排羊乡', '方召镇', null];
const TITLES: Record<WorklogCategory, string[]> = {
  research: ['产业调研', '乡镇调研', '入户走访'],
  meeting: ['参加会议', '调度会', '专题会议'],
  inspection: ['项目督查', '安全督查'],
  reception: ['接待考察团', '接待来访'],
  investment: ['招商洽谈', '招商引资对接'],
  project: ['项目推进', '项目现场办公'],
  petition: ['接访群众', '信访化解'],
  emergency: ['防汛值守', '应急处置'],
  study: ['理论学习', '业务培训'],
  other: ['日常工作', '其他事项'],
};

/** A small deterministic generator, so the same seed gives the same entries. */
function generator(seed: number) {
  let state = seed >>> 0 || 42;
  const rand = () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  return { rand, pick };
}

export interface PostingForLog {
  id: string;
  cadreId: string;
  /** The first day entries may have (YYYY-MM-DD). */
  startDate: string;
  /** The last day on post (YYYY-MM-DD); none: open. */
  endDate?: string | undefined;
}

const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * `perPosting` entries for each posting over the year from its start (deterministic by `seed`),
 * inserted in bulk (`insertRows`, transactions of `chunk` entries); `progress` is told the
 * count so far. The SQLite FTS5 index follows by its triggers; on PostgreSQL the tsvector is
 * written with each row. Returns the number of entries made.
 */
export async function generateWorklog(
  ctx: Pick<AppContext, 'db' | 'dialect'>,
  postings: readonly PostingForLog[],
  options: BulkOptions & {
    perPosting?: number;
    seed?: number;
    /** First search key (entries made by several calls must not share keys). */
    firstKey?: number;
  } = {},
): Promise<number> {
  const perPosting = options.perPosting ?? 20;
  const { rand, pick } = generator(options.seed ?? 42);
  const now = new Date().toISOString();
  let key = options.firstKey ?? 1;
  const rows = bulkWriter<WorklogEntriesTable>(ctx, 'worklogEntries', options);
  for (const posting of postings) {
    for (let i = 0; i < perPosting; i++) {
      const category = pick(WORKLOG_CATEGORIES);
      const title = pick(TITLES[category]);
      const place = pick(PLACES);
      const parts = 2 + Math.floor(rand() * 4);
      const body = `${Array.from({ length: parts }, () => pick(PHRASES)).join('，')}。`;
      await rows.push({
        id: randomUUID(),
        postingId: posting.id,
        cadreId: posting.cadreId,
        entryDate: addDays(posting.startDate, Math.floor((i * 365) / perPosting + rand() * 10)),
        category,
        title,
        body,
        place,
        searchKey: key++,
        ...searchColumns(ctx.dialect, { title, place, body }),
        attachments: 0,
        version: 1,
        ...stamp(now),
      });
    }
  }
  return rows.done();
}

interface BulkOptions {
  chunk?: number;
  /** PostgreSQL: skip foreign-key triggers (rows of postings cloned without their parents). */
  skipForeignKeys?: boolean;
  progress?: (made: number) => void;
}

type BulkTable = 'worklogEntries' | 'attendanceRecords' | 'leaveRequests' | 'leaveSteps' | 'achievements';

/** Rows written in transactions of `chunk`; `push` awaits a write when a chunk is full. */
function bulkWriter<R>(ctx: Pick<AppContext, 'db' | 'dialect'>, table: BulkTable, options: BulkOptions) {
  const chunk = options.chunk ?? 10_000;
  let rows: R[] = [];
  let made = 0;
  let writing: Promise<void> = Promise.resolve();
  const flush = async () => {
    if (rows.length === 0) return;
    const part = rows;
    rows = [];
    await ctx.db.transaction().execute(async (trx) => {
      if (options.skipForeignKeys && ctx.dialect === 'postgres')
        await sql`SET LOCAL session_replication_role = replica`.execute(trx);
      // biome-ignore lint/suspicious/noExplicitAny: the rows are this table's, typed by the caller
      await insertRows(trx, table, part as any);
    });
    made += part.length;
    options.progress?.(made);
  };
  return {
    /** Adds a row; a full chunk is written before the next one is taken. */
    push(row: R) {
      rows.push(row);
      if (rows.length >= chunk) writing = writing.then(flush);
      return writing;
    },
    /** Writes what is left; the number of rows written. */
    async done() {
      await writing;
      await flush();
      return made;
    },
  };
}

const stamp = (now: string) => ({ createdAt: now, updatedAt: now, createdBy: null, updatedBy: null });

/** Working days from `from` for `count` working days (the leave's last day). */
function spanOf(isWorking: (d: string) => boolean, from: string, count: number) {
  let start = from;
  while (!isWorking(start)) start = addDay(start);
  let end = start;
  for (let n = 1; n < count; ) {
    end = addDay(end);
    if (isWorking(end)) n++;
  }
  return { start, end };
}

/**
 * `perPosting` leave requests for each posting in its first year up to `until` (探亲假 of 3–5
 * working days, 事假 and 病假 of 1–2), approved by the receiving unit and back on post the next
 * day; the leave days of each posting are returned for `generateAttendance` to leave empty.
 */
export async function generateLeave(
  ctx: Pick<AppContext, 'db' | 'dialect'>,
  postings: readonly PostingForLog[],
  options: BulkOptions & {
    isWorking: (date: string) => boolean;
    until: string;
    perPosting?: number;
    seed?: number;
  },
): Promise<{ made: number; days: Map<string, Set<string>> }> {
  const perPosting = options.perPosting ?? 2;
  const { rand, pick } = generator(options.seed ?? 7);
  const now = new Date().toISOString();
  const requests = bulkWriter<LeaveRequestsTable>(ctx, 'leaveRequests', options);
  const steps = bulkWriter<LeaveStepsTable>(ctx, 'leaveSteps', options);
  const days = new Map<string, Set<string>>();
  for (const posting of postings) {
    const taken = new Set<string>();
    days.set(posting.id, taken);
    const last = posting.endDate && posting.endDate < options.until ? posting.endDate : options.until;
    const span = (Date.parse(last) - Date.parse(posting.startDate)) / 86_400_000;
    if (span < 30) continue;
    for (let i = 0; i < perPosting; i++) {
      // the i-th part of the stay, away from the others
      const from = addDays(posting.startDate, Math.floor(((i + 0.2 + rand() * 0.5) * span) / perPosting));
      const kind = i === 0 ? 'family_visit' : pick(['personal', 'sick'] as const);
      const length = kind === 'family_visit' ? 3 + Math.floor(rand() * 3) : 1 + Math.floor(rand() * 2);
      const { start, end } = spanOf(options.isWorking, from, length);
      if (end > last) continue;
      for (let d = start; d <= end; d = addDay(d)) taken.add(d);
      const id = randomUUID();
      await requests.push({
        id,
        postingId: posting.id,
        cadreId: posting.cadreId,
        kind,
        startDate: start,
        startHalf: 'am',
        endDate: end,
        endHalf: 'pm',
        halfDays: leaveHalfDays({ isWorking: options.isWorking }, start, 'am', end, 'pm'),
        reason: kind === 'family_visit' ? '回家探亲' : kind === 'sick' ? '身体不适，就医休息' : '家中有事',
        status: 'returned',
        currentStep: null,
        // the first day back (the grid counts leave up to the day before)
        returnedOn: addDay(end),
        version: 3,
        ...stamp(now),
      });
      await steps.push({
        id: randomUUID(),
        leaveId: id,
        seq: 1,
        approver: 'receiving_unit',
        decision: 'approved',
        comment: '同意',
        decidedBy: null,
        decidedAt: `${start}T01:00:00.000Z`,
        substituteUserId: null,
        substituteNamedBy: null,
      });
    }
  }
  // the requests first: each step names its request
  const made = await requests.done();
  await steps.done();
  return { made, days };
}

/**
 * A check-in on every working day of each posting from its start up to `until` (or its end),
 * except its leave days (`leaveDays`), and about one day in a hundred recorded absent by the
 * receiving unit instead.
 */
export async function generateAttendance(
  ctx: Pick<AppContext, 'db' | 'dialect'>,
  postings: readonly PostingForLog[],
  options: BulkOptions & {
    isWorking: (date: string) => boolean;
    until: string;
    /** The first day recorded, if later than the posting's start. */
    from?: string;
    leaveDays?: Map<string, Set<string>>;
    seed?: number;
  },
): Promise<number> {
  const { rand } = generator(options.seed ?? 11);
  const now = new Date().toISOString();
  const rows = bulkWriter<AttendanceRecordsTable>(ctx, 'attendanceRecords', options);
  for (const posting of postings) {
    const leave = options.leaveDays?.get(posting.id);
    const last = posting.endDate && posting.endDate < options.until ? posting.endDate : options.until;
    const first = options.from && options.from > posting.startDate ? options.from : posting.startDate;
    for (let d = first; d <= last; d = addDay(d)) {
      if (!options.isWorking(d) || leave?.has(d)) continue;
      const absent = rand() < 0.01;
      await rows.push({
        id: randomUUID(),
        postingId: posting.id,
        date: d,
        status: absent ? 'absent' : 'present',
        source: absent ? 'manager' : 'checkin',
        lat: null,
        lng: null,
        accuracy: null,
        distanceM: null,
        far: 0,
        reason: absent ? '未到岗，未请假' : null,
        ...stamp(now),
      });
    }
  }
  return rows.done();
}

const ACHIEVEMENT_SAMPLES: Record<AchievementKind, { title: string; unit: AmountUnit; max: number } | null> =
  {
    funds_secured: { title: '争取上级项目资金', unit: '万元', max: 500 },
    investment_signed: { title: '签约招商引资项目', unit: '万元', max: 5000 },
    funds_arrived: { title: '帮扶资金到位', unit: '万元', max: 300 },
    project_introduced: { title: '引进产业项目', unit: '个', max: 3 },
    aid_agreement: { title: '签订对口帮扶协议', unit: '个', max: 2 },
    research_report: null,
    training: { title: '组织技能培训', unit: '人', max: 300 },
    other: { title: '转移安置群众', unit: '万人', max: 2 },
  };

/**
 * `perPosting` achievements for each posting, of every kind in turn, dated over its stay up to
 * `until`; three in five verified by the receiving unit, the rest claimed. Amounts are exact
 * decimals parsed as the service parses them (one decimal place in 万 units).
 */
export async function generateAchievements(
  ctx: Pick<AppContext, 'db' | 'dialect'>,
  postings: readonly PostingForLog[],
  options: BulkOptions & { until: string; perPosting?: number; seed?: number },
): Promise<number> {
  const perPosting = options.perPosting ?? 5;
  const { rand } = generator(options.seed ?? 13);
  const now = new Date().toISOString();
  const rows = bulkWriter<AchievementsTable>(ctx, 'achievements', options);
  let k = 0;
  for (const posting of postings) {
    const last = posting.endDate && posting.endDate < options.until ? posting.endDate : options.until;
    const span = Math.max(1, (Date.parse(last) - Date.parse(posting.startDate)) / 86_400_000);
    for (let i = 0; i < perPosting; i++) {
      const kind = ACHIEVEMENT_KINDS[k++ % ACHIEVEMENT_KINDS.length] as AchievementKind;
      const sample = ACHIEVEMENT_SAMPLES[kind];
      const text = sample
        ? sample.unit.startsWith('万')
          ? (0.1 + rand() * sample.max).toFixed(1)
          : String(1 + Math.floor(rand() * sample.max))
        : null;
      const parsed = sample && text ? parseAmount(text, sample.unit) : null;
      const verified = i % 5 < 3;
      const date = addDays(posting.startDate, Math.floor(((i + rand()) * span) / perPosting));
      await rows.push({
        id: randomUUID(),
        postingId: posting.id,
        cadreId: posting.cadreId,
        kind,
        title: sample?.title ?? '形成专题调研报告',
        amount: parsed?.ok ? parsed.amount : null,
        unit: parsed?.ok ? (sample?.unit ?? null) : null,
        dimension: parsed?.ok ? parsed.dimension : null,
        baseAmount: parsed?.ok ? Number(parsed.base) : null,
        date: date > last ? last : date,
        description: null,
        status: verified ? 'verified' : 'claimed',
        reviewComment: verified ? '情况属实' : null,
        reviewedBy: null,
        reviewedAt: verified ? now : null,
        version: verified ? 2 : 1,
        ...stamp(now),
      });
    }
  }
  return rows.done();
}
