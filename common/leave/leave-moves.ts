import { defineMoves } from '../status/status-moves.js';

/**
 * A leave request's statuses (ADR 029): 审批中 while a step waits (each approval with more steps
 * to go is the move 审批中 → 审批中), then 已批准 or 已驳回; 已撤回 by the cadre before the first
 * decision; 销假 by the cadre (待确认销假), confirmed by the receiving unit (已销假).
 */
export const LEAVE_STATUSES = [
  'pending',
  'approved',
  'rejected',
  'withdrawn',
  'returning',
  'returned',
] as const;
export type LeaveStatus = (typeof LEAVE_STATUSES)[number];

export const LEAVE_MOVES = defineMoves(LEAVE_STATUSES, {
  pending: ['pending', 'approved', 'rejected', 'withdrawn'],
  approved: ['returning'],
  returning: ['returned'],
});

export const LEAVE_KINDS = ['personal', 'sick', 'family_visit', 'annual', 'official_trip', 'other'] as const;
export type LeaveKind = (typeof LEAVE_KINDS)[number];

/** Who decides a step: the receiving unit, the 组织部 of the receiving area, the programme's 组织部. */
export const APPROVERS = ['receiving_unit', 'receiving_org', 'programme_org'] as const;
export type Approver = (typeof APPROVERS)[number];

export const STEP_DECISIONS = ['waiting', 'pending', 'approved', 'rejected', 'cancelled'] as const;
export type StepDecision = (typeof STEP_DECISIONS)[number];

/** Statuses that hold the days (an overlapping request is refused). */
export const HOLDING_STATUSES: readonly LeaveStatus[] = ['pending', 'approved', 'returning', 'returned'];
