import { INSURER } from '../../../domain/identity/access.js';
import { NotFound } from '../../../domain/kernel/errors.js';
import { policySchema } from '../../../domain/underwriting/policy.schema.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { underwritingRoot } from './composition-root.js';
import { policyIdParams } from './own-policy.js';

/** ACL-1: one policy the insurer issued or co-insures; another insurer's answers 404. */
export const getPolicy = defineRoute({
  method: 'GET',
  path: '/api/v1/policies/{policyId}',
  access: INSURER,
  summary: 'One policy the insurer issued or co-insures (ACL-1)',
  tags: ['underwriting'],
  params: policyIdParams,
  response: policySchema,
  async handle(input) {
    const { tenantId } = callerOf(input, 'insurer');
    const { policies } = await underwritingRoot().forTenant(tenantId);
    const policy = await policies.getVisible(tenantId, input.params.policyId);
    if (!policy) throw new NotFound('policy');
    return { body: policy };
  },
});
