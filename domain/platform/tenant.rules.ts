import { instantOf } from '../kernel/calendar/instant.js';
import type { Changed } from '../kernel/events.js';
import { tenantOnboarded } from './events.js';
import type { Tenant } from './tenant.js';
import type { User } from './user.js';

/** An insurer as it is onboarded together with its first administrator. */
export interface TenantOnboarding {
  readonly tenant: Tenant;
  readonly admin: User;
}

/**
 * Onboards an insurer: an ACTIVE tenant at version 1 and its first administrator (made with createUser,
 * user.rules.ts), with `platform.tenant.onboarded` and then the admin's `platform.user.created`.
 */
export function onboardTenant(
  profile: Pick<Tenant, 'id' | 'name' | 'uscc' | 'branchName'>,
  admin: Changed<User>,
  now: Date,
): Changed<TenantOnboarding> {
  const tenant: Tenant = { ...profile, status: 'ACTIVE', createdAt: instantOf(now), version: 1 };
  const event = tenantOnboarded.of(
    { id: tenant.id, version: 1, tenantId: tenant.id },
    { tenantId: tenant.id, name: tenant.name, uscc: tenant.uscc, branchName: tenant.branchName },
  );
  return { state: { tenant, admin: admin.state }, events: [event, ...admin.events] };
}

/** Whether `stored` is the tenant an onboarding with this profile would have made (a repeated request). */
export const isSameTenant = (stored: Tenant | undefined, wanted: Pick<Tenant, 'uscc' | 'name' | 'branchName'>): stored is Tenant =>
  stored !== undefined && stored.uscc === wanted.uscc && stored.name === wanted.name && stored.branchName === wanted.branchName;
