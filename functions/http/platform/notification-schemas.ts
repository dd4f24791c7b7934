import * as z from 'zod/mini';
import { NOTIFICATION_CHANNELS, NOTIFICATION_KINDS, notificationSchema } from '../../../domain/notifications/notification.js';
import { idParam, pageQuery, pageTotal } from '../zod.js';

export const notificationIdParams = z.object({ notificationId: idParam });
export const listNotificationsQuery = z.object(pageQuery);

export const notificationPageSchema = z.object({
  items: z.array(notificationSchema),
  nextCursor: z.optional(z.string()),
  unread: z.number().check(z.meta({ description: 'Unread notifications in the whole inbox' })),
  total: pageTotal,
});

export const readAllResponse = z.object({ marked: z.number(), unread: z.number() });

/** A Chinese mobile number: 11 digits starting 1[3-9]. */
const MOBILE = /^1[3-9]\d{9}$/;

export const preferencesBody = z.strictObject({
  kinds: z.array(z.enum(NOTIFICATION_KINDS)).check(z.maxLength(NOTIFICATION_KINDS.length)),
  channels: z.array(z.enum(NOTIFICATION_CHANNELS)).check(z.maxLength(NOTIFICATION_CHANNELS.length)),
  email: z.optional(z.union([z.literal(''), z.email('email: not an e-mail address').check(z.maxLength(254))])),
  mobile: z.optional(z.union([z.literal(''), z.string().check(z.regex(MOBILE, 'mobile: not a mobile number (11 digits, 1[3-9]…)'))])),
});
