import { z } from 'zod';
import { zId, zVersion } from '../http/ids.schema.js';
import { zPage, zPageQuery, zQueryBool } from '../http/paging.schema.js';
import { zOptionalMultiline } from '../http/text.js';

/** submitted → accepted | refused; the sending unit may withdraw while submitted. */
export const NOMINATION_STATUSES = ['submitted', 'accepted', 'refused', 'withdrawn'] as const;
export type NominationStatus = (typeof NOMINATION_STATUSES)[number];

/** Why a cadre falls outside a batch's rules (hard), or what the 组织部 should know (advisory). */
export const zEligibilityReason = z.object({ code: z.string(), message: z.string(), blocking: z.boolean() });
export type EligibilityReason = z.infer<typeof zEligibilityReason>;

/** The shortest justification the server takes for an ineligible cadre. */
export const JUSTIFICATION_MIN = 10;

export const zEligibilityCheck = z.strictObject({ batchId: zId, cadreId: zId });
export const zEligibilityResult = z.object({ eligible: z.boolean(), reasons: z.array(zEligibilityReason) });

export const zNominationInput = z.strictObject({
  batchId: zId,
  cadreId: zId,
  /** Required when the cadre is not eligible: why the sending unit nominates them all the same. */
  justification: zOptionalMultiline(1000),
});

export const zNominationReview = z.strictObject({
  decision: z.enum(['accept', 'refuse']),
  comment: zOptionalMultiline(500),
  version: zVersion,
});

export const zNomination = z.object({
  id: z.string(),
  batchId: z.string(),
  batchName: z.string(),
  cadreId: z.string(),
  cadreName: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  status: z.enum(NOMINATION_STATUSES),
  eligible: z.boolean(),
  reasons: z.array(zEligibilityReason),
  justification: z.string().nullable(),
  reviewComment: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Nomination = z.infer<typeof zNomination>;

export const zNominationListQuery = zPageQuery
  .extend({
    sort: z.enum(['createdAt', 'status']).default('createdAt'),
    order: z.enum(['asc', 'desc']).default('desc'),
    /** The cadre's name, its full pinyin or initials. */
    q: z.string().trim().max(30).optional(),
    batchId: zId.optional(),
    unitId: zId.optional(),
    status: z.enum(NOMINATION_STATUSES).optional(),
    eligible: zQueryBool.optional(),
  })
  .strict();
export type NominationListParams = z.output<typeof zNominationListQuery>;
export const zNominationPage = zPage(zNomination);

// actions (issue 11 line 2, ADR 027): what the caller may do with each nomination
/** A nomination's buttons (whether its status allows the move is the state machine's). */
export const NOMINATION_RECORD_ACTIONS = ['withdraw', 'review'] as const;
export type NominationRecordAction = (typeof NOMINATION_RECORD_ACTIONS)[number];
export const zNominationView = zNomination.extend({ actions: z.array(z.enum(NOMINATION_RECORD_ACTIONS)) });
export type NominationView = z.infer<typeof zNominationView>;
export const zNominationViewPage = zPage(zNominationView);
