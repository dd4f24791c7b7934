import { INSURER } from '../../../domain/identity/access.js';
import { cancelPolicy as cancel } from '../../../domain/underwriting/cancellation.rules.js';
import { cancelPolicyBody } from '../../../domain/underwriting/policy-commands.schema.js';
import { policySchema } from '../../../domain/underwriting/policy.schema.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { underwritingRoot } from './composition-root.js';
import { ownPolicy, policyIdParams } from './own-policy.js';

/** UW-1: the lead cancels its policy from a day on; one transaction with `underwriting.policy.cancelled`. */
export const cancelPolicy = defineRoute({
  method: 'POST',
  path: '/api/v1/policies/{policyId}/cancel',
  access: INSURER,
  summary: 'Cancel a policy from a day on (never back-dated)',
  tags: ['underwriting'],
  params: policyIdParams,
  body: cancelPolicyBody,
  response: policySchema,
  async handle(input) {
    const { tenantId, userId } = callerOf(input, 'insurer');
    const { policies, policy } = await ownPolicy(tenantId, input.params.policyId);
    const { state: cancelled, events } = cancel(policy, input.body, underwritingRoot().clock.now(), userId);
    await policies.save(cancelled, policy.version, events);
    return { body: cancelled };
  },
});
