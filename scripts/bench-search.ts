// `npm run bench:search [-- --postings 100000 --per 20 --db sqlite|postgres|both --runs 200]`:
// the work log's Chinese full-text search (ADR 033) at scale. A throwaway database per dialect
// (a temp data dir; a throwaway PostgreSQL cluster from scripts/pg-cluster.mjs) gets the demo,
// then `--postings` postings cloned from the demo's (foreign keys off for the clones: their
// nominations are not made) with `--per` work-log entries each (scripts/gen-onpost.ts
// generateWorklog), and a two-character (乡镇) and a four-character (招商引资) query are timed
// through the service as the province's 组织部 asks them (scope in the SQL, first page of 20).
// Target: p99 < 50 ms. Figures go to docs/benchmarks.md by hand.

import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { monthDays } from '../common/attendance/attendance.js';
import { addDay } from '../common/calendar/calendar.js';
import { zWorklogSearchQuery } from '../common/worklog/worklog.schema.js';
import { report } from '../server/attendance/attendance.service.js';
import { calendarFor } from '../server/calendar/calendar.service.js';
import { insertRows } from '../server/core/bulk-insert.js';
import { loadConfig } from '../server/core/config.js';
import type { Actor, AppContext } from '../server/core/context.js';
import { seedDemo } from '../server/demo/demo.seed.js';
import { actorFor } from '../server/demo/demo.steps.js';
import { openRuntime } from '../server/runtime.js';
import { search } from '../server/worklog/worklog.service.js';
import { generateAttendance, generateWorklog, type PostingForLog } from './gen-onpost.js';
// @ts-expect-error: a plain .mjs helper without types
import { startCluster } from './pg-cluster.mjs';

const { values } = parseArgs({
  options: {
    postings: { type: 'string', default: '10000' },
    per: { type: 'string', default: '20' },
    db: { type: 'string', default: 'both' },
    runs: { type: 'string', default: '200' },
  },
});
const POSTINGS = Number(values.postings);
const PER = Number(values.per);
const RUNS = Number(values.runs);
const QUERIES = ['乡镇', '招商引资'];
const REPORT_POSTINGS = 1000;
const REPORT_RUNS = 10;

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;

/** Postings cloned from the demo's: same parties (so the scope joins are real), fresh ids. */
async function clonePostings(ctx: AppContext, count: number): Promise<PostingForLog[]> {
  const templates = await ctx.db.selectFrom('postings').selectAll().execute();
  if (templates.length === 0) throw new Error('the demo made no postings to clone');
  const out: PostingForLog[] = [];
  const CHUNK = 2000;
  for (let at = 0; at < count; at += CHUNK) {
    const rows: typeof templates = [];
    for (let i = at; i < Math.min(count, at + CHUNK); i++) {
      const tpl = templates[i % templates.length] as (typeof templates)[number];
      const row = {
        ...tpl,
        id: randomUUID(),
        nominationId: randomUUID(),
        status: 'returned',
        startDate: tpl.startDate ?? tpl.plannedStart,
      };
      rows.push(row);
      out.push({ id: row.id, cadreId: row.cadreId, startDate: row.startDate });
    }
    await ctx.db.transaction().execute(async (trx) => {
      if (ctx.dialect === 'postgres') await sql`SET LOCAL session_replication_role = replica`.execute(trx);
      await insertRows(trx, 'postings', rows);
    });
  }
  return out;
}

