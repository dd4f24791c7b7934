import type { Translate } from '../../i18n';
import type { MessageKey } from '../../i18n/messages.zh-CN';
import { SERVICE_TYPES } from '../../reference/domain';

/**
 * A service organisation's scope tags as a person reads them (issue 15: `HAZARD_INSPECTION` leaked into the
 * Chinese UI): a tag naming a service type is shown by the type's name (隐患排查); free text stays as typed.
 */
export function scopeText(scope: readonly string[], t: Translate): string {
  return scope.map((tag) => ((SERVICE_TYPES as readonly string[]).includes(tag) ? t(`svc.type.${tag}` as MessageKey) : tag)).join('、');
}
