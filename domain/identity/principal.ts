import type { Agency, Role } from './role.js';

/**
 * The verified caller, built only from token claims (never from a path, query or body): ARCHITECTURE.md §3.
 * Exactly one of the scopes applies, by role: an insurer's `tenantId`, a regulator's `agency` (and `county`
 * for a county EMB), an enterprise's `uscc`; the platform operator has none.
 */
export interface Principal {
  readonly userId: string;
  readonly username: string;
  readonly role: Role;
  readonly tenantId?: string;
  readonly agency?: Agency;
  readonly county?: string;
  readonly uscc?: string;
}

/** The scope an insurer's repositories are built from; only obtainable from an insurer principal. */
export interface TenantContext {
  readonly tenantId: string;
}

/**
 * The claim names, shared by Cognito and the local token issuer. On AWS `custom:userId`, `custom:tenantId`,
 * `custom:agency`, `custom:county` and `custom:uscc` are the pool's immutable custom attributes (the
 * organisation binding, set once at registration), while `custom:role` and `username` are added at each
 * token issue from our table by the pre-token-generation trigger — a role can change, an attribute cannot.
 * `custom:userId` is there because Cognito's `sub` is its own id, not ours.
 */
export const CLAIMS = {
  userId: 'custom:userId',
  tenantId: 'custom:tenantId',
  role: 'custom:role',
  agency: 'custom:agency',
  county: 'custom:county',
  uscc: 'custom:uscc',
  username: 'username',
} as const;
