import { isMessageKey, t } from '../../common/i18n/index.js';
import { exclusionsOf, explainFit, fitOf, prepareFit } from '../../common/matching/fit.js';
import type {
  Exclusion,
  FitFactor,
  MatchingSettings,
  Pair,
  Unmatched,
} from '../../common/matching/matching.schema.js';
import { regionCodePrefix, regionWithin } from '../core/scope.js';
import type { Problem } from './matching.repository.js';
import type { MatchInstance, MatchResult } from './solver/solver.js';

/**
 * A batch's matching problem as the solver's instance (ADR 025): rows = accepted nominations,
 * columns = approved posts; scores are the fit, pairs a hard constraint excludes (or the officer
 * forbade) are forbidden, a post's headcount is its capacity, its batch quota region its group.
 * Pure: no database.
 */
export interface Built {
  problem: Problem;
  settings: MatchingSettings;
  instance: MatchInstance;
  /** per post: index into problem.quotas, or -1 */
  groupOf: Int32Array;
  /** pins as [nominationId, postRequestId] */
  pins: [string, string][];
  rowOf: Map<string, number>;
  colOf: Map<string, number>;
}

const key = (i: number, j: number, cols: number) => i * cols + j;

export function regionNameOf(problem: Problem) {
  return (code: string) => {
    const full = problem.regionNames.get(code) ?? problem.regionNames.get(code.padEnd(6, '0'));
    return full ? (full.split(' / ').at(-1) ?? full) : code;
  };
}

/** The quota region a post counts against: the most specific quota region containing it. */
function quotaGroups(problem: Problem): Int32Array {
  const out = new Int32Array(problem.posts.length).fill(-1);
  problem.posts.forEach((p, j) => {
    let best = -1;
    problem.quotas.forEach((q, g) => {
      if (!regionWithin(p.regionCode, q.regionCode)) return;
      const prev = best >= 0 ? problem.quotas[best] : undefined;
      if (!prev || regionCodePrefix(q.regionCode).length > regionCodePrefix(prev.regionCode).length) best = g;
    });
    out[j] = best;
  });
  return out;
}

export function buildInstance(
  problem: Problem,
  settings: MatchingSettings,
  options: { pins?: [string, string][]; extraPin?: [string, string] } = {},
): Built {
  const rows = problem.cadres.length;
  const cols = problem.posts.length;
  const rowOf = new Map(problem.cadres.map((c, i) => [c.nominationId, i]));
  const colOf = new Map(problem.posts.map((p, j) => [p.postRequestId, j]));
  const scores = new Float64Array(rows * cols);
  const forbidden = new Uint8Array(rows * cols);
  const fit = prepareFit(problem.cadres, problem.posts, settings);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      scores[key(i, j, cols)] = fit.score(i, j);
      if (fit.excluded(i, j)) forbidden[key(i, j, cols)] = 1;
    }
  }
  for (const lock of problem.locks) {
    const i = rowOf.get(lock.nominationId);
    const j = colOf.get(lock.postRequestId);
    if (lock.kind === 'forbid' && i !== undefined && j !== undefined) forbidden[key(i, j, cols)] = 1;
  }
  const pins: [string, string][] =
    options.pins ??
    problem.locks
      .filter((l) => l.kind === 'pin')
      .map((l) => [l.nominationId, l.postRequestId] as [string, string]);
  const allPins = options.extraPin
    ? [...pins.filter(([n]) => n !== options.extraPin?.[0]), options.extraPin]
    : pins;
  const pinned: [number, number][] = [];
  for (const [n, p] of allPins) {
    const i = rowOf.get(n);
    const j = colOf.get(p);
    if (i !== undefined && j !== undefined) pinned.push([i, j]);
  }
  const groupOf = quotaGroups(problem);
  return {
    problem,
    settings,
    instance: {
      rows,
      cols,
      scores,
      forbidden,
      capacity: problem.posts.map((p) => p.headcount),
      group: Array.from(groupOf),
      quota: problem.quotas.map((q) => q.quota),
      pinned,
    },
    groupOf,
    pins: allPins.filter(([n, p]) => rowOf.has(n) && colOf.has(p)),
    rowOf,
    colOf,
  };
}

/** A copy of the instance the worker may take (its arrays are transferred, not copied). */
export function transferable(instance: MatchInstance): MatchInstance {
  return { ...instance, scores: instance.scores.slice(), forbidden: instance.forbidden?.slice() };
}

