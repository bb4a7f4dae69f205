import { randomUUID } from 'node:crypto';
import type { Action } from '../../common/access/policy.js';
import { zAchievementListQuery } from '../../common/achievements/achievements.schema.js';
import { monthDays } from '../../common/attendance/attendance.js';
import type { Page } from '../../common/http/paging.schema.js';
import { type MessageKey, t } from '../../common/i18n/index.js';
import type {
  MonthlyCreate,
  MonthlyDetail,
  MonthlyFacts,
  MonthlyListParams,
  MonthlyReport,
  MonthlyReview,
  MonthlyUpdate,
} from '../../common/monthly/monthly.schema.js';
import { MONTHLY_EDITABLE, type MonthlyStatus } from '../../common/monthly/monthly-moves.js';
import type { NotificationKind } from '../../common/notifications/notifications.schema.js';
import * as achievements from '../achievements/achievements.service.js';
import { gridsOf } from '../attendance/attendance.service.js';
import { record, whoOf } from '../audit/audit.service.js';
import { allowedOn, assertReachesFor } from '../core/allowed.js';
import { chinaDate } from '../core/clock.js';
import { type Actor, type AppContext, authorOf } from '../core/context.js';
import type { Executor } from '../core/database.js';
import { AppError, fieldError, notFound, outOfScope } from '../core/errors.js';
import { assertReaches, type Reach, reaches } from '../core/scope.js';
import { appendHistory } from '../core/status-history.repository.js';
import { inTransaction } from '../core/transaction.js';
import { notifyAudience } from '../notifications/notifications.service.js';
import { findPosting, type PostingView, SENDING_UNIT } from '../postings/postings.repository.js';
import { dutiesOf } from '../postings/postings.service.js';
import { entriesBetween } from '../worklog/worklog.repository.js';
import { monthlyMachine } from './monthly.machine.js';
import * as repo from './monthly.repository.js';

/**
 * The monthly report (月度情况报送, issue 14 line 4, ADR 039): a draft per active posting and
 * month generated from the records (posting and duties, attendance, the work log by category,
 * the achievement ledger's totals), the cadre's narrative and plan, the receiving unit's sign-off
 * or return; every version kept. The facts are re-read while the cadre edits, frozen at submission.
 */

const today = (ctx: Pick<AppContext, 'clock'>) => chinaDate(ctx.clock.now());
const lastDayOf = (month: string) => monthDays(month).at(-1) as string;

/** The month's facts from the records: each capability's own functions, none of their SQL restated. */
export async function factsOf(
  ctx: AppContext,
  actor: Actor,
  p: PostingView,
  month: string,
): Promise<MonthlyFacts> {
  const from = `${month}-01`;
  const to = lastDayOf(month);
  const grid = (await gridsOf(ctx.db, [p], month, today(ctx))).get(p.id);
  const totals = grid?.totals;
  const work = new Map<string, { date: string; title: string }[]>();
  for (const e of await entriesBetween(ctx.db, p.id, from, to))
    work.set(e.category, [...(work.get(e.category) ?? []), { date: e.entryDate, title: e.title }]);
  const listed = await achievements.list(
    ctx,
    actor,
    zAchievementListQuery.parse({ postingId: p.id, pageSize: 100, order: 'desc' }),
  );
  const ledger = await achievements.totals(ctx, actor, { groupBy: 'posting', postingId: p.id, from, to });
  return {
    postTitle: p.title,
    receivingUnitName: p.receivingUnitName,
    sendingUnitName: p.sendingUnitName,
    duties: dutiesOf(p),
    attendance: {
      workingDays: totals?.workingDays ?? 0,
      present: totals?.present ?? 0,
      leave: totals?.leaveTotal ?? 0,
      absent: totals?.absent ?? 0,
      missing: totals?.missing ?? 0,
    },
    work: [...work].map(([category, entries]) => ({ category, entries })),
    achievements: listed.items
      .filter((a) => a.date >= from && a.date <= to && (a.status === 'verified' || a.status === 'claimed'))
      .map((a) => ({ date: a.date, kind: a.kind, title: a.title, status: a.status, amount: a.display })),
    totals: ledger.overall,
  };
}

const toReport = (r: repo.MonthlyView): MonthlyReport => ({
  id: r.id,
  postingId: r.postingId,
  month: r.month,
  cadreName: r.cadreName,
  postingTitle: r.postingTitle,
  receivingUnitName: r.receivingUnitName,
  sendingUnitName: r.sendingUnitName,
  status: r.status as MonthlyStatus,
  reviewComment: r.reviewComment,
  version: r.version,
  updatedAt: r.updatedAt,
});

const ACTIONS = [
  { key: 'update', action: 'monthly.write', reach: repo.MONTHLY_WRITE_REACH },
  { key: 'submit', action: 'monthly.write', reach: repo.MONTHLY_WRITE_REACH },
  { key: 'sign', action: 'monthly.review', reach: repo.MONTHLY_REVIEW_REACH },
  { key: 'return', action: 'monthly.review', reach: repo.MONTHLY_REVIEW_REACH },
] as const satisfies readonly { key: string; action: Action; reach: Reach }[];

