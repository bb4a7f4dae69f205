import { z } from 'zod';
import { zTotalLine } from '../achievements/achievements.schema.js';
import { zQuotaView } from '../assessment/assessment.schema.js';
import { FINAL_GRADES } from '../assessment/assessment-moves.js';
import { zId } from '../http/ids.schema.js';
import { LEAVE_KINDS } from '../leave/leave-moves.js';
import { POSTING_STATUSES } from '../postings/posting-moves.js';

/**
 * The 组织部's dashboard (issue 16 line 2, ADR 042): figures over the caller's scope, narrowed to
 * a programme, a batch and a period. The period narrows the dated records (achievements by their
 * date, leave by its first day); the posting figures are today's states.
 */
export const zDashboardQuery = z.strictObject({
  programmeId: zId.optional(),
  batchId: zId.optional(),
  from: z.iso.date({ message: 'date.day' }).optional(),
  to: z.iso.date({ message: 'date.day' }).optional(),
});
export type DashboardQuery = z.output<typeof zDashboardQuery>;

const zCount = z.number().int();

export const zDashboard = z.object({
  /** Today (China), the day the posting figures and the 90 days are counted from. */
  asOf: z.iso.date(),
  /** Postings counted (every status): 0 when nothing in the scope matches the filters. */
  total: zCount,
  byStatus: z.array(z.object({ status: z.enum(POSTING_STATUSES), n: zCount })),
  /** 在岗 postings by receiving region (leaf: the posting's region), with the region's ancestors' codes. */
  onPostByRegion: z.array(z.object({ code: z.string(), path: z.array(z.string()), n: zCount })),
  /** The name of every region code in the paths above. */
  regionNames: z.record(z.string(), z.string()),
  /** Achievements by kind and dimension: verified and claimed, sums as base-unit digits (分 for money). */
  achievements: z.array(zTotalLine),
  /** Leave days (approved, on leave or back) by month of the first day and kind. */
  leave: z.array(z.object({ month: z.string(), kind: z.enum(LEAVE_KINDS), days: z.number(), n: zCount })),
  /** Published assessment rounds of the programmes the caller organises: grades and 优秀 against its cap. */
  assessment: z.array(
    z.object({
      roundId: zId,
      title: z.string(),
      total: z.record(z.enum(FINAL_GRADES), zCount),
      quota: zQuotaView,
    }),
  ),
  /** 在岗 postings whose term ends within the next 90 days (the first 50 by end date). */
  endingSoon: z.object({
    total: zCount,
    items: z.array(
      z.object({
        postingId: zId,
        cadreName: z.string(),
        title: z.string(),
        receivingUnitName: z.string(),
        endDate: z.iso.date(),
      }),
    ),
  }),
});
export type Dashboard = z.output<typeof zDashboard>;
