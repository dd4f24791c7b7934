import { REGULATOR_READ } from '../../../domain/identity/access.js';
import { todayOf } from '../../../domain/kernel/clock.js';
import { coverageCountsOf, type CoverageCount } from '../../../domain/underwriting/coverage.js';
import { coverageCountsSchema } from '../../../domain/underwriting/coverage.schema.js';
import * as z from 'zod/mini';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { underwritingRoot } from './composition-root.js';
import { countiesFor, countyQuery } from './regulator-counties.js';

/**
 * UW-11's counts for today, per county × industry: registered (the register's counters) and insured (the
 * coverage counters) — two Queries per county whatever the number of enterprises and policies.
 */
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
    const { register, coverage, clock } = underwritingRoot();
    const items: CoverageCount[] = [];
    for (const county of countiesFor(caller, input.query.county)) {
      const [registered, insured] = await Promise.all([register.registeredCounts(county), coverage.insuredCounts(county)]);
      items.push(...coverageCountsOf(county, registered, insured));
    }
    return { body: { onDate: todayOf(clock), items } };
  },
});
