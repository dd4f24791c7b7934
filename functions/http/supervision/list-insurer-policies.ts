import { REGULATOR_READ } from '../../../domain/identity/access.js';
import { isValidUscc } from '../../../domain/kernel/uscc.js';
import { countyScopeOf } from '../../../domain/supervision/county-scope.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { supervisionRoot } from './composition-root.js';
import { insurerRefOf, loadInsurer } from './load-insurer.js';
import { insurerParams, insurerPoliciesAnswer, insurerPoliciesQuery } from './schemas.js';

/**
 * ACL-2/ACL-4, UW-1 (issue 14): one insurer's policies, read-only, newest first — by county and status, or found
 * by the enterprise's USCC, the policy number or part of the enterprise's name. A county EMB reads its own
 * county's enterprises only (another county asked for: 403).
 */
export const listInsurerPolicies = defineRoute({
  method: 'GET',
  path: '/api/v1/regulator/insurers/{tenantId}/policies',
  access: REGULATOR_READ,
  summary: "One insurer's policies: county, status; search by USCC, policy number or enterprise name (a county EMB: its county)",
  tags: ['regulator'],
  params: insurerParams,
  query: insurerPoliciesQuery,
  response: insurerPoliciesAnswer,
  async handle(input) {
    const caller = callerOf(input, 'regulator');
    const county = countyScopeOf(caller, input.query.county);
    const insurer = await loadInsurer(input.params.tenantId);
    const { reads } = await supervisionRoot().insurerData(caller);
    const { q, ...query } = input.query;
    // Issue 15: a USCC in the one box is the enterprise's key (GSI2); anything else searches names and numbers.
    const search = q === undefined ? {} : isValidUscc(q) ? { uscc: query.uscc ?? q } : { search: q };
    const page = await reads.listPolicies(insurer.id, { ...query, ...search, county, withTotal: true });
    return { body: { insurer: insurerRefOf(insurer), items: [...page.items], nextCursor: page.nextCursor, total: page.total } };
  },
});
