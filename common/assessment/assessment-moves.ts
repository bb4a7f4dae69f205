import { defineMoves } from '../status/status-moves.js';

/**
 * An assessment round's statuses (ADR 038): 筹备 → 进行中 (the covered postings are stored, the
 * inputs and the democratic evaluation open) → 评定 (the poll is closed, the 组织部 grades) →
 * 已公布 (the quota is checked, the results travel). No skipping, no way back.
 */
export const ROUND_STATUSES = ['preparing', 'open', 'grading', 'published'] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];

export const ROUND_MOVES = defineMoves(ROUND_STATUSES, {
  preparing: ['open'],
  open: ['grading'],
  grading: ['published'],
});

export const ROUND_KINDS = ['annual', 'end_of_term', 'quarterly', 'special'] as const;
export type RoundKind = (typeof ROUND_KINDS)[number];

/** The four grades of a vote or an opinion. */
export const VOTE_GRADES = ['excellent', 'competent', 'basically_competent', 'incompetent'] as const;
export type VoteGrade = (typeof VOTE_GRADES)[number];
/** A final result: one of the four grades, 不定等次 or 不参加考核. */
export const FINAL_GRADES = [...VOTE_GRADES, 'undetermined', 'not_assessed'] as const;
export type FinalGrade = (typeof FINAL_GRADES)[number];

/** The weighted components of the composite score. */
export const COMPONENTS = ['receiving', 'democratic', 'sending'] as const;
export type Component = (typeof COMPONENTS)[number];

/** The optional items of a ballot: 德、能、勤、绩、廉. */
export const BALLOT_ITEMS = ['de', 'neng', 'qin', 'ji', 'lian'] as const;
export type BallotItem = (typeof BALLOT_ITEMS)[number];
