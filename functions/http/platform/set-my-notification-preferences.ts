import { SELF } from '../../../domain/identity/access.js';
import { normalisedPreferences, preferencesSchema } from '../../../domain/notifications/notification.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { inboxOf } from './inbox-of.js';
import { notificationsRoot } from './notifications-composition-root.js';
import { preferencesBody } from './notification-schemas.js';

/**
 * Issue 16: the caller's own choices, replaced whole. IN_APP is always kept (the inbox cannot be turned off);
 * EMAIL without an address, or SMS without a number, sends nothing.
 */
export const setMyNotificationPreferences = defineRoute({
  method: 'PUT',
  path: '/api/v1/me/notification-preferences',
  access: SELF,
  summary: 'Set the caller’s notification preferences',
  tags: ['notifications'],
  body: preferencesBody,
  response: preferencesSchema,
  async handle(input) {
    const preferences = normalisedPreferences({
      kinds: input.body.kinds,
      channels: input.body.channels,
      ...(input.body.email ? { email: input.body.email } : {}),
      ...(input.body.mobile ? { mobile: input.body.mobile } : {}),
    });
    await notificationsRoot().inbox.savePreferences(inboxOf(callerOf(input)), preferences);
    return { body: preferences };
  },
});
