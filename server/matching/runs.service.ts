import { randomUUID } from 'node:crypto';
import { t } from '../../common/i18n/index.js';
import { explainFit } from '../../common/matching/fit.js';
import {
  type Alternatives,
  type Assignment,
  type Comparison,
  type FitFactor,
  type MatchingSettings,
  type Run,
  type RunSummary,
  type Unmatched,
  zMatchingSettings,
} from '../../common/matching/matching.schema.js';
import { record, whoOf } from '../audit/audit.service.js';
import { launchRun } from '../core/background-runs.js';
import { type Actor, type AppContext, authorOf, isoNow } from '../core/context.js';
import type { Executor } from '../core/database.js';
import { AppError, notFound, versionConflict } from '../core/errors.js';
import { inTransaction } from '../core/transaction.js';
import { updateVersioned } from '../core/versioned.js';
import { createProposed } from '../postings/postings.service.js';
import { assertBatchOpen } from '../programmes/programmes.service.js';
import { type Built, buildInstance, isForbidden, pairOf, scoreAt, transferable } from './matching.problem.js';
import * as repo from './matching.repository.js';
import { plainSettings, reachableBatch, ruleCodes, settingsOf } from './matching.service.js';
import type { MatchingRunRow } from './matching.table.js';
import { RunFailedError, type RunOutcome, runOnWorker } from './run.worker.js';
import { proposedListWorkbook } from './runs.export.js';
import { failStaleRuns, runsOf } from './runs.registry.js';
import { summaryOf } from './runs.view.js';
import {
  type MatchInstance,
  type MatchResult,
  PinConflictError,
  SolveCancelledError,
  solve,
} from './solver/solver.js';
import { runInWorker } from './solver/solver.worker.js';

/**
 * Runs of the solver over a batch (ADR 025): started on a worker thread of their own, with
 * progress and cancel; the result — every assignment with its score and factors, the per-factor
 * totals, the cadres and posts left open and why — is stored, so runs can be compared and one
 * confirmed.
 */

async function reachableRun(db: Executor, actor: Actor, runId: string): Promise<MatchingRunRow> {
  const run = await repo.findRun(db, runId);
  if (!run) throw notFound();
  await reachableBatch(db, actor, run.batchId);
  return run;
}

/** A run as `reachableRun` gives it, a stale `running` one marked failed first. */
async function readRun(ctx: AppContext, actor: Actor, runId: string): Promise<MatchingRunRow> {
  const run = await reachableRun(ctx.db, actor, runId);
  if (run.status !== 'running' || !(await failStaleRuns(ctx, run.batchId))) return run;
  return (await repo.findRun(ctx.db, runId)) as MatchingRunRow;
}

const runSettings = (run: MatchingRunRow): MatchingSettings =>
  zMatchingSettings.parse(JSON.parse(run.settings));
const runPins = (run: MatchingRunRow): [string, string][] => JSON.parse(run.pins);

function assertDone(run: MatchingRunRow): void {
  if (run.status !== 'done' && run.status !== 'confirmed')
    throw new AppError('CONFLICT', {
      messageKey: 'matching.runNotDone',
      params: { status: t(`matching.runStatus.${run.status}` as 'matching.runStatus.running') },
    });
}

/** How often a run being computed says so (a stale one is marked failed: runs.registry.ts). */
const HEARTBEAT_MS = 5_000;

/** The pins a run uses: the batch's pinned pairs whose cadre and post are both in the problem. */
function pinsOf(problem: repo.Problem): [string, string][] {
  const rows = new Set(problem.cadres.map((c) => c.nominationId));
  const cols = new Set(problem.posts.map((p) => p.postRequestId));
  return problem.locks
    .filter((l) => l.kind === 'pin' && rows.has(l.nominationId) && cols.has(l.postRequestId))
    .map((l) => [l.nominationId, l.postRequestId] as [string, string]);
}

/**
 * Starts a run: stored as `running`, audited, then computed on a worker thread of its own (not
 * awaited) — the fit matrix, the constraints, the solve and the reasons (run.worker.ts).
 */
