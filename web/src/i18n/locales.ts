import type { Locale as AntdLocale } from 'antd/es/locale';
import antdZhCN from 'antd/es/locale/zh_CN';
import { commonZhCN } from './messages-common.zh-CN';
import type { Messages } from './messages.zh-CN';

export const LOCALES = ['zh-CN', 'en-US'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

export const isLocale = (value: unknown): value is Locale =>
  typeof value === 'string' && (LOCALES as readonly string[]).includes(value);

/** A locale's catalogue and the matching antd locale (its components' own texts). */
export interface LocaleResources {
  readonly messages: Messages;
  readonly antd: AntdLocale;
}

/**
 * Chinese as the sign-in page has it: the common messages only (app, sign-in, language, header, forms), the
 * rest of the catalogue (≈23 KB of brotli) arriving with the console shell (app/router.tsx) or, on any other
 * first page, before the first render (main.tsx) — issue 15, first visit. Filled in place by
 * `loadLocale('zh-CN')`, so whoever holds it reads every message once the catalogue is there.
 */
const zhCNMessages: Record<string, string> = { ...commonZhCN };
const zhCNResources: LocaleResources = { messages: zhCNMessages as Messages, antd: antdZhCN };

/** Locales whose whole catalogue has arrived. */
const loaded = new Map<Locale, LocaleResources>();

/**
 * Each locale's whole catalogue, loaded when needed (issue 15, first visit: the English catalogue is ≈15 KB
 * of brotli that nearly every user never reads; the sign-in page needs the common Chinese messages only).
 */
const loaders: Readonly<Record<Locale, () => Promise<LocaleResources>>> = {
  'zh-CN': async () => {
    const { zhCN } = await import('./messages.zh-CN');
    Object.assign(zhCNMessages, zhCN);
    return zhCNResources;
  },
  'en-US': async () => {
    const [{ enUS }, { default: antd }] = await Promise.all([import('./messages.en-US'), import('antd/es/locale/en_US')]);
    return { messages: enUS, antd };
  },
};

/** The locale's resources if already loaded; Chinese always is, its common messages at least (see zhCNMessages). */
export function loadedLocale(locale: Locale): LocaleResources | undefined {
  return loaded.get(locale) ?? (locale === 'zh-CN' ? zhCNResources : undefined);
}

/** Loads (once) and returns the locale's resources. */
export async function loadLocale(locale: Locale): Promise<LocaleResources> {
  const known = loaded.get(locale);
  if (known) return known;
  const resources = await loaders[locale]();
  loaded.set(locale, resources);
  return resources;
}

const STORAGE_KEY = 'anze.locale';

/** The user's remembered choice, else Chinese. */
export function storedLocale(): Locale {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (isLocale(stored)) return stored;
  } catch {
    // storage disabled: fall through to the default
  }
  return DEFAULT_LOCALE;
}

export function rememberLocale(locale: Locale): void {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // not remembered, still applied
  }
}
