import { ApiError } from '../api/api-error';
import type { Translate } from '../i18n/translate';

/** Han characters: how a message written for a Chinese reader is told from the API's English one. */
const HAN = /\p{Script=Han}/u;

/**
 * One sentence for a failed call, in the console's language: what the user can do about it, with the
 * server's own message and the rule id appended when they add something. The server's message is written
 * for API clients, in English; it is appended only when it is in the console's script (issue 15: no English
 * sentences in the Chinese console) — the rule id, which support and regulators quote, stays.
 */
export function describeApiError(error: unknown, t: Translate): string {
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : String(error);
  const withServerMessage = (text: string): string =>
    error.message && error.message !== text && HAN.test(error.message) === HAN.test(text)
      ? `${text}（${t('form.error.serverSays', { message: error.message })}）`
      : text;
  switch (error.status) {
    case 0:
      return t('form.error.network');
    case 400:
      return withServerMessage(error.fieldIssues.length > 0 ? t('form.error.fields') : t('form.error.title'));
    case 403:
      // ACL-3 (issue 15): the whole insurer is suspended — a sentence of its own, not "you may not do this".
      if (error.code === 'TENANT_SUSPENDED') return t('form.error.tenantSuspended');
      return withServerMessage(t('form.error.forbidden'));
    case 404:
      return t('form.error.notFound');
    case 409: {
      const rule = error.rule;
      return withServerMessage(rule ? `${t('form.error.conflict')} · ${t('form.error.rule', { rule })}` : t('form.error.conflict'));
    }
    case 412:
      return t('form.error.stale');
    case 429:
      return t('form.error.tooMany');
    default:
      return t('form.error.server', { status: error.status });
  }
}
