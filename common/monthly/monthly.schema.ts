import { z } from 'zod';
import { zId, zVersion } from '../http/ids.schema.js';
import { zPage, zPageQuery } from '../http/paging.schema.js';
import { zOptionalMultiline } from '../http/text.js';
import { MONTHLY_STATUSES } from './monthly-moves.js';

export const zMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'monthly.month' });

/** The facts a draft is generated from (re-read from the records until it is submitted). */
export const zMonthlyFacts = z.object({
  postTitle: z.string(),
  receivingUnitName: z.string(),
  sendingUnitName: z.string(),
  duties: z.string(),
  attendance: z.object({
    workingDays: z.number(),
    present: z.number(),
    leave: z.number(),
    absent: z.number(),
    missing: z.number(),
  }),
  work: z.array(
    z.object({
      category: z.string(),
      entries: z.array(z.object({ date: z.string(), title: z.string() })),
    }),
  ),
  achievements: z.array(
    z.object({
      date: z.string(),
      kind: z.string(),
      title: z.string(),
      status: z.string(),
      amount: z.string().nullable(),
    }),
  ),
  totals: z.array(
    z.object({
      kind: z.string(),
      dimension: z.string().nullable(),
      verified: z.string(),
      verifiedDisplay: z.string().nullable(),
      verifiedCount: z.number().int(),
      claimed: z.string(),
      claimedDisplay: z.string().nullable(),
      claimedCount: z.number().int(),
    }),
  ),
});
export type MonthlyFacts = z.output<typeof zMonthlyFacts>;

/** What the cadre writes: the narrative and next month's plan. */
export const zMonthlyText = z.strictObject({
  summary: zOptionalMultiline(5000),
  plan: zOptionalMultiline(5000),
});

export const zMonthlyCreate = z.strictObject({ postingId: zId, month: zMonth });
export type MonthlyCreate = z.output<typeof zMonthlyCreate>;
export const zMonthlyUpdate = zMonthlyText.extend({ version: zVersion });
export type MonthlyUpdate = z.output<typeof zMonthlyUpdate>;
export const zMonthlyReview = z.strictObject({ version: zVersion, comment: zOptionalMultiline(500) });
export type MonthlyReview = z.output<typeof zMonthlyReview>;

export const zMonthlyListQuery = zPageQuery.extend({
  postingId: zId.optional(),
  batchId: zId.optional(),
  month: zMonth.optional(),
  status: z.enum(MONTHLY_STATUSES).optional(),
});
export type MonthlyListParams = z.output<typeof zMonthlyListQuery>;

export const zMonthlyReport = z.object({
  id: z.string(),
  postingId: z.string(),
  month: z.string(),
  cadreName: z.string(),
  postingTitle: z.string(),
  receivingUnitName: z.string(),
  sendingUnitName: z.string(),
  status: z.enum(MONTHLY_STATUSES),
  reviewComment: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type MonthlyReport = z.output<typeof zMonthlyReport>;
export const zMonthlyPage = zPage(zMonthlyReport);

export const zMonthlyVersion = z.object({
  seq: z.number().int(),
  status: z.enum(MONTHLY_STATUSES),
  summary: z.string().nullable(),
  plan: z.string().nullable(),
  by: z.string().nullable(),
  at: z.string(),
});

export const zMonthlyDetail = zMonthlyReport.extend({
  summary: z.string().nullable(),
  plan: z.string().nullable(),
  facts: zMonthlyFacts,
  versions: z.array(zMonthlyVersion),
  actions: z.array(z.enum(['update', 'submit', 'sign', 'return'])),
});
export type MonthlyDetail = z.output<typeof zMonthlyDetail>;
