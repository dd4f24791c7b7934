import { REGULATOR_READ } from '../../../domain/identity/access.js';
import { NotFound } from '../../../domain/kernel/errors.js';
import { inCountyScope } from '../../../domain/supervision/county-scope.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { supervisionRoot } from './composition-root.js';
import { insurerRefOf, loadInsurer } from './load-insurer.js';
import { insurerPolicyAnswer, insurerPolicyParams } from './schemas.js';

/** ACL-2/ACL-4 (issue 14): one policy of an insurer, read-only; another county's answers like a missing one (404). */
export const getInsurerPolicy = defineRoute({
  method: 'GET',
  path: '/api/v1/regulator/insurers/{tenantId}/policies/{policyId}',
  access: REGULATOR_READ,
  summary: "One policy of an insurer, read-only (a county EMB: its county's only)",
  tags: ['regulator'],
  params: insurerPolicyParams,
  response: insurerPolicyAnswer,
  async handle(input) {
    const caller = callerOf(input, 'regulator');
    const insurer = await loadInsurer(input.params.tenantId);
    const { reads } = await supervisionRoot().insurerData(caller);
    const policy = await reads.getPolicy(insurer.id, input.params.policyId);
    if (!policy || !inCountyScope(caller, policy.enterprise.county)) throw new NotFound('policy');
    return { body: { insurer: insurerRefOf(insurer), policy } };
  },
});
