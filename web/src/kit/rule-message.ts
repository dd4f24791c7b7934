import type { FieldIssue } from '../api/api-error';
import type { MessageKey, Messages } from '../i18n/messages.zh-CN';
import type { Translate } from '../i18n/translate';

/**
 * The console's own wording for a field issue that names a DOMAIN.md rule, so a Chinese console does not
 * show the server's English text: `rule.<id>.<field>` when the catalogue words the rule for that field
 * (`rule.UW-3.employeesCovered` — UW-3 also governs the insured amount; list items as `*`:
 * `rule.QUAL-2.majorViolations.*.decidedOn`), else `rule.<id>` (`rule.UW-2`); other issues keep the server's
 * message. Staff see the rule id: it is what support and the regulator quote; enterprises do not (issue 15).
 */
export function describeFieldIssue(issue: FieldIssue, t: Translate, messages: Messages, options: { readonly showRuleId?: boolean } = {}): string {
  if (!issue.rule) return issue.message;
  const text = ruleText(issue.rule, issue.field, issue.message, t, messages);
  // An enterprise reads the rule's words, not its id (issue 15: rule jargon such as CMP-8 shown to enterprises).
  if (options.showRuleId === false) return text.replace(new RegExp(`^${issue.rule}:\\s*`), '');
  // The server's own message already starts with the rule id (`UW-4: …`): not twice.
  return text === issue.message && text.startsWith(`${issue.rule}:`) ? text : `${text}（${issue.rule}）`;
}

/** The catalogue's text for a rule (at a field), or the server's message when the catalogue has none. */
export function ruleText(rule: string, field: string | undefined, fallback: string, t: Translate, messages: Messages): string {
  const candidates = field ? [`rule.${rule}.${field}`, `rule.${rule}.${field.replace(/\.\d+(?=\.|$)/g, '.*')}`, `rule.${rule}`] : [`rule.${rule}`];
  const key = candidates.find((candidate) => candidate in messages);
  return key ? t(key as MessageKey) : fallback;
}
