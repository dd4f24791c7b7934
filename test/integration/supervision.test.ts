import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PreventionService } from '../../domain/services/service.js';
import { systemClock } from '../../functions/adapters/clock.js';
import { dynamoDbClientConfig, toDocumentClient } from '../../functions/adapters/dynamodb/client.js';
import { DynamoServiceRepository } from '../../functions/adapters/dynamodb/services.repository.js';
import { Store } from '../../functions/adapters/dynamodb/store.js';
import { supervisionRoutes } from '../../functions/http/supervision/routes.js';
import type { ApiClient } from '../support/api-client.js';
import { expectOk, scheduleBody, walkService, type ErrorBody } from '../support/services-fixtures.js';
import { startTestPlatform, type TestPlatform } from '../support/test-platform.js';
import { usccCheckCharacter } from '../../domain/kernel/uscc.js';
import { HUTUO, XINDA, fileQualification, policyBody, registerEnterprises, year } from '../support/underwriting-fixtures.js';

/**
 * Issue 14 (ACL-2, ACL-4): the regulators read every insurer's policies, services and fee year, read-only, through
 * the real local gateway and DynamoDB Local. picc insures a 忻府区 coal mine (XINDA, 140902), pingan a 原平市 one
 * (HUTUO, 140981); `emb-xinfu` is the 忻府区 EMB.
 */

const DEMO = 'Anze-demo-2026';

interface InsurerRef {
  tenantId: string;
  name: string;
  branchName: string;
}
interface PolicyView {
  id: string;
  tenantId: string;
  policyNumber: string;
  status: string;
  enterprise: { uscc: string; name: string; county: string };
}
interface ServiceView {
  id: string;
  status: string;
  enterprise: { uscc: string; name: string; county: string };
}
interface Listing<T> {
  insurer: InsurerRef;
  items: T[];
  nextCursor?: string;
}
interface InsurerSummary {
  tenantId: string;
  name: string;
  status: string;
  fees: { year: number; spentFen: number; floorBasisPoints: number } | null;
}

let test: TestPlatform;
let picc: ApiClient;
let pingan: ApiClient;
let enterprise: ApiClient;
let operator: ApiClient;
let cityEmb: ApiClient;
let countyEmb: ApiClient;
let nfra: ApiClient;
let piccId: string;
let pinganId: string;
let xindaPolicy: PolicyView;
let hutuoPolicy: PolicyView;
/** picc at XINDA (忻府区): one completed service whose follow-up deadline is made to have passed; one only scheduled. */
let xindaOverdue: string;
let xindaScheduled: string;
/** pingan at HUTUO (原平市): a completed service, overdue as well. */
let hutuoOverdue: string;

/** SVC-8: the service as if completed long ago — its follow-up deadline passed, so the due index has it before today. */
async function makeOverdue(service: { id: string; tenantId: string }): Promise<void> {
  const store = new Store(toDocumentClient(new DynamoDBClient(dynamoDbClientConfig())), test.platform.tables.main, systemClock);
  const services = new DynamoServiceRepository(store);
  const stored = (await services.getService(service.tenantId, service.id)) as PreventionService;
  expect(stored.status).toBe('COMPLETED');
  const deadlines = stored.deadlines as NonNullable<PreventionService['deadlines']>;
  const aged = { ...stored, version: stored.version + 1, deadlines: { ...deadlines, followUp: { dueOn: '2024-01-05', provisional: false } } };
  await services.saveService(aged, stored.version, []);
}