/**
 * What the board counts over the whole fit matrix: per cadre and per post the feasible pairs,
 * per post its quota group. A job of plain data, run on the worker thread for a big batch
 * (server/core/offload.ts), so a board of 1 000 × 1 000 does not hold the event loop.
 */
export function boardCounts(input: { problem: Problem; settings: MatchingSettings }): {
  rowFeasible: number[];
  colFeasible: number[];
  groupOf: number[];
} {
  const { problem, settings } = input;
  const rows = problem.cadres.length;
  const cols = problem.posts.length;
  const rowFeasible = new Array<number>(rows).fill(0);
  const colFeasible = new Array<number>(cols).fill(0);
  const fit = prepareFit(problem.cadres, problem.posts, settings);
  const forbidden = new Set(
    problem.locks.filter((l) => l.kind === 'forbid').map((l) => `${l.nominationId}:${l.postRequestId}`),
  );
  for (let i = 0; i < rows; i++) {
    const n = problem.cadres[i]?.nominationId;
    for (let j = 0; j < cols; j++) {
      if (fit.excluded(i, j) || forbidden.has(`${n}:${problem.posts[j]?.postRequestId}`)) continue;
      rowFeasible[i] = (rowFeasible[i] as number) + 1;
      colFeasible[j] = (colFeasible[j] as number) + 1;
    }
  }
  return { rowFeasible, colFeasible, groupOf: Array.from(quotaGroups(problem)) };
}

/** One pair explained: its fit, and why it is excluded (if it is). */
export function pairOf(built: Pick<Built, 'problem' | 'settings'>, i: number, j: number): Pair {
  const { problem, settings } = built;
  const cadre = problem.cadres[i] as Problem['cadres'][number];
  const post = problem.posts[j] as Problem['posts'][number];
  const fit = fitOf(cadre, post, settings);
  const excluded: Exclusion[] = exclusionsOf(cadre, post, settings, regionNameOf(problem));
  const lock = problem.locks.find(
    (l) => l.nominationId === cadre.nominationId && l.postRequestId === post.postRequestId,
  );
  if (lock?.kind === 'forbid') {
    excluded.push({
      code: 'forbidden',
      text: lock.reason
        ? t('matching.excluded.forbidden', { reason: lock.reason })
        : t('matching.excluded.forbiddenNoReason'),
    });
  }
  return {
    nominationId: cadre.nominationId,
    postRequestId: post.postRequestId,
    score: fit.score,
    factors: fit.factors,
    explanation: explainFit(fit.factors),
    excluded,
    lock: lock ? (lock.kind as 'pin' | 'forbid') : null,
  };
}

export const isForbidden = (built: Built, i: number, j: number) =>
  built.instance.forbidden?.[key(i, j, built.instance.cols)] === 1;
export const scoreAt = (built: Built, i: number, j: number) =>
  built.instance.scores[key(i, j, built.instance.cols)] as number;

/** Per factor, the points of the assigned pairs together (and `total`). */
export function factorTotals(factors: readonly FitFactor[][]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const list of factors) for (const f of list) out[f.factor] = (out[f.factor] ?? 0) + f.points;
  return out;
}

/** "回避：…（3个）；职级相差…（2个）": the reasons excluding a row's (or column's) pairs, by kind. */
function reasonSummary(built: Built, pairs: [number, number][]): string {
  const byCode = new Map<string, { text: string; count: number }>();
  for (const [i, j] of pairs) {
    for (const e of pairOf(built, i, j).excluded) {
      const seen = byCode.get(e.code);
      if (seen) seen.count += 1;
      else byCode.set(e.code, { text: e.text, count: 1 });
    }
  }
  return [...byCode.values()]
    .map((r) => (r.count > 1 ? t('matching.reasonCount', { reason: r.text, count: r.count }) : r.text))
    .join('；');
}

