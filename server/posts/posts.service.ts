import { randomUUID } from 'node:crypto';
import type { Page } from '../../common/http/paging.schema.js';
import type {
  Post,
  PostListParams,
  PostStatus,
  PostUpdateValues,
  PostValues,
  PostView,
} from '../../common/posts/posts.schema.js';
import { isEditablePost } from '../../common/posts/posts.schema.js';
import { isOpenBatch } from '../../common/programmes/programmes.schema.js';
import { diffOf, record, whoOf } from '../audit/audit.service.js';
import { allowedOn, assertReachesFor, recordActions } from '../core/allowed.js';
import { type Actor, type AppContext, authorOf } from '../core/context.js';
import type { Executor } from '../core/database.js';
import { AppError, fieldError, notFound, versionConflict } from '../core/errors.js';
import { reaches, regionCodePrefix, regionWithin } from '../core/scope.js';
import { reviewed } from '../core/state-machine.js';
import { inTransaction } from '../core/transaction.js';
import { updateVersioned } from '../core/versioned.js';
import { findBatch } from '../programmes/programmes.repository.js';
import { assertBatchOpen } from '../programmes/programmes.service.js';
import { findUnit, UNIT_REACH } from '../units/units.repository.js';
import { assertLevelFits } from './post-levels.service.js';
import { postMachine } from './posts.machine.js';
import * as repo from './posts.repository.js';

async function reachable(db: Executor, actor: Actor, id: string): Promise<repo.PostView> {
  const row = await repo.findPost(db, id);
  if (!row) throw notFound();
  return assertReachesFor(actor, 'posts.read', repo.POST_REACH, row);
}

/** Each button of a post request, by the policy line and the reach of its write (ADR 027). */
const RECORD_ACTIONS = recordActions(
  { update: 'posts.update', submit: 'posts.submit', delete: 'posts.delete', review: 'posts.review' },
  repo.POST_REACH,
);

const toPost = (r: repo.PostView): Post => ({
  id: r.id,
  batchId: r.batchId,
  batchName: r.batchName,
  programmeName: r.programmeName,
  unitId: r.unitId,
  unitName: r.unitName,
  regionName: r.regionName,
  title: r.title,
  level: r.level as Post['level'],
  duties: JSON.parse(r.duties),
  expertise: JSON.parse(r.expertise),
  headcount: r.headcount,
  notes: r.notes,
  status: r.status as PostStatus,
  reviewComment: r.reviewComment,
  reviewedAt: r.reviewedAt,
  version: r.version,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
});

const viewOf = (actor: Actor, row: repo.PostView): PostView => ({
  ...toPost(row),
  actions: allowedOn(actor, row, RECORD_ACTIONS),
});

const one = async (db: Executor, actor: Actor, id: string) =>
  viewOf(actor, (await repo.findPost(db, id)) as repo.PostView);

export async function list(ctx: AppContext, actor: Actor, p: PostListParams): Promise<Page<PostView>> {
  const { rows, ...count } = await repo.listPosts(ctx.db, p, actor.scope);
  return { items: rows.map((r) => viewOf(actor, r)), ...count, page: p.page, pageSize: p.pageSize };
}

export async function get(ctx: AppContext, actor: Actor, id: string): Promise<PostView> {
  return viewOf(actor, await reachable(ctx.db, actor, id));
}

const content = (v: Omit<PostValues, 'batchId' | 'unitId'>) => ({
  title: v.title,
  level: v.level,
  duties: JSON.stringify(v.duties),
  expertise: JSON.stringify([...new Set(v.expertise)]),
  headcount: v.headcount,
  notes: v.notes,
});

export async function create(ctx: AppContext, actor: Actor, values: PostValues): Promise<PostView> {
  const id = randomUUID();
  const now = ctx.clock.now().toISOString();
  return inTransaction(ctx, async (tx) => {
    const unit = await findUnit(tx.db, values.unitId);
    if (!unit) throw fieldError('unitId', 'unit.parentMissing');
    if (!reaches(actor.scope, UNIT_REACH, unit)) throw fieldError('unitId', 'scope.unitOutside');
    await assertLevelFits(tx.db, unit, values.level);
    const batch = await findBatch(tx.db, values.batchId);
    if (!batch) throw fieldError('batchId', 'post.batchMissing');
    if (!isOpenBatch(batch.status)) throw new AppError('CONFLICT', { messageKey: 'post.batchClosed' });
    await repo.insertPost(tx.db, {
      id,
      batchId: values.batchId,
      unitId: values.unitId,
      ...content(values),
      status: 'draft',
      reviewComment: null,
      reviewedBy: null,
      reviewedAt: null,
      version: 1,
      createdAt: now,
      updatedAt: now,
      createdBy: authorOf(actor),
      updatedBy: authorOf(actor),
    });
    await record(tx, whoOf(actor), {
      action: 'posts.create',
      objectType: 'post',
      objectId: id,
      diff: diffOf(null, values),
    });
    return one(tx.db, actor, id);
  });
}

