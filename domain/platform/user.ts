import type { Agency, Role } from '../identity/role.js';
import { INSURER_ROLES, REGULATOR_ROLES } from '../identity/role.js';
import { Forbidden } from '../kernel/errors.js';

/** A person who signs in. Which organisation it belongs to is its owner, fixed at creation. */
export interface User {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly disabled: boolean;
  readonly tenantId?: string;
  readonly agency?: Agency;
  readonly county?: string;
  readonly uscc?: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly version: number;
}

/**
 * Roles an administrator may hand out inside its own organisation: an insurer admin only insurer roles,
 * a regulator admin only regulator roles (ACL-1, ACL-2). Nobody grants `platform-operator` through the API.
 */
export function assertAssignableRole(adminRole: Role, role: Role): void {
  const assignable = adminRole === 'insurer-admin' ? INSURER_ROLES : adminRole === 'regulator-admin' ? REGULATOR_ROLES : [];
  if (!assignable.includes(role)) throw new Forbidden(`${adminRole} may not assign role ${role}`);
}

/**
 * An organisation must keep at least one administrator who can sign in, or nobody could manage it again;
 * an admin therefore cannot demote or disable itself.
 */
export function assertNotSelfLockout(actingUserId: string, target: User, change: { role?: Role; disabled?: boolean }): void {
  if (target.id !== actingUserId) return;
  if (change.disabled === true || (change.role !== undefined && change.role !== target.role)) {
    throw new Forbidden('an administrator cannot disable or demote itself');
  }
}
