import { ruleSetForYear } from '../../../domain/fees/compliance.js';
import { REGULATOR_READ } from '../../../domain/identity/access.js';
import { XINZHOU_AREAS, areaName } from '../../../domain/kernel/area.js';
import { yearOf } from '../../../domain/kernel/calendar/local-date.js';
import { todayOf } from '../../../domain/kernel/clock.js';
import { INDUSTRIES, industryScope } from '../../../domain/kernel/industry.js';
import type { Tenant } from '../../../domain/platform/tenant.js';
import { overviewOf } from '../../../domain/supervision/counters-overview.js';
import { UNKNOWN_COUNTY } from '../../../domain/supervision/counters.js';
import { countyScopeOf } from '../../../domain/supervision/county-scope.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { overviewRoot } from './overview-composition-root.js';
import { overviewAnswer, overviewQuery } from './overview-schemas.js';

/** Written down once, returned with every answer (see `rankBehind` in domain/supervision/counters-overview.ts). */
const RANKING =
  'Most behind first: (1) more items past due and still open — SVC-1/SVC-2 services owed, SVC-8 follow-ups, SVC-9 archives, ' +
  'CMP replies, SVC-7 major hazards; (2) then more items done late; (3) then the larger FEE-4 shortfall; ' +
  '(4) then the lower share of SVC-1/SVC-2 services done; (5) then tenant id.';

async function everyTenant(tenants: ReturnType<typeof overviewRoot>['tenants']): Promise<Tenant[]> {
  const all: Tenant[] = [];
  let cursor: string | undefined;
  do {
    const page = await tenants.listTenants({ limit: 100, ...(cursor ? { cursor } : {}) });
    all.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return all;
}

/** UW-11: the register's counts the coverage share is taken against — the industries the notice makes mandatory. */
const MANDATORY = INDUSTRIES.filter((industry) => industryScope(industry) === 'MANDATORY');

/**
 * Issue 14 (ACL-2, ACL-4; UW-11, SVC-1/2/7/8/9, FEE-4/5, CMP): the regulators' overview of a year — per insurer
 * and per county — from the counters the supervision-counters projection keeps. Its reads never grow with
 * policies, services or complaints: one Query per county partition of the year's counter cells (a fixed set of figures per insurer;
 * a county EMB's session reads its county's partition only, issue 21), one BatchGetItem of the register's counts of every county in scope × the mandatory industries, the insurers' list and the rule sets. A
 * county EMB sees its county's cells only and no fee figures (the ledger has no county).
 */
export const getOverview = defineRoute({
  method: 'GET',
  path: '/api/v1/regulator/overview',
  access: REGULATOR_READ,
  summary: 'The supervision overview of a year, per insurer (most behind first) and per county; a county EMB: its county',
  tags: ['regulator'],
  query: overviewQuery,
  response: overviewAnswer,
  async handle(input) {
    const caller = callerOf(input, 'regulator');
    const county = countyScopeOf(caller, undefined);
    const { counters, countyCounts, tenants, ruleSets, clock } = overviewRoot();
    const today = todayOf(clock);
    const year = input.query.year ?? yearOf(today);
    const counties = county === undefined ? XINZHOU_AREAS.map((area) => area.code as string) : [county];
    const [cells, registeredCounts, insurers, versions] = await Promise.all([
      counters(caller).then((read) => read.cells(year, county)),
      countyCounts.registered(counties, MANDATORY),
      everyTenant(tenants),
      county === undefined ? ruleSets.versions() : Promise.resolve(undefined),
    ]);
    const registered: Record<string, number> = Object.fromEntries(counties.map((code) => [code, 0]));
    for (const count of registeredCounts) registered[count.county] = (registered[count.county] ?? 0) + count.registered;
    const ruleSet = versions === undefined ? undefined : ruleSetForYear(versions, year);
    const overview = overviewOf({
      year,
      today,
      cells,
      tenantIds: insurers.map((tenant) => tenant.id),
      registered,
      ...(county === undefined ? {} : { county }),
      ...(ruleSet === undefined
        ? {}
        : { fees: { floorBasisPoints: ruleSet.preventionFeeFloorBasisPoints, ceilingBasisPoints: ruleSet.preventionFeeCeilingBasisPoints } }),
    });
    const byId = new Map(insurers.map((tenant) => [tenant.id, tenant]));
    return {
      body: {
        year: overview.year,
        asOf: overview.asOf,
        county: county ?? null,
        ranking: RANKING,
        totals: overview.totals,
        // Names, never bare ids: an insurer no longer on the platform's list is left out.
        insurers: overview.insurers.flatMap((row) => {
          const tenant = byId.get(row.tenantId);
          return tenant ? [{ ...row, name: tenant.name, branchName: tenant.branchName }] : [];
        }),
        counties: overview.counties.map((row) => ({ ...row, name: row.county === UNKNOWN_COUNTY ? '区县未知' : areaName(row.county) })),
      },
    };
  },
});
