import type { UserOrg } from '../platform/user-org.js';
import type { Notification, NotificationPreferences } from './notification.js';

export interface InboxPage {
  readonly items: readonly Notification[];
  readonly nextCursor?: string;
  /** How many of the whole inbox are unread (not only of this page). */
  readonly unread: number;
  /** Issue 15: how many notifications the inbox holds, on its first page. */
  readonly total?: number;
}

/** One person's inbox: its key is built from the person's own organisation and id, taken from the token. */
export interface InboxOwner {
  readonly org: UserOrg;
  readonly userId: string;
}

/** Port of the inbox; the DynamoDB adapter implements it (functions/adapters/dynamodb/notifications.repository.ts). */
export interface InboxRepository {
  /**
   * Stores the notification and counts it unread, in one transaction. False when this notification (same event,
   * same person) is already there: a redelivered event adds nothing.
   */
  deliver(owner: InboxOwner, notification: Notification): Promise<boolean>;
  list(owner: InboxOwner, query: { readonly limit: number; readonly cursor?: string; readonly withTotal?: boolean }): Promise<InboxPage>;
  /** Marks one read; a notification already read stays as it was. NotFound when the person has no such notification. */
  markRead(owner: InboxOwner, notificationId: string, at: string): Promise<Notification>;
  /** Marks every unread one read; answers how many it marked. */
  markAllRead(owner: InboxOwner, at: string): Promise<number>;
  preferences(owner: InboxOwner): Promise<NotificationPreferences | undefined>;
  savePreferences(owner: InboxOwner, preferences: NotificationPreferences): Promise<void>;
}
