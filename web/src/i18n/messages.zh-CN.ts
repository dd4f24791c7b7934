import { commonZhCN } from './messages-common.zh-CN';
import { calendarZhCN } from './messages-calendar.zh-CN';
import { complaintsZhCN } from './messages-complaints.zh-CN';
import { feesZhCN } from './messages-fees.zh-CN';
import { platformZhCN } from './messages-platform.zh-CN';
import { registerZhCN } from './messages-register.zh-CN';
import { ruleSetsZhCN } from './messages-rule-sets.zh-CN';
import { servicesZhCN } from './messages-services.zh-CN';
import { overviewZhCN } from './messages-overview.zh-CN';
import { homeZhCN } from './messages-home.zh-CN';
import { notificationsZhCN } from './messages-notifications.zh-CN';
import { syncZhCN } from './messages-sync.zh-CN';
import { webhooksZhCN } from './messages-webhooks.zh-CN';
import { monitoringZhCN } from './messages-monitoring.zh-CN';
import { claimsZhCN } from './messages-claims.zh-CN';
import { reportsZhCN } from './messages-reports.zh-CN';
import { evaluationsZhCN } from './messages-evaluations.zh-CN';
import { archiveFolderZhCN } from './messages-archive-folder.zh-CN';
import { noticesZhCN } from './messages-notices.zh-CN';
import { supervisionZhCN } from './messages-supervision.zh-CN';
import { underwritingZhCN } from './messages-underwriting.zh-CN';

/**
 * The console's Chinese messages, the reference catalogue, assembled from one catalogue per context
 * (messages-<context>.zh-CN.ts): its keys define `MessageKey`, and messages.en-US.ts must have exactly the
 * same keys (checked by the compiler). `{name}` placeholders are filled by `t(key, { name })`.
 */
export const zhCN = {
  ...commonZhCN,
  ...platformZhCN,
  ...calendarZhCN,
  ...complaintsZhCN,
  ...underwritingZhCN,
  ...registerZhCN,
  ...ruleSetsZhCN,
  ...feesZhCN,
  ...servicesZhCN,
  ...supervisionZhCN,
  ...noticesZhCN,
  ...overviewZhCN,
  ...homeZhCN,
  ...notificationsZhCN,
  ...syncZhCN,
  ...webhooksZhCN,
  ...monitoringZhCN,
  ...claimsZhCN,
  ...reportsZhCN,
  ...evaluationsZhCN,
  ...archiveFolderZhCN,
} as const satisfies Record<string, string>;

export type MessageKey = keyof typeof zhCN;

/** A complete catalogue: every key of the Chinese reference, no more, no less. */
export type Messages = Readonly<Record<MessageKey, string>>;
