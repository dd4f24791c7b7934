import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../support/api-client.js';
import { TAIXIN, XINDA, XINGYUAN, fileQualification as file, inAYear, oneYearOn, policyBody, registerEnterprises, today, year } from '../support/underwriting-fixtures.js';
import { startTestPlatform, type TestPlatform } from '../support/test-platform.js';

// Issue 13, underwriting and qualification: corrections where the platform let a record slip that the notice
// forbids. Each test here failed on the main of before the fix.

const DEMO = 'Anze-demo-2026';

interface Policy {
  id: string;
  periodStart: string;
  periodEnd: string;
  members: { tenantId: string; shareBasisPoints: number; lead: boolean }[];
}
interface ErrorBody {
  error: { code: string; rule?: string; message: string; details?: { field?: string; rule?: string; message: string }[] };
}

let test: TestPlatform;
let picc: ApiClient;
let cpic: ApiClient;
let pingan: ApiClient;
let cityEmb: ApiClient;
let nfra: ApiClient;
let piccId: string;
let cpicId: string;
let pinganId: string;

async function tenantIdOf(client: ApiClient): Promise<string> {
  return (await client.get<{ items: { tenantId: string }[] }>('/users')).body.items[0]?.tenantId as string;
}

beforeAll(async () => {
  test = await startTestPlatform({ demo: true });
  picc = await test.signIn('picc-admin', DEMO);
  cpic = await test.signIn('cpic-admin', DEMO);
  pingan = await test.signIn('pingan-admin', DEMO);
  cityEmb = await test.signIn('emb-city', DEMO);
  nfra = await test.signIn('nfra-xinzhou', DEMO);
  [piccId, cpicId, pinganId] = await Promise.all([tenantIdOf(picc), tenantIdOf(cpic), tenantIdOf(pingan)]);
  await registerEnterprises(cityEmb, [XINDA, TAIXIN, XINGYUAN]);
  expect((await file(picc, cityEmb)).body.eligibility.eligible).toBe(true);
  expect((await file(pingan, cityEmb)).body.eligibility.eligible).toBe(true);
});
afterAll(async () => test?.stop());

describe('UW-6 co-insurers are eligible too', () => {
  const coinsured = (member: string) =>
    policyBody({
      enterpriseUscc: XINGYUAN.uscc,
      employeesCovered: XINGYUAN.staff,
      mode: 'COINSURANCE',
      members: [
        { tenantId: piccId, shareBasisPoints: 6000, lead: true },
        { tenantId: member, shareBasisPoints: 4000, lead: false },
      ],
    });

  it('UW-6 QUAL-1 QUAL-2 QUAL-4 QUAL-5 QUAL-6 refuses a co-insurer without a filing, naming the member and every rule it fails (QUAL-3 waived)', async () => {
    const refused = await picc.post<ErrorBody>('/policies', coinsured(cpicId));
    expect(refused.status, JSON.stringify(refused.body)).toBe(409);
    expect(refused.body.error.rule).toBe('UW-8');
    expect(refused.body.error.message).toContain(`co-insurer ${cpicId} fails QUAL-1, QUAL-2, QUAL-4, QUAL-5, QUAL-6`);
    const details = refused.body.error.details ?? [];
    expect(details.map((detail) => detail.rule)).toEqual(['QUAL-1', 'QUAL-2', 'QUAL-4', 'QUAL-5', 'QUAL-6']);
    expect(details.every((detail) => detail.field === 'members.1.tenantId')).toBe(true);
  });

  it('UW-6 BLK-1 refuses a blacklisted co-insurer, naming it and BLK-1', async () => {
    const listed = await nfra.post('/regulator/blacklist', { insurerTenantId: pinganId, reason: '联合惩戒：虚列费用' });
    expect(listed.status, JSON.stringify(listed.body)).toBe(201);
    const refused = await picc.post<ErrorBody>('/policies', coinsured(pinganId));
    expect(refused.status, JSON.stringify(refused.body)).toBe(409);
    expect(refused.body.error.message).toContain(`co-insurer ${pinganId} fails QUAL-2, BLK-1`);
    expect((refused.body.error.details ?? []).map((detail) => [detail.field, detail.rule])).toEqual([
      ['members.1.tenantId', 'QUAL-2'],
      ['members.1.tenantId', 'BLK-1'],
    ]);
  });

  it('UW-6 QUAL-3 admits a co-insurer whose solvency fails, since only the lead must meet it', async () => {
    const weak = await file(cpic, cityEmb, { solvency: { comprehensiveRatioBasisPoints: 9_000, riskRating: 'C' } });
    expect(weak.body.eligibility.criteria.find((criterion) => criterion.rule === 'QUAL-3')?.passed).toBe(false);
    const issued = await picc.post<Policy>('/policies', coinsured(cpicId));
    expect(issued.status, JSON.stringify(issued.body)).toBe(201);
    expect(issued.body.members.map((member) => member.tenantId)).toEqual([piccId, cpicId]);
  });
});

describe('UW-1 the policy period is inclusive: one year ends the day before the anniversary', () => {
  it('UW-1 derives periodEnd when left out (start + 1 year − 1 day) and refuses the anniversary (366 days)', async () => {
    const { periodEnd: _omitted, ...withoutEnd } = policyBody({ enterpriseUscc: TAIXIN.uscc, employeesCovered: TAIXIN.staff });
    const anniversary = await picc.post<ErrorBody>('/policies', { ...withoutEnd, periodEnd: inAYear });
    expect(anniversary.status, JSON.stringify(anniversary.body)).toBe(400);
    expect(anniversary.body.error.details?.[0]).toMatchObject({ field: 'periodEnd', rule: 'UW-1' });
    expect(anniversary.body.error.message).toContain(`ends on ${oneYearOn}, the day before the anniversary`);
    const issued = await picc.post<Policy>('/policies', withoutEnd);
    expect(issued.status, JSON.stringify(issued.body)).toBe(201);
    expect([issued.body.periodStart, issued.body.periodEnd]).toEqual([today, oneYearOn]);
  });
});
