import type { Selectable } from 'kysely';

/** One reminder sent to one account; the key (kind, objectId, recipient, dueKey) is unique. */
export interface RemindersSentTable {
  kind: string;
  objectId: string;
  recipient: string;
  /** The occasion: a new end date or a new submission is a new reminder. */
  dueKey: string;
  notificationId: string;
  /** The China date of the run that sent it. */
  sentOn: string;
  createdAt: string;
}

export interface RemindersTables {
  remindersSent: RemindersSentTable;
}

export type ReminderSentRow = Selectable<RemindersSentTable>;
