import * as z from 'zod/mini';
import { localDateSchema } from '../kernel/calendar/local-date.js';
import type { UserOrg } from '../platform/user-org.js';

const described = (description: string) => z.meta({ description });

/**
 * What a person can choose to be told about (issue 16), by event family: a deadline near (`…reminder.due`), a
 * deadline passed (`…reminder.overdue`), a complaint against the insurer, a service the enterprise must confirm
 * or sign, a 督办 notice, a mine's monitoring alarm (MON-2). One kind per family, not per rule: a person turns off "reminders", not "SVC-8".
 */
export const NOTIFICATION_KINDS = ['REMINDER_DUE', 'REMINDER_OVERDUE', 'COMPLAINT', 'SERVICE', 'SUPERVISION', 'MONITORING', 'WEBHOOK'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** How a notification reaches a person: in the console's inbox always, and by e-mail and SMS when chosen. */
export const NOTIFICATION_CHANNELS = ['IN_APP', 'EMAIL', 'SMS'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

/** One message in one person's inbox. Its id sorts by the time of the event it tells of (newest first by id). */
export const notificationSchema = z.object({
  id: z.string(),
  kind: z.enum(NOTIFICATION_KINDS),
  title: z.string().check(described('Subject line, in Chinese')),
  body: z.string().check(described("The message in Chinese: the item's name, the due date and what to do")),
  link: z.string().check(described('Where the item opens in the console, e.g. `/insurer/services/<id>`')),
  dueOn: z.optional(localDateSchema),
  createdAt: z.string().check(described('When the event it tells of happened (ISO 8601, UTC)')),
  readAt: z.optional(z.string()),
});
export type Notification = z.output<typeof notificationSchema>;

/** A notification before it has a recipient: what the message rules make of one event. */
export type NotificationDraft = Omit<Notification, 'id' | 'createdAt' | 'readAt'>;

/** A person's choices. IN_APP is always on: an inbox that could be turned off would let reminders vanish. */
export const preferencesSchema = z.object({
  kinds: z.array(z.enum(NOTIFICATION_KINDS)).check(described('The kinds this person is told about; the others are not delivered at all')),
  channels: z.array(z.enum(NOTIFICATION_CHANNELS)).check(described('IN_APP always; EMAIL and SMS when chosen')),
  email: z.optional(z.string().check(described('Where e-mail goes; without one no e-mail is sent'))),
  mobile: z.optional(z.string().check(described('Where SMS goes (no SMS provider is wired yet)'))),
});
export type NotificationPreferences = z.output<typeof preferencesSchema>;

/** Until a person says otherwise: every kind, in the inbox and by e-mail (sent only once an address is given). */
export const DEFAULT_PREFERENCES: NotificationPreferences = { kinds: [...NOTIFICATION_KINDS], channels: ['IN_APP', 'EMAIL'] };

/** Whoever receives: a user of one organisation (the inbox lives under that organisation's keys). */
export interface Recipient {
  readonly userId: string;
  readonly org: UserOrg;
  readonly displayName: string;
}

/**
 * The notification of `draft` for the event `eventId` that happened at `occurredAt`. The id is derived from both,
 * never drawn at random, so a redelivered event makes the same id and the inbox adds nothing (idempotent per
 * event and recipient).
 */
export function notificationIdOf(occurredAt: string, eventId: string): string {
  return `${occurredAt.replace(/[^0-9]/g, '').slice(0, 17)}-${eventId}`;
}

/** Preferences as stored or as sent: IN_APP is added whatever was asked, repeats are dropped. */
export function normalisedPreferences(preferences: NotificationPreferences): NotificationPreferences {
  const channels = NOTIFICATION_CHANNELS.filter((channel) => channel === 'IN_APP' || preferences.channels.includes(channel));
  const kinds = NOTIFICATION_KINDS.filter((kind) => preferences.kinds.includes(kind));
  const email = preferences.email?.trim();
  const mobile = preferences.mobile?.trim();
  return { kinds, channels, ...(email ? { email } : {}), ...(mobile ? { mobile } : {}) };
}
