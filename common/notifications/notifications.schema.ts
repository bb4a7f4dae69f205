import { z } from 'zod';
import { zPage, zPageQuery, zQueryBool } from '../http/paging.schema.js';

/** What a notification is about; each kind is a catalogue message `notification.<kind>`. */
export const NOTIFICATION_KINDS = [
  'audit.chainBroken',
  'auth.accountLocked',
  'security.denialBurst',
  'security.rateLimitBurst',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const zNotificationQuery = zPageQuery
  .omit({ order: true })
  .extend({ unread: zQueryBool.optional() })
  .strict();
export type NotificationQuery = z.output<typeof zNotificationQuery>;

export const zNotification = z.object({
  id: z.string(),
  kind: z.enum(NOTIFICATION_KINDS),
  /** The text to show, in Chinese, written from the kind and its parameters when read. */
  message: z.string(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type Notification = z.infer<typeof zNotification>;

/** The caller's own notifications, newest first, with how many are unread in all. */
export const zNotificationPage = zPage(zNotification).extend({ unread: z.number().int() });
export type NotificationPage = z.infer<typeof zNotificationPage>;