/** Why each cadre and each post left (partly) open by the result is so. */
export function unmatchedOf(built: Built, result: MatchResult): Unmatched[] {
  const { problem, instance, groupOf } = built;
  const { rows, cols } = instance;
  const holders: number[][] = Array.from({ length: cols }, () => []);
  for (let i = 0; i < rows; i++) {
    const j = result.assignment[i] as number;
    if (j >= 0) holders[j]?.push(i);
  }
  const used = new Array(problem.quotas.length).fill(0);
  for (let j = 0; j < cols; j++) {
    const g = groupOf[j] as number;
    if (g >= 0) used[g] += holders[j]?.length ?? 0;
  }
  const quotaFull = (j: number) => {
    const g = groupOf[j] as number;
    return g >= 0 && used[g] >= (problem.quotas[g]?.quota ?? 0) ? (problem.quotas[g] ?? null) : null;
  };
  const out: Unmatched[] = [];
  for (let i = 0; i < rows; i++) {
    if ((result.assignment[i] as number) >= 0) continue;
    const cadre = problem.cadres[i] as Problem['cadres'][number];
    const base = { kind: 'cadre' as const, id: cadre.nominationId, name: cadre.name, open: 0 };
    const feasible = [...Array(cols).keys()].filter((j) => !isForbidden(built, i, j));
    if (!feasible.length) {
      out.push({
        ...base,
        reason: 'noFeasible',
        gap: null,
        text: t('matching.unmatched.noFeasible', {
          reasons: reasonSummary(
            built,
            [...Array(cols).keys()].map((j) => [i, j]),
          ),
        }),
      });
      continue;
    }
    feasible.sort((a, b) => scoreAt(built, i, b) - scoreAt(built, i, a));
    const best = feasible[0] as number;
    const post = problem.posts[best] as Problem['posts'][number];
    const taken = holders[best] ?? [];
    if (taken.length < post.headcount) {
      const quota = quotaFull(best);
      out.push(
        quota
          ? {
              ...base,
              reason: 'quotaFull',
              gap: null,
              text: t('matching.unmatched.quotaFull', { region: quota.regionName, quota: quota.quota }),
            }
          : { ...base, reason: 'outranked', gap: null, text: t('matching.unmatched.outrankedNoGap') },
      );
      continue;
    }
    const weakest = [...taken].sort((a, b) => scoreAt(built, a, best) - scoreAt(built, b, best))[0] as number;
    const gap = scoreAt(built, weakest, best) - scoreAt(built, i, best);
    out.push({
      ...base,
      reason: 'outranked',
      gap,
      text:
        gap > 0
          ? t('matching.unmatched.outranked', {
              post: post.title,
              other: (problem.cadres[weakest] as Problem['cadres'][number]).name,
              gap,
            })
          : t('matching.unmatched.outrankedNoGap'),
    });
  }
  for (let j = 0; j < cols; j++) {
    const post = problem.posts[j] as Problem['posts'][number];
    const open = post.headcount - (holders[j]?.length ?? 0);
    if (open <= 0) continue;
    const base = {
      kind: 'post' as const,
      id: post.postRequestId,
      name: `${post.unitName} ${post.title}`,
      open,
    };
    const candidates = [...Array(rows).keys()].filter((i) => !isForbidden(built, i, j));
    if (!candidates.length) {
      out.push({
        ...base,
        reason: 'noCandidate',
        gap: null,
        text: t('matching.unmatched.noCandidate', {
          reasons: rows
            ? reasonSummary(
                built,
                [...Array(rows).keys()].map((i) => [i, j]),
              )
            : t('matching.unmatched.takenNoGap'),
        }),
      });
      continue;
    }
    const quota = quotaFull(j);
    if (quota) {
      out.push({
        ...base,
        reason: 'quotaFull',
        gap: null,
        text: t('matching.unmatched.postQuotaFull', { region: quota.regionName, quota: quota.quota, open }),
      });
      continue;
    }
    candidates.sort((a, b) => scoreAt(built, b, j) - scoreAt(built, a, j));
    const best = candidates[0] as number;
    const at = result.assignment[best] as number;
    const gap = at >= 0 ? scoreAt(built, best, at) - scoreAt(built, best, j) : 0;
    out.push({
      ...base,
      reason: 'taken',
      gap: at >= 0 ? gap : null,
      text:
        at >= 0 && gap > 0
          ? t('matching.unmatched.taken', {
              other: (problem.cadres[best] as Problem['cadres'][number]).name,
              post: (problem.posts[at] as Problem['posts'][number]).title,
              gap,
            })
          : t('matching.unmatched.takenNoGap'),
    });
  }
  return out;
}

/** The solver's pin conflict in words. */
export function pinConflictText(built: Built, pins: [number, number][], reason: string): string {
  const key = `matching.pinConflictReason.${reason}`;
  return t('matching.pinConflict', {
    reason: isMessageKey(key) ? t(key) : reason,
    pins: pins
      .map(([i, j]) => `${built.problem.cadres[i]?.name ?? i}→${built.problem.posts[j]?.title ?? j}`)
      .join('、'),
  });
}
