import { SignJWT, base64url, exportJWK, generateKeyPair, importJWK, type JWTPayload } from 'jose';
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalKeyPair } from '../../functions/adapters/auth/local-tokens.js';
import { dynamoDbCalls, resetDynamoDbCalls } from '../../functions/adapters/dynamodb/client.js';
import { forgetTenant } from '../../functions/middleware/current-principal.js';
import type { ApiClient } from '../support/api-client.js';
import { tenantBody, unique } from '../support/fixtures.js';
import { startTestPlatform, type TestPlatform } from '../support/test-platform.js';

/*
 * Issue 12, the identity half: revocation at request time (#1), the lockout race (#2), user names that cannot
 * be keys (#3), token lifetime, header and claim attacks (#8) and the one fixed token message (#11). Every
 * request goes to the real local platform on 127.0.0.1.
 */

interface User {
  id: string;
  username: string;
  role: string;
  disabled: boolean;
  version: number;
}
interface ErrorBody {
  error: { code: string; message: string; rule?: string; details?: { field?: string; message: string; rule?: string }[] };
}

let test: TestPlatform;
let adminA: ApiClient;
let tenantId: string;
let pair: LocalKeyPair;

const userBody = (label: string, role = 'insurer-staff') => ({
  username: unique(`${label}-`),
  password: 'Staff-pass-2026',
  role,
  displayName: `${label}用户`,
});

async function newUser(label: string, role = 'insurer-staff'): Promise<{ user: User; client: ApiClient; body: ReturnType<typeof userBody> }> {
  const body = userBody(label, role);
  const created = await adminA.post<User>('/users', body);
  expect(created.status).toBe(201);
  return { user: created.body, client: await test.signIn(body.username, body.password), body };
}

beforeAll(async () => {
  test = await startTestPlatform();
  const operator = await test.operator();
  const body = tenantBody('S');
  const created = await operator.post<{ id: string }>('/platform/tenants', body);
  expect(created.status).toBe(201);
  tenantId = created.body.id;
  adminA = await test.signIn(body.admin.username, body.admin.password);
  pair = JSON.parse(readFileSync(process.env.ANZE_LOCAL_JWT_KEY_FILE as string, 'utf8')) as LocalKeyPair;
});

afterAll(async () => {
  await test?.stop();
});

