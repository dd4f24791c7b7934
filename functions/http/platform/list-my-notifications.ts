import { SELF } from '../../../domain/identity/access.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { inboxOf } from './inbox-of.js';
import { notificationsRoot } from './notifications-composition-root.js';
import { listNotificationsQuery, notificationPageSchema } from './notification-schemas.js';

/** Issue 16: the caller's inbox, newest first, with the unread count of the whole inbox (the bell's badge). */
export const listMyNotifications = defineRoute({
  method: 'GET',
  path: '/api/v1/me/notifications',
  access: SELF,
  summary: "The caller's notifications, newest first, and how many are unread",
  tags: ['notifications'],
  query: listNotificationsQuery,
  response: notificationPageSchema,
  async handle(input) {
    const page = await notificationsRoot().inbox.list(inboxOf(callerOf(input)), { limit: input.query.limit, cursor: input.query.cursor, withTotal: true });
    return { body: page };
  },
});
