import { REGULATOR_READ } from '../../../domain/identity/access.js';
import { localDateSchema } from '../../../domain/kernel/calendar/local-date.js';
import { todayOf } from '../../../domain/kernel/clock.js';
import { industrySchema } from '../../../domain/kernel/industry.js';
import { coverageGap, type CoveragePeriod, type CoverageRegisterEntry } from '../../../domain/underwriting/coverage.js';
import { coverageGapSchema } from '../../../domain/underwriting/coverage.schema.js';
import * as z from 'zod/mini';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { underwritingRoot } from './composition-root.js';
import { countiesFor, countyQuery } from './regulator-counties.js';

/**
 * UW-11: mandatory-industry enterprises of the register with no in-force policy on a date (应保未保), by county
 * and industry, with the promoted industries as advisory. Reads one county's register and coverage items.
 */
export const listUninsured = defineRoute({
  method: 'GET',
  path: '/api/v1/regulator/uninsured',
  access: REGULATOR_READ,
  summary: 'Registered enterprises without an in-force policy on a date, by county and industry (UW-11)',
  tags: ['regulator'],
  query: z.object({ date: z.optional(localDateSchema), county: countyQuery, industry: z.optional(industrySchema) }),
  response: coverageGapSchema,
  async handle(input) {
    const caller = callerOf(input, 'regulator');
    const { register, coverage, clock } = underwritingRoot();
    const onDate = input.query.date ?? todayOf(clock);
    const entries: CoverageRegisterEntry[] = [];
    const periods = new Map<string, CoveragePeriod[]>();
    for (const county of countiesFor(caller, input.query.county)) {
      let cursor: string | undefined;
      do {
        const page = await register.list({ county, industry: input.query.industry, limit: 1000, cursor });
        entries.push(...page.items.map(({ uscc, industry, county: area, name }) => ({ uscc, industry, county: area, name })));
        cursor = page.nextCursor;
      } while (cursor);
      for (const item of await coverage.listCounty(county)) periods.set(item.uscc, Object.values(item.shares));
    }
    return { body: coverageGap(entries, periods, onDate) };
  },
});
