import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../support/api-client.js';
import { HUTUO, TAIXIN, XINDA, XINGYUAN, fileQualification as file, inAYear, policyBody, registerEnterprises, today, year } from '../support/underwriting-fixtures.js';
import { startTestPlatform, type TestPlatform } from '../support/test-platform.js';

const DEMO = 'Anze-demo-2026';

interface Policy {
  id: string;
  tenantId: string;
  premiumFen: number;
  premiumExTaxFen: number;
  status: string;
  members: { tenantId: string; shareBasisPoints: number; lead: boolean }[];
  enterprise: { uscc: string };
}
interface ErrorBody {
  error: { code: string; rule?: string; message: string; details?: { field?: string; rule?: string }[] };
}
interface Gap {
  mandatory: { county: string; industry: string; uninsured: string[] }[];
  advisory: { county: string; industry: string; uninsured: string[] }[];
}

let test: TestPlatform;
let picc: ApiClient;
let cpic: ApiClient;
let pingan: ApiClient;
let enterprise: ApiClient;
let cityEmb: ApiClient;
let countyEmb: ApiClient;
let pinganId: string;

beforeAll(async () => {
  test = await startTestPlatform({ demo: true });
  picc = await test.signIn('picc-admin', DEMO);
  cpic = await test.signIn('cpic-admin', DEMO);
  pingan = await test.signIn('pingan-admin', DEMO);
  enterprise = await test.signIn('ent-demo', DEMO);
  cityEmb = await test.signIn('emb-city', DEMO);
  countyEmb = await test.signIn('emb-xinfu', DEMO);
  await registerEnterprises(cityEmb, [XINDA, TAIXIN, XINGYUAN, HUTUO]);
  const insurers = await enterprise.get<{ items: { id: string; branchName: string }[] }>('/me/insurers');
  pinganId = insurers.body.items.find((i) => i.branchName.startsWith('平安'))?.id as string;
});
afterAll(async () => test?.stop());

