import { defineMoves } from '../status/status-moves.js';

/**
 * An achievement's statuses (issue 13 line 5, ADR 034): 已申报 when the cadre records (or
 * claims again) an entry, 已核实 or 已退回 (with a comment) by the receiving unit; the cadre
 * edits a returned entry and claims it again, or withdraws (已撤回) one not yet verified.
 * A verified entry is final: only verified entries count in the totals.
 */
export const ACHIEVEMENT_STATUSES = ['claimed', 'verified', 'returned', 'withdrawn'] as const;
export type AchievementStatus = (typeof ACHIEVEMENT_STATUSES)[number];

export const ACHIEVEMENT_MOVES = defineMoves(ACHIEVEMENT_STATUSES, {
  claimed: ['verified', 'returned', 'withdrawn'],
  returned: ['claimed', 'withdrawn'],
});

/** Statuses in which the cadre may still edit the entry. */
export const EDITABLE_STATUSES: readonly AchievementStatus[] = ['claimed', 'returned'];

export const ACHIEVEMENT_KINDS = [
  'funds_secured',
  'investment_signed',
  'funds_arrived',
  'project_introduced',
  'aid_agreement',
  'research_report',
  'training',
  'other',
] as const;
export type AchievementKind = (typeof ACHIEVEMENT_KINDS)[number];
