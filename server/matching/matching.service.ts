import { randomUUID } from 'node:crypto';
import { exclusionsOf } from '../../common/matching/fit.js';
import {
  type Board,
  DEFAULT_MATCHING_SETTINGS,
  type Lock,
  type LockInput,
  type MatchingSettings,
  type MatchingSettingsView,
  type Pair,
  type Preference,
  type PreferenceSource,
  type PreferencesInput,
  zMatchingSettings,
} from '../../common/matching/matching.schema.js';
import { diffOf, record, whoOf } from '../audit/audit.service.js';
import { type Actor, type AppContext, authorOf, isoNow } from '../core/context.js';
import type { Executor } from '../core/database.js';
import { AppError, fieldError, notFound, versionConflict } from '../core/errors.js';
import { WORKER_FROM, whenLongOnWorker } from '../core/offload.js';
import { assertReaches, regionWithin } from '../core/scope.js';
import { inTransaction } from '../core/transaction.js';
import { BATCH_REACH, type BatchView, findBatch } from '../programmes/programmes.repository.js';
import { findRegions } from '../regions/regions.repository.js';
import { boardCounts, pairOf, regionNameOf } from './matching.problem.js';
import * as repo from './matching.repository.js';
import { failStaleRuns } from './runs.registry.js';
import { summaryOf } from './runs.view.js';

/** The batch, if the caller's scope reaches it (its programme's 组织部). */
export async function reachableBatch(db: Executor, actor: Actor, batchId: string): Promise<BatchView> {
  const batch = await findBatch(db, batchId);
  if (!batch) throw notFound();
  return assertReaches(actor.scope, BATCH_REACH, batch);
}

// ---- settings ----------------------------------------------------------------------------

/** The batch's settings: its row, or the defaults. */
export async function settingsOf(db: Executor, batchId: string): Promise<MatchingSettingsView> {
  const row = await repo.findSettings(db, batchId);
  if (!row) return { ...DEFAULT_MATCHING_SETTINGS, batchId, version: 0, updatedAt: null };
  const parsed = zMatchingSettings.safeParse(JSON.parse(row.settings));
  const settings = parsed.success ? parsed.data : DEFAULT_MATCHING_SETTINGS;
  return { ...settings, batchId, version: row.version, updatedAt: row.updatedAt };
}

export const plainSettings = (v: MatchingSettingsView): MatchingSettings => ({
  weights: v.weights,
  rankGap: v.rankGap,
  homeCountyAvoidance: v.homeCountyAvoidance,
  counterpart: v.counterpart,
  mutual: v.mutual,
});

export async function getSettings(
  ctx: AppContext,
  actor: Actor,
  batchId: string,
): Promise<MatchingSettingsView> {
  await reachableBatch(ctx.db, actor, batchId);
  return settingsOf(ctx.db, batchId);
}

const overlap = (a: string, b: string) => regionWithin(a, b) || regionWithin(b, a);

/**
 * The pairing rules name regions that exist, and never the same region (or one inside the other)
 * on both sides: such a rule would exclude nothing it means to, or everything.
 */
async function checkPairingRules(db: Executor, settings: MatchingSettings): Promise<void> {
  const codes = [
    ...settings.counterpart.flatMap((r) => [...r.from, ...r.to]),
    ...settings.mutual.flatMap((r) => [r.a, r.b]),
  ];
  const known = new Set((await findRegions(db, [...new Set(codes)])).map((r) => r.code));
  for (const [k, rule] of settings.counterpart.entries()) {
    for (const side of ['from', 'to'] as const) {
      const code = rule[side].find((c) => !known.has(c));
      if (code)
        throw fieldError(`counterpart${side === 'from' ? 'From' : 'To'}`, 'matching.rule.unknownRegion', {
          n: k + 1,
          code,
        });
    }
    const both = rule.to.find((to) => rule.from.some((from) => overlap(from, to)));
    if (both) throw fieldError('counterpartTo', 'matching.rule.sameRegion', { n: k + 1 });
  }
  for (const [k, rule] of settings.mutual.entries()) {
    for (const side of ['a', 'b'] as const)
      if (!known.has(rule[side]))
        throw fieldError(`mutual${side.toUpperCase()}`, 'matching.rule.unknownRegion', {
          n: k + 1,
          code: rule[side],
        });
    if (overlap(rule.a, rule.b)) throw fieldError('mutualB', 'matching.rule.sameRegion', { n: k + 1 });
  }
}

