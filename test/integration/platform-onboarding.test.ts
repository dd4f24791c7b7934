import { SignJWT, generateKeyPair, importJWK } from 'jose';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalKeyPair } from '../../functions/adapters/auth/local-tokens.js';
import type { ApiClient } from '../support/api-client.js';
import { tenantBody, unique, validUscc, withWrongCheckCharacter } from '../support/fixtures.js';
import { startTestPlatform, type TestPlatform } from '../support/test-platform.js';

interface Tenant {
  id: string;
  name: string;
}
interface User {
  id: string;
  username: string;
  role: string;
  tenantId?: string;
  version: number;
  disabled: boolean;
}
interface ErrorBody {
  error: { code: string; message: string; rule?: string; details?: { field?: string; message: string; rule?: string }[] };
}

let test: TestPlatform;
let operator: ApiClient;
let tenantA: Tenant;
let tenantB: Tenant;
let adminA: ApiClient;
let adminB: ApiClient;
let userOfB: User;

const staffBody = (label: string) => ({
  username: unique(`staff-${label}-`),
  password: 'Staff-pass-2026',
  role: 'insurer-staff',
  displayName: `${label}业务员`,
});

beforeAll(async () => {
  test = await startTestPlatform();
  operator = await test.operator();
  const bodyA = tenantBody('A');
  const bodyB = tenantBody('B');
  const createdA = await operator.post<Tenant>('/platform/tenants', bodyA);
  const createdB = await operator.post<Tenant>('/platform/tenants', bodyB);
  expect(createdA.status).toBe(201);
  expect(createdB.status).toBe(201);
  tenantA = createdA.body;
  tenantB = createdB.body;
  adminA = await test.signIn(bodyA.admin.username, bodyA.admin.password);
  adminB = await test.signIn(bodyB.admin.username, bodyB.admin.password);
  const created = await adminB.post<User>('/users', staffBody('b'));
  expect(created.status).toBe(201);
  userOfB = created.body;
});

afterAll(async () => {
  await test?.stop();
});

