import { claimSchema } from '../../../domain/claims/claim.js';
import { registerClaim as register } from '../../../domain/claims/claim.rules.js';
import { registerClaimBody } from '../../../domain/claims/claim.schema.js';
import { INSURER } from '../../../domain/identity/access.js';
import { RuleViolation } from '../../../domain/kernel/errors.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { claimsRoot } from './composition-root.js';

/**
 * CLM-1: insurer staff register a claim on one of the insurer's own policies — the lead's, for a co-insured
 * one (ACL-1: members read, the lead writes). Another insurer's policy is refused like a missing one.
 */
export const registerClaim = defineRoute({
  method: 'POST',
  path: '/api/v1/claims',
  access: INSURER,
  summary: 'Register a claim against a policy (CLM-1)',
  tags: ['claims'],
  body: registerClaimBody,
  response: claimSchema,
  successStatus: 201,
  async handle(input) {
    const { tenantId, userId } = callerOf(input, 'insurer');
    const { clock, newId, forTenant } = claimsRoot();
    const { claims, policies } = await forTenant(tenantId);
    const policy = await policies.get(tenantId, input.body.policyId);
    if (!policy) throw new RuleViolation('CLM-1', 'policyId', 'CLM-1: no policy of this insurer (as lead) has this id', 400);
    const now = clock.now();
    const registered = register(policy, input.body, { id: newId(now), by: userId, now });
    await claims.create(registered);
    return { body: registered.state };
  },
});
