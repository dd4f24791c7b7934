import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOUNDED_CONTEXTS } from '../../functions/http/contexts.js';
import type { ApiClient } from '../support/api-client.js';
import { expectOk, scheduleBody, walkService, type ErrorBody } from '../support/services-fixtures.js';
import { startTestPlatform, type TestPlatform } from '../support/test-platform.js';
import { HUTUO, XINDA, fileQualification, policyBody, registerEnterprises } from '../support/underwriting-fixtures.js';

/**
 * SVC-7 / ACL-2 / ACL-4: the regulators' read-only view of hazards across insurers (GSI4 `REG#HAZARD`, sorted by
 * county): picc's hazards at a 忻府区 coal mine (140902), pingan's at a 原平市 one (140981).
 */

const DEMO = 'Anze-demo-2026';

interface Hazard {
  id: string;
  tenantId: string;
  grade: string;
  status: string;
  foundOn: string;
  enterprise: { uscc: string; county: string };
}
interface HazardPage {
  items: Hazard[];
  nextCursor?: string;
}

let test: TestPlatform;
let picc: ApiClient;
let pingan: ApiClient;
let enterprise: ApiClient;
let cityEmb: ApiClient;
let countyEmb: ApiClient;
let nfra: ApiClient;
/** picc, 忻府区: a MAJOR and a GENERAL hazard. */
let xinfuMajor: string;
let xinfuGeneral: string;
/** pingan, 原平市: a MAJOR hazard. */
let yuanpingMajor: string;

const ids = (page: HazardPage) => page.items.map((hazard) => hazard.id);

beforeAll(async () => {
  test = await startTestPlatform({ demo: true });
  picc = await test.signIn('picc-admin', DEMO);
  pingan = await test.signIn('pingan-admin', DEMO);
  enterprise = await test.signIn('ent-demo', DEMO);
  cityEmb = await test.signIn('emb-city', DEMO);
  countyEmb = await test.signIn('emb-xinfu', DEMO);
  nfra = await test.signIn('nfra-xinzhou', DEMO);
  await registerEnterprises(cityEmb, [XINDA, HUTUO]);
  expectOk(await fileQualification(picc));
  expectOk(await fileQualification(pingan));
  const xinda = expectOk(await picc.post<{ id: string }>('/policies', policyBody()), 201);
  const hutuo = expectOk(await pingan.post<{ id: string }>('/policies', policyBody({ enterpriseUscc: HUTUO.uscc, employeesCovered: HUTUO.staff })), 201);
  const inspection = { type: 'HAZARD_INSPECTION' };
  const atXinda = await walkService(picc, undefined, scheduleBody(xinda.id, inspection), 'COMPLETED', {
    hazards: [
      { description: '监管视图测试：井下局部通风机未实现双电源', grade: 'MAJOR', rectifyBy: '2099-01-31' },
      { description: '监管视图测试：消防器材过期', grade: 'GENERAL', rectifyBy: '2099-01-15' },
    ],
    principalName: '赵矿长',
  });
  const atHutuo = await walkService(pingan, undefined, scheduleBody(hutuo.id, inspection), 'COMPLETED', {
    hazards: [{ description: '监管视图测试：瓦斯抽采系统未运行', grade: 'MAJOR', rectifyBy: '2099-02-28' }],
    principalName: '钱矿长',
  });
  const xindaHazards = expectOk(await picc.get<HazardPage>(`/hazards?serviceId=${atXinda.id}`)).items;
  xinfuMajor = xindaHazards.find((hazard) => hazard.grade === 'MAJOR')?.id as string;
  xinfuGeneral = xindaHazards.find((hazard) => hazard.grade === 'GENERAL')?.id as string;
  yuanpingMajor = atHutuo.hazardIds[0] as string;
  expect([xinfuMajor, xinfuGeneral, yuanpingMajor].every(Boolean)).toBe(true);
});
afterAll(async () => test?.stop());

