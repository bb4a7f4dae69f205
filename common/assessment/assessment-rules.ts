import type { Component, FinalGrade, VoteGrade } from './assessment-moves.js';

/**
 * The grade rules of an assessment round (issue 15 line 3, ADR 038), pure: the 优秀 quota, the
 * 不考核 leave threshold, the composite score and the proposal.
 */

export interface RoundSettings {
  /** 不考核 when sick + personal leave in the period exceed this share of its working days. */
  leaveThreshold: number;
  /** The 优秀 cap as a percentage of those graded. */
  excellentPct: number;
  /** A higher cap (up to 25 %) approved by a document: its percentage and number. */
  approvedPct: number | null;
  approvalDocNo: string | null;
  /** Fewer ballots than this and a cadre's democratic result is not shown (nor counted). */
  minBallots: number;
}
export const DEFAULT_SETTINGS: RoundSettings = {
  leaveThreshold: 0.5,
  excellentPct: 20,
  approvedPct: null,
  approvalDocNo: null,
  minBallots: 5,
};
/** Percentages, summing to 100. */
export type Weights = Record<Component, number>;
export const DEFAULT_WEIGHTS: Weights = { receiving: 50, democratic: 30, sending: 20 };
export const MAX_APPROVED_PCT = 25;

export const weightsValid = (w: Weights): boolean => w.receiving + w.democratic + w.sending === 100;

/** The grades that count as "graded" for the quota (不定等次 and 不考核 do not). */
export const GRADED: readonly FinalGrade[] = ['excellent', 'competent', 'basically_competent', 'incompetent'];

/** The percentage in force: the approved one only with a document number, never above 25 %. */
export function capPct(s: RoundSettings): number {
  if (s.approvedPct !== null && s.approvalDocNo?.trim()) return Math.min(s.approvedPct, MAX_APPROVED_PCT);
  return s.excellentPct;
}

export interface Quota {
  graded: number;
  cap: number;
  excellent: number;
  pct: number;
  ok: boolean;
}
/** 优秀 at most floor(graded × pct / 100). */
export function excellentQuota(grades: readonly (FinalGrade | null)[], s: RoundSettings): Quota {
  const graded = grades.filter((g) => g !== null && GRADED.includes(g)).length;
  const excellent = grades.filter((g) => g === 'excellent').length;
  const pct = capPct(s);
  const cap = Math.floor((graded * pct) / 100 + 1e-9);
  return { graded, cap, excellent, pct, ok: excellent <= cap };
}

/** 不考核: leave days strictly over the threshold share of the period's working days. */
export function overLeaveThreshold(leaveDays: number, periodDays: number, threshold: number): boolean {
  return periodDays > 0 && leaveDays > periodDays * threshold;
}

/**
 * The score mapping (ADR 038): a grade is worth points — 优秀 95, 称职 85, 基本称职 70, 不称职 50;
 * a democratic result is the average of its ballots' points; the composite is the weighted
 * average of the components present (weights of missing ones are shared out). Score → grade:
 * ≥ 90 优秀, ≥ 80 称职, ≥ 65 基本称职, else 不称职.
 */
export const GRADE_POINTS: Record<VoteGrade, number> = {
  excellent: 95,
  competent: 85,
  basically_competent: 70,
  incompetent: 50,
};
export type Tally = Record<VoteGrade, number>;
export const emptyTally = (): Tally => ({
  excellent: 0,
  competent: 0,
  basically_competent: 0,
  incompetent: 0,
});
export const ballotsOf = (t: Tally): number =>
  t.excellent + t.competent + t.basically_competent + t.incompetent;

export function tallyPoints(t: Tally): number | null {
  const n = ballotsOf(t);
  if (n === 0) return null;
  return (
    (t.excellent * GRADE_POINTS.excellent +
      t.competent * GRADE_POINTS.competent +
      t.basically_competent * GRADE_POINTS.basically_competent +
      t.incompetent * GRADE_POINTS.incompetent) /
    n
  );
}

export function compositeScore(parts: Partial<Record<Component, number | null>>, w: Weights): number | null {
  let sum = 0;
  let weight = 0;
  for (const k of Object.keys(w) as Component[]) {
    const v = parts[k];
    if (v === null || v === undefined || w[k] === 0) continue;
    sum += v * w[k];
    weight += w[k];
  }
  return weight === 0 ? null : Math.round((sum / weight) * 10) / 10;
}

export function gradeOfScore(score: number): VoteGrade {
  if (score >= 90) return 'excellent';
  if (score >= 80) return 'competent';
  if (score >= 65) return 'basically_competent';
  return 'incompetent';
}

export interface ProposalInput {
  leaveDays: number | null;
  periodDays: number | null;
  undeterminedMark: string | null;
  receivingGrade: VoteGrade | null;
  sendingGrade: VoteGrade | null;
  /** Null when hidden (poll open or fewer than the minimum ballots). */
  democratic: Tally | null;
}
export interface Proposal {
  grade: FinalGrade | null;
  score: number | null;
  because: 'leave' | 'marked' | 'score' | null;
}
/** 不考核 first (leave over the threshold), then 不定等次 (marked), then the composite score. */
export function propose(p: ProposalInput, w: Weights, s: RoundSettings): Proposal {
  if (
    p.leaveDays !== null &&
    p.periodDays !== null &&
    overLeaveThreshold(p.leaveDays, p.periodDays, s.leaveThreshold)
  )
    return { grade: 'not_assessed', score: null, because: 'leave' };
  if (p.undeterminedMark) return { grade: 'undetermined', score: null, because: 'marked' };
  const score = compositeScore(
    {
      receiving: p.receivingGrade ? GRADE_POINTS[p.receivingGrade] : null,
      sending: p.sendingGrade ? GRADE_POINTS[p.sendingGrade] : null,
      democratic: p.democratic ? tallyPoints(p.democratic) : null,
    },
    w,
  );
  return score === null
    ? { grade: null, score: null, because: null }
    : { grade: gradeOfScore(score), score, because: 'score' };
}

/** 基本称职 and 不称职 need a written reason. */
export const needsReason = (g: FinalGrade): boolean =>
  g === 'basically_competent' || g === 'incompetent' || g === 'undetermined' || g === 'not_assessed';
