import type { MessageKey, Messages } from '../../i18n/messages.zh-CN';
import type { Translate } from '../../i18n/translate';

/** A criterion as the API answers it (or as the domain computes it, for tests). */
interface Findings {
  readonly reason: string;
  readonly findings: readonly { readonly code: string; readonly params: Readonly<Record<string, string | number>> }[];
}

/** The catalogue key of a finding (QUAL-1..6, BLK-1), or `undefined` for a code this console does not know yet. */
export function findingKey(code: string, messages: Messages): MessageKey | undefined {
  const key = `qual.finding.${code}`;
  return key in messages ? (key as MessageKey) : undefined;
}

/**
 * QUAL-1..6, BLK-1: a criterion's findings as one sentence in the console's language (issue 15: the server's
 * English `reason` was shown in the Chinese console). A code the catalogue lacks (a newer server) falls back to
 * the server's reason rather than to nothing.
 */
export function criterionText(criterion: Findings, t: Translate, messages: Messages): string {
  const parts = criterion.findings.map((finding) => {
    const key = findingKey(finding.code, messages);
    return key === undefined ? undefined : t(key, finding.params);
  });
  if (parts.length === 0 || parts.some((part) => part === undefined)) return criterion.reason;
  return `${parts.join('；')}。`;
}
