import { randomUUID } from 'node:crypto';
import type { Action } from '../../common/access/policy.js';
import {
  APPRAISAL_EDITABLE,
  type AppraisalAction,
  type AppraisalStatus,
} from '../../common/appraisals/appraisal-moves.js';
import type {
  Appraisal,
  AppraisalCreate,
  AppraisalDetail,
  AppraisalListParams,
  AppraisalReview,
  AppraisalSummary,
  AppraisalUpdate,
} from '../../common/appraisals/appraisals.schema.js';
import type { Page } from '../../common/http/paging.schema.js';
import { type MessageKey, t } from '../../common/i18n/index.js';
import type { NotificationKind } from '../../common/notifications/notifications.schema.js';
import { record, whoOf } from '../audit/audit.service.js';
import { allowedOn, assertReachesFor } from '../core/allowed.js';
import { type Actor, type AppContext, authorOf } from '../core/context.js';
import type { Executor } from '../core/database.js';
import { AppError, fieldError, notFound, outOfScope } from '../core/errors.js';
import { assertReaches, type Reach, reaches } from '../core/scope.js';
import { appendHistory } from '../core/status-history.repository.js';
import { inTransaction } from '../core/transaction.js';
import { notifyAudience } from '../notifications/notifications.service.js';
import { findPosting, type PostingView } from '../postings/postings.repository.js';
import { recordDraft, termOf } from './appraisals.drafts.js';
import { appraisalMachine } from './appraisals.machine.js';
import * as repo from './appraisals.repository.js';

/**
 * The end-of-term appraisal (鉴定, issue 15 line 4, ADR 041): the receiving unit writes it from a
 * draft assembled from the posting's duties, log and achievements; the cadre attaches the term
 * summary (工作总结); the 组织部 countersigns it or returns it with a comment; every version kept.
 */

/** Postings an appraisal may be written for: on post (the last months of the term) or 期满. */
const APPRAISED_POSTINGS = ['active', 'ended', 'returned'];

const toAppraisal = (r: repo.AppraisalView): Appraisal => ({
  id: r.id,
  postingId: r.postingId,
  cadreName: r.cadreName,
  postingTitle: r.postingTitle,
  receivingUnitName: r.receivingUnitName,
  sendingUnitName: r.sendingUnitName,
  batchName: r.batchName,
  startDate: r.startDate,
  endDate: r.endDate,
  status: r.status as AppraisalStatus,
  hasSummary: Boolean(r.summary),
  reviewComment: r.reviewComment,
  version: r.version,
  updatedAt: r.updatedAt,
});

const ACTIONS = [
  { key: 'update', action: 'appraisals.write', reach: repo.APPRAISAL_WRITE_REACH },
  { key: 'submit', action: 'appraisals.write', reach: repo.APPRAISAL_WRITE_REACH },
  { key: 'summary', action: 'appraisals.summary', reach: repo.APPRAISAL_SUMMARY_REACH },
  { key: 'countersign', action: 'appraisals.review', reach: repo.APPRAISAL_REVIEW_REACH },
  { key: 'return', action: 'appraisals.review', reach: repo.APPRAISAL_REVIEW_REACH },
] as const satisfies readonly { key: AppraisalAction; action: Action; reach: Reach }[];

const posting = async (db: Executor, id: string) => (await findPosting(db, id)) as PostingView;

async function detail(ctx: AppContext, actor: Actor, row: repo.AppraisalView): Promise<AppraisalDetail> {
  const status = row.status as AppraisalStatus;
  const open = ACTIONS.filter((a) =>
    a.action === 'appraisals.review' ? status === 'submitted' : APPRAISAL_EDITABLE.includes(status),
  );
  const p = await posting(ctx.db, row.postingId);
  const term = termOf(ctx, p);
  return {
    ...toAppraisal(row),
    text: row.text,
    summary: row.summary,
    draft: await recordDraft(ctx, actor, p, term, 'unit'),
    summaryDraft: await recordDraft(ctx, actor, p, term, 'self'),
    countersignedBy: status === 'countersigned' ? row.reviewedBy : null,
    countersignedAt: status === 'countersigned' ? row.reviewedAt : null,
    versions: (await repo.versionsOf(ctx.db, row.id)).map((v) => ({
      seq: Number(v.seq),
      status: v.status as AppraisalStatus,
      text: v.text,
      summary: v.summary,
      comment: v.comment,
      by: v.by,
      at: v.at,
    })),
    actions: allowedOn(actor, row, open),
  };
}

