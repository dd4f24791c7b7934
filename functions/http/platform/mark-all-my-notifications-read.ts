import { SELF } from '../../../domain/identity/access.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { inboxOf } from './inbox-of.js';
import { notificationsRoot } from './notifications-composition-root.js';
import { readAllResponse } from './notification-schemas.js';

/** Issue 16: every unread notification of the caller read at once. */
export const markAllMyNotificationsRead = defineRoute({
  method: 'POST',
  path: '/api/v1/me/notifications/read-all',
  access: SELF,
  summary: 'Mark all of the caller’s notifications read',
  tags: ['notifications'],
  response: readAllResponse,
  async handle(input) {
    const { inbox, clock } = notificationsRoot();
    const owner = inboxOf(callerOf(input));
    const marked = await inbox.markAllRead(owner, clock.now().toISOString());
    const { unread } = await inbox.list(owner, { limit: 1 });
    return { body: { marked, unread } };
  },
});
