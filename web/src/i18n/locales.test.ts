import { describe, expect, it } from 'vitest';
import { commonZhCN } from './messages-common.zh-CN';
import { zhCN } from './messages.zh-CN';
import { loadedLocale, loadLocale } from './locales';

describe('the Chinese catalogue on the first visit (issue 15)', () => {
  it('holds the common messages only until the whole catalogue is loaded, then every message in the same object', async () => {
    const first = loadedLocale('zh-CN');
    // The sign-in page's texts are there from the start…
    expect(first?.messages['signIn.submit']).toBe('登录');
    expect(Object.keys(first?.messages ?? {}).sort()).toEqual(Object.keys(commonZhCN).sort());
    // …a page's are not part of the first visit.
    const pageKeys = Object.keys(zhCN).filter((key) => !(key in commonZhCN));
    expect(pageKeys.length).toBeGreaterThan(1000);
    expect(pageKeys.filter((key) => key in (first?.messages ?? {}))).toEqual([]);

    const whole = await loadLocale('zh-CN');
    // Filled in place: a provider holding the first object reads every message once the catalogue is there.
    expect(whole).toBe(first);
    expect(whole.messages).toEqual(zhCN);
    expect(loadedLocale('zh-CN')).toBe(whole);
  });
});
