import type { Locale as AntdLocale } from 'antd/es/locale';
import { createContext, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { DEFAULT_LOCALE, loadedLocale, loadLocale, rememberLocale, storedLocale, type Locale, type LocaleResources } from './locales';
import { translate, type Translate } from './translate';
import type { Messages } from './messages.zh-CN';

export interface I18nContextValue {
  readonly locale: Locale;
  readonly setLocale: (locale: Locale) => void;
  readonly t: Translate;
  readonly messages: Messages;
  /** antd's own texts in this locale (for `ConfigProvider locale`). */
  readonly antdLocale: AntdLocale;
}

export const I18nContext = createContext<I18nContextValue | undefined>(undefined);

/**
 * Chinese by default; the user's choice is remembered in local storage and set as `<html lang>`. A locale
 * not loaded yet (English: loaded on demand, see locales.ts) is switched to once its catalogue has arrived;
 * main.tsx loads a remembered one before the first render.
 */
export function I18nProvider({ children }: { readonly children: ReactNode }) {
  const [current, setCurrent] = useState<{ locale: Locale; resources: LocaleResources }>(() => {
    const wanted = storedLocale();
    const resources = loadedLocale(wanted);
    if (resources) return { locale: wanted, resources };
    return { locale: DEFAULT_LOCALE, resources: loadedLocale(DEFAULT_LOCALE) as LocaleResources };
  });
  const latest = useRef<Locale>(current.locale);

  const setLocale = useCallback((next: Locale) => {
    latest.current = next;
    rememberLocale(next);
    void loadLocale(next).then((resources) => {
      // A later choice wins over a slower earlier load.
      if (latest.current === next) setCurrent({ locale: next, resources });
    });
  }, []);

  useEffect(() => {
    document.documentElement.lang = current.locale;
  }, [current.locale]);

  const value = useMemo<I18nContextValue>(() => {
    const { messages, antd } = current.resources;
    return { locale: current.locale, setLocale, messages, antdLocale: antd, t: (key, values) => translate(messages, key, values) };
  }, [current, setLocale]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}
