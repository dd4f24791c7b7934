import { describe, expect, it } from 'vitest';
import { ELIGIBILITY_FINDING_CODES } from '../../../../domain/underwriting/qualification';
import { eligibilityOn, filing } from '../../../../test/domain/underwriting/fixtures';
import { zhCN } from '../../i18n/messages.zh-CN';
import { translate } from '../../i18n/translate';
import type { MessageKey } from '../../i18n/messages.zh-CN';
import { criterionText } from './eligibility-text';

const t = (key: MessageKey, values?: Readonly<Record<string, string | number>>) => translate(zhCN, key, values);

/** Latin words of two letters or more outside `{placeholders}`: English, codes (QUAL-2) or rule ids. */
const latinWords = (text: string): string[] => [...text.replace(/\{\w+\}/g, '').matchAll(/[A-Za-z][A-Za-z0-9_-]+/g)].map((match) => match[0]);

describe('eligibility reasons in Chinese (QUAL-1..6, BLK-1; issue 15)', () => {
  it('QUAL-1..6 BLK-1: every finding code the domain reports has a zh-CN sentence without Latin words', () => {
    const missing = ELIGIBILITY_FINDING_CODES.filter((code) => !(`qual.finding.${code}` in zhCN));
    expect(missing).toEqual([]);
    const latin = ELIGIBILITY_FINDING_CODES.flatMap((code) => latinWords(zhCN[`qual.finding.${code}` as MessageKey]).map((word) => `${code}: ${word}`));
    expect(latin).toEqual([]);
  });

  it('QUAL-1..6 BLK-1: a failing and a passing evaluation read as Chinese sentences, never the English reason', () => {
    const weak = filing({
      solvency: { comprehensiveRatioBasisPoints: 9_950, riskRating: 'C' },
      branch: { name: '某县支公司', cityLevelBranchInXinzhou: false, writesPropertyInsurance: true },
    });
    const results = [eligibilityOn('2024-09-27'), eligibilityOn('2024-09-27', { filing: weak, blacklisted: true }), eligibilityOn('2024-09-27', { filing: undefined })];
    for (const result of results) {
      for (const criterion of result.criteria) {
        const text = criterionText(criterion, t, zhCN);
        expect(text, `${criterion.rule}: ${text}`).not.toBe(criterion.reason);
        // Filing and licence numbers are data, not words: only the catalogue's own text must be Chinese.
        const data = criterion.findings.flatMap((finding) => Object.values(finding.params).map(String));
        expect(latinWords(data.reduce((rest, value) => rest.split(value).join(''), text)), text).toEqual([]);
      }
    }
    const qual3 = results[1]?.criteria.find((criterion) => criterion.rule === 'QUAL-3');
    expect(qual3 && criterionText(qual3, t, zhCN)).toBe('2023 年度综合偿付能力充足率为 99.50%，低于 100.00%；风险综合评级为 C 类，须为 B 类及以上。');
    const qual1 = results[1]?.criteria.find((criterion) => criterion.rule === 'QUAL-1');
    expect(qual1 && criterionText(qual1, t, zhCN)).toBe('某县支公司不是在忻州设立的市级分支机构。');
  });

  it('falls back to the server’s reason for a code this console does not know', () => {
    expect(criterionText({ reason: 'Not met: x.', findings: [{ code: 'fromTheFuture', params: {} }] }, t, zhCN)).toBe('Not met: x.');
  });
});
