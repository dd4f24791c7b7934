import { REGULATOR_READ } from '../../../domain/identity/access.js';
import { todayOf } from '../../../domain/kernel/clock.js';
import { INDUSTRIES, industryScope } from '../../../domain/kernel/industry.js';
import { coverageCountsOf, type CoverageCount } from '../../../domain/underwriting/coverage.js';
import { coverageCountsSchema } from '../../../domain/underwriting/coverage.schema.js';
import * as z from 'zod/mini';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { underwritingRoot } from './composition-root.js';
import { countiesFor, countyQuery } from './regulator-counties.js';

/**
 * UW-11's counts for today, per county × industry: registered (the register's counters) and insured (the
 * coverage counters) — batched reads of the county × industry counters (BatchGetItem, a hundred keys each), so the
 * city-wide view costs a few requests whatever the number of counties, enterprises and policies.
 */
const COUNTED = INDUSTRIES.filter((industry) => industryScope(industry) !== 'ENCOURAGED');

export const coverageCounts = defineRoute({
  method: 'GET',
  path: '/api/v1/regulator/coverage',
  access: REGULATOR_READ,
  summary: "Today's registered and insured counts per county and industry (UW-11, pre-aggregated)",
  tags: ['regulator'],
  query: z.object({ county: countyQuery }),
  response: coverageCountsSchema,
  async handle(input) {
    const caller = callerOf(input, 'regulator');
    const { countyCounts, clock } = underwritingRoot();
    const counties = countiesFor(caller, input.query.county);
    const [registered, insured] = await Promise.all([countyCounts.registered(counties, COUNTED), countyCounts.insured(counties, COUNTED)]);
    const items: CoverageCount[] = counties.flatMap((county) =>
      coverageCountsOf(
        county,
        // In the counters' key order (the industry code), as one Query of the county answered them.
        registered.filter((row) => row.county === county).sort((a, b) => (a.industry < b.industry ? -1 : a.industry > b.industry ? 1 : 0)),
        insured.filter((row) => row.county === county),
      ),
    );
    return { body: { onDate: todayOf(clock), items } };
  },
});
