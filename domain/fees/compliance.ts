import type * as z from 'zod/mini';
import { localDate } from '../kernel/calendar/local-date.js';
import { percentOfFen } from '../kernel/money.js';
import type { Fen } from '../kernel/money.js';
import { selectRuleSet } from '../kernel/rule-set/rule-set-registry.js';
import type { RuleSet } from '../kernel/rule-set/rule-set.js';
import { balanceOf, totalsOfLedger } from './year-ledger.js';
import type { YearLedger } from './year-ledger.js';
import type { feeSummarySchema } from './summary.schema.js';

/**
 * FEE-4, FEE-5: an insurer's prevention-fee year at a glance — premium ex-tax, accrued, spent, balance, and
 * spending against the floor and the ceiling (summary.schema.ts). Computed from the year's counters alone: one read.
 */
export type FeeSummary = z.output<typeof feeSummarySchema>;

/**
 * RULES-1: the rule set a year is judged by — the version in force on its last day, December 31, so a year is
 * measured against the figures that govern its close (a mid-year version change applies to the whole year's
 * ratio, as the year report of RPT-1 is one figure per year).
 *
 * @throws RuleViolation (RULES-1, 409) for a year before any rule set.
 */
export function ruleSetForYear(ruleSets: readonly RuleSet[], year: number): RuleSet {
  return selectRuleSet(ruleSets, localDate(year, 12, 31));
}

/** `numerator ÷ denominator` in basis points, rounded half up (both non-negative in practice). */
function basisPointsOf(numerator: Fen, denominator: Fen): number {
  const negative = numerator < 0;
  const magnitude = BigInt(Math.abs(numerator)) * 10_000n;
  const quotient = (2n * magnitude + BigInt(denominator)) / (2n * BigInt(denominator));
  return Number(negative ? -quotient : quotient);
}

/**
 * FEE-4, FEE-5: the summary of one insurer-year from its counters (absent for a year with no entry).
 *
 * Compliance is judged to the fen with the one rounding rule of the ledger: the floor's share of premium
 * ex-tax rounded half up (`percentOfFen`) is what must be spent, and the ceiling's share likewise is what may
 * be; so a year's verdict never depends on how a ratio was rounded for display.
 *
 * @example
 * summarizeYear({ …, premiumExTaxFen: 10_000_000, spentFen: 1_500_000 }, …).compliant; // true (15.00%)
 */
export function summarizeYear(
  ledger: YearLedger | undefined,
  context: { readonly tenantId: string; readonly year: number; readonly ruleSet: RuleSet },
): FeeSummary {
  const totals = totalsOfLedger(ledger);
  const { ruleSet } = context;
  const requiredSpendFen = percentOfFen(totals.premiumExTaxFen, ruleSet.preventionFeeFloorBasisPoints);
  const ceilingFen = percentOfFen(totals.premiumExTaxFen, ruleSet.preventionFeeCeilingBasisPoints);
  const balanceFen = balanceOf(totals);
  const ratioBasisPoints = totals.premiumExTaxFen > 0 ? basisPointsOf(totals.spentFen, totals.premiumExTaxFen) : null;
  return {
    tenantId: context.tenantId,
    year: context.year,
    ruleSetId: ruleSet.id,
    ruleSetVersion: ruleSet.version,
    floorBasisPoints: ruleSet.preventionFeeFloorBasisPoints,
    ceilingBasisPoints: ruleSet.preventionFeeCeilingBasisPoints,
    ...totals,
    balanceFen,
    ratio: ratioBasisPoints === null ? null : ratioBasisPoints / 10_000,
    ratioBasisPoints,
    requiredSpendFen,
    shortfallFen: Math.max(0, requiredSpendFen - totals.spentFen),
    ceilingFen,
    compliant: totals.spentFen >= requiredSpendFen,
    aboveCeiling: totals.spentFen > ceilingFen,
    outstandingAdvanceFen: Math.max(0, -balanceFen),
    updatedAt: ledger?.updatedAt ?? null,
  };
}