beforeAll(async () => {
  test = await startTestPlatform({ demo: true });
  picc = await test.signIn('picc-admin', DEMO);
  pingan = await test.signIn('pingan-admin', DEMO);
  enterprise = await test.signIn('ent-demo', DEMO);
  operator = await test.operator();
  cityEmb = await test.signIn('emb-city', DEMO);
  countyEmb = await test.signIn('emb-xinfu', DEMO);
  nfra = await test.signIn('nfra-xinzhou', DEMO);
  await registerEnterprises(cityEmb, [XINDA, HUTUO]);
  expectOk(await fileQualification(picc));
  expectOk(await fileQualification(pingan));
  xindaPolicy = expectOk(await picc.post<PolicyView>('/policies', policyBody()), 201);
  hutuoPolicy = expectOk(
    await pingan.post<PolicyView>('/policies', policyBody({ enterpriseUscc: HUTUO.uscc, employeesCovered: HUTUO.staff })),
    201,
  );
  piccId = xindaPolicy.tenantId;
  // Two 原平市 mines picc insured after XINDA: newest first, they come before XINDA in picc's listing.
  const yuanping = ['91140981100000011', '91140981100000012'].map((first17, index) => ({
    uscc: `${first17}${usccCheckCharacter(first17)}`,
    name: `原平监管测试${index + 1}号煤业有限公司`,
    industry: 'COAL_MINE',
    county: '140981',
    staff: 60,
    revenueWan: 800,
  }));
  await registerEnterprises(cityEmb, yuanping);
  for (const entry of yuanping) {
    expectOk(await picc.post('/policies', policyBody({ enterpriseUscc: entry.uscc, employeesCovered: entry.staff })), 201);
  }
  pinganId = hutuoPolicy.tenantId;
  const atXinda = await walkService(picc, undefined, scheduleBody(xindaPolicy.id), 'COMPLETED');
  xindaOverdue = atXinda.id;
  await makeOverdue(atXinda);
  xindaScheduled = (await walkService(picc, undefined, scheduleBody(xindaPolicy.id), 'SCHEDULED')).id;
  const atHutuo = await walkService(pingan, undefined, scheduleBody(hutuoPolicy.id), 'COMPLETED');
  hutuoOverdue = atHutuo.id;
  await makeOverdue(atHutuo);
});
afterAll(async () => test?.stop());

const policyIds = (page: Listing<PolicyView>) => page.items.map((policy) => policy.id);
const serviceIds = (page: Listing<ServiceView>) => page.items.map((service) => service.id);

describe('GET /regulator/insurers: every insurer, by name', () => {
  it('ACL-2 FEE-4 the city EMB and the NFRA see every insurer by name with the year’s fee figures', async () => {
    for (const regulator of [cityEmb, nfra]) {
      const page = expectOk(await regulator.get<{ year: number; items: InsurerSummary[] }>(`/regulator/insurers?year=${year}&limit=100`));
      expect(page.year).toBe(year);
      const ids = page.items.map((insurer) => insurer.tenantId);
      expect(ids).toEqual(expect.arrayContaining([piccId, pinganId]));
      const piccRow = page.items.find((insurer) => insurer.tenantId === piccId) as InsurerSummary;
      expect(piccRow.name).toContain('中国人民财产保险');
      expect(piccRow.fees?.year).toBe(year);
      expect(piccRow.fees?.floorBasisPoints).toBe(1500);
    }
  });

  it('ACL-4 a county EMB sees the insurers but no insurer-wide fee figure (the ledger has no county)', async () => {
    const page = expectOk(await countyEmb.get<{ items: InsurerSummary[] }>('/regulator/insurers?limit=100'));
    expect(page.items.map((insurer) => insurer.tenantId)).toEqual(expect.arrayContaining([piccId, pinganId]));
    expect(page.items.every((insurer) => insurer.fees === null)).toBe(true);
  });

  it('ACL-2 refuses insurers, enterprises and the operator (403) and a caller without a token (401)', async () => {
    for (const caller of [picc, enterprise, operator]) expect((await caller.get('/regulator/insurers')).status).toBe(403);
    expect((await test.anonymous.get('/regulator/insurers')).status).toBe(401);
  });
});

