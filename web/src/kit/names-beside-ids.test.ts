import { describe, expect, it } from 'vitest';
import { enterpriseLabel } from '../pages/regulator/enterprise-label';
import { coinsurerNameOf } from '../pages/insurer/useCoinsurers';
import { colleagueNameOf } from './useColleagueNames';
import { scopeText } from '../pages/regulator/scope-text';
import { ruleSetName } from './rule-set-name';
import { zhCN } from '../i18n/messages.zh-CN';
import type { Translate } from '../i18n';

describe('names beside ids (issue 15)', () => {
  it('UW-11 an uninsured enterprise reads as its name with the USCC beside it; the bare USCC only when the register has no name', () => {
    const names = { '91140902101583807B': '忻府泰忻煤业有限责任公司' };
    expect(enterpriseLabel('91140902101583807B', names)).toBe('忻府泰忻煤业有限责任公司（91140902101583807B）');
    expect(enterpriseLabel('911409811022173237', names)).toBe('911409811022173237');
    expect(enterpriseLabel('911409811022173237', undefined)).toBe('911409811022173237');
  });

  it('UW-6 a co-insurer reads as its short branch name, else its legal name', () => {
    const insurers = [
      { id: 't-pingan', name: '中国平安财产保险股份有限公司忻州中心支公司', branchName: '平安产险忻州中支' },
      { id: 't-cpic', name: '中国太平洋财产保险股份有限公司忻州中心支公司', branchName: '' },
    ];
    expect(coinsurerNameOf(insurers, 't-pingan')).toBe('平安产险忻州中支');
    expect(coinsurerNameOf(insurers, 't-cpic')).toBe('中国太平洋财产保险股份有限公司忻州中心支公司');
    expect(coinsurerNameOf(insurers, 't-unknown')).toBeUndefined();
  });

  it('FEE-5 SVC-9 who recorded a ledger entry or a service record reads as a person of the organisation, not a user id', () => {
    const names = [{ id: '01JUSER000000000000000000A', displayName: '李业务' }];
    expect(colleagueNameOf(names, '01JUSER000000000000000000A')).toBe('李业务');
    expect(colleagueNameOf(names, '01JOTHERORG00000000000000B')).toBeUndefined();
  });
});

describe('service-organisation scopes in Chinese (issue 15)', () => {
  it('REG-2 shows a scope tag naming a service type by its Chinese name (HAZARD_INSPECTION → 隐患排查), free text as typed', () => {
    const t = ((key: string) => (zhCN as Record<string, string>)[key] ?? key) as Translate;
    expect(scopeText(['HAZARD_INSPECTION', 'RISK_ASSESSMENT', '职业卫生检测'], t)).toBe('隐患排查、风险辨识评估、职业卫生检测');
  });
});

describe('rule sets by name, not id (issue 15)', () => {
  it('RULES-1 xinzhou-2024 reads 忻州市安责险规则（2024 年）; the zh-CN catalogue has no rule-set id to show', () => {
    const t = ((key: string, values?: Record<string, string | number>) =>
      Object.entries(values ?? {}).reduce((text, [name, value]) => text.replace(`{${name}}`, String(value)), (zhCN as Record<string, string>)[key] ?? key)) as Translate;
    expect(ruleSetName('xinzhou-2024', t)).toBe('忻州市安责险规则（2024 年）');
    expect(ruleSetName('xinzhou-2027', t)).toBe('忻州市安责险规则（2027 年）');
    expect(t('complaint.ruleSetVersion', { id: ruleSetName('xinzhou-2024', t), version: 2 })).toBe('忻州市安责险规则（2024 年） 第 2 版');
    expect(t('fee.summary.ruleSet', { id: ruleSetName('xinzhou-2024', t), version: 1 })).not.toMatch(/[A-Za-z]/);
  });
});
