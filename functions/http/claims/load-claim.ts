import type { Claim } from '../../../domain/claims/claim.js';
import { NotFound } from '../../../domain/kernel/errors.js';
import { claimsRoot, type TenantClaims } from './composition-root.js';

/** A tenant's claim, or the same 404 whether it is missing or another tenant's (ACL-1). */
export async function loadClaim(tenantId: string, claimId: string): Promise<TenantClaims & { claim: Claim }> {
  const tenant = await claimsRoot().forTenant(tenantId);
  const claim = await tenant.claims.get(tenantId, claimId);
  if (!claim) throw new NotFound('claim');
  return { ...tenant, claim };
}
