import { readFileSync } from 'node:fs';
import { SignJWT, decodeProtectedHeader, importJWK, jwtVerify, type JWK, type JWTPayload } from 'jose';
import { CLAIMS, type Principal } from '../../../domain/identity/principal.js';
import { MFA_CLAIM, MFA_SETUP_REQUIRED } from '../../../domain/identity/mfa.js';
import type { TokenIssuer } from '../../../domain/platform/token-issuer.port.js';

/**
 * Tokens of the local runtime (ARCHITECTURE.md §4): ES256 JWTs with the same claims Cognito puts in its ID
 * tokens, signed with a key pair the runtime makes on first start. On AWS there is no local key: Cognito
 * signs, API Gateway verifies, and `POST /auth/login` is not offered.
 */
export const LOCAL_ISSUER = 'anze-local';
export const LOCAL_AUDIENCE = 'anze-console';
export const TOKEN_LIFETIME_SECONDS = 3600;

export interface LocalKeyPair {
  readonly privateJwk: JWK;
  readonly publicJwk: JWK;
}

let cached: { file: string; pair: LocalKeyPair } | undefined;

/** The key pair named by `ANZE_LOCAL_JWT_KEY_FILE`, or undefined where none is configured (AWS). */
export function localKeyPair(env: NodeJS.ProcessEnv = process.env): LocalKeyPair | undefined {
  const file = env.ANZE_LOCAL_JWT_KEY_FILE;
  if (!file) return undefined;
  if (cached?.file !== file) cached = { file, pair: JSON.parse(readFileSync(file, 'utf8')) as LocalKeyPair };
  return cached.pair;
}

export function claimsOf(principal: Principal): JWTPayload {
  return {
    [CLAIMS.userId]: principal.userId,
    [CLAIMS.username]: principal.username,
    [CLAIMS.role]: principal.role,
    ...(principal.tenantId ? { [CLAIMS.tenantId]: principal.tenantId } : {}),
    ...(principal.agency ? { [CLAIMS.agency]: principal.agency } : {}),
    ...(principal.county ? { [CLAIMS.county]: principal.county } : {}),
    ...(principal.uscc ? { [CLAIMS.uscc]: principal.uscc } : {}),
    ...(principal.tokenVersion === undefined ? {} : { [CLAIMS.tokenVersion]: principal.tokenVersion }),
    // Issue 21: the enrolment-only token of an operator or regulator without TOTP.
    ...(principal.mfaSetupRequired ? { [MFA_CLAIM]: MFA_SETUP_REQUIRED } : {}),
  };
}

/** Imported keys, by key id: importing a JWK costs about as much as verifying a token. */
const imported = new Map<string, ReturnType<typeof importJWK>>();
const keyOf = (jwk: JWK, use: 'sign' | 'verify') => {
  const id = `${use}:${jwk.kid ?? JSON.stringify(jwk)}`;
  let key = imported.get(id);
  if (!key) {
    key = importJWK(jwk, 'ES256');
    imported.set(id, key);
  }
  return key;
};

export async function signLocalToken(pair: LocalKeyPair, principal: Principal, now: Date): Promise<string> {
  const key = await keyOf(pair.privateJwk, 'sign');
  const issuedAt = Math.floor(now.getTime() / 1000);
  return new SignJWT(claimsOf(principal))
    .setProtectedHeader({ alg: 'ES256', kid: pair.publicJwk.kid })
    .setSubject(principal.userId)
    .setIssuer(LOCAL_ISSUER)
    .setAudience(LOCAL_AUDIENCE)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + TOKEN_LIFETIME_SECONDS)
    .sign(key);
}

/** The {@link TokenIssuer} of the local runtime, or undefined where no key pair is configured (AWS: Cognito signs). */
export function localTokenIssuer(env: NodeJS.ProcessEnv = process.env): TokenIssuer | undefined {
  const pair = localKeyPair(env);
  return pair && { lifetimeSeconds: TOKEN_LIFETIME_SECONDS, issue: (principal, now) => signLocalToken(pair, principal, now) };
}

/** Clock skew tolerated on `iat`, `nbf` and `exp` (issue 12 #8). */
export const CLOCK_SKEW_SECONDS = 60;

/** Header fields a token may carry; `jku`, `jwk`, `x5u`, `x5c`, `crit` … would point a naive verifier elsewhere. */
const ALLOWED_HEADER = new Set(['alg', 'kid', 'typ']);

/**
 * What the local gateway does in place of API Gateway's JWT authoriser: verify, or throw. Beyond the ES256
 * signature by the local key, issuer and audience (jose), it refuses (issue 12 #8): any algorithm but ES256
 * (`none`, HS256 signed with the public key), another `kid` or any key-locating header (`jku`, `jwk`, `x5u`,
 * `x5c`), a lifetime (`exp - iat`) over an hour, an `exp` more than an hour ahead, an `iat` in the future —
 * each beyond {@link CLOCK_SKEW_SECONDS}. The reason stays in the error for the log; callers answer one
 * fixed message.
 */
export async function verifyLocalToken(pair: LocalKeyPair, token: string, now: Date = new Date()): Promise<JWTPayload> {
  const header = decodeProtectedHeader(token);
  const extra = Object.keys(header).filter((name) => !ALLOWED_HEADER.has(name));
  if (header.alg !== 'ES256') throw new Error(`algorithm ${String(header.alg)} is not accepted`);
  if (extra.length > 0) throw new Error(`header fields ${extra.join(', ')} are not accepted`);
  if (header.kid !== pair.publicJwk.kid) throw new Error('unknown key id');
  const key = await keyOf(pair.publicJwk, 'verify');
  const { payload } = await jwtVerify(token, key, {
    issuer: LOCAL_ISSUER,
    audience: LOCAL_AUDIENCE,
    algorithms: ['ES256'],
    requiredClaims: ['sub', 'exp', 'iat'],
    clockTolerance: CLOCK_SKEW_SECONDS,
    currentDate: now,
  });
  const seconds = Math.floor(now.getTime() / 1000);
  const { iat, exp } = payload as { iat: number; exp: number };
  if (iat > seconds + CLOCK_SKEW_SECONDS) throw new Error('issued in the future');
  if (exp - iat > TOKEN_LIFETIME_SECONDS + CLOCK_SKEW_SECONDS) throw new Error('lifetime longer than an hour');
  if (exp > seconds + TOKEN_LIFETIME_SECONDS + CLOCK_SKEW_SECONDS) throw new Error('expires more than an hour ahead');
  return payload;
}
