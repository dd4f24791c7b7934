import { REGULATOR_READ } from '../../../domain/identity/access.js';
import { NotFound } from '../../../domain/kernel/errors.js';
import { inCountyScope } from '../../../domain/supervision/county-scope.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { supervisionRoot } from './composition-root.js';
import { insurerRefOf, loadInsurer } from './load-insurer.js';
import { insurerServiceAnswer, insurerServiceParams } from './schemas.js';

/**
 * ACL-2/ACL-4 (issue 14): one service of an insurer with its record, evidence, deadlines and confirmations,
 * read-only; another county's answers like a missing one (404).
 */
export const getInsurerService = defineRoute({
  method: 'GET',
  path: '/api/v1/regulator/insurers/{tenantId}/services/{serviceId}',
  access: REGULATOR_READ,
  summary: "One service of an insurer with its record, evidence and deadlines, read-only (a county EMB: its county's only)",
  tags: ['regulator'],
  params: insurerServiceParams,
  response: insurerServiceAnswer,
  async handle(input) {
    const caller = callerOf(input, 'regulator');
    const insurer = await loadInsurer(input.params.tenantId);
    const { reads } = await supervisionRoot().insurerData(caller);
    const service = await reads.getService(insurer.id, input.params.serviceId);
    if (!service || !inCountyScope(caller, service.enterprise.county)) throw new NotFound('service');
    return { body: { insurer: insurerRefOf(insurer), service } };
  },
});
