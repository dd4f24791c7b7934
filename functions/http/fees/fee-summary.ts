import { ruleSetForYear, summarizeYear } from '../../../domain/fees/compliance.js';
import { feeSummarySchema } from '../../../domain/fees/summary.schema.js';
import { FEE_BOOKING } from '../../../domain/identity/access.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { feesRoot } from './composition-root.js';
import { ledgerYearOf } from './ledger-year.js';
import { yearQuery } from './schemas.js';

/**
 * FEE-4, FEE-5: the year's premium ex-tax, accrued, spent, balance and spending ratio against the floor (15%)
 * and the ceiling (21%). One GetItem of the year's counters, whatever the number of entries.
 */
export const feeSummary = defineRoute({
  method: 'GET',
  path: '/api/v1/fees/summary',
  access: FEE_BOOKING,
  summary: "A year's prevention-fee summary and compliance (FEE-4, FEE-5), from pre-aggregated counters",
  tags: ['fees'],
  query: yearQuery,
  response: feeSummarySchema,
  async handle(input) {
    const { tenantId } = callerOf(input, 'insurer');
    const { forTenant, clock, ruleSets } = feesRoot();
    const year = ledgerYearOf(input.query.year, clock);
    const ruleSet = ruleSetForYear(await ruleSets.versions(), year);
    const { fees } = await forTenant(tenantId);
    return { body: summarizeYear(await fees.year(tenantId, year), { tenantId, year, ruleSet }) };
  },
});
