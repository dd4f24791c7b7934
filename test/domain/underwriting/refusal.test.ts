import { describe, expect, it } from 'vitest';
import { RuleViolation, ValidationFailed } from '../../../domain/kernel/errors.js';
import { REFUSAL_REASONS, recordRefusal } from '../../../domain/underwriting/refusal.js';
import { COAL_MINE, PICC, at, thrown } from './fixtures.js';

const NOW = at('2026-12-06T02:00:00Z');
const context = { id: 'r-1', tenantId: PICC, by: 'u-1', now: NOW, enterprise: COAL_MINE };

describe('refusals to insure (UW-12: 无正当理由不得拒保)', () => {
  it('UW-12 records the reason from the list, the explanation and the register’s enterprise, with its event', () => {
    const { state, events } = recordRefusal(
      { enterpriseUscc: COAL_MINE.uscc, reason: 'NO_FILED_RATE', explanation: '本公司备案产品未含该行业费率', appliedOn: '2026-12-01' },
      context,
    );
    expect(state).toEqual({
      id: 'r-1',
      tenantId: PICC,
      enterprise: { uscc: COAL_MINE.uscc, name: COAL_MINE.name, industry: 'COAL_MINE', county: '140902' },
      reason: 'NO_FILED_RATE',
      explanation: '本公司备案产品未含该行业费率',
      appliedOn: '2026-12-01',
      refusedOn: '2026-12-06',
      recordedBy: 'u-1',
      createdAt: '2026-12-06T02:00:00.000Z',
      version: 1,
    });
    expect(events.map((event) => [event.type, event.tenantId, (event.data as { county: string }).county])).toEqual([
      ['underwriting.refusal.recorded', PICC, '140902'],
    ]);
  });

  it('UW-12 refuses a reason outside the list, a missing explanation and a terse OTHER, naming field and rule', () => {
    const bad = thrown(() => recordRefusal({ enterpriseUscc: COAL_MINE.uscc, reason: 'NOT_PROFITABLE' as never, explanation: '' }, context)) as ValidationFailed;
    expect(bad).toBeInstanceOf(ValidationFailed);
    expect(bad.details.map((detail) => detail.field).sort()).toEqual(['explanation', 'reason']);
    expect(JSON.stringify(bad.details)).toContain(REFUSAL_REASONS.join(', '));
    const terse = thrown(() => recordRefusal({ enterpriseUscc: COAL_MINE.uscc, reason: 'OTHER', explanation: '不想保' }, context)) as RuleViolation;
    expect(terse).toMatchObject({ ruleId: 'UW-12', field: 'explanation', status: 400 });
    const future = thrown(() =>
      recordRefusal({ enterpriseUscc: COAL_MINE.uscc, reason: 'APPLICATION_WITHDRAWN', explanation: '企业撤回', appliedOn: '2026-12-07' }, context),
    ) as RuleViolation;
    expect(future).toMatchObject({ ruleId: 'UW-12', field: 'appliedOn', status: 400 });
  });

  it('UW-12 REG-1 a refusal names an enterprise on the register', () => {
    const unregistered = thrown(() =>
      recordRefusal({ enterpriseUscc: COAL_MINE.uscc, reason: 'APPLICATION_WITHDRAWN', explanation: '企业撤回' }, { ...context, enterprise: undefined }),
    ) as RuleViolation;
    expect(unregistered).toMatchObject({ ruleId: 'REG-1', field: 'enterpriseUscc', status: 409 });
  });
});