describe('platform onboarding through the local gateway', () => {
  it('lets the operator list the two tenants it onboarded', async () => {
    const list = await operator.get<{ items: Tenant[] }>('/platform/tenants?limit=100');
    expect(list.status).toBe(200);
    expect(list.body.items.map((t) => t.id)).toEqual(expect.arrayContaining([tenantA.id, tenantB.id]));
    const one = await operator.get<Tenant>(`/platform/tenants/${tenantA.id}`);
    expect(one.body).toMatchObject({ id: tenantA.id, name: tenantA.name, status: 'ACTIVE' });
  });

  it('lets each tenant admin add a user to its own tenant, stamped with the tenant from the token', async () => {
    const created = await adminA.post<User>('/users', staffBody('a'));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ role: 'insurer-staff', tenantId: tenantA.id, disabled: false, version: 1 });
    const list = await adminA.get<{ items: User[] }>('/users');
    expect(list.body.items.map((u) => u.id)).toContain(created.body.id);
    expect(list.body.items.every((u) => u.tenantId === tenantA.id)).toBe(true);
  });

  it('ACL-1 answers 404 when tenant A reads or changes a user of tenant B, and changes nothing', async () => {
    const read = await adminA.get<ErrorBody>(`/users/${userOfB.id}`);
    expect(read.status).toBe(404);
    const change = await adminA.patch<ErrorBody>(`/users/${userOfB.id}`, { disabled: true });
    expect(change.status).toBe(404);
    const list = await adminA.get<{ items: User[] }>('/users?limit=100');
    expect(list.body.items.map((u) => u.id)).not.toContain(userOfB.id);
    const stillThere = await adminB.get<User>(`/users/${userOfB.id}`);
    expect(stillThere.body).toMatchObject({ id: userOfB.id, disabled: false, version: 1 });
  });

  it('ignores a tenant named in the body: the new user belongs to the caller’s tenant', async () => {
    const sneaky = await adminA.post<ErrorBody>('/users', { ...staffBody('x'), tenantId: tenantB.id });
    expect(sneaky.status).toBe(400);
    expect(sneaky.body.error.details?.[0]?.message).toMatch(/Unrecognized key/);
  });

  it('refuses a regulator token on POST /platform/tenants with 403', async () => {
    const regulator = await operator.post('/platform/regulators', {
      agency: 'EMB_COUNTY',
      county: '140902',
      name: '忻府区应急管理局',
      admin: { username: unique('reg-'), password: 'Regulator-2026', displayName: '忻府区管理员' },
    });
    expect(regulator.status).toBe(201);
    const body = JSON.parse(JSON.stringify(regulator.body)) as { id: string };
    expect(body.id).toBe('emb-county-140902');
    const list = await operator.get<{ items: { id: string }[] }>('/platform/regulators');
    expect(list.body.items.map((r) => r.id)).toContain('emb-county-140902');
  });

  it('refuses a regulator role on operator routes with 403', async () => {
    const username = unique('nfra-');
    await operator.post('/platform/regulators', {
      agency: 'NFRA',
      name: '国家金融监督管理总局忻州监管分局',
      admin: { username, password: 'Regulator-2026', displayName: 'NFRA 管理员' },
    });
    const nfra = await test.signIn(username, 'Regulator-2026');
    const refused = await nfra.post<ErrorBody>('/platform/tenants', tenantBody('N'));
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('FORBIDDEN');
    const tenants = await operator.get<{ items: Tenant[] }>('/platform/tenants?limit=100');
    expect(tenants.body.items).toHaveLength(2);
  });

  it('ACL-4 refuses a county EMB without a county, naming the field', async () => {
    const response = await operator.post<ErrorBody>('/platform/regulators', {
      agency: 'EMB_COUNTY',
      name: '某县应急管理局',
      admin: { username: unique('reg-'), password: 'Regulator-2026', displayName: '管理员' },
    });
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ rule: 'ACL-4', details: [{ field: 'county', rule: 'ACL-4' }] });
  });

  it('answers 401 to a forged token, an expired token and no token', async () => {
    const { privateKey } = await generateKeyPair('ES256');
    const forged = await new SignJWT({ 'custom:role': 'platform-operator', username: 'operator' })
      .setProtectedHeader({ alg: 'ES256' })
      .setSubject('x')
      .setIssuer('anze-local')
      .setAudience('anze-console')
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(privateKey);
    expect((await test.anonymous.withToken(forged).get('/platform/tenants')).status).toBe(401);

    const pair = JSON.parse(readFileSync(process.env.ANZE_LOCAL_JWT_KEY_FILE as string, 'utf8')) as LocalKeyPair;
    const realKey = await importJWK(pair.privateJwk, 'ES256');
    const past = Math.floor(Date.now() / 1000) - 7200;
    const expired = await new SignJWT({ 'custom:role': 'platform-operator', username: 'operator' })
      .setProtectedHeader({ alg: 'ES256' })
      .setSubject('x')
      .setIssuer('anze-local')
      .setAudience('anze-console')
      .setIssuedAt(past)
      .setExpirationTime(past + 3600)
      .sign(realKey);
    const expiredAnswer = await test.anonymous.withToken(expired).get<ErrorBody>('/platform/tenants');
    expect(expiredAnswer.status).toBe(401);
    // issue 12 #11: one fixed message, whatever the reason.
    expect(expiredAnswer.body.error.message).toBe('the bearer token is missing, malformed, expired or not ours');

    expect((await test.anonymous.get('/platform/tenants')).status).toBe(401);
    expect((await test.anonymous.withToken('not.a.jwt').get('/users')).status).toBe(401);
  });

  it('UW-2 refuses a bad USCC with 400 naming the field and the rule, and creates nothing', async () => {
    const before = await operator.get<{ items: Tenant[] }>('/platform/tenants?limit=100');
    const response = await operator.post<ErrorBody>('/platform/tenants', tenantBody('C', { uscc: withWrongCheckCharacter(validUscc()) }));
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
    expect(response.body.error.details).toEqual([expect.objectContaining({ field: 'uscc', rule: 'UW-2' })]);
    const after = await operator.get<{ items: Tenant[] }>('/platform/tenants?limit=100');
    expect(after.body.items).toHaveLength(before.body.items.length);
  });

  it('refuses a password the Cognito pool would refuse (PASSWORD_POLICY) with 400 on the field, and creates nothing', async () => {
    const body = tenantBody('P');
    const weak = await operator.post<ErrorBody>('/platform/tenants', { ...body, admin: { ...body.admin, password: 'Admin-pass' } });
    expect(weak.status).toBe(400);
    expect(weak.body.error.details).toEqual([expect.objectContaining({ field: 'admin.password', message: expect.stringMatching(/at least 12/) })]);
    const noSymbol = await adminA.post<ErrorBody>('/users', { ...staffBody('w'), password: 'Staffpass2026' });
    expect(noSymbol.status).toBe(400);
    expect(noSymbol.body.error.details).toEqual([expect.objectContaining({ field: 'password' })]);
    expect((await test.anonymous.post('/auth/login', { username: body.admin.username, password: 'Admin-pass' })).status).toBe(401);
  });

  it('refuses a second insurer with the same USCC (409) and a taken user name (409)', async () => {
    const first = tenantBody('D');
    expect((await operator.post('/platform/tenants', first)).status).toBe(201);
    const sameUscc = await operator.post<ErrorBody>('/platform/tenants', tenantBody('E', { uscc: first.uscc }));
    expect(sameUscc.status).toBe(409);
    expect(sameUscc.body.error.message).toMatch(/USCC/);
    const sameName = await operator.post<ErrorBody>('/platform/tenants', { ...tenantBody('F'), admin: first.admin });
    expect(sameName.status).toBe(409);
    expect(sameName.body.error.message).toMatch(/taken/);
  });

  it('replays a POST with the same Idempotency-Key instead of creating twice', async () => {
    const body = tenantBody('G');
    const key = unique('idem-');
    const first = await operator.post<Tenant>('/platform/tenants', body, { 'idempotency-key': key });
    const retry = await operator.post<Tenant>('/platform/tenants', body, { 'idempotency-key': key });
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body.id).toBe(first.body.id);
    const reused = await operator.post<ErrorBody>('/platform/tenants', tenantBody('H'), { 'idempotency-key': key });
    expect(reused.status).toBe(409);
    expect(reused.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const all = await operator.get<{ items: Tenant[] }>('/platform/tenants?limit=100');
    expect(all.body.items.filter((t) => t.name === body.name)).toHaveLength(1);
  });

  it('keys idempotency by caller: the same key from two tenants creates two users', async () => {
    const key = unique('shared-key-');
    const a = await adminA.post<User>('/users', staffBody('ka'), { 'idempotency-key': key });
    const b = await adminB.post<User>('/users', staffBody('kb'), { 'idempotency-key': key });
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(a.body.tenantId).toBe(tenantA.id);
    expect(b.body.tenantId).toBe(tenantB.id);
  });

  it('answers 412 to a change made against a stale version, and applies nothing', async () => {
    const created = await adminA.post<User>('/users', staffBody('v'));
    const first = await adminA.patch<User>(`/users/${created.body.id}`, { displayName: '第一次修改' }, { 'if-match': '"1"' });
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(2);
    const stale = await adminA.patch<ErrorBody>(`/users/${created.body.id}`, { displayName: '过期修改' }, { 'if-match': '"1"' });
    expect(stale.status).toBe(412);
    const now = await adminA.get<User & { displayName: string }>(`/users/${created.body.id}`);
    expect(now.body).toMatchObject({ displayName: '第一次修改', version: 2 });
  });

  it('disables a user: sign-in is refused afterwards; an admin cannot disable itself', async () => {
    const body = staffBody('d');
    const created = await adminA.post<User>('/users', body);
    const disabled = await adminA.patch<User>(`/users/${created.body.id}`, { disabled: true });
    expect(disabled.body.disabled).toBe(true);
    const signIn = await test.anonymous.post<ErrorBody>('/auth/login', { username: body.username, password: body.password });
    expect(signIn.status).toBe(401);
    expect(signIn.body.error.message).toMatch(/disabled/);

    const me = (await adminA.get<{ items: User[] }>('/users?limit=100')).body.items.find((u) => u.role === 'insurer-admin');
    const self = await adminA.patch<ErrorBody>(`/users/${me?.id}`, { disabled: true });
    expect(self.status).toBe(403);
  });

  it('accepts user names with dots, as the user-name rule allows', async () => {
    const body = { ...staffBody('dot'), username: unique('li.ming.') };
    expect((await adminA.post<User>('/users', body)).status).toBe(201);
    expect((await test.anonymous.post('/auth/login', { username: body.username, password: body.password })).status).toBe(200);
  });

  it('does not let an insurer admin hand out regulator or operator roles', async () => {
    const response = await adminA.post<ErrorBody>('/users', { ...staffBody('r'), role: 'platform-operator' });
    expect(response.status).toBe(403);
  });

  it('locks a user name after five wrong passwords (429), without revealing whether it exists', async () => {
    const body = staffBody('l');
    await adminA.post('/users', body);
    const unknown = await test.anonymous.post<ErrorBody>('/auth/login', { username: 'nobody-here', password: 'whatever-123' });
    const wrong = await test.anonymous.post<ErrorBody>('/auth/login', { username: body.username, password: 'Wrong-pass-1' });
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(unknown.body.error.message).toBe(wrong.body.error.message);
    for (let attempt = 2; attempt <= 5; attempt += 1) {
      await test.anonymous.post('/auth/login', { username: body.username, password: 'Wrong-pass-1' });
    }
    const locked = await test.anonymous.post<ErrorBody>('/auth/login', { username: body.username, password: body.password });
    expect(locked.status).toBe(429);
  });

  it('pages with an opaque cursor and refuses a cursor forged for another partition', async () => {
    for (let i = 0; i < 3; i += 1) await adminB.post('/users', staffBody(`p${i}`));
    const first = await adminB.get<{ items: User[]; nextCursor?: string }>('/users?limit=2');
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).toBeDefined();
    const second = await adminB.get<{ items: User[] }>(`/users?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.items[0]?.id).not.toBe(first.body.items[0]?.id);
    const stolen = await adminA.get<ErrorBody>(`/users?limit=2&cursor=${first.body.nextCursor}`);
    expect(stolen.status).toBe(400);
    expect(stolen.body.error.details?.[0]?.field).toBe('cursor');
  });

  it('puts every state change’s outbox event on the bus, in order per aggregate', async () => {
    const body = tenantBody('K');
    const created = await operator.post<Tenant>('/platform/tenants', body);
    await expect
      .poll(() => test.platform.bus.recent().find((e) => e.type === 'platform.tenant.onboarded' && e.aggregate.id === created.body.id), {
        timeout: 10_000,
      })
      .toMatchObject({ source: 'anze', sequence: 1, data: { uscc: body.uscc } });
    const user = await adminA.post<User>('/users', staffBody('o'));
    await adminA.patch(`/users/${user.body.id}`, { displayName: '改名一次' });
    await adminA.patch(`/users/${user.body.id}`, { displayName: '改名两次' });
    await expect
      .poll(() => test.platform.bus.recent().filter((e) => e.aggregate.id === user.body.id).map((e) => `${e.type}#${e.sequence}`), {
        timeout: 10_000,
      })
      .toEqual(['platform.user.created#1', 'platform.user.updated#2', 'platform.user.updated#3']);
    const ids = test.platform.bus.recent().map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('serves health without a token and an OpenAPI document generated from the schemas', async () => {
    const health = await test.anonymous.get<{ status: string }>('/health');
    expect(health.body).toEqual({ status: 'ok', version: expect.any(String) });
    const doc = await test.anonymous.get<{ openapi: string; paths: Record<string, Record<string, { requestBody?: unknown; security: unknown[] }>> }>('/openapi.json');
    expect(doc.body.openapi).toBe('3.1.0');
    const onboard = doc.body.paths['/api/v1/platform/tenants']?.post;
    expect(onboard?.requestBody).toMatchObject({
      content: { 'application/json': { schema: { required: expect.arrayContaining(['name', 'uscc', 'branchName', 'admin']) } } },
    });
    expect(doc.body.paths['/api/v1/health']?.get?.security).toEqual([]);
  });

  it('answers malformed JSON with 400 naming the body, and an unknown route with 404 in the envelope', async () => {
    const bad = await operator.request<ErrorBody>('POST', '/platform/tenants', '{"name":', { 'content-type': 'application/json' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details?.[0]?.field).toBe('body');
    const missing = await operator.get<ErrorBody>('/no/such/route');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('NOT_FOUND');
  });
});
