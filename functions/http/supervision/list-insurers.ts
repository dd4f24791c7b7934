import { ruleSetForYear, summarizeYear } from '../../../domain/fees/compliance.js';
import { REGULATOR_READ } from '../../../domain/identity/access.js';
import { yearOf } from '../../../domain/kernel/calendar/local-date.js';
import { todayOf } from '../../../domain/kernel/clock.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { supervisionRoot } from './composition-root.js';
import { insurersAnswer, insurersQuery } from './schemas.js';

/**
 * ACL-2/ACL-4 (issue 14): every insurer on the platform, by name, with what costs one read each: the year's
 * prevention-fee figures from the ledger's counters (FEE-4/FEE-5). A county EMB sees every insurer (any may
 * insure in its county) but not the insurer-wide ledger, which has no county (ACL-4).
 */
export const listInsurers = defineRoute({
  method: 'GET',
  path: '/api/v1/regulator/insurers',
  access: REGULATOR_READ,
  summary: "Every insurer, by name, with the year's prevention-fee figures (a county EMB: without them)",
  tags: ['regulator'],
  query: insurersQuery,
  response: insurersAnswer,
  async handle(input) {
    const caller = callerOf(input, 'regulator');
    const { tenants, ruleSets, clock, insurerData } = supervisionRoot();
    const year = input.query.year ?? yearOf(todayOf(clock));
    const page = await tenants.listTenants({ limit: input.query.limit, cursor: input.query.cursor, nameContains: input.query.name, withTotal: true });
    const withFees = caller.agency !== 'EMB_COUNTY';
    const ruleSet = withFees ? ruleSetForYear(await ruleSets.versions(), year) : undefined;
    const { fees } = await insurerData(caller);
    const items = await Promise.all(
      page.items.map(async (tenant) => ({
        tenantId: tenant.id,
        name: tenant.name,
        branchName: tenant.branchName,
        uscc: tenant.uscc,
        status: tenant.status,
        fees: ruleSet ? summarizeYear(await fees.year(tenant.id, year), { tenantId: tenant.id, year, ruleSet }) : null,
      })),
    );
    return { body: { year, items, nextCursor: page.nextCursor, total: page.total } };
  },
});
