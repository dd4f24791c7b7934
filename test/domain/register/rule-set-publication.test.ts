import { describe, expect, it } from 'vitest';
import { RuleViolation } from '../../../domain/kernel/errors.js';
import { selectRuleSet } from '../../../domain/kernel/rule-set/rule-set-registry.js';
import { XINZHOU_2024 } from '../../../domain/kernel/rule-set/xinzhou-2024.js';
import { publishRuleSet } from '../../../domain/register/rule-set-publication.rules.js';
import type { PublishRuleSetBody } from '../../../domain/register/rule-set-version.js';

const NOW = new Date('2026-12-06T02:00:00Z');
const TODAY = '2026-12-06';

function body(overrides: Partial<PublishRuleSetBody['figures']> = {}, basedOnVersion = 1): PublishRuleSetBody {
  const { id: _id, version: _version, region: _region, ...figures } = structuredClone(XINZHOU_2024);
  return { basedOn: { ruleSetId: 'xinzhou-2024', ruleSetVersion: basedOnVersion }, note: '调整', figures: { ...figures, effectiveFrom: '2027-01-01', preventionFeeFloorBasisPoints: 1600, ...overrides } };
}

function violation(action: () => unknown): RuleViolation {
  try {
    action();
  } catch (error) {
    if (error instanceof RuleViolation) return error;
    throw error;
  }
  throw new Error('expected a RuleViolation');
}

const context = { versions: [XINZHOU_2024], today: TODAY, now: NOW, by: 'emb-city' };

describe('RULES-1 publishing a rule-set version', () => {
  it('RULES-1 numbers the new version after the latest, keeps series and region, and names the changed figures', () => {
    const { state, events } = publishRuleSet(body(), context);
    expect(state.ruleSet).toMatchObject({ id: 'xinzhou-2024', version: 2, region: '140900', effectiveFrom: '2027-01-01', preventionFeeFloorBasisPoints: 1600 });
    expect(state).toMatchObject({ builtIn: false, publishedBy: 'emb-city', basedOnVersion: 1, publishedAt: NOW.toISOString() });
    expect(events.map((event) => [event.type, event.data])).toEqual([
      ['register.rule_set.published', expect.objectContaining({ ruleSetVersion: 2, changed: ['preventionFeeFloorBasisPoints'] })],
    ]);
    // Selection by date reads the new version from its effective day only; decisions already taken keep v1.
    expect(selectRuleSet([XINZHOU_2024, state.ruleSet], '2026-12-31').version).toBe(1);
    expect(selectRuleSet([XINZHOU_2024, state.ruleSet], '2027-01-01').version).toBe(2);
  });

  it('RULES-1 refuses a version effective today, one not continuing the latest, an unknown series and no change', () => {
    expect(violation(() => publishRuleSet(body({ effectiveFrom: TODAY }), context))).toMatchObject({ field: 'figures.effectiveFrom', status: 400 });
    expect(violation(() => publishRuleSet(body({}, 2), context))).toMatchObject({ field: 'basedOn.ruleSetVersion', status: 409 });
    expect(violation(() => publishRuleSet({ ...body(), basedOn: { ruleSetId: 'taiyuan-2025', ruleSetVersion: 1 } }, context))).toMatchObject({ field: 'basedOn.ruleSetId', status: 409 });
    expect(violation(() => publishRuleSet(body({ preventionFeeFloorBasisPoints: 1500 }), context))).toMatchObject({ field: 'figures', status: 400 });
  });
});