export async function updateSettings(
  ctx: AppContext,
  actor: Actor,
  batchId: string,
  input: MatchingSettings & { version: number },
): Promise<MatchingSettingsView> {
  return inTransaction(ctx, async (tx) => {
    await reachableBatch(tx.db, actor, batchId);
    const before = await settingsOf(tx.db, batchId);
    if (before.version !== input.version) throw versionConflict();
    const { version, ...values } = input;
    await checkPairingRules(tx.db, values);
    const row = { settings: JSON.stringify(values), updatedAt: isoNow(ctx), updatedBy: authorOf(actor) };
    if (version === 0) await repo.insertSettings(tx.db, { batchId, version: 1, ...row });
    else if ((await repo.updateSettings(tx.db, batchId, version, row)) === 0) throw versionConflict();
    await record(tx, whoOf(actor), {
      action: 'matching.settings',
      objectType: 'batch',
      objectId: batchId,
      diff: diffOf(plainSettings(before), values),
    });
    return settingsOf(tx.db, batchId);
  });
}

// ---- preferences -------------------------------------------------------------------------

async function reachableNomination(db: Executor, actor: Actor, nominationId: string) {
  const row = await repo.findNominationForPreferences(db, nominationId);
  if (!row) throw notFound();
  return assertReaches(actor.scope, repo.PREFERENCE_REACH, row);
}

const toPreference = (r: Awaited<ReturnType<typeof repo.preferencesOf>>[number]): Preference => ({
  source: r.source as PreferenceSource,
  rank: r.rank,
  postRequestId: r.postRequestId,
  postTitle: r.postTitle,
  regionCode: r.regionCode,
  regionName: r.regionName,
});

export async function getPreferences(ctx: AppContext, actor: Actor, nominationId: string) {
  await reachableNomination(ctx.db, actor, nominationId);
  return { nominationId, items: (await repo.preferencesOf(ctx.db, nominationId)).map(toPreference) };
}

/**
 * Replaces the caller's ranked preferences (up to three posts of the batch or regions) for a
 * nomination: the sending unit's as `unit`, the cadre's own as `self`.
 */
export async function putPreferences(
  ctx: AppContext,
  actor: Actor,
  nominationId: string,
  input: PreferencesInput,
) {
  return inTransaction(ctx, async (tx) => {
    const n = await reachableNomination(tx.db, actor, nominationId);
    const source: PreferenceSource | null =
      actor.scope.all || actor.scope.unitIds.includes(n.unitId)
        ? 'unit'
        : n.userId !== null && n.userId === actor.scope.selfId
          ? 'self'
          : null;
    if (!source) throw new AppError('FORBIDDEN', { messageKey: 'matching.preferenceNotYours' });
    const seen = new Set<string>();
    const rows = [];
    for (const [k, item] of input.items.entries()) {
      const id = 'postRequestId' in item ? `p:${item.postRequestId}` : `r:${item.regionCode}`;
      if (seen.has(id)) throw fieldError(`items.${k}`, 'matching.preferenceDuplicate');
      seen.add(id);
      if ('postRequestId' in item) {
        const post = await tx.db
          .selectFrom('postRequests')
          .select(['batchId', 'status'])
          .where('id', '=', item.postRequestId)
          .executeTakeFirst();
        if (!post || post.batchId !== n.batchId || post.status !== 'approved')
          throw fieldError(`items.${k}.postRequestId`, 'matching.preferenceNotInBatch');
      } else {
        const region = await tx.db
          .selectFrom('regions')
          .select('code')
          .where('code', '=', item.regionCode)
          .executeTakeFirst();
        if (!region) throw fieldError(`items.${k}.regionCode`, 'matching.regionUnknown');
      }
      rows.push({
        id: randomUUID(),
        nominationId,
        source,
        rank: k + 1,
        postRequestId: 'postRequestId' in item ? item.postRequestId : null,
        regionCode: 'regionCode' in item ? item.regionCode : null,
        createdAt: isoNow(ctx),
        createdBy: authorOf(actor),
      });
    }
    const before = (await repo.preferencesOf(tx.db, nominationId)).filter((p) => p.source === source);
    await repo.replacePreferences(tx.db, nominationId, source, rows);
    await record(tx, whoOf(actor), {
      action: 'matching.preferences',
      objectType: 'nomination',
      objectId: nominationId,
      diff: diffOf(
        { source, items: before.map((p) => p.postRequestId ?? p.regionCode) },
        { source, items: rows.map((p) => p.postRequestId ?? p.regionCode) },
      ),
    });
    return { nominationId, items: (await repo.preferencesOf(tx.db, nominationId)).map(toPreference) };
  });
}

