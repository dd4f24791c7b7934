import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import { CLAIMS, type Principal } from '../../domain/identity/principal.js';
import { AGENCIES, ROLES, type Agency, type Role } from '../../domain/identity/role.js';
import { Unauthorized } from '../../domain/kernel/errors.js';

type Claims = Record<string, string | number | boolean | string[] | undefined>;

const text = (claims: Claims, name: string): string | undefined => {
  const value = claims[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
};

/**
 * The caller, from the claims the JWT authoriser verified (API Gateway on AWS, the local gateway on one
 * machine). Nothing else — path, query, body — ever names the tenant (ARCHITECTURE.md §3).
 * Claims that contradict the role (an insurer without a tenant, a county EMB without a county) are refused.
 */
export function principalFromEvent(event: Pick<APIGatewayProxyEventV2WithJWTAuthorizer, 'requestContext'>): Principal | undefined {
  const claims = event.requestContext?.authorizer?.jwt?.claims as Claims | undefined;
  if (!claims || Object.keys(claims).length === 0) return undefined;
  // Cognito's `sub` is its own id; ours travels as `custom:userId` (local tokens carry both, equal).
  const userId = text(claims, CLAIMS.userId) ?? text(claims, 'sub');
  const role = text(claims, CLAIMS.role) as Role | undefined;
  const username = text(claims, CLAIMS.username) ?? text(claims, 'cognito:username');
  if (!userId || !username || !role || !ROLES.includes(role)) throw new Unauthorized('token lacks a known role');
  const principal: Principal = {
    userId,
    username,
    role,
    tenantId: text(claims, CLAIMS.tenantId),
    agency: text(claims, CLAIMS.agency) as Agency | undefined,
    county: text(claims, CLAIMS.county),
    uscc: text(claims, CLAIMS.uscc),
  };
  assertCoherent(principal);
  return principal;
}

function assertCoherent(p: Principal): void {
  const insurer = p.role === 'insurer-admin' || p.role === 'insurer-staff';
  const regulator = p.role === 'regulator' || p.role === 'regulator-admin';
  const bad =
    (insurer && !p.tenantId) ||
    (!insurer && p.tenantId !== undefined) ||
    (regulator && (!p.agency || !AGENCIES.includes(p.agency))) ||
    (regulator && p.agency === 'EMB_COUNTY' && !p.county) ||
    (p.role === 'enterprise' && !p.uscc);
  if (bad) throw new Unauthorized('token claims do not fit its role');
}
