import { describe, expect, it } from 'vitest';
import { XINZHOU_2024 } from '../../../domain/kernel/rule-set/xinzhou-2024.js';
import { ruleSetForYear, summarizeYear } from '../../../domain/fees/compliance.js';
import { emptyYear } from '../../../domain/fees/year-ledger.js';
import type { YearLedger } from '../../../domain/fees/year-ledger.js';
import { MemoryLedger, PICC, POLICY, RULE_SETS, thrown } from './fixtures.js';

const year = (figures: Partial<YearLedger>): YearLedger => ({ ...emptyYear(PICC, 2025, '2025-12-31T00:00:00.000Z'), ...figures });
const summary = (figures: Partial<YearLedger>) => summarizeYear(year(figures), { tenantId: PICC, year: 2025, ruleSet: XINZHOU_2024 });

describe('FEE-4 compliance against the floor', () => {
  it('FEE-4 judges spent ÷ premium ex-tax against 15%, to the fen', () => {
    expect(summary({ premiumExTaxFen: 10_000_000, spentFen: 1_499_999 })).toMatchObject({
      requiredSpendFen: 1_500_000,
      shortfallFen: 1,
      compliant: false,
      ratioBasisPoints: 1500,
    });
    expect(summary({ premiumExTaxFen: 10_000_000, spentFen: 1_500_000 })).toMatchObject({ compliant: true, shortfallFen: 0, ratio: 0.15 });
  });

  it('FEE-4 rounds the required spend half up on the fen, like every amount of the ledger', () => {
    // 15% of 10 fen = 1.5 → 2; of 23 fen = 3.45 → 3.
    expect(summary({ premiumExTaxFen: 10, spentFen: 1 })).toMatchObject({ requiredSpendFen: 2, compliant: false });
    expect(summary({ premiumExTaxFen: 23, spentFen: 3 })).toMatchObject({ requiredSpendFen: 3, compliant: true });
  });

  it('FEE-4 reports a year with no premium as having no ratio, and nothing owed', () => {
    expect(summarizeYear(undefined, { tenantId: PICC, year: 2025, ruleSet: XINZHOU_2024 })).toMatchObject({
      ratio: null,
      ratioBasisPoints: null,
      compliant: true,
      lastSequence: 0,
      updatedAt: null,
    });
  });

  it('FEE-4 summarises a ledger built by the rules: 106,000.00 received, 15,000.00 accrued and spent', () => {
    const ledger = new MemoryLedger();
    ledger.receive(POLICY, { receivedOn: '2025-07-01', amountFen: 10_600_000 });
    ledger.spend({ amountFen: 1_500_000 });
    expect(summarizeYear(ledger.years.get(2025), { tenantId: PICC, year: 2025, ruleSet: XINZHOU_2024 })).toMatchObject({
      receivedFen: 10_600_000,
      premiumExTaxFen: 10_000_000,
      accruedFen: 1_500_000,
      spentFen: 1_500_000,
      balanceFen: 0,
      compliant: true,
      aboveCeiling: false,
    });
  });
});

describe('FEE-5 the ceiling', () => {
  it('FEE-5 flags a year spending above 21% of premium ex-tax, without refusing it', () => {
    expect(summary({ premiumExTaxFen: 10_000_000, spentFen: 2_100_000 })).toMatchObject({ ceilingFen: 2_100_000, aboveCeiling: false, compliant: true });
    expect(summary({ premiumExTaxFen: 10_000_000, spentFen: 2_100_001 })).toMatchObject({ aboveCeiling: true, ratioBasisPoints: 2100 });
  });

  it('FEE-5 FEE-2 reports an advance still uncovered by accruals', () => {
    expect(summary({ accruedFen: 100, spentFen: 250, advances: 1 })).toMatchObject({ balanceFen: -150, outstandingAdvanceFen: 150, advances: 1 });
  });
});

describe('RULES-1 the rule set a year is judged by', () => {
  it('RULES-1 is the version in force on December 31 of the year, and is named in the summary', () => {
    expect(ruleSetForYear(RULE_SETS, 2024)).toBe(XINZHOU_2024);
    expect(summary({})).toMatchObject({ ruleSetId: 'xinzhou-2024', ruleSetVersion: 1, floorBasisPoints: 1500, ceilingBasisPoints: 2100 });
    const later = { ...XINZHOU_2024, version: 2, effectiveFrom: '2025-07-01', preventionFeeFloorBasisPoints: 2000 };
    expect(ruleSetForYear([XINZHOU_2024, later], 2025).version).toBe(2);
    expect(ruleSetForYear([XINZHOU_2024, later], 2024).version).toBe(1);
  });

  it('RULES-1 has no verdict for a year before any rule set', () => {
    expect(thrown(() => ruleSetForYear(RULE_SETS, 2023))).toMatchObject({ ruleId: 'RULES-1', status: 409 });
  });
});
