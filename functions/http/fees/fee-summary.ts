import { ruleSetForYear, summarizeYear } from '../../../domain/fees/compliance.js';
import type { LedgerEntry } from '../../../domain/fees/ledger-entry.js';
import { feeSummarySchema } from '../../../domain/fees/summary.schema.js';
import { halfTotalsOf } from '../../../domain/fees/year-ledger.js';
import { FEE_BOOKING } from '../../../domain/identity/access.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { feesRoot } from './composition-root.js';
import { ledgerYearOf } from './ledger-year.js';
import { feeSummaryQuery } from './schemas.js';

/**
 * FEE-4, FEE-5: the year's premium ex-tax, accrued, spent, balance and spending ratio against the floor (15%)
 * and the ceiling (21%). One GetItem of the year's counters, whatever the number of entries. With `half`
 * (RPT-1), the same figures for that half alone — the counters keep per-half totals, so still one GetItem —
 * judged by the year's rule set, as the half-year report is.
 */
export const feeSummary = defineRoute({
  method: 'GET',
  path: '/api/v1/fees/summary',
  access: FEE_BOOKING,
  summary: "A year's (or with half=H1|H2 a half's) prevention-fee summary and compliance (FEE-4, FEE-5, RPT-1), from pre-aggregated counters",
  tags: ['fees'],
  query: feeSummaryQuery,
  response: feeSummarySchema,
  async handle(input) {
    const { tenantId } = callerOf(input, 'insurer');
    const { forTenant, clock, ruleSets } = feesRoot();
    const year = ledgerYearOf(input.query.year, clock);
    const { half } = input.query;
    const ruleSet = ruleSetForYear(await ruleSets.versions(), year);
    const { fees } = await forTenant(tenantId);
    const ledger = await fees.year(tenantId, year);
    if (half === undefined || ledger === undefined) return { body: summarizeYear(ledger, { tenantId, year, ruleSet }) };
    let totals = ledger.halves?.[half];
    if (totals === undefined) {
      // A counters item written before half totals were kept has none: the half is recomputed from the year's
      // entries, read page by page (RPT-1). Every year booked since keeps them, and is one read.
      const entries: LedgerEntry[] = [];
      await fees.eachEntryPage(tenantId, year, (page) => {
        entries.push(...page);
      });
      totals = halfTotalsOf(entries, half);
    }
    return { body: summarizeYear({ ...ledger, ...totals }, { tenantId, year, ruleSet }) };
  },
});
