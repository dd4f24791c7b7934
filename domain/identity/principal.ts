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
  /**
   * The version of the user's principal record the token was issued at (`custom:tokenVersion`); a token older
   * than the record's is revoked (principal-record.ts). Absent in the record's own copy of the principal.
   */
  readonly tokenVersion?: number;
  /**
   * Issue 21: the token was issued to an operator or regulator who has not enabled TOTP yet
   * (`custom:mfa = SETUP_REQUIRED`): it opens the enrolment routes and nothing else.
   */
  readonly mfaSetupRequired?: boolean;
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
  tokenVersion: 'custom:tokenVersion',
} as const;

/** An insurer's staff member or admin: always bound to one tenant (ACL-1). */
export interface InsurerPrincipal extends Principal {
  readonly role: 'insurer-admin' | 'insurer-staff';
  readonly tenantId: string;
}

/** A regulator of one agency; a county EMB also of one county (ACL-2, ACL-4). */
export interface RegulatorPrincipal extends Principal {
  readonly role: 'regulator' | 'regulator-admin';
  readonly agency: Agency;
}

/** A user of one enterprise, known by its USCC (ACL-5). */
export interface EnterprisePrincipal extends Principal {
  readonly role: 'enterprise';
  readonly uscc: string;
}

/** The platform operator (ACL-3): no tenant, agency or enterprise. */
export interface OperatorPrincipal extends Principal {
  readonly role: 'platform-operator';
}

/** The kinds of caller a use case can ask for, and the principal each one guarantees. */
export interface CallerKinds {
  readonly insurer: InsurerPrincipal;
  readonly regulator: RegulatorPrincipal;
  readonly enterprise: EnterprisePrincipal;
  readonly operator: OperatorPrincipal;
  readonly any: Principal;
}
export type CallerKind = keyof CallerKinds;

/**
 * Narrows a verified principal to the kind a use case serves, or `undefined` when it is another kind.
 * The claims were already checked to fit the role (an insurer always has a tenant), so this only states it
 * in the type: no use case needs a cast to read its caller's tenant, agency or enterprise.
 */
export function principalAs<K extends CallerKind>(principal: Principal, kind: K): CallerKinds[K] | undefined {
  const fits =
    kind === 'any' ||
    (kind === 'insurer' && (principal.role === 'insurer-admin' || principal.role === 'insurer-staff') && principal.tenantId !== undefined) ||
    (kind === 'regulator' && (principal.role === 'regulator' || principal.role === 'regulator-admin') && principal.agency !== undefined) ||
    (kind === 'enterprise' && principal.role === 'enterprise' && principal.uscc !== undefined) ||
    (kind === 'operator' && principal.role === 'platform-operator');
  return fits ? (principal as CallerKinds[K]) : undefined;
}