export async function startRun(ctx: AppContext, actor: Actor, batchId: string): Promise<RunSummary> {
  const { run, input } = await inTransaction(ctx, async (tx) => {
    await reachableBatch(tx.db, actor, batchId);
    const settings = plainSettings(await settingsOf(tx.db, batchId));
    const problem = await repo.loadProblem(tx.db, batchId, ruleCodes(settings));
    if (!problem.cadres.length || !problem.posts.length)
      throw new AppError('CONFLICT', { messageKey: 'matching.emptyRun' });
    const pins = pinsOf(problem);
    const id = randomUUID();
    const seq = await repo.nextSeq(tx.db, batchId);
    const row = {
      id,
      batchId,
      seq,
      status: 'running',
      progress: 0,
      settings: JSON.stringify(settings),
      pins: JSON.stringify(pins),
      cadreCount: problem.cadres.length,
      postCount: problem.posts.length,
      places: problem.posts.reduce((sum, p) => sum + p.headcount, 0),
      placed: null,
      total: null,
      factorTotals: null,
      unmatched: null,
      error: null,
      startedAt: isoNow(ctx),
      finishedAt: null,
      confirmedAt: null,
      confirmedBy: null,
      version: 1,
      createdBy: authorOf(actor),
      heartbeatAt: isoNow(ctx),
    };
    await repo.insertRun(tx.db, row);
    await record(tx, whoOf(actor), {
      action: 'matching.run',
      objectType: 'matching_run',
      objectId: id,
      diff: {
        seq: { to: seq },
        cadres: { to: row.cadreCount },
        posts: { to: row.postCount },
        pins: { to: pins.length },
      },
    });
    return { run: row as MatchingRunRow, input: { problem, settings, pins } };
  });
  launch(ctx, actor, run.id, input);
  return summaryOf(run);
}

/** Computes on the worker and stores the result, unless the run was cancelled meanwhile. */
function launch(
  ctx: AppContext,
  actor: Actor,
  runId: string,
  input: Parameters<typeof runOnWorker>[0],
): void {
  let lastWrite = 0;
  const onProgress = (fraction: number) => {
    const now = Date.now();
    if (now - lastWrite < 250 || fraction >= 1) return;
    lastWrite = now;
    repo.updateRunWhile(ctx.db, runId, 'running', { progress: fraction }).catch(() => {});
  };
  launchRun(ctx, runId, {
    heartbeatMs: HEARTBEAT_MS,
    beat: () => repo.updateRunWhile(ctx.db, runId, 'running', { heartbeatAt: isoNow(ctx) }),
    work: (signal) =>
      runOnWorker(input, { onProgress, signal })
        .then((outcome) => storeResult(ctx, actor, runId, outcome))
        .catch(async (error: unknown) => {
          if (error instanceof SolveCancelledError) {
            await repo
              .updateRunWhile(ctx.db, runId, 'running', { status: 'cancelled', finishedAt: isoNow(ctx) })
              .catch(() => {});
            return;
          }
          const message =
            error instanceof RunFailedError
              ? error.text
              : t('matching.runFailed', { message: error instanceof Error ? error.message : String(error) });
          await repo
            .updateRunWhile(ctx.db, runId, 'running', {
              status: 'failed',
              error: message,
              finishedAt: isoNow(ctx),
            })
            .catch(() => {});
        }),
  });
}

async function storeResult(ctx: AppContext, actor: Actor, runId: string, outcome: RunOutcome): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const changed = await repo.updateRunWhile(tx.db, runId, 'running', {
      status: 'done',
      progress: 1,
      placed: outcome.placed,
      total: outcome.total,
      factorTotals: JSON.stringify(outcome.factorTotals),
      unmatched: JSON.stringify(outcome.unmatched),
      finishedAt: isoNow(ctx),
    });
    if (changed === 0) return; // cancelled meanwhile
    await repo.insertAssignments(
      tx.db,
      outcome.pairs.map((p) => ({
        runId,
        nominationId: p.nominationId,
        postRequestId: p.postRequestId,
        score: p.score,
        factors: JSON.stringify(p.factors),
        pinned: p.pinned ? 1 : 0,
      })),
    );
    await record(tx, whoOf(actor), {
      action: 'matching.runDone',
      objectType: 'matching_run',
      objectId: runId,
      diff: {
        placed: { to: outcome.placed },
        total: { to: outcome.total },
        unmatched: { to: outcome.unmatched.length },
      },
    });
  });
}

