import { randomUUID } from 'node:crypto';
import type { Page } from '../../common/http/paging.schema.js';
import { t } from '../../common/i18n/index.js';
import {
  type Batch,
  type BatchCheck,
  type BatchListParams,
  type BatchReadiness,
  type BatchStatus,
  type BatchUpdateValues,
  type BatchValues,
  type BatchView,
  type Eligibility,
  isOpenBatch,
  type Programme,
  type ProgrammeListParams,
  type ProgrammeValues,
  type ProgrammeView,
} from '../../common/programmes/programmes.schema.js';
import { movesFrom } from '../../common/status/status-moves.js';
import { diffOf, record, whoOf } from '../audit/audit.service.js';
import { allowedOn, assertReachesFor, recordActions } from '../core/allowed.js';
import { chinaDate } from '../core/clock.js';
import { type Actor, type AppContext, authorOf } from '../core/context.js';
import type { Executor } from '../core/database.js';
import { AppError, fieldError, notFound, versionConflict } from '../core/errors.js';
import { pinyinKeys } from '../core/pinyin.js';
import { limitedToProgrammes, reaches, regionReached } from '../core/scope.js';
import { statusCountsOfBatch } from '../core/state-machine.js';
import { inTransaction } from '../core/transaction.js';
import { updateVersioned } from '../core/versioned.js';
import { findRegion } from '../regions/regions.repository.js';
import { batchMachine } from './batches.machine.js';
import { batchChecks } from './batches.rules.js';
import * as repo from './programmes.repository.js';

const toProgramme = (row: repo.ProgrammeView): Programme => ({
  id: row.id,
  name: row.name,
  kind: row.kind as Programme['kind'],
  regionCode: row.regionCode,
  regionName: row.regionName,
  description: row.description,
  batchCount: Number(row.batchCount),
  version: row.version,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
});

async function reachableProgramme(db: Executor, actor: Actor, id: string): Promise<repo.ProgrammeView> {
  const row = await repo.findProgramme(db, id);
  if (!row) throw notFound();
  return assertReachesFor(actor, 'programmes.read', repo.PROGRAMME_REACH, row);
}

async function reachableBatch(db: Executor, actor: Actor, id: string): Promise<repo.BatchView> {
  const row = await repo.findBatch(db, id);
  if (!row) throw notFound();
  return assertReachesFor(actor, 'batches.read', repo.BATCH_REACH, row);
}

/** Each button of a programme and of a batch, by the policy line and the reach of its write (ADR 027). */
const PROGRAMME_ACTIONS = recordActions(
  { update: 'programmes.update', delete: 'programmes.delete', createBatch: 'batches.create' },
  repo.PROGRAMME_REACH,
);
const BATCH_ACTIONS = recordActions(
  { update: 'batches.update', advance: 'batches.advance', delete: 'batches.delete' },
  repo.BATCH_REACH,
);

const programmeView = (actor: Actor, row: repo.ProgrammeView): ProgrammeView => ({
  ...toProgramme(row),
  actions: allowedOn(actor, row, PROGRAMME_ACTIONS),
});

async function batchViews(db: Executor, actor: Actor, rows: repo.BatchView[]): Promise<BatchView[]> {
  const batches = await toBatches(db, rows);
  return batches.map((b, i) => ({
    ...b,
    actions: allowedOn(actor, rows[i] as repo.BatchView, BATCH_ACTIONS),
  }));
}

export async function listProgrammes(
  ctx: AppContext,
  actor: Actor,
  p: ProgrammeListParams,
): Promise<Page<ProgrammeView>> {
  const region = p.regionCode ? await findRegion(ctx.db, p.regionCode) : null;
  if (p.regionCode && !region) return { items: [], total: 0, page: p.page, pageSize: p.pageSize };
  const { rows, ...count } = await repo.listProgrammes(ctx.db, p, actor.scope, region?.code ?? null);
  return { items: rows.map((r) => programmeView(actor, r)), ...count, page: p.page, pageSize: p.pageSize };
}

export async function getProgramme(ctx: AppContext, actor: Actor, id: string): Promise<ProgrammeView> {
  return programmeView(actor, await reachableProgramme(ctx.db, actor, id));
}

