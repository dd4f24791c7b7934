import { REGULATOR_READ } from '../../../domain/identity/access.js';
import { countyScopeOf } from '../../../domain/supervision/county-scope.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { insurerRefOf, loadInsurer } from './load-insurer.js';
import { insurerHazardsAnswer, insurerHazardsQuery } from './records-schemas.js';
import { insurerRecords } from './records-composition-root.js';
import { insurerParams } from './schemas.js';

/**
 * SVC-7, ACL-2/ACL-4 (issue 14): one insurer's hazards, read-only — MAJOR first, then GENERAL, each newest first;
 * by status and county (a county EMB: its county only; another asked for: 403).
 */
export const listInsurerHazards = defineRoute({
  method: 'GET',
  path: '/api/v1/regulator/insurers/{tenantId}/hazards',
  access: REGULATOR_READ,
  summary: "One insurer's hazards, major first: status, county (a county EMB: its county)",
  tags: ['regulator'],
  params: insurerParams,
  query: insurerHazardsQuery,
  response: insurerHazardsAnswer,
  async handle(input) {
    const caller = callerOf(input, 'regulator');
    const county = countyScopeOf(caller, input.query.county);
    const insurer = await loadInsurer(input.params.tenantId);
    const { records } = await insurerRecords(caller);
    const page = await records.listHazards(insurer.id, { ...input.query, county, withTotal: true });
    return { body: { insurer: insurerRefOf(insurer), items: [...page.items], nextCursor: page.nextCursor, total: page.total } };
  },
});
