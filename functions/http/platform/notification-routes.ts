import type { RouteSpec } from '../../middleware/route.js';
import { getMyNotificationPreferences } from './get-my-notification-preferences.js';
import { listMyNotifications } from './list-my-notifications.js';
import { markAllMyNotificationsRead } from './mark-all-my-notifications-read.js';
import { markMyNotificationRead } from './mark-my-notification-read.js';
import { setMyNotificationPreferences } from './set-my-notification-preferences.js';

/** Issue 16: every person's own inbox and notification preferences, served by the platform function. */
export const notificationRoutes: readonly RouteSpec[] = [
  listMyNotifications,
  markAllMyNotificationsRead,
  markMyNotificationRead,
  getMyNotificationPreferences,
  setMyNotificationPreferences,
];
