import { NotFound } from '../../../domain/kernel/errors.js';
import type { Tenant } from '../../../domain/platform/tenant.js';
import { supervisionRoot } from './composition-root.js';

/** The insurer a supervision route names, or 404 — an id that is no insurer answers like a missing object. */
export async function loadInsurer(tenantId: string): Promise<Tenant> {
  const tenant = await supervisionRoot().tenants.getTenant(tenantId);
  if (!tenant) throw new NotFound('insurer');
  return tenant;
}

export const insurerRefOf = (tenant: Tenant) => ({ tenantId: tenant.id, name: tenant.name, branchName: tenant.branchName });