describe('the regulators’ hazard view across insurers', () => {
  it('SVC-7 ACL-2 shows the city EMB the hazards of both insurers in both counties, and filters by grade MAJOR', async () => {
    const all = expectOk(await cityEmb.get<HazardPage>('/regulator/hazards?limit=100'));
    expect(ids(all)).toEqual(expect.arrayContaining([xinfuMajor, xinfuGeneral, yuanpingMajor]));
    expect(new Set(all.items.map((hazard) => hazard.tenantId)).size).toBeGreaterThanOrEqual(2);

    const major = expectOk(await cityEmb.get<HazardPage>('/regulator/hazards?grade=MAJOR&limit=100'));
    expect(ids(major)).toEqual(expect.arrayContaining([xinfuMajor, yuanpingMajor]));
    expect(ids(major)).not.toContain(xinfuGeneral);
    expect(major.items.every((hazard) => hazard.grade === 'MAJOR')).toBe(true);

    // A city-level caller may name one county.
    const yuanping = expectOk(await cityEmb.get<HazardPage>('/regulator/hazards?county=140981&limit=100'));
    expect(ids(yuanping)).toContain(yuanpingMajor);
    expect(yuanping.items.every((hazard) => hazard.enterprise.county === '140981')).toBe(true);
  });

  it('ACL-4 shows the county EMB of 140902 its county only, and refuses another county with 403', async () => {
    const own = expectOk(await countyEmb.get<HazardPage>('/regulator/hazards?limit=100'));
    expect(ids(own)).toEqual(expect.arrayContaining([xinfuMajor, xinfuGeneral]));
    expect(ids(own)).not.toContain(yuanpingMajor);
    expect(own.items.every((hazard) => hazard.enterprise.county === '140902')).toBe(true);
    expect(ids(expectOk(await countyEmb.get<HazardPage>('/regulator/hazards?county=140902&limit=100')))).toEqual(ids(own));

    const other = await countyEmb.get<ErrorBody>('/regulator/hazards?county=140981');
    expect(other.status).toBe(403);
    expect(other.body.error.message).toContain('ACL-4');
  });

  it('ACL-4 pages the county EMB through its own county only, cursor by cursor', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page: HazardPage = expectOk(await countyEmb.get<HazardPage>(`/regulator/hazards?limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`));
      expect(page.items.length).toBeLessThanOrEqual(1);
      seen.push(...ids(page));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(expect.arrayContaining([xinfuMajor, xinfuGeneral]));
    expect(seen).not.toContain(yuanpingMajor);

    // A cursor the city EMB got inside 原平市 does not steer the county EMB there: refused like any foreign cursor.
    const elsewhere = expectOk(await cityEmb.get<HazardPage>('/regulator/hazards?county=140981&limit=1'));
    expect(elsewhere.nextCursor).toBeDefined();
    const steered = await countyEmb.get<ErrorBody>(`/regulator/hazards?cursor=${encodeURIComponent(elsewhere.nextCursor as string)}`);
    expect(steered.status).toBe(400);
    expect(steered.body.error.details?.[0]?.field).toBe('cursor');
  });

  it('ACL-2 ACL-4 pages the city EMB through every county’s partition in turn (issue 21: one partition per county), each hazard once', async () => {
    const all = expectOk(await cityEmb.get<HazardPage & { total: number }>('/regulator/hazards?limit=100'));
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 50; pages += 1) {
      const page: HazardPage = expectOk(await cityEmb.get<HazardPage>(`/regulator/hazards?limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`));
      seen.push(...ids(page));
      cursor = page.nextCursor;
      if (!cursor) break;
    }
    expect(seen).toEqual(ids(all));
    expect(new Set(seen).size).toBe(seen.length);
    expect(all.total).toBe(seen.length);
    expect(seen).toEqual(expect.arrayContaining([xinfuMajor, xinfuGeneral, yuanpingMajor]));
    expect((await cityEmb.get('/regulator/hazards?cursor=v1.forged')).status).toBe(400);
  });

  it('ACL-2 shows the NFRA every county', async () => {
    const all = expectOk(await nfra.get<HazardPage>('/regulator/hazards?limit=100'));
    expect(ids(all)).toEqual(expect.arrayContaining([xinfuMajor, xinfuGeneral, yuanpingMajor]));
  });

  it('SVC-7 follows a hazard’s status: rectification reported by the enterprise shows under RECTIFYING', async () => {
    expectOk(
      await enterprise.post(`/me/hazards/${xinfuGeneral}/rectification`, { plan: '更换全部过期灭火器', dueOn: '2099-01-10', responsiblePerson: '安全科长' }),
    );
    const rectifying = expectOk(await cityEmb.get<HazardPage>('/regulator/hazards?status=RECTIFYING&limit=100'));
    expect(ids(rectifying)).toContain(xinfuGeneral);
    expect(rectifying.items.every((hazard) => hazard.status === 'RECTIFYING')).toBe(true);
    const open = expectOk(await cityEmb.get<HazardPage>('/regulator/hazards?status=OPEN&limit=100'));
    expect(ids(open)).toEqual(expect.arrayContaining([xinfuMajor, yuanpingMajor]));
    expect(ids(open)).not.toContain(xinfuGeneral);
  });

  it('ACL-1 ACL-5 refuses insurers and enterprises (403)', async () => {
    for (const client of [picc, pingan, await test.signIn('picc-staff', DEMO), enterprise]) {
      expect((await client.get('/regulator/hazards')).status).toBe(403);
    }
  });

  it('ACL-2 is read-only: no route writes a regulator hazard, and the insurer’s hazard writes refuse a regulator (403)', async () => {
    const regulatorHazardRoutes = BOUNDED_CONTEXTS.flatMap((context) => [...context.routes]).filter((route) => route.path.startsWith('/api/v1/regulator/hazards'));
    expect(regulatorHazardRoutes.map((route) => `${route.method} ${route.path}`)).toEqual(['GET /api/v1/regulator/hazards']);
    for (const regulator of [cityEmb, countyEmb, nfra]) {
      expect((await regulator.post(`/hazards/${xinfuMajor}/verify`, { accepted: true, comments: '越权核验' })).status).toBe(403);
      expect((await regulator.post(`/hazards/${xinfuMajor}/rectification`, { closed: true })).status).toBe(403);
    }
    expect(expectOk(await picc.get<Hazard & { version: number }>(`/hazards/${xinfuMajor}`)).status).toBe('OPEN');
  });

  it('refuses a county outside Xinzhou and an unknown grade with 400 naming the field', async () => {
    const county = await cityEmb.get<ErrorBody>('/regulator/hazards?county=110101');
    expect(county.status).toBe(400);
    expect(JSON.stringify(county.body.error)).toContain('county');
    const grade = await cityEmb.get<ErrorBody>('/regulator/hazards?grade=SEVERE');
    expect(grade.status).toBe(400);
    expect(JSON.stringify(grade.body.error)).toContain('grade');
  });
});
