import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../domain/kernel/calendar/local-date.js';
import { INDUSTRIES, industryScope } from '../../../domain/kernel/industry.js';
import type { Industry } from '../../../domain/kernel/industry.js';
import {
  coverageGap,
  coverageOf,
  coveragePeriodOf,
  isCovered,
  isInForce,
} from '../../../domain/underwriting/coverage.js';
import type { CoveragePeriod, CoverageRegisterEntry } from '../../../domain/underwriting/coverage.js';
import { cancelPolicy } from '../../../domain/underwriting/cancellation.rules.js';
import { readEnterpriseRegister } from '../kernel/enterprise-register.js';
import { COAL_MINE, at, issued } from './fixtures.js';

const ON = '2024-09-27';
const YEAR: CoveragePeriod = { start: '2024-07-01', end: '2025-06-30' };

const entry = (uscc: string, industry: Industry, county: string): CoverageRegisterEntry => ({ uscc, industry, county });

const REGISTER: CoverageRegisterEntry[] = [
  entry('E-OTHER', 'OTHER', '140902'),
  entry('E-YUANPING-COAL', 'COAL_MINE', '140981'),
  entry('E-COAL-INSURED', 'COAL_MINE', '140902'),
  entry('E-COAL-2', 'COAL_MINE', '140902'),
  entry('E-COAL-1', 'COAL_MINE', '140902'),
  entry('E-HAZCHEM', 'HAZCHEM', '140902'),
  entry('E-TAILINGS', 'TAILINGS_POND', '140902'),
  entry('E-CHEMICAL', 'CHEMICAL', '140902'),
  entry('E-ZONE-DUST', 'DUST_EXPLOSION', 'XZ-EDZ'),
  entry('E-CHEM-INSURED', 'CHEMICAL', '140971'),
];
const COVERAGE = new Map<string, CoveragePeriod[]>([
  ['E-COAL-INSURED', [YEAR]],
  ['E-CHEM-INSURED', [YEAR]],
]);

