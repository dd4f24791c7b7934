import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../support/api-client.js';
import { tenantBody, unique } from '../support/fixtures.js';
import { startTestPlatform, type TestPlatform } from '../support/test-platform.js';

interface Tenant {
  id: string;
  status: string;
  statusReason?: string;
  version: number;
}
interface TenantUser {
  id: string;
  username: string;
  displayName: string;
  role: string;
  disabled: boolean;
  lastSignInAt?: string;
  tenantId?: string;
}
interface ErrorBody {
  error: { code: string; message: string; rule?: string; details?: { field?: string }[] };
}

let test: TestPlatform;
let operator: ApiClient;
let tenantA: Tenant;
let tenantB: Tenant;
let adminA: ApiClient;
let staffA: ApiClient;
let staffAName: string;
let adminB: ApiClient;
let cityEmb: ApiClient;
const bodyA = tenantBody('S');

beforeAll(async () => {
  test = await startTestPlatform();
  operator = await test.operator();
  const bodyB = tenantBody('T');
  tenantA = (await operator.post<Tenant>('/platform/tenants', bodyA)).body;
  tenantB = (await operator.post<Tenant>('/platform/tenants', bodyB)).body;
  adminA = await test.signIn(bodyA.admin.username, bodyA.admin.password);
  adminB = await test.signIn(bodyB.admin.username, bodyB.admin.password);
  staffAName = unique('susp-staff-');
  expect((await adminA.post('/users', { username: staffAName, password: 'Staff-pass-2026', role: 'insurer-staff', displayName: '暂停测试业务员' })).status).toBe(201);
  staffA = await test.signIn(staffAName, 'Staff-pass-2026');
  const embName = unique('emb-susp-');
  const emb = await operator.post('/platform/regulators', {
    agency: 'EMB_CITY',
    name: '忻州市应急管理局',
    admin: { username: embName, password: 'Regulator-2026', displayName: '市局管理员' },
  });
  expect(emb.status).toBe(201);
  cityEmb = await test.signIn(embName, 'Regulator-2026');
});

afterAll(async () => {
  await test?.stop();
});

describe('ACL-3 (issue 15): the operator suspends and resumes an insurer', () => {
  it('ACL-3 the operator sees a tenant’s users — name, role, status, last sign-in — and nothing else', async () => {
    const users = await operator.get<{ items: TenantUser[] }>(`/platform/tenants/${tenantA.id}/users`);
    expect(users.status).toBe(200);
    const staff = users.body.items.find((user) => user.username === staffAName);
    expect(staff).toMatchObject({ role: 'insurer-staff', displayName: '暂停测试业务员', disabled: false });
    expect(staff?.lastSignInAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(users.body.items.map((user) => user.role).sort()).toEqual(['insurer-admin', 'insurer-staff']);
    expect(Object.keys(staff ?? {}).sort()).toEqual(['createdAt', 'disabled', 'displayName', 'id', 'lastSignInAt', 'role', 'username']);
    expect((await operator.get<ErrorBody>('/platform/tenants/01nosuchtenant000000000000/users')).status).toBe(404);
  });

  it('ACL-3 only the operator may suspend, resume or list a tenant’s users (403 for the tenant’s own admin and a regulator)', async () => {
    for (const client of [adminA, cityEmb]) {
      expect((await client.post(`/platform/tenants/${tenantA.id}/suspend`, { reason: '越权尝试' })).status).toBe(403);
      expect((await client.post(`/platform/tenants/${tenantA.id}/resume`, { reason: '越权尝试' })).status).toBe(403);
      expect((await client.get(`/platform/tenants/${tenantA.id}/users`)).status).toBe(403);
    }
    expect((await operator.get<Tenant>(`/platform/tenants/${tenantA.id}`)).body.status).toBe('ACTIVE');
  });

  it('ACL-3 a suspension needs a reason (400 naming reason), and resuming an active tenant is a 409', async () => {
    const noReason = await operator.post<ErrorBody>(`/platform/tenants/${tenantA.id}/suspend`, {});
    expect(noReason.status).toBe(400);
    expect(JSON.stringify(noReason.body.error.details)).toContain('reason');
    const resumeActive = await operator.post<ErrorBody>(`/platform/tenants/${tenantA.id}/resume`, { reason: '并未暂停' });
    expect(resumeActive.status).toBe(409);
    expect(resumeActive.body.error.rule).toBe('ACL-3');
  });

  it('ACL-3 suspended: the tenant’s users get 403 TENANT_SUSPENDED on their next request and at sign-in; other tenants and regulators are unaffected; resumed: they work again', async () => {
    expect((await staffA.get('/policies')).status).toBe(200);
    expect((await adminA.get('/users')).status).toBe(200);

    const suspended = await operator.post<Tenant>(`/platform/tenants/${tenantA.id}/suspend`, { reason: '未按期报送资质材料' });
    expect(suspended.status).toBe(200);
    expect(suspended.body).toMatchObject({ status: 'SUSPENDED', statusReason: '未按期报送资质材料', version: tenantA.version + 1 });

    for (const [client, path] of [[staffA, '/policies'], [adminA, '/users']] as const) {
      const refused = await client.get<ErrorBody>(path);
      expect(refused.status, path).toBe(403);
      expect(refused.body.error.code).toBe('TENANT_SUSPENDED');
    }
    const signIn = await test.anonymous.post<ErrorBody>('/auth/login', { username: staffAName, password: 'Staff-pass-2026' });
    expect(signIn.status).toBe(403);
    expect(signIn.body.error.code).toBe('TENANT_SUSPENDED');
    expect((await operator.post<ErrorBody>(`/platform/tenants/${tenantA.id}/suspend`, { reason: '再次暂停' })).status).toBe(409);

    // Another insurer works on; the city EMB still supervises the suspended one (ACL-2).
    expect((await adminB.get('/users')).status).toBe(200);
    expect((await cityEmb.get(`/regulator/insurers/${tenantA.id}/policies`)).status).toBe(200);
    expect((await cityEmb.get(`/regulator/insurers/${tenantB.id}/policies`)).status).toBe(200);

    const resumed = await operator.post<Tenant>(`/platform/tenants/${tenantA.id}/resume`, { reason: '已补报材料' });
    expect(resumed.status).toBe(200);
    expect(resumed.body).toMatchObject({ status: 'ACTIVE', statusReason: '已补报材料' });
    // The tokens issued before the suspension speak for their users again: the users themselves never changed.
    expect((await staffA.get('/policies')).status).toBe(200);
    expect((await adminA.get('/users')).status).toBe(200);
    expect((await test.anonymous.post('/auth/login', { username: staffAName, password: 'Staff-pass-2026' })).status).toBe(200);
  });
});
