import type { MessageKey, Messages } from './messages.zh-CN';

export type MessageValues = Readonly<Record<string, string | number>>;
export type Translate = (key: MessageKey, values?: MessageValues) => string;

/** Looks a key up in a catalogue and fills its `{name}` placeholders; unknown placeholders stay visible. */
export function translate(messages: Messages, key: MessageKey, values?: MessageValues): string {
  const template = messages[key];
  if (!values) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => {
    const value = values[name];
    return value === undefined ? match : String(value);
  });
}
