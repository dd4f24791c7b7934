import type { Rule } from 'antd/es/form';
import type { Translate } from '../../i18n';

/**
 * Client-side hints mirroring the server's rules (the server stays the judge: its 400 details are shown
 * under the same fields). Usernames: 3–32 of `[a-z0-9._-]`; passwords: ≥ 10 with letters and digits.
 */
export const usernameRules = (t: Translate, label: string): Rule[] => [
  { required: true, message: t('form.required', { field: label }) },
  { pattern: /^[a-z0-9][a-z0-9._-]{2,31}$/, message: t('validation.username') },
];

export const passwordRules = (t: Translate, label: string): Rule[] => [
  { required: true, message: t('form.required', { field: label }) },
  {
    validator: (_, value: unknown) =>
      typeof value !== 'string' || value === '' || (value.length >= 10 && /[A-Za-z]/.test(value) && /\d/.test(value))
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
