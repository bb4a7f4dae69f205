import { z } from 'zod';
import { zPage, zPageQuery, zQueryBool } from '../http/paging.schema.js';

/** What a notification is about; each kind is a catalogue message `notification.<kind>`. */
export const NOTIFICATION_KINDS = [
  'audit.chainBroken',
  'auth.accountLocked',
  'security.denialBurst',
  'security.rateLimitBurst',
  // the daily reminders (server/reminders, ADR 028)
  'reminder.termEnding30',
  'reminder.termEnding7',
  'reminder.postWaiting',
  'reminder.nominationWaiting',
  'reminder.correctionWaiting',
  'reminder.handoverMissing',
  // issue 13 line 1: an approved leave past its end date without a 销假
  'reminder.leaveNotReturned',
  // issue 13 line 3: a receiving unit's month of attendance incomplete
  'reminder.attendanceIncomplete',
  // issue 13 line 6: a step that waits on someone, notified when it starts to wait
  'leave.toDecide',
  'leave.decided',
  'leave.toConfirmReturn',
  'leave.substituteNamed',
  // achievements (issue 13 line 6): an entry waits for verification; an entry was returned
  'achievement.toVerify',
  'achievement.returned',
  // assessment (issue 15 line 6): a published round's grades, to the sending unit and the cadre
  'assessment.published',
  'assessment.ownResult',
  // monthly reports (issue 14 line 4): submitted to the receiving unit; signed off, to the sending unit
  'monthly.toReview',
  'monthly.signed',
  'monthly.returned',
  // appraisals (issue 15 line 4): the term summary wanted, to countersign, countersigned, returned
  'appraisal.summaryWanted',
  'appraisal.toCountersign',
  'appraisal.countersigned',
  'appraisal.returned',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

type Params = Readonly<Record<string, string | number>>;
const param = (params: Params, key: string) => encodeURIComponent(String(params[key] ?? ''));

/**
 * Where a notification's object is shown in the web app, from its kind and parameters (so a
 * notification written before a page moved still links to where it is now); null: no page.
 */
const LINKS: Record<NotificationKind, (params: Params) => string | null> = {
  'audit.chainBroken': () => '/admin/audit',
  'auth.accountLocked': (p) => `/admin/accounts?q=${param(p, 'username')}`,
  'security.denialBurst': () => '/admin/audit',
  'security.rateLimitBurst': () => '/admin/audit',
  'reminder.termEnding30': (p) => `/postings/${param(p, 'postingId')}`,
  'reminder.termEnding7': (p) => `/postings/${param(p, 'postingId')}`,
  'reminder.postWaiting': (p) => `/demands?status=submitted&batchId=${param(p, 'batchId')}`,
  'reminder.nominationWaiting': (p) => `/recommendations?status=submitted&batchId=${param(p, 'batchId')}`,
  'reminder.correctionWaiting': () => '/corrections?status=pending',
  'reminder.handoverMissing': (p) => `/postings/${param(p, 'postingId')}`,
  'reminder.leaveNotReturned': (p) => `/leave/${param(p, 'leaveId')}`,
  // issue 13 line 3
  'reminder.attendanceIncomplete': (p) => `/attendance?month=${param(p, 'month')}`,
  'leave.toDecide': (p) => `/leave/${param(p, 'leaveId')}`,
  'leave.decided': (p) => `/leave/${param(p, 'leaveId')}`,
  'leave.toConfirmReturn': (p) => `/leave/${param(p, 'leaveId')}`,
  'leave.substituteNamed': (p) => `/leave/${param(p, 'leaveId')}`,
  // achievements (issue 13 line 6)
  'achievement.toVerify': (p) => `/achievements/${param(p, 'achievementId')}`,
  'achievement.returned': (p) => `/achievements/${param(p, 'achievementId')}`,
  // assessment (issue 15)
  'assessment.published': (p) => `/assessment/results?roundId=${param(p, 'roundId')}`,
  'assessment.ownResult': () => '/assessment/mine',
  // monthly reports (issue 14 line 4)
  'monthly.toReview': (p) => `/monthly/${param(p, 'reportId')}`,
  'monthly.signed': (p) => `/monthly/${param(p, 'reportId')}`,
  'monthly.returned': (p) => `/monthly/${param(p, 'reportId')}`,
  // appraisals (issue 15 line 4)
  'appraisal.summaryWanted': (p) => `/appraisals/${param(p, 'appraisalId')}`,
  'appraisal.toCountersign': (p) => `/appraisals/${param(p, 'appraisalId')}`,
  'appraisal.countersigned': (p) => `/appraisals/${param(p, 'appraisalId')}`,
  'appraisal.returned': (p) => `/appraisals/${param(p, 'appraisalId')}`,
};

export const notificationLink = (kind: NotificationKind, params: Params): string | null =>
  LINKS[kind](params);

export const zNotificationQuery = zPageQuery
  .omit({ order: true })
  .extend({ unread: zQueryBool.optional() })
  .strict();
export type NotificationQuery = z.output<typeof zNotificationQuery>;

export const zNotification = z.object({
  id: z.string(),
  kind: z.enum(NOTIFICATION_KINDS),
  /** The text to show, in Chinese, written from the kind and its parameters when read. */
  message: z.string(),
  /** The page of the object it is about (`/postings/…`), or null. */
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type Notification = z.infer<typeof zNotification>;

/** The caller's own notifications, newest first, with how many are unread in all. */
export const zNotificationPage = zPage(zNotification).extend({ unread: z.number().int() });
export type NotificationPage = z.infer<typeof zNotificationPage>;

/** Mark all read: how many were unread. */
export const zMarkAllRead = z.object({ marked: z.number().int() });
export type MarkAllRead = z.infer<typeof zMarkAllRead>;