describe('underwriting through the local gateway', () => {
  it('QUAL-1..6 computes eligibility from the filing, criterion by criterion', async () => {
    const filed = await file(picc);
    expect(filed.status, JSON.stringify(filed.body)).toBe(200);
    expect(filed.body.eligibility.eligible).toBe(true);
    expect(filed.body.eligibility.criteria.map((c) => c.rule)).toEqual(['QUAL-1', 'QUAL-2', 'QUAL-3', 'QUAL-4', 'QUAL-5', 'QUAL-6', 'BLK-1']);
    expect((await file(pingan)).body.eligibility.eligible).toBe(true);
  });

  it('ACL-1 keeps each insurer’s filing its own: another insurer reading the same year sees none', async () => {
    const other = await cpic.get<{ filing?: unknown; eligibility: { eligible: boolean } }>(`/qualification/${year}`);
    expect(other.status).toBe(200);
    expect(other.body.filing).toBeUndefined();
    expect(other.body.eligibility.eligible).toBe(false);
  });

  it('UW-1 UW-4 UW-5 issues a coal-mine policy with the whole workforce at one amount and a 300,000 CNY death limit', async () => {
    const issued = await picc.post<Policy>('/policies', policyBody());
    expect(issued.status, JSON.stringify(issued.body)).toBe(201);
    // 300,000.00 × 254 × 3.5‰ × 0.95 × 1.10 = 278,701.50 CNY; ex-tax at 6% VAT: 262,926.89 CNY.
    expect(issued.body).toMatchObject({ premiumFen: 27_870_150, premiumExTaxFen: 26_292_594, status: 'ISSUED' });
    const mine = await enterprise.get<{ items: Policy[] }>('/me/policies');
    expect(mine.body.items.map((p) => p.id)).toContain(issued.body.id);
  });

  it('UW-4 refuses a 299,999 CNY death limit, naming the rule and the field', async () => {
    const refused = await picc.post<ErrorBody>('/policies', policyBody({ enterpriseUscc: TAIXIN.uscc, employeesCovered: 5, perPersonDeathLimitFen: 29_999_900 }));
    expect(refused.status).toBe(400);
    expect(refused.body.error.rule).toBe('UW-4');
    expect(refused.body.error.details?.[0]).toMatchObject({ field: 'perPersonDeathLimitFen', rule: 'UW-4' });
  });

  it('UW-3 refuses a staff count different from the register’s', async () => {
    const refused = await picc.post<ErrorBody>('/policies', policyBody({ enterpriseUscc: TAIXIN.uscc, employeesCovered: 4 }));
    expect(refused.status).toBe(400);
    expect(refused.body.error.details?.[0]).toMatchObject({ field: 'employeesCovered', rule: 'UW-3' });
  });

  it('UW-9 refuses a second overlapping policy for the same enterprise from the same insurer', async () => {
    const refused = await picc.post<ErrorBody>('/policies', policyBody());
    expect(refused.status).toBe(409);
    expect(refused.body.error.rule).toBe('UW-9');
  });

  it('UW-8 refuses an insurer without an eligible filing, naming every failing QUAL criterion', async () => {
    const refused = await cpic.post<ErrorBody>('/policies', policyBody({ enterpriseUscc: TAIXIN.uscc, employeesCovered: 5 }));
    expect(refused.status).toBe(409);
    expect(refused.body.error.rule).toBe('UW-8');
    const rules = (refused.body.error.details ?? []).map((detail) => detail.rule);
    expect(rules).toEqual(expect.arrayContaining(['QUAL-1', 'QUAL-3', 'QUAL-5', 'QUAL-6']));
    expect(rules).not.toContain('BLK-1');
  });

  it('UW-6 ACL-1 shows a co-insured policy read-only to the member insurer', async () => {
    const issued = await picc.post<Policy>(
      '/policies',
      policyBody({
        enterpriseUscc: XINGYUAN.uscc,
        employeesCovered: XINGYUAN.staff,
        mode: 'COINSURANCE',
        members: [
          { tenantId: (await picc.get<{ items: { tenantId: string }[] }>('/users')).body.items[0]?.tenantId, shareBasisPoints: 6000, lead: true },
          { tenantId: pinganId, shareBasisPoints: 4000, lead: false },
        ],
      }),
    );
    expect(issued.status, JSON.stringify(issued.body)).toBe(201);
    await expect
      .poll(async () => (await pingan.get<{ items: Policy[] }>('/policies?shared=true')).body.items.map((p) => p.id), { timeout: 10_000 })
      .toContain(issued.body.id);
    expect((await pingan.get<Policy>(`/policies/${issued.body.id}`)).body.members).toHaveLength(2);
    const write = await pingan.post<ErrorBody>(`/policies/${issued.body.id}/cancel`, { on: inAYear, reason: '成员无权注销' });
    expect(write.status).toBe(403);
    expect((await cpic.get(`/policies/${issued.body.id}`)).status).toBe(404);
  });

  it('UW-11 ACL-4 shows 忻府区 its own coverage gap only, and the city every county', async () => {
    await expect
      .poll(async () => (await countyEmb.get<Gap>('/regulator/uninsured')).body.mandatory.flatMap((g) => g.uninsured), { timeout: 10_000 })
      .toEqual([TAIXIN.uscc]);
    const county = await countyEmb.get<Gap>('/regulator/uninsured');
    expect(county.body.mandatory.every((group) => group.county === '140902')).toBe(true);
    expect((await countyEmb.get<ErrorBody>('/regulator/uninsured?county=140981')).status).toBe(403);
    const city = await cityEmb.get<Gap>('/regulator/uninsured');
    expect(city.body.mandatory.flatMap((g) => g.uninsured).sort()).toEqual([TAIXIN.uscc, HUTUO.uscc].sort());
    // On a date before the policies start, every registered mine of the county is uninsured.
    const before = await countyEmb.get<Gap>(`/regulator/uninsured?date=${year - 1}-01-01`);
    expect(before.body.mandatory.flatMap((g) => g.uninsured).sort()).toEqual([XINDA.uscc, TAIXIN.uscc, XINGYUAN.uscc].sort());
  });

  it('UW-11 (issue 15): the coverage gap names each uninsured enterprise beside its USCC, from the register', async () => {
    const gap = await cityEmb.get<Gap & { names: Record<string, string> }>('/regulator/uninsured');
    const listed = gap.body.mandatory.flatMap((g) => g.uninsured);
    expect(listed.length).toBeGreaterThan(0);
    expect(Object.keys(gap.body.names).sort()).toEqual([...listed].sort());
    expect(gap.body.names[TAIXIN.uscc]).toBe(TAIXIN.name);
  });

  it('ACL-1 (issue 15): GET /user-names names the caller’s own organisation’s users (id and name only), never another’s', async () => {
    const users = (await picc.get<{ items: { id: string; displayName: string }[] }>('/users?limit=100')).body.items;
    const names = await picc.get<{ items: { id: string; displayName: string }[] }>('/user-names');
    expect(names.status).toBe(200);
    expect(names.body.items.map(({ id, displayName }) => ({ id, displayName })).sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      users.map(({ id, displayName }) => ({ id, displayName })).sort((a, b) => a.id.localeCompare(b.id)),
    );
    for (const item of names.body.items) expect(Object.keys(item).sort()).toEqual(['displayName', 'id']);
    const other = (await pingan.get<{ items: { id: string }[] }>('/user-names')).body.items.map((item) => item.id);
    expect(other.length).toBeGreaterThan(0);
    expect(other.filter((id) => users.some((user) => user.id === id))).toEqual([]);
    expect((await enterprise.get('/user-names')).status).toBe(403);
  });

  it('UW-6 (issue 15): a lead picks co-insurers by name — GET /coinsurers lists the other active insurers, names and ids only', async () => {
    const answer = await picc.get<{ items: { id: string; name: string; branchName: string }[] }>('/coinsurers');
    expect(answer.status).toBe(200);
    const piccTenantId = (await picc.get<{ items: { tenantId: string }[] }>('/users')).body.items[0]?.tenantId;
    expect(answer.body.items.map((insurer) => insurer.id)).toContain(pinganId);
    expect(answer.body.items.map((insurer) => insurer.id)).not.toContain(piccTenantId);
    for (const insurer of answer.body.items) expect(Object.keys(insurer).sort()).toEqual(['branchName', 'id', 'name']);
    expect(answer.body.items.find((insurer) => insurer.id === pinganId)?.branchName).toMatch(/平安/);
    expect((await cityEmb.get('/coinsurers')).status).toBe(403);
    expect((await enterprise.get('/coinsurers')).status).toBe(403);
  });

  it('UW-11 counts registered and insured enterprises per county and industry from pre-aggregated items', async () => {
    const counts = await countyEmb.get<{ items: { industry: string; registered: number; insured: number; uninsured: number }[] }>('/regulator/coverage');
    expect(counts.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ industry: 'COAL_MINE', registered: 2, insured: 1, uninsured: 1 }),
        expect.objectContaining({ industry: 'HAZCHEM', registered: 1, insured: 1, uninsured: 0 }),
      ]),
    );
  });

  it('UW-1 cancels from a day on, and the coverage counters follow', async () => {
    const list = await picc.get<{ items: Policy[] }>('/policies');
    const xinda = list.body.items.find((p) => p.enterprise.uscc === XINDA.uscc) as Policy;
    const cancelled = await picc.post<Policy>(`/policies/${xinda.id}/cancel`, { on: today, reason: '企业关闭' });
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);
    expect(cancelled.body.status).toBe('CANCELLED');
    await expect
      .poll(async () => (await countyEmb.get<{ items: { industry: string; insured: number }[] }>('/regulator/coverage')).body.items.find((r) => r.industry === 'COAL_MINE')?.insured, {
        timeout: 10_000,
      })
      .toBe(0);
  });

  it('UW-1 (issue 15): a policy issued without a typed number gets the platform’s AZ-<year>-<insurer code>-<seq>, counted per insurer and year', async () => {
    const first = await picc.post<Policy & { policyNumber: string }>('/policies', policyBody({ enterpriseUscc: TAIXIN.uscc, employeesCovered: TAIXIN.staff, policyNumber: undefined }));
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const second = await picc.post<Policy & { policyNumber: string }>('/policies', policyBody({ enterpriseUscc: HUTUO.uscc, employeesCovered: HUTUO.staff, policyNumber: undefined }));
    expect(second.status, JSON.stringify(second.body)).toBe(201);
    const issuedYear = today.slice(0, 4);
    expect(first.body.policyNumber).toMatch(new RegExp(`^AZ-${issuedYear}-[0-9A-Z]{8}-000001$`));
    expect(second.body.policyNumber).toBe(first.body.policyNumber.replace(/000001$/, '000002'));
    // Another insurer's numbers count on their own.
    const found = await picc.get<{ items: (Policy & { policyNumber: string })[] }>(`/policies?limit=100`);
    expect(found.body.items.filter((policy) => policy.policyNumber.startsWith('AZ-')).map((policy) => policy.policyNumber).sort()).toEqual(
      [first.body.policyNumber, second.body.policyNumber].sort(),
    );
  });
});
