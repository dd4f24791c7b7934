import { ruleSetForYear, summarizeYear } from '../../../domain/fees/compliance.js';
import { FEE_OVERSIGHT } from '../../../domain/identity/access.js';
import { yearOf } from '../../../domain/kernel/calendar/local-date.js';
import { todayOf } from '../../../domain/kernel/clock.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { supervisionRoot } from './composition-root.js';
import { insurerRefOf, loadInsurer } from './load-insurer.js';
import { insurerFeesAnswer, insurerFeesQuery, insurerParams } from './schemas.js';

/**
 * FEE-4/FEE-5 (issue 14): an insurer's prevention-fee year as the insurer's own summary states it — premium
 * ex-tax, accrued, spent and the ratio against the floor and ceiling — from the year's counters (one GetItem).
 * The city EMB and the NFRA only (FEE_OVERSIGHT): the ledger has no county for a county EMB's view (ACL-4).
 */
export const getInsurerFees = defineRoute({
  method: 'GET',
  path: '/api/v1/regulator/insurers/{tenantId}/fees',
  access: FEE_OVERSIGHT,
  summary: "An insurer's prevention-fee year summary (FEE-4, FEE-5), read-only; the city EMB and the NFRA",
  tags: ['regulator'],
  params: insurerParams,
  query: insurerFeesQuery,
  response: insurerFeesAnswer,
  async handle(input) {
    const caller = callerOf(input, 'regulator');
    const { ruleSets, clock, insurerData } = supervisionRoot();
    const insurer = await loadInsurer(input.params.tenantId);
    const year = input.query.year ?? yearOf(todayOf(clock));
    const ruleSet = ruleSetForYear(await ruleSets.versions(), year);
    const { fees } = await insurerData(caller);
    const summary = summarizeYear(await fees.year(insurer.id, year), { tenantId: insurer.id, year, ruleSet });
    return { body: { insurer: insurerRefOf(insurer), summary } };
  },
});
