import * as z from 'zod/mini';
import { AGENCIES, INSURER_ROLES, REGULATOR_ROLES, ROLES, type Role } from '../identity/role.js';
import { Forbidden } from '../kernel/errors.js';

/**
 * A person who signs in. Which organisation it belongs to is its owner, fixed at creation: exactly one of
 * tenant, agency (and county) or USCC, or none for the platform operator.
 */
export const userSchema = z.object({
  id: z.string().check(z.meta({ description: "Our user id (on AWS also the identity's custom:userId)" })),
  username: z.string().check(z.meta({ description: 'The sign-in name: lower-case, unique on the platform' })),
  displayName: z.string().check(z.meta({ description: 'Name shown in the console and in the ID token' })),
  role: z.enum(ROLES),
  disabled: z.boolean().check(z.meta({ description: 'A disabled user gets no new token (from the next sign-in or refresh)' })),
  tenantId: z.optional(z.string().check(z.meta({ description: "An insurer user's tenant" }))),
  agency: z.optional(z.enum(AGENCIES).check(z.meta({ description: "A regulator user's agency" }))),
  county: z.optional(z.string().check(z.meta({ description: "A county EMB user's county" }))),
  uscc: z.optional(z.string().check(z.meta({ description: "An enterprise user's USCC" }))),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});

export type User = Readonly<z.output<typeof userSchema>>;

/**
 * Roles an administrator may hand out inside its own organisation: an insurer admin only insurer roles,
 * a regulator admin only regulator roles (ACL-1, ACL-2). Nobody grants `platform-operator` through the API.
 */
export function assertAssignableRole(adminRole: Role, role: Role): void {
  const assignable = adminRole === 'insurer-admin' ? INSURER_ROLES : adminRole === 'regulator-admin' ? REGULATOR_ROLES : [];
  if (!assignable.includes(role)) throw new Forbidden(`${adminRole} may not assign role ${role}`);
}

/**
 * Nobody changes its own standing (issue 12 #1): a user may not set its own `disabled` flag or role — not even to
 * the value it has — and its organisation is never changeable at all (the request schema has no such field).
 * So an organisation keeps an administrator who can sign in, and a token can never lift its own disabling or
 * raise its own role.
 */
export function assertNotChangingItself(actingUserId: string, target: User, change: { role?: Role; disabled?: boolean }): void {
  if (target.id !== actingUserId) return;
  if (change.disabled !== undefined) throw new Forbidden('disabled: a user may not change its own disabled flag; another administrator can');
  if (change.role !== undefined) throw new Forbidden('role: a user may not change its own role; another administrator can');
}

/** Whether a change touches what a token stands for (role or status), so that tokens issued before are revoked. */
export const changesStanding = (before: User, after: User): boolean => before.role !== after.role || before.disabled !== after.disabled;
