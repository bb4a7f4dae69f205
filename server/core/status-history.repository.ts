import type { Executor } from './database.js';
import type { StatusHistoryTable } from './status-history.table.js';

/**
 * Appends a record's next move. Called after the record's versioned update in the same
 * transaction, so two moves of one record never number themselves alike.
 */
export async function appendHistory(db: Executor, row: Omit<StatusHistoryTable, 'seq'>): Promise<void> {
  const last = await db
    .selectFrom('statusHistory')
    .select((eb) => eb.fn.max<number | null>('seq').as('seq'))
    .where('objectType', '=', row.objectType)
    .where('objectId', '=', row.objectId)
    .executeTakeFirst();
  await db
    .insertInto('statusHistory')
    .values({ ...row, seq: Number(last?.seq ?? 0) + 1 })
    .execute();
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
    .orderBy('h.objectId')
    .orderBy('h.seq')
    .execute();
}
