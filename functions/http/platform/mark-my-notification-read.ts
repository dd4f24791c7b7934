import { SELF } from '../../../domain/identity/access.js';
import { notificationSchema } from '../../../domain/notifications/notification.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { inboxOf } from './inbox-of.js';
import { notificationsRoot } from './notifications-composition-root.js';
import { notificationIdParams } from './notification-schemas.js';

/** Issue 16: one of the caller's notifications read; another person's id answers 404 like a missing one. */
export const markMyNotificationRead = defineRoute({
  method: 'POST',
  path: '/api/v1/me/notifications/{notificationId}/read',
  access: SELF,
  summary: 'Mark one of the caller’s notifications read',
  tags: ['notifications'],
  params: notificationIdParams,
  response: notificationSchema,
  async handle(input) {
    const { inbox, clock } = notificationsRoot();
    return { body: await inbox.markRead(inboxOf(callerOf(input)), input.params.notificationId, clock.now().toISOString()) };
  },
});
