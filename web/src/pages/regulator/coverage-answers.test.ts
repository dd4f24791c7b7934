import { describe, expect, it } from 'vitest';
import { readCoverageCounts, readCoverageGap } from './coverage-answers';

describe('coverage answers (undocumented in OpenAPI, narrowed from unknown)', () => {
  it('UW-11 reads the documented fields and drops rows of another shape', () => {
    const gap = readCoverageGap({
      onDate: '2026-05-01',
      mandatory: [{ county: '140902', industry: 'COAL_MINE', registered: 3, uninsured: ['91140902100079190P', 7] }, { industry: 'NOPE' }],
      advisory: 'nothing',
    });
    expect(gap).toEqual({
      onDate: '2026-05-01',
      mandatory: [{ county: '140902', industry: 'COAL_MINE', registered: 3, uninsured: ['91140902100079190P'] }],
      advisory: [],
    });
    expect(readCoverageCounts(undefined)).toEqual({ onDate: '', items: [] });
    expect(
      readCoverageCounts({ onDate: 'd', items: [{ county: 'c', industry: 'HAZCHEM', scope: 'MANDATORY', registered: 2, insured: 1, uninsured: 1 }] }).items,
    ).toHaveLength(1);
  });
});
