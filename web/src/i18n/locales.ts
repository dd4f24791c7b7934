import type { Locale as AntdLocale } from 'antd/es/locale';
import antdEnUS from 'antd/es/locale/en_US';
import antdZhCN from 'antd/es/locale/zh_CN';
import { enUS } from './messages.en-US';
import { zhCN, type Messages } from './messages.zh-CN';

export const LOCALES = ['zh-CN', 'en-US'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

export const isLocale = (value: unknown): value is Locale =>
  typeof value === 'string' && (LOCALES as readonly string[]).includes(value);

/** Each locale's catalogue and the matching antd locale (its components' own texts). */
export const LOCALE_RESOURCES: Readonly<Record<Locale, { messages: Messages; antd: AntdLocale }>> = {
  'zh-CN': { messages: zhCN, antd: antdZhCN },
  'en-US': { messages: enUS, antd: antdEnUS },
};
