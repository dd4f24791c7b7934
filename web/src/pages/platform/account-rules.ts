import type { Rule } from 'antd/es/form';
// The platform's one password policy, the very constant the API and the Cognito user pool are built from:
// a dependency-free module, so the console imports it rather than keeping a copy that could drift.
import { PASSWORD_RULE } from '../../reference/domain';
import type { Translate } from '../../i18n';

/**
 * Client-side hints mirroring the server's rules (the server stays the judge: its 400 details are shown
 * under the same fields). Usernames: 3–32 of `[a-z0-9._-]`; passwords: {@link PASSWORD_RULE} — at least 12
 * characters with upper- and lower-case letters, a digit and a symbol, no space at either end.
 */
export const usernameRules = (t: Translate, label: string): Rule[] => [
  { required: true, message: t('form.required', { field: label }) },
  { pattern: /^[a-z0-9][a-z0-9._-]{2,31}$/, message: t('validation.username') },
];

/** Whether the platform accepts `password` (the API and Cognito refuse exactly what this refuses). */
export const isAcceptablePassword = (password: string): boolean => PASSWORD_RULE.test(password);

export const passwordRules = (t: Translate, label: string): Rule[] => [
  { required: true, message: t('form.required', { field: label }) },
  {
    validator: (_, value: unknown) =>
      typeof value !== 'string' || value === '' || isAcceptablePassword(value)
        ? Promise.resolve()
        : Promise.reject(new Error(t('validation.password'))),
  },
];

export const requiredRule = (t: Translate, label: string): Rule => ({ required: true, whitespace: true, message: t('form.required', { field: label }) });

/** Names of organisations and people: required, at least 2 characters (as the server checks). */
export const nameRules = (t: Translate, label: string): Rule[] => [
  requiredRule(t, label),
  { min: 2, message: t('validation.minLength', { min: 2 }) },
];
export const requiredSelectRule = (t: Translate, label: string): Rule => ({ required: true, message: t('form.select', { field: label }) });

/** USCC shape only (18 characters of the GB 32100 alphabet); the check digit is the server's to verify. */
export const usccRules = (t: Translate, label: string): Rule[] => [
  requiredRule(t, label),
  { pattern: /^[0-9A-HJ-NP-RTUW-Y]{18}$/, message: t('validation.uscc') },
];
