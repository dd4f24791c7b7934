import { INSURER } from '../../../domain/identity/access.js';
import { endorsePolicy as endorse } from '../../../domain/underwriting/endorsement.rules.js';
import { endorsePolicyBody } from '../../../domain/underwriting/policy-commands.schema.js';
import { policySchema } from '../../../domain/underwriting/policy.schema.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { underwritingRoot } from './composition-root.js';
import { enterpriseSnapshot } from './enterprise-snapshot.js';
import { ownPolicy, policyIdParams } from './own-policy.js';

/**
 * UW-3, UW-4, UW-9, UW-1: endorse the lead's policy. Looks up only what the change needs — the register's
 * staff count when `employeesCovered` changes, the enterprise's other policies when the period end moves —
 * then the domain decides, and one transaction stores the policy with `underwriting.policy.endorsed`.
 */
export const endorsePolicy = defineRoute({
  method: 'POST',
  path: '/api/v1/policies/{policyId}/endorsements',
  access: INSURER,
  summary: 'Endorse a policy: staff count, insured amount, death limit or period end (UW-3, UW-4, UW-9)',
  tags: ['underwriting'],
  params: policyIdParams,
  body: endorsePolicyBody,
  response: policySchema,
  async handle(input) {
    const { tenantId, userId } = callerOf(input, 'insurer');
    const { policies, policy } = await ownPolicy(tenantId, input.params.policyId);
    const [enterprise, enterprisePolicies] = await Promise.all([
      input.body.employeesCovered === undefined ? Promise.resolve(undefined) : enterpriseSnapshot(policy.enterprise.uscc),
      input.body.periodEnd === undefined ? Promise.resolve(undefined) : policies.listByEnterpriseForTenant(tenantId, policy.enterprise.uscc, policy.periodStart),
    ]);
    const { state: endorsed, events } = endorse(policy, input.body, {
      by: userId,
      now: underwritingRoot().clock.now(),
      ruleSets: await underwritingRoot().ruleSets.versions(policy),
      ...(input.body.employeesCovered === undefined ? {} : { enterprise }),
      ...(enterprisePolicies ? { enterprisePolicies } : {}),
    });
    await policies.save(endorsed, policy.version, events);
    return { body: endorsed };
  },
});
