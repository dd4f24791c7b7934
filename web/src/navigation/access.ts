import type { Role } from '../api';

/**
 * Who may open which part of the console (DOMAIN.md §12, ACL-1…5): the console's side of the access
 * matrix. The API enforces the real one; this only decides what is shown.
 */
export const AUDIENCE = {
  operator: ['platform-operator'],
  insurer: ['insurer-admin', 'insurer-staff'],
  insurerAdmin: ['insurer-admin'],
  regulator: ['regulator', 'regulator-admin'],
  regulatorAdmin: ['regulator-admin'],
  enterprise: ['enterprise'],
} as const satisfies Record<string, readonly Role[]>;

/** The roles a team admin may give to the users it creates (API.md `POST /users`). */
export function assignableRoles(role: Role): readonly Role[] {
  if (role === 'insurer-admin') return ['insurer-staff', 'insurer-admin'];
  if (role === 'regulator-admin') return ['regulator', 'regulator-admin'];
  return [];
}
