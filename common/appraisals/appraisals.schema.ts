import { z } from 'zod';
import { zId, zVersion } from '../http/ids.schema.js';
import { zPage, zPageQuery } from '../http/paging.schema.js';
import { zOptionalMultiline } from '../http/text.js';
import { APPRAISAL_ACTIONS, APPRAISAL_STATUSES } from './appraisal-moves.js';

/** The receiving unit starts a posting's appraisal: its text drafted from the records. */
export const zAppraisalCreate = z.strictObject({ postingId: zId });
export type AppraisalCreate = z.output<typeof zAppraisalCreate>;

/** The receiving unit's text (鉴定意见). */
export const zAppraisalUpdate = z.strictObject({ version: zVersion, text: zOptionalMultiline(8000) });
export type AppraisalUpdate = z.output<typeof zAppraisalUpdate>;
/** The cadre's term summary (工作总结). */
export const zAppraisalSummary = z.strictObject({ version: zVersion, summary: zOptionalMultiline(8000) });
export type AppraisalSummary = z.output<typeof zAppraisalSummary>;
/** The 组织部 countersigns (an optional opinion) or returns (a comment required). */
export const zAppraisalReview = z.strictObject({ version: zVersion, comment: zOptionalMultiline(1000) });
export type AppraisalReview = z.output<typeof zAppraisalReview>;

export const zAppraisalListQuery = zPageQuery.extend({
  postingId: zId.optional(),
  batchId: zId.optional(),
  status: z.enum(APPRAISAL_STATUSES).optional(),
});
export type AppraisalListParams = z.output<typeof zAppraisalListQuery>;

export const zAppraisal = z.object({
  id: z.string(),
  postingId: z.string(),
  cadreName: z.string(),
  postingTitle: z.string(),
  receivingUnitName: z.string(),
  sendingUnitName: z.string(),
  batchName: z.string(),
  startDate: z.string().nullable(),
  endDate: z.string(),
  status: z.enum(APPRAISAL_STATUSES),
  hasSummary: z.boolean(),
  reviewComment: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type Appraisal = z.output<typeof zAppraisal>;
export const zAppraisalPage = zPage(zAppraisal);

/** Every save and move, kept: who wrote what, and the decision with its comment. */
export const zAppraisalVersion = z.object({
  seq: z.number().int(),
  status: z.enum(APPRAISAL_STATUSES),
  text: z.string().nullable(),
  summary: z.string().nullable(),
  comment: z.string().nullable(),
  by: z.string().nullable(),
  at: z.string(),
});
export type AppraisalVersion = z.output<typeof zAppraisalVersion>;

export const zAppraisalDetail = zAppraisal.extend({
  text: z.string().nullable(),
  summary: z.string().nullable(),
  /** The draft the records give today (the receiving unit may take it again). */
  draft: z.string(),
  /** The draft of the term summary from the cadre's own log and verified achievements. */
  summaryDraft: z.string(),
  countersignedBy: z.string().nullable(),
  countersignedAt: z.string().nullable(),
  versions: z.array(zAppraisalVersion),
  actions: z.array(z.enum(APPRAISAL_ACTIONS)),
});
export type AppraisalDetail = z.output<typeof zAppraisalDetail>;
