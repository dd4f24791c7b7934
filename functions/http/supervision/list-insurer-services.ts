import { REGULATOR_READ } from '../../../domain/identity/access.js';
import { todayOf } from '../../../domain/kernel/clock.js';
import { countyScopeOf } from '../../../domain/supervision/county-scope.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { supervisionRoot } from './composition-root.js';
import { insurerRefOf, loadInsurer } from './load-insurer.js';
import { insurerParams, insurerServicesAnswer, insurerServicesQuery } from './schemas.js';

/**
 * ACL-2/ACL-4, SVC-8/SVC-9 (issue 14): one insurer's prevention services, read-only — by status and county, or
 * (overdue=true) those whose next deadline has passed, from the sparse due index. A county EMB: its county only.
 */
export const listInsurerServices = defineRoute({
  method: 'GET',
  path: '/api/v1/regulator/insurers/{tenantId}/services',
  access: REGULATOR_READ,
  summary: "One insurer's services: status, county, overdue (an SVC-8/SVC-9 deadline passed); a county EMB: its county",
  tags: ['regulator'],
  params: insurerParams,
  query: insurerServicesQuery,
  response: insurerServicesAnswer,
  async handle(input) {
    const caller = callerOf(input, 'regulator');
    const county = countyScopeOf(caller, input.query.county);
    const insurer = await loadInsurer(input.params.tenantId);
    const { reads } = await supervisionRoot().insurerData(caller);
    const { limit, cursor, status, overdue } = input.query;
    const overdueOn = overdue === 'true' ? todayOf(supervisionRoot().clock) : undefined;
    const page = await reads.listServices(insurer.id, { limit, cursor, status, county, overdueOn, withTotal: true });
    return { body: { insurer: insurerRefOf(insurer), items: [...page.items], nextCursor: page.nextCursor, total: page.total } };
  },
});
