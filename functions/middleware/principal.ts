import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import { CLAIMS, type Principal } from '../../domain/identity/principal.js';
import { AGENCIES, ROLES, type Agency, type Role } from '../../domain/identity/role.js';
import { Unauthorized } from '../../domain/kernel/errors.js';
import { MFA_CLAIM, MFA_SETUP_REQUIRED, MFA_SETUP_REQUIRED_CODE } from '../../domain/identity/mfa.js';
import { HttpProblem } from './error-envelope.js';

type Claims = Record<string, unknown>;

/**
 * The shape each claim must have before anything builds a key from it (issue 12 #8): ids of key-safe characters
 * (never the `#` separator), a county of six digits, a USCC of eighteen. Anything else — an array, an object, a
 * `#`, a NUL — is a 401 here, never a 500 further down. API Gateway hands every claim over as a string.
 */
const SHAPES = {
  id: /^[A-Za-z0-9_-]{1,64}$/,
  username: /^[A-Za-z0-9_.-]{1,64}$/,
  county: /^[0-9]{6}$/,
  uscc: /^[0-9A-Z]{18}$/,
  tokenVersion: /^(0|[1-9][0-9]{0,8})$/,
} as const;

/** The claim's text if present; a present claim of the wrong shape refuses the token. */
const claim = (claims: Claims, name: string, shape?: RegExp): string | undefined => {
  const value = claims[name];
  if (value === undefined || value === null || value === '') return undefined;
  const text = typeof value === 'number' ? String(value) : value;
  if (typeof text !== 'string' || (shape && !shape.test(text))) throw new Unauthorized('token claims are malformed');
  return text;
};

/**
 * The caller, from the claims the JWT authoriser verified (API Gateway on AWS, the local gateway on one
 * machine). Nothing else — path, query, body — ever names the tenant (ARCHITECTURE.md §3).
 * Claims that contradict the role (an insurer without a tenant, a county EMB without a county) are refused,
 * and so are claims of the wrong shape. Whether the principal is still current is checked next
 * (current-principal.ts).
 */
export function principalFromEvent(event: Pick<APIGatewayProxyEventV2WithJWTAuthorizer, 'requestContext'>): Principal | undefined {
  const claims = event.requestContext?.authorizer?.jwt?.claims as Claims | undefined;
  if (!claims || Object.keys(claims).length === 0) return undefined;
  // Cognito's `sub` is its own id; ours travels as `custom:userId` (local tokens carry both, equal).
  const userId = claim(claims, CLAIMS.userId, SHAPES.id) ?? claim(claims, 'sub', SHAPES.id);
  const role = claim(claims, CLAIMS.role) as Role | undefined;
  // Issue 21: an operator or regulator without TOTP holds a token that opens only the enrolment (AWS: no role at all).
  const mfaSetupRequired = claims[MFA_CLAIM] === MFA_SETUP_REQUIRED;
  if (mfaSetupRequired && role === undefined) throw mfaSetupRefusal();
  const username = claim(claims, CLAIMS.username, SHAPES.username) ?? claim(claims, 'cognito:username', SHAPES.username);
  if (!userId || !username || !role || !ROLES.includes(role)) throw new Unauthorized('token lacks a known role');
  const agency = claim(claims, CLAIMS.agency) as Agency | undefined;
  if (agency !== undefined && !AGENCIES.includes(agency)) throw new Unauthorized('token claims are malformed');
  const tokenVersion = claim(claims, CLAIMS.tokenVersion, SHAPES.tokenVersion);
  const principal: Principal = {
    userId,
    username,
    role,
    tenantId: claim(claims, CLAIMS.tenantId, SHAPES.id),
    agency,
    county: claim(claims, CLAIMS.county, SHAPES.county),
    uscc: claim(claims, CLAIMS.uscc, SHAPES.uscc),
    ...(tokenVersion === undefined ? {} : { tokenVersion: Number(tokenVersion) }),
    ...(mfaSetupRequired ? { mfaSetupRequired } : {}),
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

/** Issue 21: 403 naming MFA — signing in again does not help; enrolling an authenticator does. */
export const mfaSetupRefusal = (): HttpProblem =>
  new HttpProblem(
    403,
    MFA_SETUP_REQUIRED_CODE,
    'issue 21: the platform operator and regulators must enable an authenticator app (TOTP, MFA) before using the platform; only the enrolment is open to this token',
  );
