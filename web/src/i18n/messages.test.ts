import { describe, expect, it } from 'vitest';
import { enUS } from './messages.en-US';
import { zhCN } from './messages.zh-CN';
import { translate } from './translate';

const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '').sort();

describe('message catalogues', () => {
  it('have the same keys (the compiler checks this too)', () => {
    expect(Object.keys(enUS).sort()).toEqual(Object.keys(zhCN).sort());
  });

  it('use the same placeholders in both languages', () => {
    for (const key of Object.keys(zhCN) as (keyof typeof zhCN)[]) {
      expect(placeholders(enUS[key]), key).toEqual(placeholders(zhCN[key]));
    }
  });

  it('have no empty message', () => {
    for (const [key, text] of [...Object.entries(zhCN), ...Object.entries(enUS)]) expect(text.trim(), key).not.toBe('');
  });
});

describe('translate', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate(zhCN, 'tenant.created', { name: '人保' })).toBe('已创建保险机构“人保”');
    expect(translate(zhCN, 'tenant.created')).toBe('已创建保险机构“{name}”');
  });
});
