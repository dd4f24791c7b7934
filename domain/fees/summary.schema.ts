import * as z from 'zod/mini';
import { yearTotalsSchema, yearTotalsShape } from './year-ledger.schema.js';

/**
 * FEE-4, FEE-5: `GET /fees/summary?year=` — an insurer's prevention-fee year at a glance: premium ex-tax,
 * accrued, spent, balance, and spending against the floor and the ceiling, from the year's counters alone.
 */
export const feeSummarySchema = z.object({
  tenantId: z.string(),
  year: z.int(),
  ruleSetId: z.string().check(z.meta({ description: 'RULES-1: the rule set whose floor and ceiling the year is judged by (the one in force on December 31)' })),
  ruleSetVersion: z.int(),
  floorBasisPoints: z.int(),
  ceilingBasisPoints: z.int(),
  ...yearTotalsShape,
  balanceFen: z.int().check(z.meta({ description: 'FEE-2: accrued − spent; negative only through advances' })),
  ratio: z.nullable(z.number().check(z.meta({ description: 'FEE-4: spent ÷ premium ex-tax (4 decimals), or null while no premium is received' }))),
  ratioBasisPoints: z.nullable(z.int().check(z.meta({ description: 'The same in basis points, rounded half up' }))),
  requiredSpendFen: z.int().check(z.meta({ description: 'FEE-4: the floor’s share of premium ex-tax, rounded half up on the fen: what must be spent' })),
  shortfallFen: z.int().check(z.meta({ description: 'FEE-4: what is still to be spent to reach the floor (0 once reached)' })),
  ceilingFen: z.int().check(z.meta({ description: 'FEE-5: the ceiling’s share of premium ex-tax, rounded half up on the fen' })),
  compliant: z.boolean().check(z.meta({ description: 'FEE-4: spent ≥ requiredSpendFen' })),
  aboveCeiling: z.boolean().check(z.meta({ description: 'FEE-5: spent > ceilingFen — flagged, not refused' })),
  outstandingAdvanceFen: z.int().check(z.meta({ description: 'FEE-2: the advance not yet covered by accruals: −balance when negative, else 0' })),
  updatedAt: z.nullable(z.string().check(z.meta({ description: 'When the last entry was booked, or null for a year with none' }))),
});

/**
 * FEE-4: `GET /fees/summary/check?year=` — the year's stored counters against the same figures recomputed from
 * its entries, and anything else about the entries that breaks FEE-2 (a gap in the numbering, a reversal
 * without its entry, an entry reversed twice). `consistent` when there is neither a difference nor a problem.
 */
export const consistencyReportSchema = z.object({
  tenantId: z.string(),
  year: z.int(),
  consistent: z.boolean(),
  entriesRead: z.int(),
  stored: yearTotalsSchema,
  recomputed: yearTotalsSchema,
  differences: z.readonly(z.array(z.object({ field: z.string(), stored: z.int(), recomputed: z.int() }))),
  problems: z.readonly(z.array(z.string()).check(z.meta({ description: 'At most 100, the last line saying how many more there were' }))),
});

/**
 * `GET /fees/ledger/export?year=`: the XLSX as base64 in JSON, with the totals written into it — or, for a
 * workbook larger than a Lambda answer carries, `download`: a short-lived link to it in the archive (issue 18).
 */
export const ledgerExportSchema = z.object({
  fileName: z.string(),
  contentType: z.string(),
  contentBase64: z.optional(z.string()),
  download: z.optional(
    z.object({ url: z.string(), method: z.literal('GET'), expiresAt: z.string() }).check(z.meta({ description: 'Issue 18: the workbook is too large to answer inline; GET this before expiresAt' })),
  ),
  bytes: z.int(),
  entries: z.int(),
  totals: yearTotalsSchema,
});