export async function update(
  ctx: AppContext,
  actor: Actor,
  id: string,
  values: PostUpdateValues,
): Promise<PostView> {
  return inTransaction(ctx, async (tx) => {
    const current = await reachable(tx.db, actor, id);
    if (current.version !== values.version) throw versionConflict();
    if (!isEditablePost(current.status)) throw new AppError('CONFLICT', { messageKey: 'post.notEditable' });
    await assertBatchOpen(tx.db, current.batchId);
    await assertLevelFits(
      tx.db,
      (await findUnit(tx.db, current.unitId)) as NonNullable<Awaited<ReturnType<typeof findUnit>>>,
      values.level,
    );
    const before = toPost(current);
    await updateVersioned(tx.db, 'postRequests', id, values.version, {
      ...content(values),
      updatedAt: ctx.clock.now().toISOString(),
      updatedBy: authorOf(actor),
    });
    const after = await one(tx.db, actor, id);
    const pick = (p: Post) => ({
      title: p.title,
      level: p.level,
      duties: p.duties,
      expertise: p.expertise,
      headcount: p.headcount,
      notes: p.notes,
    });
    await record(tx, whoOf(actor), {
      action: 'posts.update',
      objectType: 'post',
      objectId: id,
      diff: diffOf(pick(before), pick(after)),
    });
    return after;
  });
}

async function move(
  ctx: AppContext,
  actor: Actor,
  id: string,
  version: number,
  action: string,
  to: PostStatus,
  extra: {
    reviewComment?: string | null;
    check?: (db: Executor, post: repo.PostView) => Promise<void>;
  } = {},
): Promise<PostView> {
  return inTransaction(ctx, async (tx) => {
    const current = await reachable(tx.db, actor, id);
    await assertBatchOpen(tx.db, current.batchId);
    const { reviewComment, check } = extra;
    await postMachine.move(tx, actor, {
      row: current,
      version,
      to,
      action,
      reason: reviewComment,
      ...(reviewComment !== undefined ? { set: reviewed(actor, reviewComment) } : {}),
      ...(check ? { beforeWrite: () => check(tx.db, current) } : {}),
    });
    return one(tx.db, actor, id);
  });
}

export const submit = (ctx: AppContext, actor: Actor, id: string, version: number) =>
  move(ctx, actor, id, version, 'posts.submit', 'submitted');

/**
 * Approving counts the post against the batch's quota for the receiving unit's region (the
 * most specific quota region containing it); going over is refused with the figures.
 */
async function checkQuota(db: Executor, post: repo.PostView): Promise<void> {
  const quotas = await repo.quotasOf(db, post.batchId);
  if (quotas.length === 0) return;
  const quota = quotas
    .filter((q) => regionWithin(post.unitRegionCode, q.regionCode))
    .sort((a, b) => regionCodePrefix(b.regionCode).length - regionCodePrefix(a.regionCode).length)[0];
  if (!quota)
    throw new AppError('CONFLICT', { messageKey: 'post.noQuota', params: { region: post.regionName } });
  const used = await repo.approvedHeadcount(db, post.batchId, quota.regionCode);
  if (used + post.headcount > quota.quota) {
    throw new AppError('CONFLICT', {
      messageKey: 'post.quotaExceeded',
      params: {
        region: quota.fullName,
        quota: quota.quota,
        used,
        asked: post.headcount,
        over: used + post.headcount - quota.quota,
      },
    });
  }
}

export function review(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: { decision: 'approve' | 'return' | 'reject'; comment: string | null; version: number },
): Promise<PostView> {
  if (input.decision !== 'approve' && !input.comment) throw fieldError('comment', 'post.commentRequired');
  const to: PostStatus =
    input.decision === 'approve' ? 'approved' : input.decision === 'return' ? 'returned' : 'rejected';
  return move(ctx, actor, id, input.version, `posts.${input.decision}`, to, {
    reviewComment: input.comment,
    ...(input.decision === 'approve' ? { check: checkQuota } : {}),
  });
}

export async function remove(ctx: AppContext, actor: Actor, id: string, version: number): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const current = await reachable(tx.db, actor, id);
    if (current.version !== version) throw versionConflict();
    if (current.status !== 'draft') throw new AppError('CONFLICT', { messageKey: 'post.deleteDraftOnly' });
    await repo.deletePost(tx.db, id);
    await record(tx, whoOf(actor), {
      action: 'posts.delete',
      objectType: 'post',
      objectId: id,
      diff: { title: { from: current.title } },
    });
  });
}

/** A post request's natural key: batch, unit and title (what an import matches existing requests by). */
export const postKey = (p: { batchId: string; unitId: string; title: string }) =>
  `${p.batchId}\u0000${p.unitId}\u0000${p.title}`;

/**
 * The post requests of some batches by `postKey`, each with whether it may still be edited
 * (`isEditablePost`). No scope: the caller resolved the units within its own, and writes go
 * through `update`, which checks it.
 */
export async function editablePostsByKey(
  ctx: AppContext,
  batchIds: string[],
): Promise<Map<string, { id: string; version: number; editable: boolean }>> {
  const rows = await repo.postsOfBatches(ctx.db, batchIds);
  return new Map(
    rows.map((p) => [postKey(p), { id: p.id, version: p.version, editable: isEditablePost(p.status) }]),
  );
}