async function checkProgramme(db: Executor, actor: Actor, values: ProgrammeValues): Promise<void> {
  const region = await findRegion(db, values.regionCode);
  if (!region) throw fieldError('regionCode', 'unit.regionMissing');
  if (!regionReached(actor.scope, region.code)) throw fieldError('regionCode', 'scope.regionOutside');
}

const programmeColumns = (v: ProgrammeValues) => {
  const keys = pinyinKeys(v.name);
  return {
    name: v.name,
    namePinyin: keys.full,
    nameInitials: keys.initials,
    kind: v.kind,
    regionCode: v.regionCode,
    description: v.description,
  };
};

export async function createProgramme(
  ctx: AppContext,
  actor: Actor,
  values: ProgrammeValues,
): Promise<ProgrammeView> {
  // A 组织部 limited to named programmes works inside them; it does not open new ones.
  if (limitedToProgrammes(actor.scope))
    throw new AppError('FORBIDDEN', { messageKey: 'scope.programmeLimited' });
  const id = randomUUID();
  const now = ctx.clock.now().toISOString();
  return inTransaction(ctx, async (tx) => {
    await checkProgramme(tx.db, actor, values);
    await repo.insertProgramme(tx.db, {
      id,
      ...programmeColumns(values),
      version: 1,
      createdAt: now,
      updatedAt: now,
      createdBy: authorOf(actor),
      updatedBy: authorOf(actor),
    });
    await record(tx, whoOf(actor), {
      action: 'programmes.create',
      objectType: 'programme',
      objectId: id,
      diff: diffOf(null, values),
    });
    return programmeView(actor, (await repo.findProgramme(tx.db, id)) as repo.ProgrammeView);
  });
}

export async function updateProgramme(
  ctx: AppContext,
  actor: Actor,
  id: string,
  values: ProgrammeValues & { version: number },
) {
  return inTransaction(ctx, async (tx) => {
    const current = await reachableProgramme(tx.db, actor, id);
    if (current.version !== values.version) throw versionConflict();
    await checkProgramme(tx.db, actor, values);
    await updateVersioned(tx.db, 'programmes', id, values.version, {
      ...programmeColumns(values),
      updatedAt: ctx.clock.now().toISOString(),
      updatedBy: authorOf(actor),
    });
    const { version: _v, ...after } = values;
    await record(tx, whoOf(actor), {
      action: 'programmes.update',
      objectType: 'programme',
      objectId: id,
      diff: diffOf(
        {
          name: current.name,
          kind: current.kind,
          regionCode: current.regionCode,
          description: current.description,
        },
        after,
      ),
    });
    return programmeView(actor, (await repo.findProgramme(tx.db, id)) as repo.ProgrammeView);
  });
}

export async function removeProgramme(
  ctx: AppContext,
  actor: Actor,
  id: string,
  version: number,
): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const current = await reachableProgramme(tx.db, actor, id);
    if (current.version !== version) throw versionConflict();
    if (Number(current.batchCount) > 0)
      throw new AppError('CONFLICT', { messageKey: 'programme.hasBatches' });
    await repo.deleteProgramme(tx.db, id);
    await record(tx, whoOf(actor), {
      action: 'programmes.delete',
      objectType: 'programme',
      objectId: id,
      diff: { name: { from: current.name } },
    });
  });
}

// ---- batches ----

async function toBatches(db: Executor, rows: repo.BatchView[]): Promise<Batch[]> {
  const ids = rows.map((r) => r.id);
  const quotas = await repo.quotasOf(db, ids);
  const history = await batchMachine.history(db, ids);
  return rows.map((row) => ({
    id: row.id,
    programmeId: row.programmeId,
    programmeName: row.programmeName,
    name: row.name,
    plannedStart: row.plannedStart,
    plannedEnd: row.plannedEnd,
    termMonths: row.termMonths,
    status: row.status as BatchStatus,
    eligibility: JSON.parse(row.eligibility) as Eligibility,
    quotas: quotas
      .filter((q) => q.batchId === row.id)
      .map(({ regionCode, regionName, quota }) => ({ regionCode, regionName, quota })),
    history: history
      .filter((h) => h.objectId === row.id)
      .map((h) => ({
        from: h.fromStatus as BatchStatus,
        to: h.toStatus as BatchStatus,
        reason: h.reason ?? '',
        at: h.at,
        by: h.actorName,
      })),
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  }));
}