// ---- locks -------------------------------------------------------------------------------

const toLock = (l: repo.LockView): Lock => ({
  id: l.id,
  batchId: l.batchId,
  nominationId: l.nominationId,
  cadreName: l.cadreName,
  postRequestId: l.postRequestId,
  postTitle: l.postTitle,
  unitName: l.unitName,
  kind: l.kind as Lock['kind'],
  reason: l.reason,
  createdAt: l.createdAt,
});

export async function listLocks(ctx: AppContext, actor: Actor, batchId: string) {
  await reachableBatch(ctx.db, actor, batchId);
  return { items: (await repo.listLocks(ctx.db, batchId)).map(toLock) };
}

/**
 * Pins a pair (the run must take it) or forbids it. A pin needs a pair no hard constraint
 * excludes, and replaces the cadre's earlier pin.
 */
export async function createLock(
  ctx: AppContext,
  actor: Actor,
  batchId: string,
  input: LockInput,
): Promise<Lock> {
  return inTransaction(ctx, async (tx) => {
    await reachableBatch(tx.db, actor, batchId);
    const settings = plainSettings(await settingsOf(tx.db, batchId));
    const problem = await repo.loadProblem(tx.db, batchId);
    const cadre = problem.cadres.find((c) => c.nominationId === input.nominationId);
    const post = problem.posts.find((p) => p.postRequestId === input.postRequestId);
    if (!cadre || !post) throw new AppError('CONFLICT', { messageKey: 'matching.notInBatch' });
    if (
      problem.locks.some(
        (l) => l.nominationId === input.nominationId && l.postRequestId === input.postRequestId,
      )
    )
      throw new AppError('CONFLICT', { messageKey: 'matching.lockExists' });
    if (input.kind === 'pin') {
      const excluded = exclusionsOf(cadre, post, settings, regionNameOf(problem));
      if (excluded.length)
        throw new AppError('CONFLICT', {
          messageKey: 'matching.pinExcluded',
          params: { reasons: excluded.map((e) => e.text).join('；') },
        });
      for (const old of problem.locks.filter(
        (l) => l.kind === 'pin' && l.nominationId === input.nominationId,
      )) {
        await repo.deleteLock(tx.db, old.id);
        await record(tx, whoOf(actor), {
          action: 'matching.unlock',
          objectType: 'matching_lock',
          objectId: old.id,
          diff: { kind: { from: old.kind }, post: { from: old.postTitle } },
        });
      }
    }
    const id = randomUUID();
    await repo.insertLock(tx.db, {
      id,
      batchId,
      nominationId: input.nominationId,
      postRequestId: input.postRequestId,
      kind: input.kind,
      reason: input.reason,
      createdAt: isoNow(ctx),
      createdBy: authorOf(actor),
    });
    await record(tx, whoOf(actor), {
      action: 'matching.lock',
      objectType: 'matching_lock',
      objectId: id,
      diff: diffOf(null, { kind: input.kind, cadre: cadre.name, post: post.title, reason: input.reason }),
    });
    return toLock((await repo.findLock(tx.db, id)) as repo.LockView);
  });
}

export async function deleteLock(ctx: AppContext, actor: Actor, lockId: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const lock = await repo.findLock(tx.db, lockId);
    if (!lock) throw notFound();
    await reachableBatch(tx.db, actor, lock.batchId);
    await repo.deleteLock(tx.db, lockId);
    await record(tx, whoOf(actor), {
      action: 'matching.unlock',
      objectType: 'matching_lock',
      objectId: lockId,
      diff: { kind: { from: lock.kind }, cadre: { from: lock.cadreName }, post: { from: lock.postTitle } },
    });
  });
}

// ---- board and pairs ---------------------------------------------------------------------

/** The regions the pairing rules name: loaded with the problem, so their reasons say names, not codes. */
export const ruleCodes = (settings: MatchingSettings): string[] => [
  ...settings.counterpart.flatMap((r) => [...r.from, ...r.to]),
  ...settings.mutual.flatMap((r) => [r.a, r.b]),
];

/** Pairs from which the board's counts are made on the worker thread. */
const BOARD_ON_WORKER = 40_000;