async function detail(db: Executor, actor: Actor, row: repo.MonthlyView): Promise<MonthlyDetail> {
  const status = row.status as MonthlyStatus;
  const open = ACTIONS.filter((a) =>
    a.action === 'monthly.write' ? MONTHLY_EDITABLE.includes(status) : status === 'submitted',
  );
  return {
    ...toReport(row),
    summary: row.summary,
    plan: row.plan,
    facts: JSON.parse(row.facts) as MonthlyFacts,
    versions: (await repo.versionsOf(db, row.id)).map((v) => ({
      seq: Number(v.seq),
      status: v.status as MonthlyStatus,
      summary: v.summary,
      plan: v.plan,
      by: v.by,
      at: v.at,
    })),
    actions: allowedOn(actor, row, open),
  };
}

async function loaded(db: Executor, id: string): Promise<repo.MonthlyView> {
  const row = await repo.findReport(db, id);
  if (!row) throw notFound();
  return row;
}
const readable = async (db: Executor, actor: Actor, id: string) =>
  assertReaches({ ...actor.scope, mode: 'read' }, repo.MONTHLY_REACH, await loaded(db, id));
/** A write checks the write rule (read-only parties get 403, others 404). */
const writable = async (db: Executor, actor: Actor, id: string, reach: Reach) =>
  assertReachesFor(actor, 'monthly.read', reach, await loaded(db, id), repo.MONTHLY_REACH);

export async function list(
  ctx: AppContext,
  actor: Actor,
  p: MonthlyListParams,
): Promise<Page<MonthlyReport>> {
  const { rows, ...count } = await repo.listReports(ctx.db, p, actor.scope);
  return { items: rows.map(toReport), ...count, page: p.page, pageSize: p.pageSize };
}

export async function get(ctx: AppContext, actor: Actor, id: string): Promise<MonthlyDetail> {
  return detail(ctx.db, actor, await readable(ctx.db, actor, id));
}

/** The month checked against the posting's dates and today (a Chinese message naming `month`). */
function checkMonth(ctx: AppContext, p: PostingView | undefined, month: string): PostingView {
  if (!p) throw fieldError('postingId', 'monthly.postingMissing');
  if (p.status !== 'active' || !p.startDate)
    throw fieldError('postingId', 'monthly.postingNotActive', {
      status: t(`postingStatus.${p.status}` as MessageKey),
    });
  if (month > today(ctx).slice(0, 7)) throw fieldError('month', 'monthly.futureMonth');
  if (month < p.startDate.slice(0, 7))
    throw fieldError('month', 'monthly.beforePosting', { startDate: p.startDate });
  const end = p.finishedOn ?? p.endDate;
  if (month > end.slice(0, 7)) throw fieldError('month', 'monthly.afterPosting', { endDate: end });
  return p;
}

async function keepVersion(tx: AppContext, actor: Actor, id: string) {
  const r = await loaded(tx.db, id);
  await repo.insertVersion(tx.db, {
    id: randomUUID(),
    reportId: id,
    status: r.status,
    facts: r.facts,
    summary: r.summary,
    plan: r.plan,
    at: tx.clock.now().toISOString(),
    author: authorOf(actor),
  });
  return r;
}

/** The cadre starts the month's draft: its facts generated from the records. */
export async function create(ctx: AppContext, actor: Actor, v: MonthlyCreate): Promise<MonthlyDetail> {
  return inTransaction(ctx, async (tx) => {
    const posting = await findPosting(tx.db, v.postingId);
    if (posting && !reaches(actor.scope, repo.MONTHLY_WRITE_REACH, posting)) throw outOfScope();
    const p = checkMonth(tx, posting, v.month);
    if (await repo.findByMonth(tx.db, p.id, v.month)) throw fieldError('month', 'monthly.exists');
    const id = randomUUID();
    const now = tx.clock.now().toISOString();
    await repo.insertReport(tx.db, {
      id,
      postingId: p.id,
      month: v.month,
      status: 'draft',
      facts: JSON.stringify(await factsOf(tx, actor, p, v.month)),
      summary: null,
      plan: null,
      reviewComment: null,
      reviewedBy: null,
      reviewedAt: null,
      version: 1,
      createdAt: now,
      updatedAt: now,
      createdBy: authorOf(actor),
      updatedBy: authorOf(actor),
    });
    await appendHistory(tx.db, {
      id: randomUUID(),
      objectType: 'monthly_report',
      objectId: id,
      fromStatus: '',
      toStatus: 'draft',
      reason: null,
      at: now,
      actorId: authorOf(actor),
    });
    await record(tx, whoOf(actor), {
      action: 'monthly.create',
      objectType: 'monthly_report',
      objectId: id,
      diff: { posting: { to: p.title }, month: { to: v.month } },
    });
    return detail(tx.db, actor, await keepVersion(tx, actor, id));
  });
}

