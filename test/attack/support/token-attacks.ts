import { createPublicKey, type JsonWebKey } from 'node:crypto';
import { SignJWT, exportJWK, generateKeyPair, importJWK, type JWK, type JWTPayload } from 'jose';
import { LOCAL_AUDIENCE, LOCAL_ISSUER, type LocalKeyPair } from '../../../functions/adapters/auth/local-tokens.js';

const b64url = (value: string | Buffer): string => Buffer.from(value).toString('base64url');
const decodePart = (part: string): Record<string, unknown> => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;

export interface TokenAttack {
  readonly name: string;
  readonly token: string;
}

/**
 * Tokens an attacker would try, each of which must be refused with 401 on every route that needs a token:
 * unsigned (`alg: none`), HS256 signed with the public key (algorithm confusion), a key of our own announced in
 * the header (`jwk`, `jku`, `kid` injection), a real token with a claim changed, tokens past or before their
 * time, the wrong issuer or audience, and garbage. Tokens signed with the platform's own key but carrying
 * claims of the wrong shape (a tenant with `#`, an array, an unknown role, a ten-year lifetime, a future `iat`)
 * stand for a misconfigured identity provider: they too must end in 401, never 500.
 */
export async function tokenAttacks(pair: LocalKeyPair, realToken: string): Promise<TokenAttack[]> {
  const [realHeader, realPayload, realSignature] = realToken.split('.') as [string, string, string];
  const claims = decodePart(realPayload) as JWTPayload;
  const now = Math.floor(Date.now() / 1000);
  const attacks: TokenAttack[] = [];
  const add = (name: string, token: string) => attacks.push({ name, token });

  const platformKey = await importJWK(pair.privateJwk, 'ES256');
  /** Signed with the platform's own key: everything but the claims is right. */
  const signedByPlatform = (payload: JWTPayload, header: Record<string, unknown> = {}) =>
    new SignJWT(payload).setProtectedHeader({ alg: 'ES256', kid: pair.publicJwk.kid, ...header }).sign(platformKey, { crit: { 'x-anze': true } });

  const attacker = await generateKeyPair('ES256', { extractable: true });
  const attackerJwk: JWK = { ...(await exportJWK(attacker.publicKey)), kid: pair.publicJwk.kid };
  const operatorClaims: JWTPayload = { ...claims, 'custom:role': 'platform-operator', username: 'operator' };
  const signedByAttacker = (payload: JWTPayload, header: Record<string, unknown>) =>
    new SignJWT(payload).setProtectedHeader({ alg: 'ES256', ...header }).sign(attacker.privateKey);

  // Unsigned.
  for (const alg of ['none', 'None', 'NONE', 'nOnE']) {
    const header = b64url(JSON.stringify({ alg, typ: 'JWT' }));
    add(`alg ${alg}, no signature`, `${header}.${b64url(JSON.stringify(operatorClaims))}.`);
    add(`alg ${alg}, real signature kept`, `${header}.${b64url(JSON.stringify(operatorClaims))}.${realSignature}`);
  }
  // HS/RS confusion: HMAC keyed with the public key in the forms a verifier might use as a secret.
  const publicPem = createPublicKey({ key: pair.publicJwk as JsonWebKey, format: 'jwk' }).export({ type: 'spki', format: 'pem' }).toString();
  for (const [form, secret] of [
    ['PEM', publicPem],
    ['JWK JSON', JSON.stringify(pair.publicJwk)],
    ['x coordinate', String(pair.publicJwk.x)],
  ] as const) {
    for (const alg of ['HS256', 'HS512']) {
      add(`${alg} keyed with the public key (${form})`, await new SignJWT(operatorClaims).setProtectedHeader({ alg, kid: pair.publicJwk.kid }).sign(new TextEncoder().encode(secret)));
    }
  }
  // Key injection: a key of the attacker's own, announced in the header.
  add('embedded jwk', await signedByAttacker(operatorClaims, { jwk: attackerJwk }));
  add('jku to 127.0.0.1', await signedByAttacker(operatorClaims, { jku: 'http://127.0.0.1:1/.well-known/jwks.json', kid: 'attacker' }));
  add('x5u to 127.0.0.1', await signedByAttacker(operatorClaims, { x5u: 'http://127.0.0.1:1/cert.pem' }));
  for (const kid of ['../../../../dev/null', "' OR '1'='1", '/proc/self/environ', '', 'x'.repeat(5000), pair.publicJwk.kid ?? 'k']) {
    add(`kid injection ${JSON.stringify(kid).slice(0, 30)}`, await signedByAttacker(operatorClaims, { kid }));
  }
  add('signed by a key of its own (same kid)', await signedByAttacker(claims, { kid: pair.publicJwk.kid }));
  // A real token tampered with.
  add('role raised, signature kept', `${realHeader}.${b64url(JSON.stringify(operatorClaims))}.${realSignature}`);
  add('tenant changed, signature kept', `${realHeader}.${b64url(JSON.stringify({ ...claims, 'custom:tenantId': 'other-tenant' }))}.${realSignature}`);
  add('exp extended, signature kept', `${realHeader}.${b64url(JSON.stringify({ ...claims, exp: now + 10 * 365 * 86400 }))}.${realSignature}`);
  add('signature truncated', `${realHeader}.${realPayload}.${realSignature.slice(0, -4)}`);
  add('signature of another token', `${realHeader}.${realPayload}.${b64url(Buffer.alloc(64, 1))}`);
  add('header alg changed to HS256', `${b64url(JSON.stringify({ ...decodePart(realHeader), alg: 'HS256' }))}.${realPayload}.${realSignature}`);
  add('header crit unknown', await signedByPlatform({ ...claims }, { crit: ['x-anze'], 'x-anze': true }));
  // Time.
  add('expired an hour ago', await signedByPlatform({ ...claims, iat: now - 7200, exp: now - 3600 }));
  add('expired five minutes ago (past any clock skew)', await signedByPlatform({ ...claims, iat: now - 3900, exp: now - 300 }));
  add('ten-year lifetime', await signedByPlatform({ ...claims, iat: now, exp: now + 10 * 365 * 86400 }));
  add('issued a day in the future', await signedByPlatform({ ...claims, iat: now + 86400, exp: now + 86400 + 3600 }));
  add('not before tomorrow', await signedByPlatform({ ...claims, nbf: now + 86400 }));
  add('no exp', await signedByPlatform(withoutClaim(claims, 'exp')));
  add('no iat', await signedByPlatform(withoutClaim(claims, 'iat')));
  add('exp as a string', await signedByPlatform({ ...claims, exp: String(now + 3600) as unknown as number }));
  // Issuer and audience.
  add('wrong issuer', await signedByPlatform({ ...claims, iss: 'https://cognito-idp.cn-north-1.amazonaws.com/attacker' }));
  add('wrong audience', await signedByPlatform({ ...claims, aud: 'someone-else' }));
  add('no audience', await signedByPlatform(withoutClaim(claims, 'aud')));
  add('issuer and audience of LOCAL swapped', await signedByPlatform({ ...claims, iss: LOCAL_AUDIENCE, aud: LOCAL_ISSUER }));
  // Claims of the wrong shape, signed with the platform's key.
  const shapes: [string, JWTPayload][] = [
    ['tenant with #', { ...claims, 'custom:tenantId': 'a#b' }],
    ['tenant as an array', { ...claims, 'custom:tenantId': ['a', 'b'] }],
    ['tenant as an object', { ...claims, 'custom:tenantId': { S: 'x' } }],
    ['tenant as a number', { ...claims, 'custom:tenantId': 12 }],
    ['tenant with NUL and CJK', { ...claims, 'custom:tenantId': 'a\u0000忻' }],
    ['tenant 10,000 characters', { ...claims, 'custom:tenantId': 'x'.repeat(10_000) }],
    ['role unknown', { ...claims, 'custom:role': 'root' }],
    ['role as an array', { ...claims, 'custom:role': ['platform-operator'] }],
    ['user id with #', { ...claims, 'custom:userId': 'u#1', sub: 'u#1' }],
    ['username as an object', { ...claims, username: { toString: 'x' } }],
    ['agency unknown', { ...claims, 'custom:agency': 'FBI' }],
    ['county as an array', { ...claims, 'custom:county': ['140902', '140981'] }],
    ['uscc with #', { ...claims, 'custom:uscc': '#' }],
    // No role of its own: a role inherited through `__proto__` would make it an operator.
    ['role only under __proto__', JSON.parse(`{${Object.entries(withoutClaim(claims, 'custom:role')).map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(',')},"__proto__":{"custom:role":"platform-operator"}}`) as JWTPayload],
    ['no sub and no user id', withoutClaim(withoutClaim(claims, 'sub'), 'custom:userId')],
  ];
  for (const [name, payload] of shapes) add(`claims: ${name}`, await signedByPlatform(payload));
  // Garbage.
  for (const [name, token] of [
    ['empty payload', `${realHeader}..${realSignature}`],
    ['two parts', `${realHeader}.${realPayload}`],
    ['four parts', `${realToken}.x`],
    ['not base64', '!!!.@@@.###'],
    ['JSON not base64', `{"alg":"none"}.{}.`],
    // Under Node's 16 KB header limit, so it reaches the verifier (a larger one is a 431 from Node itself).
    ['huge', `${realHeader}.${b64url('x'.repeat(10_000))}.${realSignature}`],
    ['payload not JSON', `${realHeader}.${b64url('not json')}.${realSignature}`],
    ['payload an array', `${realHeader}.${b64url('[1,2]')}.${realSignature}`],
  ] as const) {
    add(`garbage: ${name}`, token);
  }
  return attacks;
}

function withoutClaim(claims: JWTPayload, name: string): JWTPayload {
  const { [name]: _removed, ...rest } = claims;
  return rest;
}

/** Ways of presenting a token that are not a bearer token at all (each must be 401 too). */
export const AUTHORIZATION_HEADERS = (token: string): [string, string][] => [
  ['Basic', `Basic ${Buffer.from('operator:x').toString('base64')}`],
  ['Bearer without token', 'Bearer '],
  ['token without Bearer', token],
  ['two tokens', `Bearer ${token} ${token}`],
];
