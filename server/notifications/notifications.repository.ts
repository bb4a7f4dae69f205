import type { Role } from '../../common/auth/auth.schema.js';
import type { NotificationQuery } from '../../common/notifications/notifications.schema.js';
import { insertRows } from '../core/bulk-insert.js';
import type { Executor } from '../core/database.js';
import type { Grant } from '../core/scope.js';
import type { NotificationRow, NotificationsTable } from './notifications.table.js';

export async function insertMany(db: Executor, rows: NotificationsTable[]): Promise<void> {
  if (rows.length > 0) await insertRows(db, 'notifications', rows);
}

/** The active accounts holding a role. */
export async function activeUserIdsWithRole(db: Executor, role: string): Promise<string[]> {
  const rows = await db
    .selectFrom('userRoles')
    .innerJoin('users', 'users.id', 'userRoles.userId')
    .select('users.id')
    .distinct()
    .where('userRoles.role', '=', role)
    .where('users.active', '=', 1)
    .orderBy('users.id')
    .execute();
  return rows.map((r) => r.id);
}

function own(db: Executor, userId: string, unreadOnly: boolean) {
  let query = db.selectFrom('notifications').where('userId', '=', userId);
  if (unreadOnly) query = query.where('readAt', 'is', null);
  return query;
}

const count = async (query: ReturnType<typeof own>) =>
  Number((await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

export async function page(
  db: Executor,
  userId: string,
  q: NotificationQuery,
): Promise<{ rows: NotificationRow[]; total: number; unread: number }> {
  const rows = await own(db, userId, q.unread === true)
    .selectAll()
    .orderBy('createdAt', 'desc')
    .orderBy('id', 'desc')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  const [total, unread] = await Promise.all([
    count(own(db, userId, q.unread === true)),
    count(own(db, userId, true)),
  ]);
  return { rows, total, unread };
}

export function findOwn(db: Executor, userId: string, id: string): Promise<NotificationRow | undefined> {
  return own(db, userId, false).selectAll().where('id', '=', id).executeTakeFirst();
}

export async function markRead(db: Executor, userId: string, id: string, at: string): Promise<void> {
  await db
    .updateTable('notifications')
    .set({ readAt: at })
    .where('id', '=', id)
    .where('userId', '=', userId)
    .where('readAt', 'is', null)
    .execute();
}

/** Marks all of an account's unread notifications read; how many were. */
export async function markAllRead(db: Executor, userId: string, at: string): Promise<number> {
  const result = await db
    .updateTable('notifications')
    .set({ readAt: at })
    .where('userId', '=', userId)
    .where('readAt', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** The active accounts holding any of these roles, with their grants (reminders find recipients by scope). */
export async function activeAccountsWithRoles(
  db: Executor,
  roles: readonly string[],
): Promise<{ userId: string; grants: Grant[] }[]> {
  if (roles.length === 0) return [];
  const rows = await db
    .selectFrom('userRoles as g')
    .innerJoin('users as u', 'u.id', 'g.userId')
    .select(['g.userId', 'g.role', 'g.regionCode', 'g.unitId', 'g.programmeIds'])
    .where('g.role', 'in', [...roles])
    .where('u.active', '=', 1)
    .orderBy('g.userId')
    .orderBy('g.role')
    .execute();
  const byUser = new Map<string, Grant[]>();
  for (const r of rows) {
    const grants = byUser.get(r.userId) ?? [];
    grants.push({
      role: r.role as Role,
      regionCode: r.regionCode,
      unitId: r.unitId,
      programmeIds: r.programmeIds ? (JSON.parse(r.programmeIds) as string[]) : null,
    });
    byUser.set(r.userId, grants);
  }
  return [...byUser].map(([userId, grants]) => ({ userId, grants }));
}