describe('GET /regulator/insurers/{tenantId}/policies: one insurer’s policies, read-only', () => {
  it('ACL-2 UW-1 the city EMB reads picc’s policies with the insurer and the enterprise named, and finds one by USCC, number and name', async () => {
    const page = expectOk(await cityEmb.get<Listing<PolicyView>>(`/regulator/insurers/${piccId}/policies?limit=100`));
    expect(page.insurer.tenantId).toBe(piccId);
    expect(page.insurer.name).toContain('中国人民财产保险');
    expect(policyIds(page)).toContain(xindaPolicy.id);
    expect(policyIds(page)).not.toContain(hutuoPolicy.id);
    const listed = page.items.find((policy) => policy.id === xindaPolicy.id) as PolicyView;
    expect(listed.enterprise).toMatchObject({ uscc: XINDA.uscc, name: XINDA.name, county: '140902' });
    const byUscc = expectOk(await cityEmb.get<Listing<PolicyView>>(`/regulator/insurers/${piccId}/policies?uscc=${XINDA.uscc}`));
    expect(policyIds(byUscc)).toContain(xindaPolicy.id);
    expect(byUscc.items.every((policy) => policy.enterprise.uscc === XINDA.uscc)).toBe(true);
    const byNumber = expectOk(
      await cityEmb.get<Listing<PolicyView>>(`/regulator/insurers/${piccId}/policies?policyNumber=${encodeURIComponent(xindaPolicy.policyNumber)}`),
    );
    expect(policyIds(byNumber)).toEqual([xindaPolicy.id]);
    const byName = expectOk(
      await cityEmb.get<Listing<PolicyView>>(`/regulator/insurers/${piccId}/policies?limit=100&enterpriseName=${encodeURIComponent('忻达煤业')}`),
    );
    expect(policyIds(byName)).toContain(xindaPolicy.id);
    expect(byName.items.every((policy) => policy.enterprise.name.includes('忻达煤业'))).toBe(true);
    const noSuchName = expectOk(
      await cityEmb.get<Listing<PolicyView>>(`/regulator/insurers/${piccId}/policies?limit=100&enterpriseName=${encodeURIComponent('不存在的企业名')}`),
    );
    expect(noSuchName.items).toEqual([]);
  });

  it('ACL-4 the city EMB narrows by county; the NFRA reads the same', async () => {
    const yuanping = expectOk(await cityEmb.get<Listing<PolicyView>>(`/regulator/insurers/${pinganId}/policies?limit=100&county=140981`));
    expect(policyIds(yuanping)).toContain(hutuoPolicy.id);
    expect(yuanping.items.every((policy) => policy.enterprise.county === '140981')).toBe(true);
    const xinfu = expectOk(await cityEmb.get<Listing<PolicyView>>(`/regulator/insurers/${pinganId}/policies?limit=100&county=140902`));
    expect(policyIds(xinfu)).not.toContain(hutuoPolicy.id);
    expect(policyIds(expectOk(await nfra.get<Listing<PolicyView>>(`/regulator/insurers/${pinganId}/policies?limit=100`)))).toContain(hutuoPolicy.id);
  });

  it('ACL-4 a county EMB reads its own county only: another insurer’s 原平市 policy is not listed, asking for 原平市 is 403', async () => {
    const own = expectOk(await countyEmb.get<Listing<PolicyView>>(`/regulator/insurers/${piccId}/policies?limit=100`));
    expect(policyIds(own)).toContain(xindaPolicy.id);
    expect(own.items.every((policy) => policy.enterprise.county === '140902')).toBe(true);
    const other = expectOk(await countyEmb.get<Listing<PolicyView>>(`/regulator/insurers/${pinganId}/policies?limit=100`));
    expect(policyIds(other)).not.toContain(hutuoPolicy.id);
    expect(other.items.every((policy) => policy.enterprise.county === '140902')).toBe(true);
    const byUscc = expectOk(await countyEmb.get<Listing<PolicyView>>(`/regulator/insurers/${pinganId}/policies?uscc=${HUTUO.uscc}`));
    expect(byUscc.items).toEqual([]);
    const refused = await countyEmb.get<ErrorBody>(`/regulator/insurers/${pinganId}/policies?county=140981`);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toContain('ACL-4');
  });

  it('ACL-4 a county EMB’s page is filled with its county’s policies though newer ones of another county come first', async () => {
    const page = expectOk(await countyEmb.get<Listing<PolicyView>>(`/regulator/insurers/${piccId}/policies?limit=2`));
    expect(policyIds(page)).toContain(xindaPolicy.id);
    expect(page.items.every((policy) => policy.enterprise.county === '140902')).toBe(true);
  });

  it('ACL-4 one policy: the county EMB reads its county’s and gets 404 for another county’s, as for a missing one', async () => {
    const own = expectOk(await countyEmb.get<{ insurer: InsurerRef; policy: PolicyView }>(`/regulator/insurers/${piccId}/policies/${xindaPolicy.id}`));
    expect(own.policy.enterprise.name).toBe(XINDA.name);
    expect(own.insurer.name).toContain('中国人民财产保险');
    const foreign = await countyEmb.get<ErrorBody>(`/regulator/insurers/${pinganId}/policies/${hutuoPolicy.id}`);
    const missing = await countyEmb.get<ErrorBody>(`/regulator/insurers/${pinganId}/policies/01missingpolicy00000000000`);
    expect(foreign.status).toBe(404);
    expect(foreign.body).toEqual(missing.body);
    expect(expectOk(await cityEmb.get<{ policy: PolicyView }>(`/regulator/insurers/${pinganId}/policies/${hutuoPolicy.id}`)).policy.id).toBe(hutuoPolicy.id);
  });

  it('ACL-1 a policy named under the wrong insurer is not found, and an unknown insurer is 404', async () => {
    expect((await cityEmb.get(`/regulator/insurers/${pinganId}/policies/${xindaPolicy.id}`)).status).toBe(404);
    expect((await cityEmb.get('/regulator/insurers/01nosuchinsurer00000000000/policies')).status).toBe(404);
  });
});

