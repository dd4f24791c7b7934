import { SELF } from '../../../domain/identity/access.js';
import { DEFAULT_PREFERENCES, preferencesSchema } from '../../../domain/notifications/notification.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { inboxOf } from './inbox-of.js';
import { notificationsRoot } from './notifications-composition-root.js';

/** Issue 16: which kinds the caller is told about and by which channels (every kind, in-app and e-mail, until set). */
export const getMyNotificationPreferences = defineRoute({
  method: 'GET',
  path: '/api/v1/me/notification-preferences',
  access: SELF,
  summary: 'The caller’s notification preferences',
  tags: ['notifications'],
  response: preferencesSchema,
  async handle(input) {
    return { body: (await notificationsRoot().inbox.preferences(inboxOf(callerOf(input)))) ?? DEFAULT_PREFERENCES };
  },
});