describe('coverage gap (UW-11)', () => {
  it('UW-11 lists mandatory-industry enterprises without cover as findings and promoted ones as advisory, OTHER never', () => {
    expect(coverageGap(REGISTER, COVERAGE, ON)).toEqual({
      onDate: ON,
      mandatory: [
        { county: '140902', industry: 'COAL_MINE', registered: 3, uninsured: ['E-COAL-1', 'E-COAL-2'] },
        { county: '140902', industry: 'TAILINGS_POND', registered: 1, uninsured: ['E-TAILINGS'] },
        { county: '140902', industry: 'HAZCHEM', registered: 1, uninsured: ['E-HAZCHEM'] },
        { county: '140981', industry: 'COAL_MINE', registered: 1, uninsured: ['E-YUANPING-COAL'] },
      ],
      advisory: [
        { county: '140902', industry: 'CHEMICAL', registered: 1, uninsured: ['E-CHEMICAL'] },
        { county: 'XZ-EDZ', industry: 'DUST_EXPLOSION', registered: 1, uninsured: ['E-ZONE-DUST'] },
      ],
      names: {},
    });
  });

  it('UW-11 (issue 15) names each listed enterprise beside its USCC, from the register, and only the listed ones', () => {
    const register = [
      { ...entry('E-1', 'COAL_MINE', '140902'), name: '忻府忻达煤业有限公司' },
      { ...entry('E-2', 'COAL_MINE', '140902'), name: '已投保煤业有限公司' },
      { ...entry('E-3', 'OTHER', '140902'), name: '鼓励类企业' },
    ];
    const gap = coverageGap(register, new Map([['E-2', [YEAR]]]), ON);
    expect(gap.mandatory[0]?.uninsured).toEqual(['E-1']);
    expect(gap.names).toEqual({ 'E-1': '忻府忻达煤业有限公司' });
  });

  it('UW-11 a policy covers its first and last day, not the day after', () => {
    const register = [entry('E-1', 'COAL_MINE', '140902')];
    const coverage = new Map([['E-1', [YEAR]]]);
    expect(coverageGap(register, coverage, '2024-07-01').mandatory).toEqual([]);
    expect(coverageGap(register, coverage, '2025-06-30').mandatory).toEqual([]);
    expect(coverageGap(register, coverage, '2025-07-01').mandatory).toEqual([
      { county: '140902', industry: 'COAL_MINE', registered: 1, uninsured: ['E-1'] },
    ]);
    expect(coverageGap(register, coverage, '2024-06-30').mandatory[0]?.uninsured).toEqual(['E-1']);
  });

  it('UW-11 a cancelled policy covers only the days before its cancellation; any insurer’s policy counts', () => {
    const policy = issued();
    const cancelled = cancelPolicy(policy, { on: '2025-01-01', reason: '企业关闭' }, at('2024-12-20T02:00:00Z')).state;
    expect(coveragePeriodOf(cancelled)).toEqual({ start: '2024-07-01', end: '2024-12-31' });
    const other = { ...issued({ periodStart: '2025-03-01', periodEnd: '2026-02-28' }, { id: 'p-2' }), tenantId: 't-other' };
    const coverage = coverageOf([cancelled, other]);
    expect(coverage.get(COAL_MINE.uscc)).toEqual([
      { start: '2024-07-01', end: '2024-12-31' },
      { start: '2025-03-01', end: '2026-02-28' },
    ]);
    const register = [COAL_MINE];
    expect(coverageGap(register, coverage, '2024-12-31').mandatory).toEqual([]);
    expect(coverageGap(register, coverage, '2025-01-01').mandatory[0]?.uninsured).toEqual([COAL_MINE.uscc]);
    expect(coverageGap(register, coverage, '2025-03-01').mandatory).toEqual([]);
    expect([isInForce(cancelled, '2024-12-31'), isInForce(cancelled, '2025-01-01')]).toEqual([true, false]);
  });

  it('UW-11 an enterprise registered twice counts once', () => {
    const twice = [entry('E-1', 'COAL_MINE', '140902'), entry('E-1', 'COAL_MINE', '140902')];
    expect(coverageGap(twice, new Map(), ON).mandatory).toEqual([
      { county: '140902', industry: 'COAL_MINE', registered: 1, uninsured: ['E-1'] },
    ]);
  });

  it('UW-11 over the 5,000-enterprise seed register, with no cover every SCOPE-2 enterprise is a finding and every SCOPE-3 one advisory', () => {
    const register = readEnterpriseRegister().map((row) => entry(row.uscc, row.industry as Industry, row.county));
    const gap = coverageGap(register, new Map(), ON);
    const count = (groups: typeof gap.mandatory) => groups.reduce((sum, group) => sum + group.uninsured.length, 0);
    expect(count(gap.mandatory)).toBe(register.filter((row) => industryScope(row.industry) === 'MANDATORY').length);
    expect(count(gap.advisory)).toBe(register.filter((row) => industryScope(row.industry) === 'PROMOTED').length);
    expect(count(gap.mandatory)).toBeGreaterThan(1000);
    // Insure every coal mine for the year: no COAL_MINE group is left.
    const insured = new Map(register.filter((row) => row.industry === 'COAL_MINE').map((row) => [row.uscc, [YEAR]]));
    expect(coverageGap(register, insured, ON).mandatory.some((group) => group.industry === 'COAL_MINE')).toBe(false);
  });

  const industries = fc.constantFrom(...INDUSTRIES);
  const counties = fc.constantFrom('140902', '140981', '140971', 'XZ-EDZ');
  const anyRegister = fc.uniqueArray(
    fc.record({ uscc: fc.string({ minLength: 1, maxLength: 4 }), industry: industries, county: counties }),
    { selector: (row) => row.uscc, maxLength: 60 },
  );
  const anyPeriod = fc
    .tuple(fc.integer({ min: 0, max: 700 }), fc.integer({ min: 0, max: 400 }))
    .map(([offset, length]) => ({ start: addDays('2024-01-01', offset), end: addDays('2024-01-01', offset + length) }));

  it('UW-11 property: the answer depends on neither the order of the register nor how it is split', () => {
    fc.assert(
      fc.property(anyRegister, fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 800 }), (register, cut, dayOffset) => {
        const onDate = addDays('2024-01-01', dayOffset);
        const coverage = new Map(register.filter((_, index) => index % 3 === 0).map((row) => [row.uscc, [YEAR]]));
        const whole = coverageGap(register, coverage, onDate);
        expect(coverageGap([...register].reverse(), coverage, onDate)).toEqual(whole);
        // Two halves merged give the whole (each enterprise is in one half).
        const halves = [register.slice(0, cut), register.slice(cut)].map((part) => coverageGap(part, coverage, onDate));
        const uninsured = (gap: typeof whole) =>
          [...gap.mandatory, ...gap.advisory].flatMap((group) => group.uninsured).sort();
        expect(halves.flatMap(uninsured).sort()).toEqual(uninsured(whole));
        for (const group of whole.mandatory) expect(industryScope(group.industry)).toBe('MANDATORY');
        for (const group of whole.advisory) expect(industryScope(group.industry)).toBe('PROMOTED');
      }),
    );
  });

  it('UW-11 property: isCovered is true exactly when some period contains the day', () => {
    fc.assert(
      fc.property(fc.array(anyPeriod, { maxLength: 5 }), fc.integer({ min: 0, max: 1200 }), (periods, offset) => {
        const day = addDays('2024-01-01', offset);
        const expected = periods.some((period) => period.start <= day && day <= period.end);
        expect(isCovered(periods, day)).toBe(expected);
      }),
    );
  });
});
