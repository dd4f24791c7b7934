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

/** The claim names, shared by Cognito (custom attributes) and the local token issuer. */
export const CLAIMS = {
  tenantId: 'custom:tenantId',
  role: 'custom:role',
  agency: 'custom:agency',
  county: 'custom:county',
  uscc: 'custom:uscc',
  username: 'username',
} as const;