describe('issue 12 #1: status and role are checked at request time, not only at sign-in', () => {
  it("issue 12 #1: a disabled admin's unexpired token is refused on its next request and cannot re-enable itself", async () => {
    const { user, client, body } = await newUser('dis-admin', 'insurer-admin');
    expect((await client.get('/users')).status).toBe(200);
    expect((await adminA.patch(`/users/${user.id}`, { disabled: true })).status).toBe(200);

    expect((await client.get('/users')).status).toBe(401);
    const reEnable = await client.patch<ErrorBody>(`/users/${user.id}`, { disabled: false });
    expect(reEnable.status).toBe(401);
    expect((await adminA.get<User>(`/users/${user.id}`)).body.disabled).toBe(true);
    expect((await test.anonymous.post('/auth/login', { username: body.username, password: body.password })).status).toBe(401);
  });

  it('issue 12 #1: a demoted admin loses admin rights on its next request', async () => {
    const { user, client, body } = await newUser('demoted', 'insurer-admin');
    expect((await client.post('/users', userBody('by-admin'))).status).toBe(201);
    expect((await adminA.patch(`/users/${user.id}`, { role: 'insurer-staff' })).status).toBe(200);

    const stale = await client.post<ErrorBody>('/users', userBody('by-demoted'));
    expect(stale.status).toBe(401);
    const again = await test.signIn(body.username, body.password);
    expect((await again.post('/users', userBody('by-staff'))).status).toBe(403);
  });

  it('issue 12 #1: a token from before a disabling stays dead after the user is enabled again (token version)', async () => {
    const { user, client, body } = await newUser('revived');
    expect((await adminA.patch(`/users/${user.id}`, { disabled: true })).status).toBe(200);
    expect((await adminA.patch(`/users/${user.id}`, { disabled: false })).status).toBe(200);
    expect((await client.get(`/users/${user.id}`)).status).toBe(401);
    const fresh = await test.signIn(body.username, body.password);
    expect((await fresh.get('/platform/tenants')).status).toBe(403); // signed in again: known, and only its role counts
  });

  it('issue 12 #1: a display-name change does not sign anyone out', async () => {
    const { user, client } = await newUser('renamed', 'insurer-admin');
    expect((await adminA.patch(`/users/${user.id}`, { displayName: '新名字' })).status).toBe(200);
    expect((await client.get('/users')).status).toBe(200);
  });

  it('issue 12 #1 ACL-3: the check costs one GetItem for the user and one for its tenant when the cache is cold, nothing when it is warm', async () => {
    const { user, client } = await newUser('cost', 'insurer-admin');
    // ACL-3 (issue 15): the tenant's status is cached per tenant, so a colleague's request has usually read it
    // already; forgotten here, the cold request pays exactly one GetItem more for it, the warm one nothing.
    forgetTenant(tenantId);
    const callsOf = async () => {
      resetDynamoDbCalls();
      expect((await client.get(`/users/${user.id}`)).status).toBe(200);
      return Object.fromEntries(dynamoDbCalls());
    };
    const cold = await callsOf();
    const warm = await callsOf();
    expect((cold.GetItemCommand ?? 0) - (warm.GetItemCommand ?? 0)).toBe(2);
    expect({ ...cold, GetItemCommand: undefined }).toEqual({ ...warm, GetItemCommand: undefined });
  });

  it('issue 12 #1: no user may change its own disabled flag or role (403 naming the field) or organisation (400)', async () => {
    const { user, client } = await newUser('self', 'insurer-admin');
    for (const change of [{ disabled: false }, { disabled: true }, { role: 'insurer-admin' }, { role: 'insurer-staff' }]) {
      const field = Object.keys(change)[0] as string;
      const answer = await client.patch<ErrorBody>(`/users/${user.id}`, change);
      expect(answer.status, JSON.stringify(change)).toBe(403);
      expect(answer.body.error.message).toContain(field);
    }
    const org = await client.patch<ErrorBody>(`/users/${user.id}`, { tenantId: 'another' });
    expect(org.status).toBe(400);
    expect(JSON.stringify(org.body.error.details)).toContain('tenantId');
    expect((await client.patch<User>(`/users/${user.id}`, { displayName: '自己改名' })).status).toBe(200);
    expect((await adminA.get<User>(`/users/${user.id}`)).body).toMatchObject({ role: 'insurer-admin', disabled: false });
  });
});

describe('issue 12 #2: the lockout holds under concurrency', () => {
  it('issue 12 #2: 40 wrong passwords in parallel, then the right one → still locked (429); the name is locked afterwards', async () => {
    const body = userBody('race');
    expect((await adminA.post('/users', body)).status).toBe(201);
    const answers = await Promise.all(
      Array.from({ length: 40 }, () => test.anonymous.post('/auth/login', { username: body.username, password: 'Wrong-pass-2026!' })),
    );
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.every((status) => status === 401 || status === 429)).toBe(true);
    // At most five passwords were evaluated: MAX_FAILED_SIGN_INS per window, whatever the concurrency.
    expect(statuses.filter((status) => status === 401).length).toBeLessThanOrEqual(5);
    const right = await test.anonymous.post<ErrorBody>('/auth/login', { username: body.username, password: body.password });
    expect(right.status).toBe(429);
    expect(right.body.error.code).toBe('SIGN_IN_LOCKED');
    const later = await test.anonymous.post('/auth/login', { username: body.username, password: body.password });
    expect(later.status).toBe(429);
  });

  it('issue 12 #2: a right password before the limit clears the failures', async () => {
    const body = userBody('clear');
    expect((await adminA.post('/users', body)).status).toBe(201);
    for (let attempt = 0; attempt < 4; attempt += 1) {
      expect((await test.anonymous.post('/auth/login', { username: body.username, password: 'Wrong-pass-2026!' })).status).toBe(401);
    }
    expect((await test.anonymous.post('/auth/login', { username: body.username, password: body.password })).status).toBe(200);
    for (let attempt = 0; attempt < 4; attempt += 1) {
      expect((await test.anonymous.post('/auth/login', { username: body.username, password: 'Wrong-pass-2026!' })).status).toBe(401);
    }
    expect((await test.anonymous.post('/auth/login', { username: body.username, password: body.password })).status).toBe(200);
  });
});