/** Waits for a run of this process to settle (tests, shutdown). */
export async function settled(ctx: AppContext, runId: string): Promise<void> {
  await runsOf(ctx).get(runId)?.done;
}

export async function listRuns(
  ctx: AppContext,
  actor: Actor,
  batchId: string,
): Promise<{ items: RunSummary[] }> {
  await reachableBatch(ctx.db, actor, batchId);
  await failStaleRuns(ctx, batchId);
  return { items: (await repo.listRuns(ctx.db, batchId)).map(summaryOf) };
}

async function assignmentsOf(db: Executor, runId: string): Promise<Assignment[]> {
  return (await repo.assignmentsOf(db, runId)).map((a) => {
    const factors: FitFactor[] = JSON.parse(a.factors);
    return {
      nominationId: a.nominationId,
      cadreName: a.cadreName,
      sendingUnitName: a.sendingUnitName,
      postRequestId: a.postRequestId,
      postTitle: a.postTitle,
      receivingUnitName: a.receivingUnitName,
      score: Number(a.score),
      factors,
      explanation: explainFit(factors),
      pinned: a.pinned === 1,
    };
  });
}

export async function getRun(ctx: AppContext, actor: Actor, runId: string): Promise<Run> {
  const run = await readRun(ctx, actor, runId);
  return {
    ...summaryOf(run),
    assignments: await assignmentsOf(ctx.db, runId),
    unmatched: run.unmatched ? (JSON.parse(run.unmatched) as Unmatched[]) : [],
  };
}

export async function cancelRun(ctx: AppContext, actor: Actor, runId: string): Promise<RunSummary> {
  const row = await inTransaction(ctx, async (tx) => {
    const run = await reachableRun(tx.db, actor, runId);
    const changed = await repo.updateRunWhile(tx.db, runId, 'running', {
      status: 'cancelled',
      finishedAt: isoNow(ctx),
    });
    if (run.status !== 'running' || changed === 0)
      throw new AppError('CONFLICT', { messageKey: 'matching.runNotRunning' });
    await record(tx, whoOf(actor), {
      action: 'matching.cancel',
      objectType: 'matching_run',
      objectId: runId,
      diff: { status: { from: 'running', to: 'cancelled' } },
    });
    return (await repo.findRun(tx.db, runId)) as MatchingRunRow;
  });
  runsOf(ctx).get(runId)?.controller.abort();
  return summaryOf(row);
}

/** Two runs of one batch side by side: totals, per factor, and every cadre whose post differs. */
export async function compareRuns(
  ctx: AppContext,
  actor: Actor,
  runId: string,
  otherId: string,
): Promise<Comparison> {
  const a = await reachableRun(ctx.db, actor, runId);
  const b = await reachableRun(ctx.db, actor, otherId);
  if (a.batchId !== b.batchId) throw new AppError('CONFLICT', { messageKey: 'matching.runOtherBatch' });
  assertDone(a);
  assertDone(b);
  const [la, lb] = await Promise.all([assignmentsOf(ctx.db, a.id), assignmentsOf(ctx.db, b.id)]);
  const side = (r: MatchingRunRow) => ({
    id: r.id,
    seq: r.seq,
    placed: r.placed ?? 0,
    total: Number(r.total ?? 0),
    factorTotals: (r.factorTotals ? JSON.parse(r.factorTotals) : {}) as Record<string, number>,
  });
  const sa = side(a);
  const sb = side(b);
  const factorDeltas: Record<string, number> = {};
  for (const k of new Set([...Object.keys(sa.factorTotals), ...Object.keys(sb.factorTotals)]))
    factorDeltas[k] = (sb.factorTotals[k] ?? 0) - (sa.factorTotals[k] ?? 0);
  const ma = new Map(la.map((x) => [x.nominationId, x]));
  const mb = new Map(lb.map((x) => [x.nominationId, x]));
  const moved: Comparison['moved'] = [];
  let unchanged = 0;
  for (const id of new Set([...ma.keys(), ...mb.keys()])) {
    const from = ma.get(id);
    const to = mb.get(id);
    if (from && to && from.postRequestId === to.postRequestId) {
      unchanged += 1;
      continue;
    }
    const place = (x: Assignment | undefined) =>
      x
        ? {
            postRequestId: x.postRequestId,
            postTitle: `${x.receivingUnitName} ${x.postTitle}`,
            score: x.score,
          }
        : null;
    moved.push({
      nominationId: id,
      cadreName: (from ?? to)?.cadreName ?? '',
      from: place(from),
      to: place(to),
      scoreDelta: (to?.score ?? 0) - (from?.score ?? 0),
    });
  }
  moved.sort((x, y) => x.cadreName.localeCompare(y.cadreName, 'zh-CN'));
  return {
    a: sa,
    b: sb,
    totalDelta: sb.total - sa.total,
    placedDelta: sb.placed - sa.placed,
    factorDeltas,
    moved,
    unchanged,
  };
}

