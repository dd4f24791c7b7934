import type { Principal } from './principal.js';

/**
 * What the platform holds about a caller now (the sign-in record `P#LOGIN#<username>`): the principal with its
 * current role and organisation, whether it is disabled, and the token version — the user's version at the
 * last change of role or status. A token carries the version it was issued at (`custom:tokenVersion`).
 */
export interface PrincipalRecord {
  readonly principal: Principal;
  readonly disabled: boolean;
  /** Absent on records written before token versions existed: read as 0. */
  readonly tokenVersion?: number;
}

/** Reads principal records; the middleware caches what it reads (functions/middleware/current-principal.ts). */
export interface PrincipalRecords {
  read(username: string): Promise<PrincipalRecord | undefined>;
  /**
   * ACL-3: an insurer's status (`ACTIVE` | `SUSPENDED`), undefined for an unknown tenant. A source without it (a
   * unit test's fake of the user check) checks users only; the table's adapter always has it.
   */
  tenantStatus?(tenantId: string): Promise<string | undefined>;
}

/**
 * Why a verified token no longer speaks for its user (issue 12 #1, ACL-1..5), or undefined while it still does:
 * the user is gone or disabled, its role or organisation changed, or its token version moved past the
 * token's (a disabling followed by an enabling still revokes every token issued before it).
 *
 * @example
 * revocationOf(principalFromToken, await records.read(principalFromToken.username)); // 'disabled' | … | undefined
 */
export function revocationOf(token: Principal, record: PrincipalRecord | undefined): string | undefined {
  if (!record) return 'no such user';
  const now = record.principal;
  if (now.userId !== token.userId) return 'no such user';
  if (record.disabled) return 'disabled';
  if (now.role !== token.role) return 'role changed';
  if (now.tenantId !== token.tenantId || now.agency !== token.agency || now.county !== token.county || now.uscc !== token.uscc) {
    return 'organisation changed';
  }
  if ((token.tokenVersion ?? 0) < (record.tokenVersion ?? 0)) return 'token revoked';
  return undefined;
}