describe('issue 12 #3: user names that could never exist', () => {
  const badNames = ['li ming', '<script>', "o'brien", '100%', 'a#b', 'nul\u0000x', '李明', 'x'.repeat(64), '%00'];

  it.each(badNames)('issue 12 #3: sign-in as %j is a 401 like every wrong login, never a 500', async (username) => {
    const unknown = await test.anonymous.post<ErrorBody>('/auth/login', { username: 'nobody-here', password: 'Whatever-2026!' });
    const answer = await test.anonymous.post<ErrorBody>('/auth/login', { username, password: 'Whatever-2026!' });
    expect(answer.status).toBe(401);
    expect(answer.body.error).toEqual(unknown.body.error);
  });

  it.each(badNames)('issue 12 #3: creating a user named %j is a 400 naming the field, and creates nothing', async (username) => {
    const before = (await adminA.get<{ items: User[] }>('/users?limit=100')).body.items.length;
    const answer = await adminA.post<ErrorBody>('/users', { ...userBody('bad'), username });
    expect(answer.status).toBe(400);
    expect(answer.body.error.details?.[0]?.field).toBe('username');
    expect((await adminA.get<{ items: User[] }>('/users?limit=100')).body.items.length).toBe(before);
  });
});

describe('issue 12 #8 and #11: token attacks are 401 with one fixed message', () => {
  const now = () => Math.floor(Date.now() / 1000);
  let claims: JWTPayload;
  let fixedMessage: string;

  beforeAll(async () => {
    const { user } = await newUser('victim', 'insurer-admin');
    claims = {
      'custom:userId': user.id,
      username: user.username,
      'custom:role': 'insurer-admin',
      'custom:tenantId': tenantId,
      'custom:tokenVersion': 1,
    };
    fixedMessage = (await test.anonymous.withToken('not.a.jwt').get<ErrorBody>('/users')).body.error.message;
  });

  const sign = async (payload: JWTPayload, times: { iat?: number; exp?: number } = {}, header: Record<string, unknown> = {}) =>
    new SignJWT(payload)
      .setProtectedHeader({ alg: 'ES256', kid: pair.publicJwk.kid, ...header })
      .setSubject(String(payload['custom:userId']))
      .setIssuer('anze-local')
      .setAudience('anze-console')
      .setIssuedAt(times.iat ?? now())
      .setExpirationTime(times.exp ?? (times.iat ?? now()) + 3600)
      .sign(await importJWK(pair.privateJwk, 'ES256'));

  const refused = async (token: string) => {
    const answer = await test.anonymous.withToken(token).get<ErrorBody>('/users');
    expect(answer.status).toBe(401);
    expect(answer.body.error.message).toBe(fixedMessage);
  };

  it('accepts a well-formed token signed with the local key (the control)', async () => {
    expect((await test.anonymous.withToken(await sign(claims)).get('/users')).status).toBe(200);
  });

  it('issue 12 #11: the message is fixed and echoes no library text', () => {
    expect(fixedMessage).not.toMatch(/jws|jwt|claim|"|compact|signature/i);
  });

  it('issue 12 #8: alg none', async () => {
    const header = base64url.encode(JSON.stringify({ alg: 'none', typ: 'JWT' }));
    const body = base64url.encode(JSON.stringify({ ...claims, sub: claims['custom:userId'], iss: 'anze-local', aud: 'anze-console', iat: now(), exp: now() + 600 }));
    await refused(`${header}.${body}.`);
  });

  it('issue 12 #8: HS256 signed with the public key (HS/RS confusion)', async () => {
    const header = base64url.encode(JSON.stringify({ alg: 'HS256', typ: 'JWT', kid: pair.publicJwk.kid }));
    const body = base64url.encode(JSON.stringify({ ...claims, sub: claims['custom:userId'], iss: 'anze-local', aud: 'anze-console', iat: now(), exp: now() + 600 }));
    for (const secret of [JSON.stringify(pair.publicJwk), String(pair.publicJwk.x)]) {
      const signature = createHmac('sha256', secret).update(`${header}.${body}`).digest('base64url');
      await refused(`${header}.${body}.${signature}`);
    }
  });

  it('issue 12 #8: kid, jku and jwk header injection', async () => {
    const attacker = await generateKeyPair('ES256', { extractable: true });
    const attackerJwk = await exportJWK(attacker.publicKey);
    const byAttacker = (header: Record<string, unknown>) =>
      new SignJWT({ ...claims })
        .setProtectedHeader({ alg: 'ES256', ...header })
        .setSubject(String(claims['custom:userId']))
        .setIssuer('anze-local')
        .setAudience('anze-console')
        .setIssuedAt()
        .setExpirationTime('10m')
        .sign(attacker.privateKey);
    await refused(await byAttacker({ jwk: attackerJwk }));
    await refused(await byAttacker({ jku: 'http://127.0.0.1:9/keys.json', kid: 'attacker' }));
    await refused(await byAttacker({ kid: '../../../../dev/null' }));
    // Signed with the real key but carrying headers that would make a naive verifier look elsewhere.
    await refused(await sign(claims, {}, { kid: 'another-key' }));
    await refused(await sign(claims, {}, { jku: 'http://127.0.0.1:9/keys.json' }));
    await refused(await sign(claims, {}, { jwk: attackerJwk }));
  });

  it('issue 12 #8: expired, a 10-year lifetime, exp more than an hour ahead, a future iat', async () => {
    await refused(await sign(claims, { iat: now() - 7200, exp: now() - 3600 }));
    await refused(await sign(claims, { iat: now(), exp: now() + 10 * 365 * 86400 }));
    await refused(await sign(claims, { iat: now() - 60, exp: now() + 7200 }));
    await refused(await sign(claims, { iat: now() + 3600, exp: now() + 3600 + 1800 }));
    await refused(await sign(claims, { iat: now() + 600, exp: now() + 1200 }));
  });

  it('issue 12 #8: tampered claims (signature no longer matches)', async () => {
    const [header, , signature] = (await sign(claims)).split('.');
    const body = base64url.encode(JSON.stringify({ ...claims, 'custom:role': 'platform-operator', sub: claims['custom:userId'], iss: 'anze-local', aud: 'anze-console', iat: now(), exp: now() + 600 }));
    await refused(`${header}.${body}.${signature}`);
  });

  it.each([
    ['custom:tenantId with #', { 'custom:tenantId': `${'x'}#USER#1` }],
    ['custom:tenantId as an array', { 'custom:tenantId': ['a', 'b'] }],
    ['custom:tenantId as an object', { 'custom:tenantId': { $ne: '' } }],
    ['custom:role unknown', { 'custom:role': 'root' }],
    ['custom:userId with a separator', { 'custom:userId': 'a#b' }],
    ['username with a NUL', { username: 'a\u0000b' }],
    ['custom:tokenVersion as text', { 'custom:tokenVersion': 'latest' }],
  ])('issue 12 #8: a signed token whose %s is refused with 401, never 500', async (_name, change) => {
    const answer = await test.anonymous.withToken(await sign({ ...claims, ...change })).get<ErrorBody>('/users');
    expect(answer.status).toBe(401);
  });
});
