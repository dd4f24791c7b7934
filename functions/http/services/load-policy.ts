import { NotFound, RuleViolation } from '../../../domain/kernel/errors.js';
import { recordedRuleSet } from '../../../domain/kernel/rule-set/rule-set-registry.js';
import type { RuleSet } from '../../../domain/kernel/rule-set/rule-set.js';
import type { Policy } from '../../../domain/underwriting/policy.js';
import { servicesRoot, type TenantServices } from './composition-root.js';

/**
 * The caller's policy, its own or a co-insurance member's read-only copy; another tenant's answers 404 like
 * a missing one (ACL-1). With `lead`, only the lead insurer passes: the services of a co-insured policy are
 * the lead's to keep, so a member is refused (409 ACL-1) rather than shown an empty, misleading view.
 */
export async function loadPolicy(tenantId: string, policyId: string, options: { lead: boolean }): Promise<{ tenant: TenantServices; policy: Policy }> {
  const tenant = await servicesRoot().forTenant(tenantId);
  const policy = await tenant.policies.getVisible(tenantId, policyId);
  if (!policy) throw new NotFound('policy');
  if (options.lead && policy.tenantId !== tenantId) {
    throw new RuleViolation(
      'ACL-1',
      'policyId',
      `ACL-1: policy ${policy.policyNumber} is co-insured under another lead insurer, which alone keeps its services and plan`,
      409,
    );
  }
  return { tenant, policy };
}

/**
 * RULES-1: a policy's plan, obligations and services follow the rule set the policy recorded at issue — as its
 * premium and fees do — not the one in force on its start date (which, for a period starting before
 * 2024-05-09, is none).
 */
export const ruleSetFor = async (policy: Policy): Promise<RuleSet> =>
  recordedRuleSet(await servicesRoot().ruleSets.versions(policy), policy, `policy ${policy.policyNumber}`);
