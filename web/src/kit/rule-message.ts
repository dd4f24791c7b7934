import type { FieldIssue } from '../api/api-error';
import type { MessageKey, Messages } from '../i18n/messages.zh-CN';
import type { Translate } from '../i18n/translate';

/**
 * The console's own wording for a field issue that names a DOMAIN.md rule (`rule.UW-2` in the
 * catalogue), so a Chinese console does not show the server's English text; other issues keep the
 * server's message. The rule id is always appended: it is what support and the regulator quote.
 */
export function describeFieldIssue(issue: FieldIssue, t: Translate, messages: Messages): string {
  const key = `rule.${issue.rule ?? ''}`;
  const text = issue.rule && key in messages ? t(key as MessageKey) : issue.message;
  return issue.rule ? `${text}（${issue.rule}）` : text;
}
