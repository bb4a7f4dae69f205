import { describe, expect, it } from 'vitest';
import type { FinalGrade } from './assessment-moves.js';
import {
  compositeScore,
  DEFAULT_SETTINGS,
  DEFAULT_WEIGHTS,
  excellentQuota,
  gradeOfScore,
  overLeaveThreshold,
  propose,
  weightsValid,
} from './assessment-rules.js';

const grades = (excellent: number, others: number, extra: FinalGrade[] = []): FinalGrade[] => [
  ...Array<FinalGrade>(excellent).fill('excellent'),
  ...Array<FinalGrade>(others).fill('competent'),
  ...extra,
];

describe('优秀 quota', () => {
  it('7 graded → at most 1 (rounding down)', () => {
    expect(excellentQuota(grades(1, 6), DEFAULT_SETTINGS)).toMatchObject({ graded: 7, cap: 1, ok: true });
    expect(excellentQuota(grades(2, 5), DEFAULT_SETTINGS)).toMatchObject({
      graded: 7,
      cap: 1,
      excellent: 2,
      ok: false,
    });
  });
  it('10 graded → at most 2', () => {
    expect(excellentQuota(grades(2, 8), DEFAULT_SETTINGS)).toMatchObject({ cap: 2, ok: true });
    expect(excellentQuota(grades(3, 7), DEFAULT_SETTINGS)).toMatchObject({ cap: 2, ok: false });
  });
  it('不定等次 and 不考核 are not graded', () => {
    expect(excellentQuota(grades(1, 4, ['undetermined', 'not_assessed']), DEFAULT_SETTINGS)).toMatchObject({
      graded: 5,
      cap: 1,
    });
  });
  it('25 % only with an approval document number', () => {
    const approved = { ...DEFAULT_SETTINGS, approvedPct: 25, approvalDocNo: '黔组通〔2026〕12号' };
    expect(excellentQuota(grades(2, 6), approved)).toMatchObject({ graded: 8, cap: 2, pct: 25, ok: true });
    const without = { ...DEFAULT_SETTINGS, approvedPct: 25, approvalDocNo: null };
    expect(excellentQuota(grades(2, 6), without)).toMatchObject({ cap: 1, pct: 20, ok: false });
    const tooHigh = { ...approved, approvedPct: 40 };
    expect(excellentQuota(grades(3, 5), tooHigh)).toMatchObject({ pct: 25, cap: 2, ok: false });
  });
  it('4 graded → none', () => {
    expect(excellentQuota(grades(1, 3), DEFAULT_SETTINGS)).toMatchObject({ cap: 0, ok: false });
  });
});

describe('不考核 threshold', () => {
  it('exactly half is not over; one more day is', () => {
    expect(overLeaveThreshold(125, 250, 0.5)).toBe(false);
    expect(overLeaveThreshold(125.5, 250, 0.5)).toBe(true);
    expect(overLeaveThreshold(0, 0, 0.5)).toBe(false);
  });
  it('the proposal says 不考核 before anything else', () => {
    const p = propose(
      {
        leaveDays: 126,
        periodDays: 250,
        undeterminedMark: '立案审查',
        receivingGrade: 'excellent',
        sendingGrade: 'excellent',
        democratic: null,
      },
      DEFAULT_WEIGHTS,
      DEFAULT_SETTINGS,
    );
    expect(p).toEqual({ grade: 'not_assessed', score: null, because: 'leave' });
  });
});

describe('composite score', () => {
  it('weights must sum to 100', () => {
    expect(weightsValid(DEFAULT_WEIGHTS)).toBe(true);
    expect(weightsValid({ receiving: 50, democratic: 30, sending: 30 })).toBe(false);
  });
  it('weighted average of the components present', () => {
    expect(compositeScore({ receiving: 95, democratic: 85, sending: 95 }, DEFAULT_WEIGHTS)).toBe(92);
    expect(compositeScore({ receiving: 95, democratic: null, sending: 85 }, DEFAULT_WEIGHTS)).toBe(92.1);
    expect(compositeScore({}, DEFAULT_WEIGHTS)).toBeNull();
  });
  it('score → grade at the edges', () => {
    expect(gradeOfScore(90)).toBe('excellent');
    expect(gradeOfScore(89.9)).toBe('competent');
    expect(gradeOfScore(80)).toBe('competent');
    expect(gradeOfScore(65)).toBe('basically_competent');
    expect(gradeOfScore(64.9)).toBe('incompetent');
  });
  it('marked → 不定等次; else the score proposes', () => {
    const base = {
      leaveDays: 0,
      periodDays: 250,
      undeterminedMark: null,
      receivingGrade: 'excellent' as const,
      sendingGrade: 'competent' as const,
      democratic: { excellent: 5, competent: 1, basically_competent: 0, incompetent: 0 },
    };
    expect(propose(base, DEFAULT_WEIGHTS, DEFAULT_SETTINGS)).toMatchObject({
      grade: 'excellent',
      because: 'score',
    });
    expect(propose({ ...base, undeterminedMark: '新任职' }, DEFAULT_WEIGHTS, DEFAULT_SETTINGS).grade).toBe(
      'undetermined',
    );
  });
});
