export { I18nProvider } from './I18nProvider';
export { useI18n } from './useI18n';
export { LOCALES, DEFAULT_LOCALE, isLocale, loadLocale, storedLocale, type Locale, type LocaleResources } from './locales';
export type { MessageKey, Messages } from './messages.zh-CN';
export type { Translate, MessageValues } from './translate';
export { formatFen, formatInstant, formatWhole, fileStamp, TIME_ZONE } from './format';
