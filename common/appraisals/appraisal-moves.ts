import { defineMoves } from '../status/status-moves.js';

/**
 * An appraisal's statuses (鉴定, issue 15 line 4, ADR 041): 草拟 while the receiving unit writes
 * it (the cadre attaches the term summary, 工作总结), 待会签 once submitted to the 组织部, which
 * countersigns it (已会签, final) or returns it with a comment (已退回); the receiving unit edits a
 * returned appraisal and submits it again.
 */
export const APPRAISAL_STATUSES = ['draft', 'submitted', 'countersigned', 'returned'] as const;
export type AppraisalStatus = (typeof APPRAISAL_STATUSES)[number];

export const APPRAISAL_MOVES = defineMoves(APPRAISAL_STATUSES, {
  draft: ['submitted'],
  submitted: ['countersigned', 'returned'],
  returned: ['submitted'],
});

/** Statuses in which the appraisal and the term summary may still be edited. */
export const APPRAISAL_EDITABLE: readonly AppraisalStatus[] = ['draft', 'returned'];

/** What a caller may do on an appraisal (the detail's `actions`). */
export const APPRAISAL_ACTIONS = ['update', 'summary', 'submit', 'countersign', 'return'] as const;
export type AppraisalAction = (typeof APPRAISAL_ACTIONS)[number];
