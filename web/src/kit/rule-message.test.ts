import { describe, expect, it } from 'vitest';
import { zhCN } from '../i18n/messages.zh-CN';
import { translate } from '../i18n/translate';
import { describeFieldIssue, ruleText } from './rule-message';

const t = (key: keyof typeof zhCN) => translate(zhCN, key);

describe('rule texts for field issues', () => {
  it('words a rule at its field, list items matched by *, else the rule, else the server', () => {
    expect(ruleText('UW-3', 'employeesCovered', 'x', t, zhCN)).toBe(zhCN['rule.UW-3.employeesCovered']);
    expect(ruleText('UW-3', 'perPersonInsuredAmountFen', 'x', t, zhCN)).toBe(zhCN['rule.UW-3.perPersonInsuredAmountFen']);
    expect(ruleText('QUAL-2', 'majorViolations.3.decidedOn', 'x', t, zhCN)).toBe(zhCN['rule.QUAL-2.majorViolations.*.decidedOn']);
    expect(ruleText('UW-2', 'enterpriseUscc', 'x', t, zhCN)).toBe(zhCN['rule.UW-2']);
    expect(ruleText('QUAL-5', 'filedProduct.filingNumber', 'server says', t, zhCN)).toBe('server says');
  });

  it('appends the rule id once (UW-4 at the death limit)', () => {
    expect(describeFieldIssue({ field: 'perPersonDeathLimitFen', message: 'UW-4: below the floor', rule: 'UW-4' }, t, zhCN)).toBe(
      `${zhCN['rule.UW-4.perPersonDeathLimitFen']}（UW-4）`,
    );
    expect(describeFieldIssue({ field: 'filedProduct.filingNumber', message: 'QUAL-5: filingNumber is required', rule: 'QUAL-5' }, t, zhCN)).toBe(
      'QUAL-5: filingNumber is required',
    );
    expect(describeFieldIssue({ field: 'name', message: 'too short' }, t, zhCN)).toBe('too short');
  });

  it('leaves the rule id out for an enterprise (issue 15: CMP-8 shown to enterprises)', () => {
    expect(describeFieldIssue({ field: 'perPersonDeathLimitFen', message: 'UW-4: below the floor', rule: 'UW-4' }, t, zhCN, { showRuleId: false })).toBe(
      zhCN['rule.UW-4.perPersonDeathLimitFen'],
    );
    expect(describeFieldIssue({ field: 'x', message: 'CMP-1: request is required', rule: 'CMP-1' }, t, zhCN, { showRuleId: false })).toBe('request is required');
  });
});