async function loaded(db: Executor, id: string): Promise<repo.AppraisalView> {
  const row = await repo.findAppraisal(db, id);
  if (!row) throw notFound();
  return row;
}
export const readableAppraisal = async (db: Executor, actor: Actor, id: string) =>
  assertReaches({ ...actor.scope, mode: 'read' }, repo.APPRAISAL_REACH, await loaded(db, id));
/** A write checks the write rule (read-only parties get 403, others 404). */
const writable = async (db: Executor, actor: Actor, id: string, reach: Reach) =>
  assertReachesFor(actor, 'appraisals.read', reach, await loaded(db, id), repo.APPRAISAL_REACH);

export async function list(ctx: AppContext, actor: Actor, p: AppraisalListParams): Promise<Page<Appraisal>> {
  const { rows, ...count } = await repo.listAppraisals(ctx.db, p, actor.scope);
  return { items: rows.map(toAppraisal), ...count, page: p.page, pageSize: p.pageSize };
}

export async function get(ctx: AppContext, actor: Actor, id: string): Promise<AppraisalDetail> {
  return detail(ctx, actor, await readableAppraisal(ctx.db, actor, id));
}

async function keepVersion(tx: AppContext, actor: Actor, id: string, comment: string | null = null) {
  const r = await loaded(tx.db, id);
  await repo.insertVersion(tx.db, {
    id: randomUUID(),
    appraisalId: id,
    status: r.status,
    text: r.text,
    summary: r.summary,
    comment,
    at: tx.clock.now().toISOString(),
    author: authorOf(actor),
  });
  return r;
}

/** The receiving unit starts a posting's appraisal: the text drafted from the records. */
export async function create(ctx: AppContext, actor: Actor, v: AppraisalCreate): Promise<AppraisalDetail> {
  return inTransaction(ctx, async (tx) => {
    const p = await findPosting(tx.db, v.postingId);
    if (p && !reaches(actor.scope, repo.APPRAISAL_WRITE_REACH, p)) throw outOfScope();
    if (!p) throw fieldError('postingId', 'appraisals.postingMissing');
    if (!APPRAISED_POSTINGS.includes(p.status) || !p.startDate)
      throw fieldError('postingId', 'appraisals.postingNotOnPost', {
        status: t(`postingStatus.${p.status}` as MessageKey),
      });
    if (await repo.appraisalOfPosting(tx.db, p.id)) throw fieldError('postingId', 'appraisals.exists');
    const id = randomUUID();
    const now = tx.clock.now().toISOString();
    await repo.insertAppraisal(tx.db, {
      id,
      postingId: p.id,
      status: 'draft',
      text: await recordDraft(tx, actor, p, termOf(tx, p), 'unit'),
      summary: null,
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
      objectType: 'appraisal',
      objectId: id,
      fromStatus: '',
      toStatus: 'draft',
      reason: null,
      at: now,
      actorId: authorOf(actor),
    });
    await record(tx, whoOf(actor), {
      action: 'appraisals.create',
      objectType: 'appraisal',
      objectId: id,
      diff: { posting: { to: `${p.cadreName} ${p.title}` } },
    });
    const after = await keepVersion(tx, actor, id);
    await notify(tx, actor, after, 'appraisal.summaryWanted');
    return detail(tx, actor, after);
  });
}

const refused = (row: repo.AppraisalView, what: MessageKey) =>
  new AppError('CONFLICT', {
    messageKey: 'appraisals.refused',
    params: { status: t(`appraisalStatus.${row.status as AppraisalStatus}`), action: t(what) },
  });

/** One field saved by its writer (a draft or returned appraisal); a new version is kept. */
async function saveField(
  ctx: AppContext,
  actor: Actor,
  id: string,
  v: { version: number; field: 'text' | 'summary'; value: string | null },
): Promise<AppraisalDetail> {
  const reach = v.field === 'text' ? repo.APPRAISAL_WRITE_REACH : repo.APPRAISAL_SUMMARY_REACH;
  return inTransaction(ctx, async (tx) => {
    const row = await writable(tx.db, actor, id, reach);
    if (!APPRAISAL_EDITABLE.includes(row.status as AppraisalStatus))
      throw refused(row, v.field === 'text' ? 'appraisalAction.update' : 'appraisalAction.summary');
    if (row.version !== v.version) throw new AppError('VERSION_CONFLICT');
    const done = await tx.db
      .updateTable('appraisals')
      .set({
        [v.field]: v.value,
        version: row.version + 1,
        updatedAt: tx.clock.now().toISOString(),
        updatedBy: authorOf(actor),
      })
      .where('id', '=', id)
      .where('version', '=', v.version)
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) throw new AppError('VERSION_CONFLICT');
    await record(tx, whoOf(actor), {
      action: v.field === 'text' ? 'appraisals.update' : 'appraisals.summary',
      objectType: 'appraisal',
      objectId: id,
      diff: { [v.field]: { from: row[v.field], to: v.value } },
    });
    return detail(tx, actor, await keepVersion(tx, actor, id));
  });
}