/** What the matching board shows: cadres, posts, quotas, locks and runs of the batch. */
export async function getBoard(ctx: AppContext, actor: Actor, batchId: string): Promise<Board> {
  const batch = await reachableBatch(ctx.db, actor, batchId);
  const settings = await settingsOf(ctx.db, batchId);
  const problem = await repo.loadProblem(ctx.db, batchId);
  const plain = plainSettings(settings);
  // the fit matrix of a big batch is counted on the worker thread
  const { rowFeasible, colFeasible, groupOf } = await whenLongOnWorker(
    problem.cadres.length * problem.posts.length >= BOARD_ON_WORKER ? WORKER_FROM : 0,
    {
      module: new URL('./matching.problem.js', import.meta.url),
      name: 'boardCounts',
      input: () => ({ problem, settings: plain }),
    },
    () => boardCounts({ problem, settings: plain }),
  );
  const names = regionNameOf(problem);
  const prefs = new Map<string, Preference[]>();
  for (const p of await repo.preferencesOfBatch(ctx.db, batchId))
    prefs.set(p.nominationId, [...(prefs.get(p.nominationId) ?? []), toPreference(p)]);
  return {
    batch: { id: batch.id, name: batch.name, programmeName: batch.programmeName, status: batch.status },
    settings,
    quotas: problem.quotas.map((q, g) => ({
      ...q,
      places: problem.posts.reduce((sum, p, j) => sum + (groupOf[j] === g ? p.headcount : 0), 0),
    })),
    cadres: problem.cadres.map((c, i) => ({
      nominationId: c.nominationId,
      cadreId: c.cadreId,
      name: c.name,
      unitName: c.unitName,
      position: c.position,
      rankLevel: c.rankLevel,
      expertise: [...c.expertise],
      feasible: rowFeasible[i] ?? 0,
      preferences: prefs.get(c.nominationId) ?? [],
    })),
    posts: problem.posts.map((p, j) => ({
      postRequestId: p.postRequestId,
      title: p.title,
      unitId: p.unitId,
      unitName: p.unitName,
      regionCode: p.regionCode,
      regionName: p.regionName,
      level: p.level,
      headcount: p.headcount,
      expertise: [...p.expertise],
      duties: [...p.duties],
      quotaRegion:
        groupOf[j] !== undefined && (groupOf[j] as number) >= 0
          ? names(problem.quotas[groupOf[j] as number]?.regionCode ?? '')
          : null,
      feasible: colFeasible[j] ?? 0,
    })),
    locks: problem.locks.map(toLock),
    runs: (await failStaleRuns(ctx, batchId).then(() => repo.listRuns(ctx.db, batchId))).map(summaryOf),
  };
}

/** Every pair of one cadre (or one post) explained, feasible ones first, best fit first. */
export async function candidates(
  ctx: AppContext,
  actor: Actor,
  batchId: string,
  q: { nominationId?: string; postRequestId?: string },
): Promise<{ items: (Pair & { cadreName: string; postTitle: string; unitName: string })[] }> {
  await reachableBatch(ctx.db, actor, batchId);
  const settings = plainSettings(await settingsOf(ctx.db, batchId));
  const problem = await repo.loadProblem(ctx.db, batchId, ruleCodes(settings));
  // one row (or column) of pairs: no fit matrix
  const built = { problem, settings };
  const at = <T>(list: T[], has: (x: T) => boolean) => {
    const k = list.findIndex(has);
    return k >= 0 ? k : undefined;
  };
  const i = q.nominationId ? at(problem.cadres, (c) => c.nominationId === q.nominationId) : undefined;
  const j = q.postRequestId ? at(problem.posts, (p) => p.postRequestId === q.postRequestId) : undefined;
  if (i === undefined && j === undefined)
    throw new AppError('CONFLICT', { messageKey: 'matching.notInBatch' });
  const pairs: [number, number][] =
    i !== undefined ? problem.posts.map((_, c) => [i, c]) : problem.cadres.map((_, r) => [r, j as number]);
  const items = pairs.map(([r, c]) => ({
    ...pairOf(built, r, c),
    cadreName: problem.cadres[r]?.name ?? '',
    postTitle: problem.posts[c]?.title ?? '',
    unitName: problem.posts[c]?.unitName ?? '',
  }));
  items.sort(
    (a, b) =>
      Number(a.excluded.length > 0) - Number(b.excluded.length > 0) ||
      b.score - a.score ||
      a.postTitle.localeCompare(b.postTitle),
  );
  return { items };
}
