import type { ComplaintStatus } from '../../api';
import type { MessageKey, Messages, Translate } from '../../i18n';

export function complaintStatusText(status: ComplaintStatus, t: Translate): string {
  return t(`complaint.status.${status}`);
}

/**
 * The console's summary of a complaint rule (`complaint.rule.CMP-4`), shown beside a refusal that names it;
 * undefined for rules without one.
 */
export function complaintRuleText(rule: string | undefined, t: Translate, messages: Messages): string | undefined {
  if (!rule) return undefined;
  const key = `complaint.rule.${rule}`;
  return key in messages ? t(key as MessageKey) : undefined;
}
