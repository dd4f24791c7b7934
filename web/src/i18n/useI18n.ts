import { useContext } from 'react';
import { I18nContext, type I18nContextValue } from './I18nProvider';

/** `const { t, locale, setLocale } = useI18n();` inside the I18nProvider. */
export function useI18n(): I18nContextValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
