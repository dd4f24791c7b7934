import type { PolicyTerms } from './premium-receipt.js';

/**
 * FEE-1, ACL-1: what the fee ledger reads of underwriting — the terms of a policy the insurer issued or
 * co-insures (read only), or `undefined` when it is missing or another's. Underwriting's policy repository
 * (domain/underwriting/policy.repository.ts) answers it.
 *
 * @example
 * const policy = await policies.getVisible(tenantId, body.policyId); // undefined → 404
 */
export interface PolicyTermsSource {
  getVisible(tenantId: string, policyId: string): Promise<PolicyTerms | undefined>;
}
