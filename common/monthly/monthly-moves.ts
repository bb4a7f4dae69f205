import { defineMoves } from '../status/status-moves.js';

/**
 * A monthly report's statuses (issue 14 line 4, ADR 039): 草稿 while the cadre writes it, 待审核
 * once submitted to the receiving unit, which signs it off (已签收, final) or returns it with a
 * comment (已退回); the cadre edits a returned report and submits it again.
 */
export const MONTHLY_STATUSES = ['draft', 'submitted', 'signed', 'returned'] as const;
export type MonthlyStatus = (typeof MONTHLY_STATUSES)[number];

export const MONTHLY_MOVES = defineMoves(MONTHLY_STATUSES, {
  draft: ['submitted'],
  submitted: ['signed', 'returned'],
  returned: ['submitted'],
});

/** Statuses in which the cadre may still edit the report. */
export const MONTHLY_EDITABLE: readonly MonthlyStatus[] = ['draft', 'returned'];
