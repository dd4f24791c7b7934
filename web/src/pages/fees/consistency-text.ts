import { formatFen, formatWhole } from '../../i18n/format';
import type { MessageKey, Messages } from '../../i18n/messages.zh-CN';
import type { Translate } from '../../i18n/translate';

/**
 * FEE-2's consistency check, one difference as a sentence: the total named by the catalogue and its figures
 * as money (`…Fen`) or counts (issue 15: the field code and raw fen were shown).
 */
export function differenceText(difference: { readonly field: string; readonly stored: number; readonly recomputed: number }, t: Translate, messages: Messages): string {
  const key = `fee.check.field.${difference.field}`;
  const label = key in messages ? t(key as MessageKey) : difference.field;
  const value = (amount: number): string => (difference.field.endsWith('Fen') ? formatFen(amount, t('money.unit')) : formatWhole(amount));
  return t('fee.check.difference', { field: label, stored: value(difference.stored), recomputed: value(difference.recomputed) });
}
