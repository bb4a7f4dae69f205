import type { Executor } from './database.js';
import type { StatusHistoryTable } from './status-history.table.js';

export async function appendHistory(db: Executor, row: StatusHistoryTable): Promise<void> {
  await db.insertInto('statusHistory').values(row).execute();
}

/** The moves of these records, oldest first, with the display name of who made each. */
export function historyOf(db: Executor, objectType: string, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('statusHistory as h')
    .leftJoin('users as u', 'u.id', 'h.actorId')
    .selectAll('h')
    .select('u.displayName as actorName')
    .where('h.objectType', '=', objectType)
    .where('h.objectId', 'in', ids)
    .orderBy('h.at')
    .orderBy('h.id')
    .execute();
}