/** The receiving unit saves the appraisal text. */
export const update = (ctx: AppContext, actor: Actor, id: string, v: AppraisalUpdate) =>
  saveField(ctx, actor, id, { version: v.version, field: 'text', value: v.text });
/** The cadre saves the term summary. */
export const saveSummary = (ctx: AppContext, actor: Actor, id: string, v: AppraisalSummary) =>
  saveField(ctx, actor, id, { version: v.version, field: 'summary', value: v.summary });

type AppraisalNotice = Extract<NotificationKind, `appraisal.${string}`>;
const AUDIENCES: Record<AppraisalNotice, { action: Action; reach: Reach; mode: 'read' | 'write' }> = {
  'appraisal.summaryWanted': {
    action: 'appraisals.summary',
    reach: repo.APPRAISAL_SUMMARY_REACH,
    mode: 'write',
  },
  'appraisal.toCountersign': {
    action: 'appraisals.review',
    reach: repo.APPRAISAL_REVIEW_REACH,
    mode: 'write',
  },
  'appraisal.countersigned': { action: 'appraisals.read', reach: repo.APPRAISAL_REACH, mode: 'read' },
  'appraisal.returned': { action: 'appraisals.write', reach: repo.APPRAISAL_WRITE_REACH, mode: 'write' },
};

async function notify(ctx: AppContext, actor: Actor, row: repo.AppraisalView, kind: AppraisalNotice) {
  await notifyAudience(
    ctx,
    { ...AUDIENCES[kind], row },
    kind,
    { appraisalId: row.id, cadre: row.cadreName, unit: row.receivingUnitName },
    actor.userId,
  );
}

/** The receiving unit submits to the 组织部: the text and the cadre's term summary are needed. */
export async function submit(ctx: AppContext, actor: Actor, id: string, version: number) {
  return inTransaction(ctx, async (tx) => {
    const row = await writable(tx.db, actor, id, repo.APPRAISAL_WRITE_REACH);
    if (!APPRAISAL_EDITABLE.includes(row.status as AppraisalStatus))
      throw refused(row, 'appraisalAction.submit');
    if (!row.text) throw fieldError('text', 'appraisals.textMissing');
    if (!row.summary) throw fieldError('summary', 'appraisals.summaryMissing', { cadre: row.cadreName });
    await appraisalMachine.move(tx, actor, {
      row,
      version,
      to: 'submitted',
      action: 'appraisals.submit',
      set: () => ({ reviewComment: null }),
    });
    const after = await keepVersion(tx, actor, id);
    await notify(tx, actor, after, 'appraisal.toCountersign');
    return detail(tx, actor, after);
  });
}

/** The 组织部 countersigns (已会签) or returns (已退回, a comment required) a submitted appraisal. */
export async function review(
  ctx: AppContext,
  actor: Actor,
  id: string,
  decision: 'countersigned' | 'returned',
  v: AppraisalReview,
): Promise<AppraisalDetail> {
  return inTransaction(ctx, async (tx) => {
    const row = await writable(tx.db, actor, id, repo.APPRAISAL_REVIEW_REACH);
    const what = decision === 'countersigned' ? 'appraisalAction.countersign' : 'appraisalAction.return';
    if (row.status !== 'submitted') throw refused(row, what);
    if (decision === 'returned' && !v.comment) throw fieldError('comment', 'appraisals.returnNeedsComment');
    await appraisalMachine.move(tx, actor, {
      row,
      version: v.version,
      to: decision,
      action: decision === 'countersigned' ? 'appraisals.countersign' : 'appraisals.return',
      reason: v.comment,
      set: (at) => ({ reviewComment: v.comment, reviewedBy: authorOf(actor), reviewedAt: at }),
    });
    const after = await keepVersion(tx, actor, id, v.comment);
    await notify(
      tx,
      actor,
      after,
      decision === 'countersigned' ? 'appraisal.countersigned' : 'appraisal.returned',
    );
    return detail(tx, actor, after);
  });
}
