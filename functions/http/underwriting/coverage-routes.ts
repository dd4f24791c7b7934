import { XINZHOU_AREAS } from '../../../domain/kernel/area.js';
import { localDateSchema } from '../../../domain/kernel/calendar/local-date.js';
import { Forbidden } from '../../../domain/kernel/errors.js';
import { industryScope, industrySchema, type Industry } from '../../../domain/kernel/industry.js';
import type { Principal } from '../../../domain/identity/principal.js';
import { coverageGap, type CoveragePeriod, type CoverageRegisterEntry } from '../../../domain/underwriting/coverage.js';
import * as z from 'zod/mini';
import { DynamoCoverageRepository } from '../../adapters/dynamodb/coverage.repository.js';
import { mainTableName, sharedDynamoDb } from '../../adapters/dynamodb/client.js';
import { Store } from '../../adapters/dynamodb/store.js';
import { systemClock } from '../../adapters/clock.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { todayOf, underwritingDeps } from './deps.js';
import { REGULATOR_READ } from '../../../domain/identity/access.js';

const countyQuery = z.optional(z.string().check(z.maxLength(10)));
const coverage = () => new DynamoCoverageRepository(new Store(sharedDynamoDb().doc, mainTableName(), systemClock));

/** ACL-4: a county EMB reads its own county only; the city EMB and the NFRA any county, or all of them. */
function countiesFor(caller: Principal, asked: string | undefined): string[] {
  if (caller.agency === 'EMB_COUNTY') {
    if (asked !== undefined && asked !== caller.county) throw new Forbidden('ACL-4: a county EMB sees its own county only');
    return [caller.county as string];
  }
  return asked ? [asked] : XINZHOU_AREAS.map((area) => area.code);
}

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
  async handle(input) {
    const caller = callerOf(input);
    const onDate = input.query.date ?? todayOf(systemClock);
    const { register } = underwritingDeps();
    const entries: CoverageRegisterEntry[] = [];
    const periods = new Map<string, CoveragePeriod[]>();
    for (const county of countiesFor(caller, input.query.county)) {
      let cursor: string | undefined;
      do {
        const page = await register.list({ county, industry: input.query.industry, limit: 1000, cursor });
        entries.push(...page.items.map(({ uscc, industry, county: area }) => ({ uscc, industry, county: area })));
        cursor = page.nextCursor;
      } while (cursor);
      for (const item of await coverage().listCounty(county)) periods.set(item.uscc, Object.values(item.shares));
    }
    return { body: coverageGap(entries, periods, onDate) };
  },
});

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
  async handle(input) {
    const caller = callerOf(input);
    const { register } = underwritingDeps();
    const rows = [];
    for (const county of countiesFor(caller, input.query.county)) {
      const [registered, insured] = await Promise.all([register.registeredCounts(county), coverage().insuredCounts(county)]);
      const insuredOf = new Map(insured.map((row) => [row.industry, row.insured]));
      for (const row of registered) {
        const scope = industryScope(row.industry as Industry);
        if (scope === 'ENCOURAGED') continue;
        const covered = Math.min(insuredOf.get(row.industry) ?? 0, row.registered);
        rows.push({ county, industry: row.industry, scope, registered: row.registered, insured: covered, uninsured: row.registered - covered });
      }
    }
    return { body: { onDate: todayOf(systemClock), items: rows } };
  },
});
