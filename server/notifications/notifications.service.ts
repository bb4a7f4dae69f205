import { randomUUID } from 'node:crypto';
import { type Action, accessOf } from '../../common/access/policy.js';
import type { Role } from '../../common/auth/auth.schema.js';
import type { MessageKey } from '../../common/i18n/index.js';
import { t } from '../../common/i18n/index.js';
import {
  type MarkAllRead,
  type Notification,
  type NotificationKind,
  type NotificationPage,
  type NotificationQuery,
  notificationLink,
} from '../../common/notifications/notifications.schema.js';
import { record, whoOf } from '../audit/audit.service.js';
import type { Actor, AppContext } from '../core/context.js';
import { isoNow } from '../core/context.js';
import type { Executor } from '../core/database.js';
import { notFound } from '../core/errors.js';
import { type Grant, type Reach, reaches, type Scope, scopeFor } from '../core/scope.js';
import { inTransaction } from '../core/transaction.js';
import * as repo from './notifications.repository.js';
import type { NotificationRow, NotificationsTable } from './notifications.table.js';

const toNotification = (row: NotificationRow): Notification => {
  const params = JSON.parse(row.params) as Record<string, string | number>;
  const kind = row.kind as NotificationKind;
  return {
    id: row.id,
    kind,
    message: t(`notification.${row.kind}` as MessageKey, params),
    link: notificationLink(kind, params),
    createdAt: row.createdAt,
    readAt: row.readAt,
  };
};

/** One notification for every active account holding `role`; returns how many were written. */
export async function notifyRole(
  ctx: Pick<AppContext, 'db' | 'clock'>,
  role: Role,
  kind: NotificationKind,
  params: Record<string, string | number>,
): Promise<number> {
  const { db } = ctx;
  const userIds = await repo.activeUserIdsWithRole(db, role);
  await repo.insertMany(db, notificationRows(ctx, userIds, kind, params));
  return userIds.length;
}

/** A notification to each of these accounts (none twice); the rows to write, for `insertMany`. */
export function notificationRows(
  ctx: Pick<AppContext, 'clock'>,
  userIds: readonly string[],
  kind: NotificationKind,
  params: Record<string, string | number>,
) {
  const createdAt = isoNow(ctx);
  return [...new Set(userIds)].map((userId) => ({
    id: randomUUID(),
    userId,
    kind,
    params: JSON.stringify(params),
    createdAt,
    readAt: null,
  }));
}

/** The roles an action is granted to (its policy line). */
export function rolesOf(action: Action): Role[] {
  const access = accessOf(action);
  return typeof access === 'object' ? (Object.keys(access) as Role[]) : [];
}

/** Who a notification about an object goes to: the accounts `action` lets reach `row` (read: may open it; write: may act on it). */
export interface Audience {
  action: Action;
  reach: Reach;
  // biome-ignore lint/suspicious/noExplicitAny: a repository's view row, read by the reach
  row: Record<string, any>;
  mode: Scope['mode'];
}

/** Of these accounts, those in the audience — the same rule (server/core/scope.ts) that lets them open or act on the object. */
export const inAudience = (accounts: readonly { userId: string; grants: Grant[] }[], a: Audience): string[] =>
  accounts
    .filter(({ userId, grants }) => reaches(scopeFor(a.action, userId, grants, a.mode), a.reach, a.row))
    .map((x) => x.userId);

/**
 * A notification, in the caller's transaction, to every active account in the audience but the
 * caller (who did what it is about); returns how many were written. For the steps that wait on
 * someone: a leave to approve, a return to confirm, an achievement to verify.
 */
export async function notifyAudience(
  ctx: Pick<AppContext, 'db' | 'clock'>,
  audience: Audience,
  kind: NotificationKind,
  params: Record<string, string | number>,
  except: string | null = null,
): Promise<number> {
  const accounts = await repo.activeAccountsWithRoles(ctx.db, rolesOf(audience.action));
  const userIds = inAudience(accounts, audience).filter((id) => id !== except);
  await repo.insertMany(ctx.db, notificationRows(ctx, userIds, kind, params));
  return userIds.length;
}

/** Writes notifications built by `notificationRows`. */
export const saveNotifications = (db: Executor, rows: NotificationsTable[]): Promise<void> =>
  repo.insertMany(db, rows);

/** The caller's own notifications, newest first. */
export async function list(ctx: AppContext, actor: Actor, q: NotificationQuery): Promise<NotificationPage> {
  const { rows, total, unread } = await repo.page(ctx.db, actor.userId, q);
  return { items: rows.map(toNotification), total, page: q.page, pageSize: q.pageSize, unread };
}

/** Marks one of the caller's notifications read (again: no change); another's is not found. */
export async function markRead(ctx: AppContext, actor: Actor, id: string): Promise<Notification> {
  return inTransaction(ctx, async (tx) => {
    const row = await repo.findOwn(tx.db, actor.userId, id);
    if (!row) throw notFound();
    if (row.readAt) return toNotification(row);
    const readAt = isoNow(ctx);
    await repo.markRead(tx.db, actor.userId, id, readAt);
    await record(tx, whoOf(actor), {
      action: 'notifications.markRead',
      objectType: 'notification',
      objectId: id,
      diff: { readAt: { from: null, to: readAt } },
    });
    return toNotification({ ...row, readAt });
  });
}

/** Marks every unread notification of the caller read, in one audited change. */
export async function markAllRead(ctx: AppContext, actor: Actor): Promise<MarkAllRead> {
  return inTransaction(ctx, async (tx) => {
    const readAt = isoNow(ctx);
    const marked = await repo.markAllRead(tx.db, actor.userId, readAt);
    if (marked > 0)
      await record(tx, whoOf(actor), {
        action: 'notifications.markAllRead',
        objectType: 'notification',
        objectId: actor.userId,
        diff: { unread: { from: marked, to: 0 } },
      });
    return { marked };
  });
}