describe('GET /regulator/insurers/{tenantId}/services: one insurer’s services, read-only', () => {
  it('ACL-2 SVC-8 the city EMB reads picc’s services, filters by status, and overdue=true gives those past their deadline', async () => {
    const all = expectOk(await cityEmb.get<Listing<ServiceView>>(`/regulator/insurers/${piccId}/services?limit=100`));
    expect(serviceIds(all)).toEqual(expect.arrayContaining([xindaOverdue, xindaScheduled]));
    expect(all.items.find((service) => service.id === xindaOverdue)?.enterprise).toMatchObject({ uscc: XINDA.uscc, name: XINDA.name });
    const scheduled = expectOk(await cityEmb.get<Listing<ServiceView>>(`/regulator/insurers/${piccId}/services?limit=100&status=SCHEDULED`));
    expect(serviceIds(scheduled)).toContain(xindaScheduled);
    expect(serviceIds(scheduled)).not.toContain(xindaOverdue);
    const overdue = expectOk(await cityEmb.get<Listing<ServiceView>>(`/regulator/insurers/${piccId}/services?limit=100&overdue=true`));
    expect(serviceIds(overdue)).toContain(xindaOverdue);
    expect(serviceIds(overdue)).not.toContain(xindaScheduled);
  });

  it('ACL-4 a county EMB’s service lists cover its county only, overdue ones too; another county asked for is 403', async () => {
    const own = expectOk(await countyEmb.get<Listing<ServiceView>>(`/regulator/insurers/${piccId}/services?limit=100&overdue=true`));
    expect(serviceIds(own)).toContain(xindaOverdue);
    const other = expectOk(await countyEmb.get<Listing<ServiceView>>(`/regulator/insurers/${pinganId}/services?limit=100`));
    expect(serviceIds(other)).not.toContain(hutuoOverdue);
    expect(other.items.every((service) => service.enterprise.county === '140902')).toBe(true);
    const otherOverdue = expectOk(await countyEmb.get<Listing<ServiceView>>(`/regulator/insurers/${pinganId}/services?limit=100&overdue=true`));
    expect(serviceIds(otherOverdue)).not.toContain(hutuoOverdue);
    expect(serviceIds(expectOk(await cityEmb.get<Listing<ServiceView>>(`/regulator/insurers/${pinganId}/services?limit=100&overdue=true`)))).toContain(
      hutuoOverdue,
    );
    expect((await countyEmb.get(`/regulator/insurers/${pinganId}/services?county=140981`)).status).toBe(403);
  });

  it('ACL-4 one service: its county’s for the county EMB, 404 for another county’s; every detail for the city EMB', async () => {
    const own = expectOk(await countyEmb.get<{ insurer: InsurerRef; service: ServiceView }>(`/regulator/insurers/${piccId}/services/${xindaOverdue}`));
    expect(own.service.id).toBe(xindaOverdue);
    const foreign = await countyEmb.get<ErrorBody>(`/regulator/insurers/${pinganId}/services/${hutuoOverdue}`);
    const missing = await countyEmb.get<ErrorBody>(`/regulator/insurers/${pinganId}/services/01missingservice0000000000`);
    expect(foreign.status).toBe(404);
    expect(foreign.body).toEqual(missing.body);
    expect(expectOk(await cityEmb.get<{ service: ServiceView }>(`/regulator/insurers/${pinganId}/services/${hutuoOverdue}`)).service.id).toBe(hutuoOverdue);
  });
});

