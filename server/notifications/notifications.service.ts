import { randomUUID } from 'node:crypto';
import type { Role } from '../../common/auth/auth.schema.js';
import type { MessageKey } from '../../common/i18n/index.js';
import { t } from '../../common/i18n/index.js';
import type {
  Notification,
  NotificationKind,
  NotificationPage,
  NotificationQuery,
} from '../../common/notifications/notifications.schema.js';
import { record, whoOf } from '../audit/audit.service.js';
import type { Actor, AppContext } from '../core/context.js';
import { isoNow } from '../core/context.js';
import { notFound } from '../core/errors.js';
import { inTransaction } from '../core/transaction.js';
import * as repo from './notifications.repository.js';
import type { NotificationRow } from './notifications.table.js';

const toNotification = (row: NotificationRow): Notification => ({
  id: row.id,
  kind: row.kind as NotificationKind,
  message: t(
    `notification.${row.kind}` as MessageKey,
    JSON.parse(row.params) as Record<string, string | number>,
  ),
  createdAt: row.createdAt,
  readAt: row.readAt,
});

/** One notification for every active account holding `role`; returns how many were written. */
export async function notifyRole(
  ctx: Pick<AppContext, 'db' | 'clock'>,
  role: Role,
  kind: NotificationKind,
  params: Record<string, string | number>,
): Promise<number> {
  const { db } = ctx;
  const userIds = await repo.activeUserIdsWithRole(db, role);
  const createdAt = isoNow(ctx);
  await repo.insertMany(
    db,
    userIds.map((userId) => ({
      id: randomUUID(),
      userId,
      kind,
      params: JSON.stringify(params),
      createdAt,
      readAt: null,
    })),
  );
  return userIds.length;
}

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