const refused = (row: repo.MonthlyView, what: MessageKey) =>
  new AppError('CONFLICT', {
    messageKey: 'monthly.refused',
    params: { status: t(`monthlyStatus.${row.status as MonthlyStatus}`), action: t(what) },
  });

/** The facts read again from the records (while the report is the cadre's to edit). */
async function refreshFacts(tx: AppContext, actor: Actor, row: repo.MonthlyView): Promise<string> {
  const p = (await findPosting(tx.db, row.postingId)) as PostingView;
  return JSON.stringify(await factsOf(tx, actor, p, row.month));
}

/** The cadre saves the narrative and plan (a draft or returned report); a new version is kept. */
export async function update(
  ctx: AppContext,
  actor: Actor,
  id: string,
  v: MonthlyUpdate,
): Promise<MonthlyDetail> {
  return inTransaction(ctx, async (tx) => {
    const row = await writable(tx.db, actor, id, repo.MONTHLY_WRITE_REACH);
    if (!MONTHLY_EDITABLE.includes(row.status as MonthlyStatus)) throw refused(row, 'monthlyAction.update');
    if (row.version !== v.version) throw new AppError('VERSION_CONFLICT');
    const done = await tx.db
      .updateTable('monthlyReports')
      .set({
        summary: v.summary,
        plan: v.plan,
        facts: await refreshFacts(tx, actor, row),
        version: row.version + 1,
        updatedAt: tx.clock.now().toISOString(),
        updatedBy: authorOf(actor),
      })
      .where('id', '=', id)
      .where('version', '=', v.version)
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) throw new AppError('VERSION_CONFLICT');
    await record(tx, whoOf(actor), {
      action: 'monthly.update',
      objectType: 'monthly_report',
      objectId: id,
      diff: { summary: { from: row.summary, to: v.summary }, plan: { from: row.plan, to: v.plan } },
    });
    return detail(tx.db, actor, await keepVersion(tx, actor, id));
  });
}

async function notify(
  ctx: AppContext,
  actor: Actor,
  row: repo.MonthlyView,
  kind: Extract<NotificationKind, `monthly.${string}`>,
) {
  const audience =
    kind === 'monthly.toReview'
      ? { action: 'monthly.review' as const, reach: repo.MONTHLY_REVIEW_REACH, mode: 'write' as const }
      : kind === 'monthly.signed'
        ? { action: 'monthly.read' as const, reach: { parties: [SENDING_UNIT] }, mode: 'read' as const }
        : { action: 'monthly.write' as const, reach: repo.MONTHLY_WRITE_REACH, mode: 'write' as const };
  await notifyAudience(
    ctx,
    { ...audience, row },
    kind,
    { reportId: row.id, cadre: row.cadreName, month: row.month, unit: row.receivingUnitName },
    actor.userId,
  );
}

/** The cadre submits: the facts are read once more and frozen; the receiving unit is notified. */
export async function submit(ctx: AppContext, actor: Actor, id: string, version: number) {
  return inTransaction(ctx, async (tx) => {
    const row = await writable(tx.db, actor, id, repo.MONTHLY_WRITE_REACH);
    if (!MONTHLY_EDITABLE.includes(row.status as MonthlyStatus)) throw refused(row, 'monthlyAction.submit');
    const facts = await refreshFacts(tx, actor, row);
    await monthlyMachine.move(tx, actor, {
      row,
      version,
      to: 'submitted',
      action: 'monthly.submit',
      set: () => ({ facts, reviewComment: null }),
    });
    const after = await keepVersion(tx, actor, id);
    await notify(tx, actor, after, 'monthly.toReview');
    return detail(tx.db, actor, after);
  });
}

/** The receiving unit signs off (已签收) or returns (已退回, a comment required) a submitted report. */
export async function review(
  ctx: AppContext,
  actor: Actor,
  id: string,
  decision: 'signed' | 'returned',
  v: MonthlyReview,
): Promise<MonthlyDetail> {
  return inTransaction(ctx, async (tx) => {
    const row = await writable(tx.db, actor, id, repo.MONTHLY_REVIEW_REACH);
    if (row.status !== 'submitted')
      throw refused(row, decision === 'signed' ? 'monthlyAction.sign' : 'monthlyAction.return');
    if (decision === 'returned' && !v.comment) throw fieldError('comment', 'monthly.returnNeedsComment');
    await monthlyMachine.move(tx, actor, {
      row,
      version: v.version,
      to: decision,
      action: decision === 'signed' ? 'monthly.sign' : 'monthly.return',
      reason: v.comment,
      set: (at) => ({ reviewComment: v.comment, reviewedBy: authorOf(actor), reviewedAt: at }),
    });
    const after = await keepVersion(tx, actor, id);
    await notify(tx, actor, after, decision === 'signed' ? 'monthly.signed' : 'monthly.returned');
    return detail(tx.db, actor, after);
  });
}
