import { commonEnUS } from './messages-common.en-US';
import { calendarEnUS } from './messages-calendar.en-US';
import { complaintsEnUS } from './messages-complaints.en-US';
import { feesEnUS } from './messages-fees.en-US';
import { platformEnUS } from './messages-platform.en-US';
import { registerEnUS } from './messages-register.en-US';
import { ruleSetsEnUS } from './messages-rule-sets.en-US';
import { servicesEnUS } from './messages-services.en-US';
import { overviewEnUS } from './messages-overview.en-US';
import { homeEnUS } from './messages-home.en-US';
import { notificationsEnUS } from './messages-notifications.en-US';
import { syncEnUS } from './messages-sync.en-US';
import { webhooksEnUS } from './messages-webhooks.en-US';
import { monitoringEnUS } from './messages-monitoring.en-US';
import { claimsEnUS } from './messages-claims.en-US';
import { reportsEnUS } from './messages-reports.en-US';
import { evaluationsEnUS } from './messages-evaluations.en-US';
import { archiveFolderEnUS } from './messages-archive-folder.en-US';
import { noticesEnUS } from './messages-notices.en-US';
import { supervisionEnUS } from './messages-supervision.en-US';
import { underwritingEnUS } from './messages-underwriting.en-US';
import type { Messages } from './messages.zh-CN';

/** English messages, assembled like messages.zh-CN.ts; the `Messages` type makes a missing or extra key a compile error. */
export const enUS: Messages = {
  ...commonEnUS,
  ...platformEnUS,
  ...calendarEnUS,
  ...complaintsEnUS,
  ...underwritingEnUS,
  ...registerEnUS,
  ...ruleSetsEnUS,
  ...feesEnUS,
  ...servicesEnUS,
  ...supervisionEnUS,
  ...noticesEnUS,
  ...overviewEnUS,
  ...homeEnUS,
  ...notificationsEnUS,
  ...syncEnUS,
  ...webhooksEnUS,
  ...monitoringEnUS,
  ...claimsEnUS,
  ...reportsEnUS,
  ...evaluationsEnUS,
  ...archiveFolderEnUS,
};