/** Cells above which a re-solve goes to a worker thread instead of this one. */
const INLINE_CELLS = 250_000;
/** The most alternatives computed for one cadre (best pair scores first): fewer on big batches. */
const maxAlternatives = (instance: MatchInstance) => (instance.rows * instance.cols <= INLINE_CELLS ? 20 : 8);

async function solveAside(instance: MatchInstance): Promise<MatchResult> {
  return instance.rows * instance.cols <= INLINE_CELLS
    ? solve(transferable(instance))
    : runInWorker(transferable(instance));
}

const signed = (n: number) => (n >= 0 ? `+${n}` : `−${-n}`);

/**
 * What moving one cadre to each other feasible post would cost: the run's inputs (today's data,
 * the run's settings and pins) re-solved exactly with that pair pinned, against the same inputs
 * re-solved without it.
 */
export async function alternatives(
  ctx: AppContext,
  actor: Actor,
  runId: string,
  nominationId: string,
): Promise<Alternatives> {
  const run = await reachableRun(ctx.db, actor, runId);
  assertDone(run);
  const problem = await repo.loadProblem(ctx.db, run.batchId, ruleCodes(runSettings(run)));
  const built = buildInstance(problem, runSettings(run), { pins: runPins(run) });
  const i = built.rowOf.get(nominationId);
  if (i === undefined) throw new AppError('CONFLICT', { messageKey: 'matching.notInBatch' });
  const cadre = problem.cadres[i] as Built['problem']['cadres'][number];
  const base = await solveAside(built.instance);
  const at = base.assignment[i] as number;
  const current =
    at >= 0
      ? {
          postRequestId: problem.posts[at]?.postRequestId as string,
          postTitle: problem.posts[at]?.title as string,
          score: scoreAt(built, i, at),
        }
      : null;
  const options = [...problem.posts.keys()]
    .filter((j) => j !== at && !isForbidden(built, i, j))
    .sort((x, y) => scoreAt(built, i, y) - scoreAt(built, i, x))
    .slice(0, maxAlternatives(built.instance));
  const items: Alternatives['items'] = [];
  for (const j of options) {
    const post = problem.posts[j] as Built['problem']['posts'][number];
    const pinned: [number, number][] = [
      ...(built.instance.pinned ?? []).filter(([r]) => r !== i).map(([r, c]) => [r, c] as [number, number]),
      [i, j],
    ];
    const pair = pairOf(built, i, j);
    const name = `${post.unitName} ${post.title}`;
    let result: MatchResult | null = null;
    try {
      result = await solveAside({ ...built.instance, pinned });
    } catch (error) {
      if (!(error instanceof PinConflictError)) throw error;
    }
    if (!result) {
      items.push({
        postRequestId: post.postRequestId,
        postTitle: post.title,
        receivingUnitName: post.unitName,
        pairScore: pair.score,
        explanation: pair.explanation,
        placed: null,
        total: null,
        placedDelta: null,
        totalDelta: null,
        moves: 0,
        text: t('matching.alternativeImpossible', { post: name }),
      });
      continue;
    }
    const totalDelta = result.total - base.total;
    const placedDelta = result.placed - base.placed;
    let moves = 0;
    result.assignment.forEach((c, r) => {
      if (r !== i && c !== base.assignment[r]) moves += 1;
    });
    items.push({
      postRequestId: post.postRequestId,
      postTitle: post.title,
      receivingUnitName: post.unitName,
      pairScore: pair.score,
      explanation: pair.explanation,
      placed: result.placed,
      total: result.total,
      placedDelta,
      totalDelta,
      moves,
      text:
        placedDelta === 0
          ? t('matching.alternative', {
              post: name,
              delta: signed(totalDelta),
              pair: pair.score,
              current: current ? current.score : t('matching.currentNone'),
              moves,
            })
          : t('matching.alternativeUnplaced', {
              post: name,
              placedDelta: signed(placedDelta),
              delta: signed(totalDelta),
              moves,
            }),
    });
  }
  items.sort(
    (x, y) =>
      (y.placedDelta ?? -Infinity) - (x.placedDelta ?? -Infinity) ||
      (y.totalDelta ?? -Infinity) - (x.totalDelta ?? -Infinity),
  );
  return {
    nominationId,
    cadreName: cadre.name,
    current,
    base: { placed: base.placed, total: base.total },
    items,
  };
}

