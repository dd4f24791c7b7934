import { Forbidden, NotFound } from '../../../domain/kernel/errors.js';
import { isWritableBy, type Policy } from '../../../domain/underwriting/policy.js';
import type { PolicyRepository } from '../../../domain/underwriting/policy.repository.js';
import * as z from 'zod/mini';
import { idParam } from '../zod.js';
import { underwritingRoot } from './composition-root.js';

/** `{policyId}` of the policy routes. */
export const policyIdParams = z.object({ policyId: idParam });

/**
 * ACL-1: the lead's own policy for a change. Another insurer's answers 404; a co-insurance member's copy is
 * readable but answers 403 to writes.
 */
export async function ownPolicy(tenantId: string, policyId: string): Promise<{ policies: PolicyRepository; policy: Policy }> {
  const { policies } = await underwritingRoot().forTenant(tenantId);
  const visible = await policies.getVisible(tenantId, policyId);
  if (!visible) throw new NotFound('policy');
  if (!isWritableBy(visible, tenantId)) throw new Forbidden('ACL-1: a co-insured policy is writable by the lead insurer only');
  return { policies, policy: visible };
}
