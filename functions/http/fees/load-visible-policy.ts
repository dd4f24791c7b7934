import type { PolicyTermsSource } from '../../../domain/fees/policy-terms.port.js';
import type { PolicyTerms } from '../../../domain/fees/premium-receipt.js';
import { NotFound } from '../../../domain/kernel/errors.js';

/** ACL-1: a policy this insurer issued or co-insures, or the same 404 whether missing or another's. */
export async function loadVisiblePolicy(policies: PolicyTermsSource, tenantId: string, policyId: string): Promise<PolicyTerms> {
  const policy = await policies.getVisible(tenantId, policyId);
  if (!policy) throw new NotFound('policy');
  return policy;
}
