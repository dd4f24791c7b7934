import { REGULATOR_READ } from '../../../domain/identity/access.js';
import { todayOf } from '../../../domain/kernel/clock.js';
import { timelinessOf } from '../../../domain/supervision/complaint-timeliness.js';
import { countyScopeOf } from '../../../domain/supervision/county-scope.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { supervisionRoot } from './composition-root.js';
import { insurerRefOf, loadInsurer } from './load-insurer.js';
import { insurerComplaintsAnswer, insurerComplaintsQuery } from './records-schemas.js';
import { insurerRecords } from './records-composition-root.js';
import { insurerParams } from './schemas.js';

/**
 * CMP-1..8, CMP-6, ACL-2/ACL-4 (issue 14): every complaint against one insurer — not only the escalated ones —
 * newest first, each with its enterprise's name and its timeliness against the binding due day. A county EMB
 * reads its county's (a complaint whose county is unknown is the city-level regulators' only, as CMP-6's view).
 */
export const listInsurerComplaints = defineRoute({
  method: 'GET',
  path: '/api/v1/regulator/insurers/{tenantId}/complaints',
  access: REGULATOR_READ,
  summary: "Every complaint against one insurer with its timeliness: status, county (a county EMB: its county)",
  tags: ['regulator'],
  params: insurerParams,
  query: insurerComplaintsQuery,
  response: insurerComplaintsAnswer,
  async handle(input) {
    const caller = callerOf(input, 'regulator');
    const county = countyScopeOf(caller, input.query.county);
    const insurer = await loadInsurer(input.params.tenantId);
    const { records } = await insurerRecords(caller);
    const page = await records.listComplaints(insurer.id, { ...input.query, county, withTotal: true });
    const today = todayOf(supervisionRoot().clock);
    const items = page.items.map((complaint) => ({ ...complaint, timeliness: timelinessOf(complaint, today) }));
    return { body: { insurer: insurerRefOf(insurer), items, nextCursor: page.nextCursor, total: page.total } };
  },
});