/**
 * Confirms a finished run: in one transaction, a posting in status 拟任 for every assigned pair
 * (postings.createProposed: cadre, units, title, duties and dates from the batch), the run marked
 * confirmed, audited. One confirmed run per batch.
 */
export async function confirmRun(
  ctx: AppContext,
  actor: Actor,
  runId: string,
  version: number,
): Promise<{ run: RunSummary; postingIds: string[] }> {
  return inTransaction(ctx, async (tx) => {
    const run = await reachableRun(tx.db, actor, runId);
    const confirmed = await repo.confirmedRunOf(tx.db, run.batchId);
    if (confirmed)
      throw new AppError('CONFLICT', {
        messageKey: 'matching.alreadyConfirmed',
        params: { seq: confirmed.seq },
      });
    assertDone(run);
    if (run.version !== version) throw versionConflict();
    await assertBatchOpen(tx.db, run.batchId);
    const pairs = await repo.assignmentsOf(tx.db, runId);
    const postingIds = await createProposed(
      tx,
      actor,
      pairs.map((a) => ({
        batchId: run.batchId,
        nominationId: a.nominationId,
        postRequestId: a.postRequestId,
        matchRunId: runId,
      })),
    );
    await updateVersioned(tx.db, 'matchingRuns', runId, version, {
      status: 'confirmed',
      confirmedAt: isoNow(ctx),
      confirmedBy: authorOf(actor),
    });
    await record(tx, whoOf(actor), {
      action: 'matching.confirm',
      objectType: 'matching_run',
      objectId: runId,
      diff: { status: { from: 'done', to: 'confirmed' }, postings: { to: postingIds.length } },
    });
    return { run: summaryOf((await repo.findRun(tx.db, runId)) as MatchingRunRow), postingIds };
  });
}

/** The confirmed run as .xlsx (拟任名单), audited. */
export async function exportRun(
  ctx: AppContext,
  actor: Actor,
  runId: string,
): Promise<{ name: string; content: Buffer; rows: number }> {
  const run = await reachableRun(ctx.db, actor, runId);
  if (run.status !== 'confirmed') throw new AppError('CONFLICT', { messageKey: 'matching.notConfirmed' });
  const batch = await reachableBatch(ctx.db, actor, run.batchId);
  const pairs = await repo.assignmentsOf(ctx.db, runId);
  const now = ctx.clock.now();
  const content = await proposedListWorkbook(
    pairs.map((a) => ({
      name: a.cadreName,
      gender: a.gender,
      birthDate: a.birthDate,
      sendingUnitName: a.sendingUnitName,
      position: a.position,
      rankLevel: a.rankLevel,
      receivingUnitName: a.receivingUnitName,
      postTitle: a.postTitle,
      duties: JSON.parse(a.duties),
      plannedStart: batch.plannedStart,
      plannedEnd: batch.plannedEnd,
      score: Number(a.score),
      explanation: explainFit(JSON.parse(a.factors)),
    })),
    now,
  );
  await inTransaction(ctx, (tx) =>
    record(tx, whoOf(actor), {
      action: 'matching.export',
      objectType: 'matching_run',
      objectId: runId,
      diff: { rows: { to: pairs.length } },
    }),
  );
  const name = `${t('matching.export.title', { programme: batch.programmeName, batch: batch.name })}.xlsx`;
  return { name, content, rows: pairs.length };
}