const oneBatch = async (db: Executor, actor: Actor, id: string) =>
  (await batchViews(db, actor, [(await repo.findBatch(db, id)) as repo.BatchView]))[0] as BatchView;

export async function listBatches(
  ctx: AppContext,
  actor: Actor,
  p: BatchListParams,
): Promise<Page<BatchView>> {
  const { rows, ...count } = await repo.listBatches(ctx.db, p, actor.scope);
  return { items: await batchViews(ctx.db, actor, rows), ...count, page: p.page, pageSize: p.pageSize };
}

export async function getBatch(ctx: AppContext, actor: Actor, id: string): Promise<BatchView> {
  const [view] = await batchViews(ctx.db, actor, [await reachableBatch(ctx.db, actor, id)]);
  return view as BatchView;
}

async function checkBatch(db: Executor, values: Omit<BatchValues, 'programmeId'>): Promise<void> {
  if (values.plannedEnd <= values.plannedStart) throw fieldError('plannedEnd', 'batch.endBeforeStart');
  const seen = new Set<string>();
  for (const [i, q] of values.quotas.entries()) {
    if (seen.has(q.regionCode)) throw fieldError(`quotas.${i}.regionCode`, 'batch.quotaTwice');
    seen.add(q.regionCode);
    if (!(await findRegion(db, q.regionCode)))
      throw fieldError(`quotas.${i}.regionCode`, 'unit.regionMissing');
  }
}

export async function createBatch(ctx: AppContext, actor: Actor, values: BatchValues): Promise<BatchView> {
  const id = randomUUID();
  const now = ctx.clock.now().toISOString();
  return inTransaction(ctx, async (tx) => {
    const programme = await repo.findProgramme(tx.db, values.programmeId);
    if (!programme) throw fieldError('programmeId', 'batch.programmeMissing');
    if (!reaches(actor.scope, repo.PROGRAMME_REACH, programme))
      throw fieldError('programmeId', 'scope.programmeOutside');
    await checkBatch(tx.db, values);
    await repo.insertBatch(tx.db, {
      id,
      programmeId: values.programmeId,
      name: values.name,
      plannedStart: values.plannedStart,
      plannedEnd: values.plannedEnd,
      termMonths: values.termMonths,
      status: 'preparing',
      eligibility: JSON.stringify(values.eligibility),
      version: 1,
      createdAt: now,
      updatedAt: now,
      createdBy: authorOf(actor),
      updatedBy: authorOf(actor),
    });
    await repo.replaceQuotas(tx.db, id, values.quotas);
    await record(tx, whoOf(actor), {
      action: 'batches.create',
      objectType: 'batch',
      objectId: id,
      diff: diffOf(null, values),
    });
    return oneBatch(tx.db, actor, id);
  });
}

export async function updateBatch(
  ctx: AppContext,
  actor: Actor,
  id: string,
  values: BatchUpdateValues,
): Promise<BatchView> {
  return inTransaction(ctx, async (tx) => {
    const current = await reachableBatch(tx.db, actor, id);
    if (current.version !== values.version) throw versionConflict();
    if (current.status === 'finished') throw new AppError('CONFLICT', { messageKey: 'batch.finished' });
    await checkBatch(tx.db, values);
    const before = await oneBatch(tx.db, actor, id);
    await updateVersioned(tx.db, 'batches', id, values.version, {
      name: values.name,
      plannedStart: values.plannedStart,
      plannedEnd: values.plannedEnd,
      termMonths: values.termMonths,
      eligibility: JSON.stringify(values.eligibility),
      updatedAt: ctx.clock.now().toISOString(),
      updatedBy: authorOf(actor),
    });
    await repo.replaceQuotas(tx.db, id, values.quotas);
    const after = await oneBatch(tx.db, actor, id);
    const pick = (b: Batch) => ({
      name: b.name,
      plannedStart: b.plannedStart,
      plannedEnd: b.plannedEnd,
      termMonths: b.termMonths,
      eligibility: b.eligibility,
      quotas: b.quotas.map((q) => `${q.regionCode}:${q.quota}`),
    });
    await record(tx, whoOf(actor), {
      action: 'batches.update',
      objectType: 'batch',
      objectId: id,
      diff: diffOf(pick(before), pick(after)),
    });
    return after;
  });
}

