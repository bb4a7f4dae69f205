import type { Selectable } from 'kysely';

export interface NotificationsTable {
  id: string;
  /** The account it is for: only that account reads it. */
  userId: string;
  /** A `NotificationKind`: the catalogue message `notification.<kind>`. */
  kind: string;
  /** JSON object filling the message's placeholders. */
  params: string;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationsTables {
  notifications: NotificationsTable;
}

export type NotificationRow = Selectable<NotificationsTable>;