describe('GET /regulator/insurers/{tenantId}/fees: the year’s summary', () => {
  it('FEE-4 FEE-5 the city EMB and the NFRA read an insurer’s fee summary for the year, by name', async () => {
    for (const regulator of [cityEmb, nfra]) {
      const answer = expectOk(
        await regulator.get<{ insurer: InsurerRef; summary: { tenantId: string; year: number; floorBasisPoints: number; ceilingBasisPoints: number } }>(
          `/regulator/insurers/${piccId}/fees?year=${year}`,
        ),
      );
      expect(answer.insurer.name).toContain('中国人民财产保险');
      expect(answer.summary).toMatchObject({ tenantId: piccId, year, floorBasisPoints: 1500, ceilingBasisPoints: 2100 });
    }
  });

  it('ACL-4 a county EMB may not read the insurer-wide ledger (403), nor may an insurer read another’s', async () => {
    expect((await countyEmb.get(`/regulator/insurers/${piccId}/fees`)).status).toBe(403);
    expect((await pingan.get(`/regulator/insurers/${piccId}/fees`)).status).toBe(403);
  });
});

describe('no regulator writes insurers’ data through supervision (ACL-2)', () => {
  it('ACL-2 every supervision route is a GET, and writing to its paths finds no route', async () => {
    // Issue 14 (SUP-5): every route on insurers' data is a GET; the context's only writes are the 督办 notices.
    const onInsurers = supervisionRoutes.filter((route) => route.path.includes('/regulator/insurers'));
    expect(onInsurers.map((route) => route.method)).toEqual(onInsurers.map(() => 'GET'));
    expect(supervisionRoutes.filter((route) => route.method !== 'GET').every((route) => /\/notices(\/|$)/.test(route.path))).toBe(true);
    for (const path of [`/regulator/insurers/${piccId}/policies`, `/regulator/insurers/${piccId}/policies/${xindaPolicy.id}`, `/regulator/insurers/${piccId}/services/${xindaOverdue}`]) {
      for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'] as const) {
        const response = await cityEmb.request(method, path, method === 'DELETE' ? undefined : {});
        expect(response.status, `${method} ${path}`).toBe(404);
      }
    }
  });

  it('ACL-2 the regulators’ read leaves the insurer’s records as they were', async () => {
    const before = expectOk(await picc.get<{ version: number }>(`/policies/${xindaPolicy.id}`));
    await cityEmb.get(`/regulator/insurers/${piccId}/policies/${xindaPolicy.id}`);
    expect(expectOk(await picc.get<{ version: number }>(`/policies/${xindaPolicy.id}`)).version).toBe(before.version);
  });
});