/**
 * Nominations and post requests are decided while their batch is open (筹备, 选派): once it is
 * 在岗 they are what the postings were made from, and stay as they are.
 */
export async function assertBatchOpen(db: Executor, batchId: string): Promise<void> {
  const batch = await repo.findBatch(db, batchId);
  if (batch && !isOpenBatch(batch.status)) {
    throw new AppError('CONFLICT', {
      messageKey: 'batch.closedForDecisions',
      params: { name: batch.name, status: t(`batchStatus.${batch.status as BatchStatus}`) },
    });
  }
}

/** The preconditions of moving this batch to `to`, counted now. */
async function checksOf(ctx: Pick<AppContext, 'db' | 'clock'>, batch: repo.BatchView, to: BatchStatus) {
  const [posts, nominations] = await Promise.all([
    statusCountsOfBatch(ctx.db, 'postRequests', batch.id),
    statusCountsOfBatch(ctx.db, 'nominations', batch.id),
  ]);
  const n = (m: Map<string, number>, ...statuses: string[]) =>
    statuses.reduce((sum, s) => sum + (m.get(s) ?? 0), 0);
  return batchChecks(
    batch,
    to,
    {
      pendingPosts: n(posts, 'submitted'),
      unsubmittedPosts: n(posts, 'draft', 'returned'),
      pendingNominations: n(nominations, 'submitted'),
      acceptedNominations: n(nominations, 'accepted'),
    },
    chinaDate(ctx.clock.now()),
  );
}

/** Whether the batch can move on to its next status, and what stops or needs a warning. */
export async function batchReadiness(ctx: AppContext, actor: Actor, id: string): Promise<BatchReadiness> {
  const batch = await reachableBatch(ctx.db, actor, id);
  const to = movesFrom(batchMachine.moves, batch.status)[0] ?? null;
  return to ? { to, ...(await checksOf(ctx, batch, to)) } : { to, blocking: [], warnings: [] };
}

const listed = (checks: BatchCheck[]) => checks.map((c) => c.message).join('；');

/**
 * Status moves one step forward at a time (筹备 → 选派 → 在岗 → 已结束), each with a reason kept
 * in the history. Work still waiting for a decision stops the move (409 naming each item);
 * warnings (a start months away) need `acknowledgeWarnings`.
 */
export async function advanceBatch(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: { to: BatchStatus; reason: string; version: number; acknowledgeWarnings?: boolean | undefined },
): Promise<BatchView> {
  return inTransaction(ctx, async (tx) => {
    const current = await reachableBatch(tx.db, actor, id);
    await batchMachine.move(tx, actor, {
      row: current,
      version: input.version,
      to: input.to,
      action: 'batches.advance',
      reason: input.reason,
      beforeWrite: async () => {
        const { blocking, warnings } = await checksOf(tx, current, input.to);
        if (blocking.length > 0) {
          throw new AppError('CONFLICT', {
            messageKey: 'batch.notReady',
            params: { name: current.name, to: t(`batchStatus.${input.to}`), detail: listed(blocking) },
            fields: blocking.map((c) => ({ field: 'to', message: c.message })),
          });
        }
        if (warnings.length > 0 && !input.acknowledgeWarnings) {
          throw new AppError('CONFLICT', {
            messageKey: 'batch.needsAcknowledgement',
            params: { detail: listed(warnings) },
            fields: warnings.map((c) => ({ field: 'acknowledgeWarnings', message: c.message })),
          });
        }
      },
    });
    return oneBatch(tx.db, actor, id);
  });
}

export async function removeBatch(ctx: AppContext, actor: Actor, id: string, version: number): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const current = await reachableBatch(tx.db, actor, id);
    if (current.version !== version) throw versionConflict();
    if (current.status !== 'preparing') throw new AppError('CONFLICT', { messageKey: 'batch.deleteStarted' });
    await repo.deleteBatch(tx.db, id);
    await record(tx, whoOf(actor), {
      action: 'batches.delete',
      objectType: 'batch',
      objectId: id,
      diff: { name: { from: current.name } },
    });
  });
}

/** Batches still taking post requests (any programme), with their programme's name: an import's choices. */
export function openBatches(ctx: AppContext): Promise<{ id: string; name: string; programmeName: string }[]> {
  return repo.openBatches(ctx.db);
}
