import { z } from 'zod';
import { RANK_LEVELS } from '../cadres/cadre-enums.js';
import { HALVES } from '../calendar/calendar.js';
import { zId, zVersion } from '../http/ids.schema.js';
import { zPage, zPageQuery } from '../http/paging.schema.js';
import { zMultiline, zOptionalMultiline } from '../http/text.js';
import { zStatusEvent } from '../status/status-history.schema.js';
import { APPROVERS, LEAVE_KINDS, LEAVE_STATUSES, STEP_DECISIONS } from './leave-moves.js';

const zDate = z.iso.date({ message: 'date.day' });

export const zLeaveInput = z.strictObject({
  postingId: zId,
  kind: z.enum(LEAVE_KINDS),
  startDate: zDate,
  startHalf: z.enum(HALVES),
  endDate: zDate,
  endHalf: z.enum(HALVES),
  reason: zMultiline(2, 500),
});
export type LeaveInput = z.output<typeof zLeaveInput>;

export const zLeaveDecision = z.strictObject({
  decision: z.enum(['approve', 'reject']),
  comment: zOptionalMultiline(500),
  version: zVersion,
});
export type LeaveDecisionValues = z.output<typeof zLeaveDecision>;

export const zLeaveSubstitute = z.strictObject({
  /** The account's username, or null to act again oneself. */
  username: z.string().trim().min(1).max(64).nullable(),
  version: zVersion,
});
export type LeaveSubstituteValues = z.output<typeof zLeaveSubstitute>;

export const zLeaveVersion = z.strictObject({ version: zVersion });
export const zLeaveReturn = z.strictObject({ date: zDate, version: zVersion });
export type LeaveReturnValues = z.output<typeof zLeaveReturn>;

export const LEAVE_VIEWS = ['all', 'todo'] as const;
export const zLeaveListQuery = zPageQuery.extend({
  /** 'todo': the requests waiting for the caller's decision (or confirmation of a return). */
  view: z.enum(LEAVE_VIEWS).default('all'),
  status: z.enum(LEAVE_STATUSES).optional(),
  postingId: zId.optional(),
});
export type LeaveListParams = z.output<typeof zLeaveListQuery>;

export const zLeaveStep = z.object({
  seq: z.number().int(),
  approver: z.enum(APPROVERS),
  decision: z.enum(STEP_DECISIONS),
  comment: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  substitute: z.string().nullable(),
});

export const zLeave = z.object({
  id: z.string(),
  postingId: z.string(),
  postingTitle: z.string(),
  cadreName: z.string(),
  receivingUnitName: z.string(),
  kind: z.enum(LEAVE_KINDS),
  startDate: z.string(),
  startHalf: z.enum(HALVES),
  endDate: z.string(),
  endHalf: z.enum(HALVES),
  /** Working days, in halves of a day (2.5). */
  days: z.number(),
  reason: z.string(),
  status: z.enum(LEAVE_STATUSES),
  currentStep: z.number().int().nullable(),
  returnedOn: z.string().nullable(),
  /** Approved, its end date past, and no 销假: flagged. */
  overdue: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
});
export type Leave = z.output<typeof zLeave>;
export const zLeavePage = zPage(zLeave);

export const zLeaveHistory = zStatusEvent(LEAVE_STATUSES);
export const zLeaveDetail = zLeave.extend({
  steps: z.array(zLeaveStep),
  history: z.array(zLeaveHistory),
  /** What the caller may do now: withdraw, decide, substitute, return, confirmReturn. */
  actions: z.array(z.string()),
});
export type LeaveDetail = z.output<typeof zLeaveDetail>;

export const zRoutingRule = z.strictObject({
  upToDays: z.number().positive().max(365).nullable(),
  rankLevels: z.array(z.enum(RANK_LEVELS)).min(1).nullable(),
  approvers: z.array(z.enum(APPROVERS)).min(1).max(3),
});
export const zLeaveRoutes = z.object({
  programmeId: z.string(),
  rules: z.array(zRoutingRule),
  /** Null while the programme uses the default table. */
  version: z.number().int().nullable(),
});
export type LeaveRoutes = z.output<typeof zLeaveRoutes>;
export const zLeaveRoutesInput = z.strictObject({
  rules: z.array(zRoutingRule).min(1).max(20),
  /** The version read; null when the programme had the default table. */
  version: z.number().int().min(1).nullable(),
});
export type LeaveRoutesInput = z.output<typeof zLeaveRoutesInput>;
