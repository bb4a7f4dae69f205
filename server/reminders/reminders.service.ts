import type { Action } from '../../common/access/policy.js';
import type { NotificationKind } from '../../common/notifications/notifications.schema.js';
import { addDays, chinaDate, daysBetween, HOUR } from '../core/clock.js';
import type { AppContext } from '../core/context.js';
import type { Executor } from '../core/database.js';
import { FULL_SCOPE, type Grant, type Reach } from '../core/scope.js';
import { inTransaction } from '../core/transaction.js';
import { CORRECTION_REACH, listCorrections } from '../corrections/corrections.repository.js';
import { CADRE_REACH, RECEIVING_REACH, unreturnedBefore } from '../leave/leave.repository.js';
import { listNominations, NOMINATION_REACH } from '../nominations/nominations.repository.js';
import { activeAccountsWithRoles } from '../notifications/notifications.repository.js';
import {
  inAudience,
  notificationRows,
  rolesOf,
  saveNotifications,
} from '../notifications/notifications.service.js';
import {
  activeEndingOn,
  moveReach,
  POSTINGS_REACH,
  type PostingView,
  proposedSince,
  RECEIVING_UNIT,
} from '../postings/postings.repository.js';
import { listPosts, POST_REACH } from '../posts/posts.repository.js';
import { claim } from './reminders.repository.js';

/**
 * The daily reminders (issue 12 line 7, ADR 028). Each reminder is about one object and goes to
 * every active account whose scope for the reminder's action reaches that object — the same
 * rule (server/core/scope.ts) that lets them open it. A reminder is sent once per (kind, object,
 * recipient, due key): the key is claimed in `reminders_sent` in the same transaction as the
 * notification, so a second run or a second instance sends nothing again.
 */

export const REMINDER_KINDS = [
  'termEnding30',
  'termEnding7',
  'postWaiting',
  'nominationWaiting',
  'correctionWaiting',
  'handoverMissing',
  'leaveNotReturned',
] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/** Approvals are reminded once they have waited longer than this. */
export const APPROVAL_WAIT_MS = 3 * 24 * HOUR;
/** A proposed posting's hand-over is reminded this many days after the proposal. */
export const HANDOVER_DAYS = 14;
/** Terms are reminded this many days before they end (the nearer one once within it). */
export const TERM_NOTICE_DAYS = { termEnding30: 30, termEnding7: 7 } as const;

/** One reminder to send: about `objectId`, for the accounts that `action` lets reach `row`. */
export interface Due {
  kind: ReminderKind;
  objectId: string;
  dueKey: string;
  action: Action;
  reach: Reach;
  // biome-ignore lint/suspicious/noExplicitAny: a repository's view row, read by the reach
  row: Record<string, any>;
  params: Record<string, string | number>;
}

/** Finds recipients: active accounts by role, loaded once per run. */
class Recipients {
  #byRoles = new Map<string, Promise<{ userId: string; grants: Grant[] }[]>>();
  constructor(private readonly db: Executor) {}

