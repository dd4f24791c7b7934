import { instantOf } from '../kernel/calendar/instant.js';
import type { Changed } from '../kernel/events.js';
import { RuleViolation } from '../kernel/errors.js';
import { tenantOnboarded, tenantResumed, tenantSuspended } from './events.js';
import type { Tenant, TenantStatus } from './tenant.js';
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

/**
 * ACL-3: the operator suspends an ACTIVE insurer or resumes a SUSPENDED one, always with a reason; the tenant's
 * version moves on and its event is raised. Asking for the status it already has is a 409 naming `status`, so a
 * double click cannot hide a second, different reason behind the first.
 */
export function changeTenantStatus(tenant: Tenant, to: TenantStatus, reason: string, now: Date): Changed<Tenant> {
  if (tenant.status === to) {
    throw new RuleViolation('ACL-3', 'status', `ACL-3: tenant ${tenant.id} is already ${to}`, 409);
  }
  const next: Tenant = { ...tenant, status: to, statusReason: reason, statusChangedAt: instantOf(now), version: tenant.version + 1 };
  const subject = { id: tenant.id, version: next.version, tenantId: tenant.id };
  const event = to === 'SUSPENDED' ? tenantSuspended.of(subject, { tenantId: tenant.id, reason }) : tenantResumed.of(subject, { tenantId: tenant.id, reason });
  return { state: next, events: [event] };
}

/** Whether users of a tenant in this status may use the platform (the request-time check and the sign-in). */
export const tenantAdmitsUsers = (status: TenantStatus | undefined): boolean => status !== 'SUSPENDED';
