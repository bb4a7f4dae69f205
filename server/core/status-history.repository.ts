import type { Executor } from './database.js';
import type { StatusHistoryTable } from './status-history.table.js';

/**
 * Appends a record's next move. Called after the record's versioned update in the same
 * transaction, so two moves of one record never number themselves alike.
 */
export async function appendHistory(db: Executor, row: Omit<StatusHistoryTable, 'seq'>): Promise<void> {
  await db
    .insertInto('statusHistory')
    .values({ ...row, seq: (await lastSeq(db, row.objectType, row.objectId)) + 1 })
    .execute();
}

/** The number of a record's latest move (0 before any): what a capability's own move rows refer to. */
export async function lastSeq(db: Executor, objectType: string, objectId: string): Promise<number> {
  const last = await db
    .selectFrom('statusHistory')
    .select((eb) => eb.fn.max<number | null>('seq').as('seq'))
    .where('objectType', '=', objectType)
    .where('objectId', '=', objectId)
    .executeTakeFirst();
  return Number(last?.seq ?? 0);
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
