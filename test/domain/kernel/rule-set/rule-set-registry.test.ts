import { describe, expect, it } from 'vitest';
import { RuleViolation } from '../../../../domain/kernel/errors.js';
import type { RuleSet } from '../../../../domain/kernel/rule-set/rule-set.js';
import { selectRuleSet } from '../../../../domain/kernel/rule-set/rule-set-registry.js';
import { XINZHOU_2024 } from '../../../../domain/kernel/rule-set/xinzhou-2024.js';

/** A hypothetical second version raising the death-limit floor, as the 2025 national measures might. */
const VERSION_2: RuleSet = { ...XINZHOU_2024, version: 2, effectiveFrom: '2025-03-29', deathLimitFloorFen: 50_000_000 };

describe('rule set selection', () => {
  it('RULES-1 picks the version in force on the date', () => {
    const versions = [XINZHOU_2024, VERSION_2];
    expect(selectRuleSet(versions, '2024-05-09').version).toBe(1);
    expect(selectRuleSet(versions, '2025-03-28').version).toBe(1);
    expect(selectRuleSet(versions, '2025-03-29').version).toBe(2);
    expect(selectRuleSet(versions, '2030-01-01').deathLimitFloorFen).toBe(50_000_000);
  });

  it('RULES-1 does not depend on the order of the versions given', () => {
    expect(selectRuleSet([VERSION_2, XINZHOU_2024], '2025-01-01').version).toBe(1);
    expect(selectRuleSet([VERSION_2, XINZHOU_2024], '2025-06-01').version).toBe(2);
  });

  it('RULES-1 prefers the higher version of two effective the same day', () => {
    const correction: RuleSet = { ...VERSION_2, version: 3 };
    expect(selectRuleSet([VERSION_2, correction, XINZHOU_2024], '2025-06-01').version).toBe(3);
    expect(selectRuleSet([correction, VERSION_2, XINZHOU_2024], '2025-06-01').version).toBe(3);
  });

  it('RULES-1 lets a later-published retroactive version govern only until the next effective date', () => {
    const retroactive: RuleSet = { ...XINZHOU_2024, version: 3, effectiveFrom: '2024-07-01' };
    const versions = [XINZHOU_2024, VERSION_2, retroactive];
    expect(selectRuleSet(versions, '2024-08-01').version).toBe(3);
    expect(selectRuleSet(versions, '2025-06-01').version).toBe(2);
  });

  it('RULES-1 refuses a date before any version, naming the rule', () => {
    expect(() => selectRuleSet([XINZHOU_2024, VERSION_2], '2024-05-08')).toThrow(
      'no rule set is in force on 2024-05-08; the earliest takes effect on 2024-05-09',
    );
    expect(() => selectRuleSet([], '2024-05-08')).toThrow(RuleViolation);
    try {
      selectRuleSet([], '2024-05-08');
    } catch (error) {
      expect(error).toMatchObject({ ruleId: 'RULES-1', status: 409, code: 'RULE_VIOLATION' });
    }
  });
});
