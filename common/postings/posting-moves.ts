import { defineMoves } from '../status/status-moves.js';

/**
 * A posting's statuses (ADR 024): 拟任 → 在岗 (the hand-over) → 期满 → 已返回; 提前召回 and 终止
 * end it early. "Current" for the one-per-cadre rule: 拟任 or 在岗 (a partial unique index).
 */
export const POSTING_STATUSES = [
  'proposed',
  'active',
  'ended',
  'returned',
  'recalled',
  'terminated',
] as const;
export type PostingStatus = (typeof POSTING_STATUSES)[number];
export const CURRENT_POSTING_STATUSES: readonly PostingStatus[] = ['proposed', 'active'];

/** 延期 is the move 在岗 → 在岗 with a new end date. */
export const POSTING_MOVES = defineMoves(POSTING_STATUSES, {
  proposed: ['active', 'terminated'],
  active: ['active', 'ended', 'recalled', 'terminated'],
  ended: ['returned'],
});

/**
 * The moves a person makes on a posting, each from the statuses it applies to (so a hand-over
 * is never taken for an extension: both end 在岗), and its policy action.
 */
export const POSTING_ACTIONS = {
  handover: { from: ['proposed'], to: 'active', action: 'postings.handover' },
  extend: { from: ['active'], to: 'active', action: 'postings.extend' },
  end: { from: ['active'], to: 'ended', action: 'postings.end' },
  return: { from: ['ended'], to: 'returned', action: 'postings.return' },
  recall: { from: ['active'], to: 'recalled', action: 'postings.recall' },
  terminate: { from: ['proposed', 'active'], to: 'terminated', action: 'postings.terminate' },
} as const satisfies Record<
  string,
  { from: readonly PostingStatus[]; to: PostingStatus; action: `postings.${string}` }
>;
export type PostingMove = keyof typeof POSTING_ACTIONS;
export const POSTING_MOVE_NAMES = Object.keys(POSTING_ACTIONS) as PostingMove[];
/** Moves the web asks to confirm twice: they end a posting before its term. */
export const DESTRUCTIVE_MOVES: readonly PostingMove[] = ['recall', 'terminate'];

export const moveApplies = (move: PostingMove, status: string): boolean =>
  (POSTING_ACTIONS[move].from as readonly string[]).includes(status);