async function timeQueries(ctx: AppContext, actor: Actor) {
  const results: Record<string, { p50: number; p99: number; total: number; capped: boolean }> = {};
  for (const q of QUERIES) {
    const params = zWorklogSearchQuery.parse({ q, page: 1, pageSize: 20 });
    for (let i = 0; i < 10; i++) await search(ctx, actor, params); // warm-up
    const times: number[] = [];
    let last: { total: number; totalCapped?: boolean | undefined } = { total: 0 };
    for (let i = 0; i < RUNS; i++) {
      const start = process.hrtime.bigint();
      last = await search(ctx, actor, params);
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    times.sort((a, b) => a - b);
    results[q] = {
      p50: Number(percentile(times, 50).toFixed(1)),
      p99: Number(percentile(times, 99).toFixed(1)),
      total: last.total,
      capped: Boolean(last.totalCapped),
    };
  }
  return results;
}

/**
 * The batch's monthly attendance report (issue 13 line 8: < 2 s for a 1,000-posting batch): the
 * first `REPORT_POSTINGS` clones are moved into one batch of the demo, on post through the last
 * full month, given a month of check-ins (`generateAttendance` on the official calendar), and the
 * report is asked `REPORT_RUNS` times as the province's 组织部 asks it on the 月度考勤表 page.
 */
export async function benchAttendanceReport(ctx: AppContext, postings: PostingForLog[], username: string) {
  const count = Math.min(REPORT_POSTINGS, postings.length);
  const chosen = postings.slice(0, count);
  const today = new Date().toISOString().slice(0, 10);
  const first = new Date(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)) - 2, 1));
  const month = first.toISOString().slice(0, 7);
  const from = `${month}-01`;
  const to = monthDays(month).at(-1) as string;
  const batch = await ctx.db
    .selectFrom('postings')
    .select('batchId')
    .where('id', '=', (chosen[0] as PostingForLog).id)
    .executeTakeFirstOrThrow();
  for (let at = 0; at < count; at += 500) {
    const ids = chosen.slice(at, at + 500).map((p) => p.id);
    await ctx.db
      .updateTable('postings')
      .set({
        batchId: batch.batchId,
        status: 'on_post',
        startDate: addDay(from, -30),
        endDate: addDay(to, 300),
        finishedOn: null,
      })
      .where('id', 'in', ids)
      .execute();
  }
  const cal = await calendarFor(ctx.db, from, to, null);
  const records = await generateAttendance(
    ctx,
    chosen.map((p) => ({ ...p, startDate: from })),
    { isWorking: cal.isWorking, until: to, skipForeignKeys: true },
  );
  await sql`ANALYZE`.execute(ctx.db);
  const actor = (await actorFor(ctx, username, 'attendance.report')) as Actor;
  const q = { month, batchId: batch.batchId };
  let last = await report(ctx, actor, q); // warm-up
  const times: number[] = [];
  for (let i = 0; i < REPORT_RUNS; i++) {
    const start = process.hrtime.bigint();
    last = await report(ctx, actor, q);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return {
    month,
    postings: last.total,
    records,
    p50: Number(percentile(times, 50).toFixed(0)),
    max: Number((times[times.length - 1] as number).toFixed(0)),
  };
}

async function run(dialect: 'sqlite' | 'postgres') {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'guazhi-bench-search-'));
  const cluster = dialect === 'postgres' ? await startCluster() : null;
  const env = {
    ...process.env,
    GUAZHI_DATA_DIR: dataDir,
    DATABASE_URL: cluster ? cluster.url : '',
    GUAZHI_LOG_LEVEL: 'warn',
  };
  const runtime = await openRuntime(loadConfig(env));
  const { ctx } = runtime;
  try {
    const seeded = await seedDemo(ctx);
    const started = Date.now();
    if (ctx.dialect === 'sqlite') await sql`PRAGMA foreign_keys = OFF`.execute(ctx.db);
    const postings = await clonePostings(ctx, POSTINGS);
    const made = await generateWorklog(ctx, postings, {
      perPosting: PER,
      skipForeignKeys: true,
      firstKey: 1_000_000_000,
      progress: (n) => {
        if (n % 100_000 === 0 || n === POSTINGS * PER)
          process.stdout.write(`${dialect}: ${n} entries, ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
      },
    });
    const generation = (Date.now() - started) / 1000;
    if (ctx.dialect === 'sqlite') {
      await sql`PRAGMA foreign_keys = ON`.execute(ctx.db);
      await sql`ANALYZE`.execute(ctx.db);
      await sql`INSERT INTO worklog_fts(worklog_fts) VALUES ('optimize')`.execute(ctx.db);
    } else await sql`ANALYZE`.execute(ctx.db);
    // the 组织部 of the demo's province (its programmes and receiving regions are in its subtree)
    const org =
      seeded.find((a) => a.access.startsWith('组织部') && /省/.test(a.access)) ??
      seeded.find((a) => a.access.startsWith('组织部'));
    if (!org) throw new Error('no 组织部 account in the demo');
    const actor = (await actorFor(ctx, org.username, 'worklog.read')) as Actor;
    actor.scope = { ...actor.scope, mode: 'read' };
    const timings = await timeQueries(ctx, actor);
    console.log(
      JSON.stringify({
        dialect,
        postings: POSTINGS,
        entries: made,
        generationSeconds: Math.round(generation),
        asked: `${org.access} (${org.username})`,
        runs: RUNS,
        ms: timings,
        attendanceReport: await benchAttendanceReport(ctx, postings, org.username),
      }),
    );
  } finally {
    await runtime.close();
    cluster?.stop();
    if (process.env.BENCH_KEEP) console.log(`kept ${dataDir}`);
    else rmSync(dataDir, { recursive: true, force: true });
  }
}

const dialects =
  values.db === 'both' ? (['sqlite', 'postgres'] as const) : [values.db as 'sqlite' | 'postgres'];
for (const d of dialects) await run(d);
