import { RANK_LEVELS, type RankLevel } from '../cadres/cadre-enums.js';
import { APPROVERS, type Approver } from './leave-moves.js';

/**
 * The routing table of a programme (ADR 029): its rules in order, the first that fits a request
 * gives its approvers. A rule fits when the length (working days) is at most `upToDays` (null:
 * any length) and the cadre's level is one of `rankLevels` (null: any level).
 */
export interface RoutingRule {
  upToDays: number | null;
  rankLevels: RankLevel[] | null;
  approvers: Approver[];
}

/** The default: up to 3 days the receiving unit; up to 7 also the receiving area's 组织部; beyond, also the programme's. */
export const DEFAULT_ROUTING: readonly RoutingRule[] = [
  { upToDays: 3, rankLevels: null, approvers: ['receiving_unit'] },
  { upToDays: 7, rankLevels: null, approvers: ['receiving_unit', 'receiving_org'] },
  { upToDays: null, rankLevels: null, approvers: ['receiving_unit', 'receiving_org', 'programme_org'] },
];

/** The approvers of a request of `halfDays` half working days by a cadre of `level`. */
export function routeOf(rules: readonly RoutingRule[], halfDays: number, level: string): Approver[] {
  const days = halfDays / 2;
  const rule = rules.find(
    (r) =>
      (r.upToDays === null || days <= r.upToDays) &&
      (r.rankLevels === null || (r.rankLevels as string[]).includes(level)),
  );
  // a table that fits nobody falls back to the longest chain
  return rule?.approvers ?? [...APPROVERS];
}

export { RANK_LEVELS };
