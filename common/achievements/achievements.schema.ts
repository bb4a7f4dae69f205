import { z } from 'zod';
import { zAttachment } from '../files/files.schema.js';
import { zId, zVersion } from '../http/ids.schema.js';
import { zPage, zPageQuery } from '../http/paging.schema.js';
import { zName, zOptionalMultiline } from '../http/text.js';
import { zStatusEvent } from '../status/status-history.schema.js';
import { DIMENSIONS, UNITS } from './achievement-amount.js';
import { ACHIEVEMENT_KINDS, ACHIEVEMENT_STATUSES } from './achievement-moves.js';

const zDate = z.iso.date({ message: 'date.day' });

/**
 * One entry as the cadre types it: the amount is a decimal string (parsed exactly by the server,
 * achievement-amount.ts), given together with its unit or not at all (a 调研报告 has none).
 */
export const zAchievementInput = z.strictObject({
  postingId: zId,
  kind: z.enum(ACHIEVEMENT_KINDS),
  title: zName(2, 100),
  amount: z.string().trim().max(30).nullable().default(null),
  unit: z.enum(UNITS).nullable().default(null),
  date: zDate,
  description: zOptionalMultiline(2000),
});
export type AchievementInput = z.output<typeof zAchievementInput>;

export const zAchievementUpdate = zAchievementInput.omit({ postingId: true }).extend({ version: zVersion });
export type AchievementUpdate = z.output<typeof zAchievementUpdate>;

export const zAchievementVersion = z.strictObject({ version: zVersion });
export const zAchievementReview = z.strictObject({
  comment: zOptionalMultiline(500),
  version: zVersion,
});
export type AchievementReviewValues = z.output<typeof zAchievementReview>;

export const ACHIEVEMENT_VIEWS = ['all', 'todo', 'mine'] as const;
export const zAchievementListQuery = zPageQuery.extend({
  /** 'todo': claimed entries the caller verifies; 'mine': the caller's own entries. */
  view: z.enum(ACHIEVEMENT_VIEWS).default('all'),
  status: z.enum(ACHIEVEMENT_STATUSES).optional(),
  kind: z.enum(ACHIEVEMENT_KINDS).optional(),
  postingId: zId.optional(),
  batchId: zId.optional(),
});
export type AchievementListParams = z.output<typeof zAchievementListQuery>;

export const zAchievement = z.object({
  id: z.string(),
  postingId: z.string(),
  postingTitle: z.string(),
  cadreName: z.string(),
  receivingUnitName: z.string(),
  batchName: z.string(),
  kind: z.enum(ACHIEVEMENT_KINDS),
  title: z.string(),
  /** As entered (normalised: no thousands commas, no trailing zeros), or null. */
  amount: z.string().nullable(),
  unit: z.enum(UNITS).nullable(),
  dimension: z.enum(DIMENSIONS).nullable(),
  /** The amount in base units (分, 人 …) as digits. */
  baseAmount: z.string().nullable(),
  /** The amount shown in its largest unit (1.9万人). */
  display: z.string().nullable(),
  date: z.string(),
  description: z.string().nullable(),
  status: z.enum(ACHIEVEMENT_STATUSES),
  reviewComment: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
});
export type Achievement = z.output<typeof zAchievement>;
export const zAchievementPage = zPage(zAchievement);

export const zAchievementDetail = zAchievement.extend({
  history: z.array(zStatusEvent(ACHIEVEMENT_STATUSES)),
  /** The evidence (佐证材料): photos, PDFs, Word files, kept by server/files. */
  evidence: z.array(zAttachment),
  /** What the caller may do now: update (also the evidence), claim, withdraw, verify, return. */
  actions: z.array(z.string()),
});
export type AchievementDetail = z.output<typeof zAchievementDetail>;

export const TOTAL_GROUPS = ['posting', 'batch', 'region', 'programme'] as const;
export type TotalGroup = (typeof TOTAL_GROUPS)[number];
export const zTotalsQuery = z.strictObject({
  groupBy: z.enum(TOTAL_GROUPS).default('batch'),
  batchId: zId.optional(),
  programmeId: zId.optional(),
  postingId: zId.optional(),
  /** A region code: postings whose receiving region lies in its subtree. */
  regionCode: z
    .string()
    .regex(/^\d{6}(\d{3})?$/, { message: 'region.code' })
    .optional(),
  /** Entries dated from / to these days (a month's report). */
  from: z.iso.date({ message: 'date.day' }).optional(),
  to: z.iso.date({ message: 'date.day' }).optional(),
});
export type TotalsParams = z.output<typeof zTotalsQuery>;

/** A sum of one kind and dimension: verified, and claimed (unverified) beside it. */
export const zTotalLine = z.object({
  kind: z.enum(ACHIEVEMENT_KINDS),
  dimension: z.enum(DIMENSIONS).nullable(),
  verified: z.string(),
  verifiedDisplay: z.string().nullable(),
  verifiedCount: z.number().int(),
  claimed: z.string(),
  claimedDisplay: z.string().nullable(),
  claimedCount: z.number().int(),
});
export type TotalLine = z.output<typeof zTotalLine>;
export const zTotalGroup = z.object({
  /** The posting, batch or programme id, or the region code. */
  key: z.string(),
  label: z.string(),
  lines: z.array(zTotalLine),
});
export const zTotals = z.object({
  groupBy: z.enum(TOTAL_GROUPS),
  groups: z.array(zTotalGroup),
  /** Every group together (a region filter's whole subtree). */
  overall: z.array(zTotalLine),
});
export type Totals = z.output<typeof zTotals>;
