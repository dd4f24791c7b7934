import { describe, expect, it } from 'vitest';
import { YEAR_TOTAL_FIELDS } from '../../../../domain/fees/year-ledger';
import { zhCN } from '../../i18n/messages.zh-CN';
import type { MessageKey } from '../../i18n/messages.zh-CN';
import { translate } from '../../i18n/translate';
import { differenceText } from './consistency-text';

const t = (key: MessageKey, values?: Readonly<Record<string, string | number>>) => translate(zhCN, key, values);

describe("the fee ledger's consistency check in Chinese (FEE-2, issue 15)", () => {
  it('FEE-2 names every stored total in Chinese, never by its field code', () => {
    for (const field of YEAR_TOTAL_FIELDS) {
      const text = differenceText({ field, stored: 1, recomputed: 2 }, t, zhCN);
      expect(text, field).not.toMatch(/[A-Za-z]{2,}/);
    }
  });

  it('FEE-2 shows amounts as money and counts as counts', () => {
    expect(differenceText({ field: 'accruedFen', stored: 14_034_825, recomputed: 14_000_000 }, t, zhCN)).toBe(
      '已计提：汇总 140,348.25 元，按台账重算 140,000.00 元',
    );
    expect(differenceText({ field: 'accruals', stored: 1200, recomputed: 1201 }, t, zhCN)).toBe('计提笔数：汇总 1,200，按台账重算 1,201');
  });
});
