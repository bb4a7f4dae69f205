// Generators of on-post data at scale (issue 13 line 8), callable from gen:data and the benches.
// worklog: `generateWorklog` — work-log entries (工作纪实) for given postings, in bulk inserts,
// with the same search columns the service writes (ADR 033).
// TODO(lead): gen:data can call generateWorklog(ctx, postings, { perPosting: 20 }) once it
// makes postings; attendance / leave / achievements generators belong beside it.

import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { WorklogCategory } from '../common/worklog/worklog.schema.js';
import { WORKLOG_CATEGORIES } from '../common/worklog/worklog.schema.js';
import { insertRows } from '../server/core/bulk-insert.js';
import type { AppContext } from '../server/core/context.js';
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
  options: {
    perPosting?: number;
    seed?: number;
    chunk?: number;
    /** First search key (entries made by several calls must not share keys). */
    firstKey?: number;
    /** PostgreSQL: skip foreign-key triggers (rows of postings cloned without their parents). */
    skipForeignKeys?: boolean;
    progress?: (made: number) => void;
  } = {},
): Promise<number> {
  const perPosting = options.perPosting ?? 20;
  const chunk = options.chunk ?? 10_000;
  const { rand, pick } = generator(options.seed ?? 42);
  const now = new Date().toISOString();
  let key = options.firstKey ?? 1;
  let made = 0;
  let rows: WorklogEntriesTable[] = [];
  const flush = async () => {
    if (rows.length === 0) return;
    const part = rows;
    rows = [];
    await ctx.db.transaction().execute(async (trx) => {
      if (options.skipForeignKeys && ctx.dialect === 'postgres')
        await sql`SET LOCAL session_replication_role = replica`.execute(trx);
      await insertRows(trx, 'worklogEntries', part);
    });
    made += part.length;
    options.progress?.(made);
  };
  for (const posting of postings) {
    for (let i = 0; i < perPosting; i++) {
      const category = pick(WORKLOG_CATEGORIES);
      const title = pick(TITLES[category]);
      const place = pick(PLACES);
      const parts = 2 + Math.floor(rand() * 4);
      const body = `${Array.from({ length: parts }, () => pick(PHRASES)).join('，')}。`;
      rows.push({
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
        createdAt: now,
        updatedAt: now,
        createdBy: null,
        updatedBy: null,
      });
      if (rows.length >= chunk) await flush();
    }
  }
  await flush();
  return made;
}
