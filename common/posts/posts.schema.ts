import { z } from 'zod';
import { RANK_LEVELS } from '../cadres/cadre-enums.js';
import { zId, zVersion } from '../http/ids.schema.js';
import { zPage, zPageQuery } from '../http/paging.schema.js';
import { zName, zOptionalMultiline } from '../http/text.js';

/** draft → submitted → approved | returned (back to the unit, editable) | rejected */
export const POST_STATUSES = ['draft', 'submitted', 'approved', 'returned', 'rejected'] as const;
export type PostStatus = (typeof POST_STATUSES)[number];
/** A post request its unit may still edit (and an import may update). */
export const EDITABLE_POST_STATUSES: readonly PostStatus[] = ['draft', 'returned'];
export const isEditablePost = (status: string): boolean =>
  (EDITABLE_POST_STATUSES as readonly string[]).includes(status);
export const DUTY_KINDS = ['in_charge', 'assist'] as const;

export const zDuty = z.strictObject({ kind: z.enum(DUTY_KINDS), area: zName(1, 30) });

export const zPostInput = z.strictObject({
  batchId: zId,
  unitId: zId,
  title: zName(2, 40),
  level: z.enum(RANK_LEVELS),
  duties: z.array(zDuty).min(1).max(20),
  expertise: z.array(zName(1, 20)).max(10).default([]),
  headcount: z.number().int().min(1).max(100),
  notes: zOptionalMultiline(1000),
});
export type PostValues = z.output<typeof zPostInput>;
export const zPostUpdate = zPostInput.omit({ batchId: true, unitId: true }).extend({ version: zVersion });
export type PostUpdateValues = z.output<typeof zPostUpdate>;

export const zPostReview = z.strictObject({
  decision: z.enum(['approve', 'return', 'reject']),
  comment: zOptionalMultiline(500),
  version: zVersion,
});

export const zPost = z.object({
  id: z.string(),
  batchId: z.string(),
  batchName: z.string(),
  programmeName: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  regionName: z.string(),
  title: z.string(),
  level: z.enum(RANK_LEVELS),
  duties: z.array(z.object({ kind: z.enum(DUTY_KINDS), area: z.string() })),
  expertise: z.array(z.string()),
  headcount: z.number().int(),
  notes: z.string().nullable(),
  status: z.enum(POST_STATUSES),
  reviewComment: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Post = z.infer<typeof zPost>;

export const zPostListQuery = zPageQuery
  .extend({
    sort: z.enum(['createdAt', 'title', 'status']).default('createdAt'),
    order: z.enum(['asc', 'desc']).default('desc'),
    batchId: zId.optional(),
    unitId: zId.optional(),
    status: z.enum(POST_STATUSES).optional(),
    q: z.string().trim().max(30).optional(),
  })
  .strict();
export type PostListParams = z.output<typeof zPostListQuery>;
export const zPostPage = zPage(zPost);

// actions (issue 11 line 2, ADR 027): what the caller may do with each post request
/** A post request's buttons (whether its status allows the move is the state machine's, not these). */
export const POST_RECORD_ACTIONS = ['update', 'submit', 'delete', 'review'] as const;
export type PostRecordAction = (typeof POST_RECORD_ACTIONS)[number];
export const zPostView = zPost.extend({ actions: z.array(z.enum(POST_RECORD_ACTIONS)) });
export type PostView = z.infer<typeof zPostView>;
export const zPostViewPage = zPage(zPostView);
