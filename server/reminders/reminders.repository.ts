import type { Executor } from '../core/database.js';
import type { RemindersSentTable } from './reminders.table.js';

/**
 * Claims reminders: inserts each (kind, objectId, recipient, dueKey) not sent before and returns
 * the recipients it inserted. The primary key decides — a row another run or instance wrote
 * first, even one committing at this moment, is skipped (PostgreSQL waits for that commit).
 */
export async function claim(db: Executor, rows: RemindersSentTable[]): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const inserted = await db
    .insertInto('remindersSent')
    .values(rows)
    .onConflict((oc) => oc.columns(['kind', 'objectId', 'recipient', 'dueKey']).doNothing())
    .returning('recipient')
    .execute();
  return new Set(inserted.map((r) => r.recipient));
}