  async of(due: Due): Promise<string[]> {
    const roles = rolesOf(due.action);
    const key = roles.join(',');
    if (!this.#byRoles.has(key)) this.#byRoles.set(key, activeAccountsWithRoles(this.db, roles));
    const accounts = (await this.#byRoles.get(key)) ?? [];
    return inAudience(accounts, { ...due, mode: 'read' });
  }
}

/** Every row of a list, page by page (at most 100 a page), in the repository's full scope. */
async function allRows<T>(list: (page: number) => Promise<{ rows: T[] }>): Promise<T[]> {
  const out: T[] = [];
  for (let page = 1; ; page++) {
    const { rows } = await list(page);
    out.push(...rows);
    if (rows.length < 100) return out;
  }
}
const PAGE = { pageSize: 100, sort: 'createdAt', order: 'asc' } as const;

const waitedDays = (since: string, now: Date) =>
  Math.floor((now.getTime() - Date.parse(since)) / (24 * HOUR));
const waitedLongEnough = (since: string, now: Date) => now.getTime() - Date.parse(since) > APPROVAL_WAIT_MS;

/** Approvals waiting longer than three days: post requests, nominations, corrections. */
async function approvalsDue(db: Executor, now: Date): Promise<Due[]> {
  const [posts, noms, corrs] = await Promise.all([
    allRows((page) => listPosts(db, { ...PAGE, page, status: 'submitted' }, FULL_SCOPE)),
    allRows((page) => listNominations(db, { ...PAGE, page, status: 'submitted' }, FULL_SCOPE)),
    allRows((page) => listCorrections(db, { ...PAGE, page, status: 'pending' }, FULL_SCOPE)),
  ]);
  return [
    // a submitted request cannot be edited: its last change is its submission
    ...posts
      .filter((p) => waitedLongEnough(p.updatedAt, now))
      .map(
        (p): Due => ({
          kind: 'postWaiting',
          objectId: p.id,
          dueKey: p.updatedAt,
          action: 'posts.review',
          reach: POST_REACH,
          row: p,
          params: {
            unit: p.unitName,
            title: p.title,
            batch: p.batchName,
            batchId: p.batchId,
            days: waitedDays(p.updatedAt, now),
          },
        }),
      ),
    ...noms
      .filter((n) => waitedLongEnough(n.createdAt, now))
      .map(
        (n): Due => ({
          kind: 'nominationWaiting',
          objectId: n.id,
          dueKey: n.createdAt,
          action: 'nominations.review',
          reach: NOMINATION_REACH,
          row: n,
          params: {
            unit: n.unitName,
            cadre: n.cadreName,
            batch: n.batchName,
            batchId: n.batchId,
            days: waitedDays(n.createdAt, now),
          },
        }),
      ),
    ...corrs
      .filter((k) => waitedLongEnough(k.createdAt, now))
      .map(
        (k): Due => ({
          kind: 'correctionWaiting',
          objectId: k.id,
          dueKey: k.createdAt,
          action: 'corrections.review',
          reach: CORRECTION_REACH,
          row: k,
          params: { cadre: k.cadreName, days: waitedDays(k.createdAt, now) },
        }),
      ),
  ];
}

const postingParams = (p: PostingView) => ({
  postingId: p.id,
  cadre: p.cadreName,
  unit: p.receivingUnitName,
  title: p.title,
});

/**
 * Terms ending in 30 and in 7 days, to all five owners of the posting (`postings.read`): the
 * 30-day notice while more than 7 days are left, the 7-day one within the last 7 — each once per
 * end date (an extension moves it, and reminds again).
 */
async function termsDue(db: Executor, today: string): Promise<Due[]> {
  // every day from today to 30 days on: a day the job did not run is caught up the next
  const window = Array.from({ length: TERM_NOTICE_DAYS.termEnding30 + 1 }, (_, i) => addDays(today, i));
  const active = await activeEndingOn(db, window);
  return active.flatMap((p): Due[] => {
    const days = daysBetween(today, p.endDate);
    if (days < 0 || days > TERM_NOTICE_DAYS.termEnding30) return [];
    const kind: ReminderKind = days > TERM_NOTICE_DAYS.termEnding7 ? 'termEnding30' : 'termEnding7';
    return [
      {
        kind,
        objectId: p.id,
        dueKey: p.endDate,
        action: 'postings.read',
        reach: POSTINGS_REACH,
        row: p,
        params: { ...postingParams(p), endDate: p.endDate, days },
      },
    ];
  });
}

/**
 * Hand-overs not recorded 14 days after the proposal: to the receiving unit, which records it
 * (`postings.handover`), and to the 组织部 of the posting (its region parties, `postings.read`).
 */
async function handoversDue(db: Executor, now: Date, today: string): Promise<Due[]> {
  // proposed at least 13 whole days ago (a superset), then counted in China dates
  const before = new Date(now.getTime() - (HANDOVER_DAYS - 1) * 24 * HOUR).toISOString();
  const proposed = await proposedSince(db, before);
  return proposed.flatMap((p): Due[] => {
    const days = daysBetween(chinaDate(new Date(p.createdAt)), today);
    if (days < HANDOVER_DAYS) return [];
    const due = { kind: 'handoverMissing' as const, objectId: p.id, dueKey: p.createdAt, row: p };
    const params = { ...postingParams(p), days };
    return [
      { ...due, action: 'postings.handover', reach: moveReach(RECEIVING_UNIT), params },
      { ...due, action: 'postings.read', reach: moveReach(null), params },
    ];
  });
}

/**
 * Approved leave past its end date without a 销假 (issue 13 line 1): to the cadre, who reports
 * back, and to the receiving unit, which confirms it — once per leave and end date.
 */
async function unreturnedDue(db: Executor, today: string): Promise<Due[]> {
  return (await unreturnedBefore(db, today)).flatMap((l): Due[] => {
    const due = { kind: 'leaveNotReturned' as const, objectId: l.id, dueKey: l.endDate, row: l };
    const params = { leaveId: l.id, cadre: l.cadreName, unit: l.receivingUnitName, endDate: l.endDate };
    return [
      { ...due, action: 'leave.return', reach: CADRE_REACH, params },
      { ...due, action: 'leave.confirmReturn', reach: RECEIVING_REACH, params },
    ];
  });
}

/** What is due today, from every source. */
async function dueToday(ctx: AppContext, now: Date): Promise<Due[]> {
  const today = chinaDate(now);
  const lists = await Promise.all([
    termsDue(ctx.db, today),
    approvalsDue(ctx.db, now),
    handoversDue(ctx.db, now, today),
    unreturnedDue(ctx.db, today),
  ]);
  return lists.flat();
}

export interface RemindersResult {
  day: string;
  /** Notifications written by this run, per kind. */
  sent: Record<ReminderKind, number>;
  total: number;
}

/**
 * Sends what is due on the clock's day (China date) and was not sent before. Safe to run any
 * number of times, on any number of instances at once: each (kind, object, recipient, due key)
 * is claimed once in `reminders_sent`, in one transaction with its notification.
 */
export async function sendReminders(ctx: AppContext): Promise<RemindersResult> {
  const now = ctx.clock.now();
  const day = chinaDate(now);
  const sent = Object.fromEntries(REMINDER_KINDS.map((k) => [k, 0])) as Record<ReminderKind, number>;
  const recipients = new Recipients(ctx.db);
  for (const due of await dueToday(ctx, now)) {
    const userIds = await recipients.of(due);
    if (userIds.length === 0) continue;
    const kind = `reminder.${due.kind}` as NotificationKind;
    const rows = notificationRows(ctx, userIds, kind, due.params);
    await inTransaction(ctx, async (tx) => {
      const claimed = await claim(
        tx.db,
        rows.map((n) => ({
          kind: due.kind,
          objectId: due.objectId,
          recipient: n.userId,
          dueKey: due.dueKey,
          notificationId: n.id,
          sentOn: day,
          createdAt: n.createdAt,
        })),
      );
      const fresh = rows.filter((n) => claimed.has(n.userId));
      await saveNotifications(tx.db, fresh);
      sent[due.kind] += fresh.length;
    });
  }
  return { day, sent, total: Object.values(sent).reduce((a, b) => a + b, 0) };
}
