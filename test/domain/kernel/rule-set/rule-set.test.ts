import { describe, expect, it } from 'vitest';
import { ruleSetSchema } from '../../../../domain/kernel/rule-set/rule-set.js';
import { XINZHOU_2024 } from '../../../../domain/kernel/rule-set/xinzhou-2024.js';

function problems(input: unknown): { path: string; message: string }[] {
  const result = ruleSetSchema.safeParse(input);
  return result.success
    ? []
    : result.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

/** A deep, mutable copy of the 2024 set to break one figure at a time. */
function copy(): Record<string, unknown> & { svcObligations: Record<string, Record<string, unknown>> } {
  return structuredClone(XINZHOU_2024) as unknown as Record<string, unknown> & {
    svcObligations: Record<string, Record<string, unknown>>;
  };
}

describe('rule set schema', () => {
  it('RULES-1 refuses an unknown key, so a misspelt figure is not silently dropped', () => {
    expect(problems({ ...copy(), deathLimitFloor: 30_000_000 }).map((problem) => problem.path)).toEqual(['']);
  });

  it('RULES-1 refuses a missing figure and money that is not whole fen', () => {
    const withoutVat = copy();
    delete withoutVat.vatRateBasisPoints;
    expect(problems(withoutVat).map((problem) => problem.path)).toEqual(['vatRateBasisPoints']);
    expect(problems({ ...copy(), deathLimitFloorFen: 30_000_000.5 }).map((problem) => problem.path)).toEqual([
      'deathLimitFloorFen',
    ]);
  });

  it('FEE-1 lists the VAT rates a policy may be written at, the default among them, each once', () => {
    expect(problems({ ...copy(), vatRateBasisPoints: 300 }).map((problem) => problem.path)).toEqual(['vatRateBasisPoints']);
    expect(problems({ ...copy(), vatRates: [] }).map((problem) => problem.path)).toContain('vatRates');
    const twice = { basisPoints: 600, basis: '6%', exemption: false };
    expect(problems({ ...copy(), vatRates: [twice, twice] }).map((problem) => problem.path)).toEqual(['vatRates']);
  });

  it('FEE-5 refuses a ceiling below the floor', () => {
    expect(problems({ ...copy(), preventionFeeCeilingBasisPoints: 1000 })).toEqual([
      {
        path: 'preventionFeeCeilingBasisPoints',
        message: 'FEE-5: the prevention-fee ceiling cannot be below the FEE-1 floor',
      },
    ]);
  });

  it('CMP-8 refuses NFRA periods out of order', () => {
    expect(problems({ ...copy(), nfraMaxTotalCalendarDays: 20 }).map((problem) => problem.path)).toEqual([
      'nfraMaxTotalCalendarDays',
    ]);
  });

  it('QUAL-6 refuses a yearly due day that does not exist every year', () => {
    expect(problems({ ...copy(), qualificationFilingDue: { month: 2, day: 29 } })).toEqual([
      { path: 'qualificationFilingDue.day', message: 'the day must exist in that month in every year (no February 29)' },
    ]);
  });

  it('SVC-1 requires a cell for every industry and size', () => {
    const table = copy();
    delete table.svcObligations.CHEMICAL;
    expect(problems(table).map((problem) => problem.path)).toEqual(['svcObligations.CHEMICAL']);
    const withoutMicro = copy();
    delete withoutMicro.svcObligations.COAL_MINE?.MICRO;
    expect(problems(withoutMicro).map((problem) => problem.path)).toEqual(['svcObligations.COAL_MINE.MICRO']);
  });

  it('SVC-1 refuses more deep inspections than inspections', () => {
    const table = copy();
    table.svcObligations.COAL_MINE = {
      ...table.svcObligations.COAL_MINE,
      LARGE: { riskAssessments: 2, hazardInspections: 1, deepInspections: 2 },
    };
    expect(problems(table)).toEqual([
      {
        path: 'svcObligations.COAL_MINE.LARGE.deepInspections',
        message: 'SVC-1: deep inspections are counted within hazard inspections, so cannot exceed them',
      },
    ]);
  });
});
