import { z } from 'zod';
import { ROLES } from '../auth/auth.schema.js';

/** What an item of a home page is about; each is worded by the catalogue (`home.item.<kind>`). */
export const HOME_ITEM_KINDS = [
  // 组织部
  'postsToReview',
  'nominationsToReview',
  'batchesPreparing',
  'batchesSelecting',
  'batchesOnPost',
  'termsEnding',
  'handoversMissing',
  // 派出单位联络员
  'nominationsPending',
  'correctionsToReview',
  'cadresProposed',
  'cadresOnPost',
  'cadresToReturn',
  // 接收单位管理员
  'postsReturned',
  'postsDraft',
  'handoversToRecord',
  'hostedOnPost',
  // 干部本人
  'myPosting',
  'myCorrections',
  // issue 15 line 7: the cadre's own term ending in 30 days
  'myTermEnding',
  // achievements (issue 13 line 7): to verify (接收单位), returned to the cadre
  'achievementsToVerify',
  'achievementsReturned',
  // issue 13 line 3: attendance — the receiving unit's far check-ins and incomplete month, the cadre's check-in
  'attendanceFar',
  'attendanceIncomplete',
  'attendanceToday',
] as const;
export type HomeItemKind = (typeof HOME_ITEM_KINDS)[number];

/** One thing waiting on the caller: how many, what it is, and the page where it is done. */
export const zHomeItem = z.object({
  kind: z.enum(HOME_ITEM_KINDS),
  count: z.number().int(),
  /** The line to show, in Chinese (`待审核的岗位需求 3 项`). */
  title: z.string(),
  /** More about it (the cadre's own posting: unit, dates, duties), in Chinese; or null. */
  detail: z.string().nullable(),
  /** What the caller should do next, in Chinese; or null. */
  next: z.string().nullable(),
  /** The web page where it is done (`/demands?status=submitted`). */
  link: z.string(),
  /** Urgent (waiting too long, ending soon). */
  urgent: z.boolean(),
});
export type HomeItem = z.infer<typeof zHomeItem>;

/** The items of one of the caller's roles; `empty` says what to do when there are none. */
export const zHomeSection = z.object({
  role: z.enum(ROLES),
  title: z.string(),
  items: z.array(zHomeItem),
  empty: z.string(),
});
export type HomeSection = z.infer<typeof zHomeSection>;

export const zHome = z.object({ sections: z.array(zHomeSection) });
export type Home = z.infer<typeof zHome>;
