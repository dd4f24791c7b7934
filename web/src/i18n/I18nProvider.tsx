import { createContext, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { DEFAULT_LOCALE, isLocale, LOCALE_RESOURCES, type Locale } from './locales';
import { translate, type Translate } from './translate';
import type { Messages } from './messages.zh-CN';

export interface I18nContextValue {
  readonly locale: Locale;
  readonly setLocale: (locale: Locale) => void;
  readonly t: Translate;
  readonly messages: Messages;
}

export const I18nContext = createContext<I18nContextValue | undefined>(undefined);

const STORAGE_KEY = 'anze.locale';

function initialLocale(): Locale {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (isLocale(stored)) return stored;
  } catch {
    // storage disabled: fall through to the default
  }
  return DEFAULT_LOCALE;
}

/** Chinese by default; the user's choice is remembered in local storage and set as `<html lang>`. */
export function I18nProvider({ children }: { readonly children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);

  const setLocale = useCallback((next: Locale) => {
    setLocaleState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // not remembered, still applied
    }
  }, []);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const value = useMemo<I18nContextValue>(() => {
    const { messages } = LOCALE_RESOURCES[locale];
    return { locale, setLocale, messages, t: (key, values) => translate(messages, key, values) };
  }, [locale, setLocale]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}
