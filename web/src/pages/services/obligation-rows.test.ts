import { describe, expect, it } from 'vitest';
import { progressPercent, requirementLabel } from './obligation-rows';

describe('obligation rows (SVC-1, SVC-2, SVC-4, SVC-11)', () => {
  it('word the table minimums and the first service by their key', () => {
    expect(requirementLabel({ key: 'DEEP_INSPECTION' })).toEqual({ key: 'obl.req.DEEP_INSPECTION' });
    expect(requirementLabel({ key: 'FIRST_SERVICE' })).toEqual({ key: 'obl.req.FIRST_SERVICE' });
  });

  it('word a plan line by its service type, deep or not', () => {
    expect(requirementLabel({ key: 'PLAN:TRAINING' })).toEqual({ key: 'obl.req.plan', type: 'TRAINING', deep: false });
    expect(requirementLabel({ key: 'PLAN:HAZARD_INSPECTION:DEEP' })).toEqual({ key: 'obl.req.plan', type: 'HAZARD_INSPECTION', deep: true });
    expect(requirementLabel({ key: 'PLAN:X', type: 'EMERGENCY_DRILL', deep: false })).toEqual({ key: 'obl.req.plan', type: 'EMERGENCY_DRILL', deep: false });
  });

  it('show progress as done over required, capped at 100%', () => {
    expect(progressPercent({ done: 1, required: 2 })).toBe(50);
    expect(progressPercent({ done: 1, required: 3 })).toBe(33);
    expect(progressPercent({ done: 3, required: 2 })).toBe(100);
    expect(progressPercent({ done: 0, required: 0 })).toBe(100);
  });
});
