import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usccCheckCharacter } from '../../domain/kernel/uscc.js';
import type { ApiClient } from '../support/api-client.js';
import { HUTUO, TAIXIN, XINDA, XINGYUAN, fileQualification as file, filingBody, inAYear, uploadQualificationDocument, oneYearOn, policyBody, registerEnterprises, today, year } from '../support/underwriting-fixtures.js';
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
interface Answer {
  filing?: { filedOn?: string; filedOnSource?: string };
  eligibility: { eligible: boolean; criteria: { rule: string; passed: boolean; reason: string }[] };
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
let countyEmb: ApiClient;
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
  countyEmb = await test.signIn('emb-xinfu', DEMO);
  [piccId, cpicId, pinganId] = await Promise.all([tenantIdOf(picc), tenantIdOf(cpic), tenantIdOf(pingan)]);
  await registerEnterprises(cityEmb, [XINDA, TAIXIN, XINGYUAN, HUTUO]);
  expect((await file(picc, cityEmb)).body.eligibility.eligible).toBe(true);
  expect((await file(pingan, cityEmb)).body.eligibility.eligible).toBe(true);
});
afterAll(async () => test?.stop());

describe('UW-6 co-insurers are eligible too; QUAL-6 the filing day is the platform’s or the city EMB’s', () => {
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

  it('QUAL-6 the insurer cannot state its filing day: the platform stamps it, and only the city EMB records an earlier paper day', async () => {
    const evidence = await uploadQualificationDocument(cpic.baseUrl, cpic.token as string, year);
    const base = filingBody(year, { solvency: { comprehensiveRatioBasisPoints: 9_000, riskRating: 'C' } });
    const weakSolvency = { ...base, prevention: { ...base.prevention, evidence: [evidence] } };
    const declared = await cpic.request<ErrorBody>('PUT', `/qualification/${year}`, { ...weakSolvency, filedOn: `${year}-06-01` });
    expect(declared.status).toBe(400);
    expect(JSON.stringify(declared.body.error.details)).toContain('filedOn');

    const filed = await cpic.request<Answer>('PUT', `/qualification/${year}`, weakSolvency);
    expect(filed.status, JSON.stringify(filed.body)).toBe(200);
    expect(filed.body.filing).toMatchObject({ filedOn: today, filedOnSource: 'PLATFORM' });
    const qual6 = (answer: Answer) => answer.eligibility.criteria.find((criterion) => criterion.rule === 'QUAL-6');
    // After the due date, a filing first complete today is late (QUAL-6, June 15).
    if (today > `${year}-06-15`) expect(qual6(filed.body)?.reason).toContain(`submitted late, on ${today}`);

    const paper = { filedOn: `${year}-06-01`, note: '收文登记第 031 号' };
    const path = `/regulator/qualifications/${cpicId}/${year}/paper-filing`;
    expect((await cpic.post<ErrorBody>(path, paper)).status).toBe(403);
    expect((await countyEmb.post<ErrorBody>(path, paper)).status).toBe(403);
    expect((await nfra.post<ErrorBody>(path, paper)).status).toBe(403);
    const future = await cityEmb.post<ErrorBody>(path, { ...paper, filedOn: `${year + 1}-01-01` });
    expect(future.status).toBe(400);
    expect(future.body.error.details?.[0]).toMatchObject({ field: 'filedOn', rule: 'QUAL-6' });
    const recorded = await cityEmb.post<{ filedOn: string; version: number }>(path, paper);
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(200);
    expect(recorded.body).toMatchObject({ filedOn: `${year}-06-01`, version: 1 });

    const now = await cpic.get<Answer>(`/qualification/${year}`);
    expect(now.body.filing).toMatchObject({ filedOn: `${year}-06-01`, filedOnSource: 'RECORDED' });
    expect(qual6(now.body)?.passed).toBe(true);
  });

  it('QUAL-6 the city EMB sees every insurer’s filing, its day and where the day comes from; no one else does', async () => {
    const view = await cityEmb.get<{ items: { insurerTenantId: string; filing?: { filedOn?: string; filedOnSource?: string; platformFiledOn?: string; complete: boolean }; paperFiling?: { filedOn: string } }[] }>(
      `/regulator/qualifications?year=${year}`,
    );
    expect(view.status, JSON.stringify(view.body)).toBe(200);
    const ofCpic = view.body.items.find((item) => item.insurerTenantId === cpicId);
    expect(ofCpic).toMatchObject({
      filing: { filedOn: `${year}-06-01`, filedOnSource: 'RECORDED', platformFiledOn: today, complete: true },
      paperFiling: { filedOn: `${year}-06-01` },
    });
    expect(view.body.items.map((item) => item.insurerTenantId)).toEqual(expect.arrayContaining([piccId, cpicId, pinganId]));
    for (const other of [countyEmb, nfra, cpic]) expect((await other.get(`/regulator/qualifications?year=${year}`)).status).toBe(403);
  });

  it('UW-6 QUAL-3 admits a co-insurer whose solvency fails, since only the lead must meet it', async () => {
    const own = await cpic.get<Answer>(`/qualification/${year}`);
    expect(own.body.eligibility.criteria.find((criterion) => criterion.rule === 'QUAL-3')?.passed).toBe(false);
    const issued = await picc.post<Policy>('/policies', coinsured(cpicId));
    expect(issued.status, JSON.stringify(issued.body)).toBe(201);
    expect(issued.body.members.map((member) => member.tenantId)).toEqual([piccId, cpicId]);
  });

  it('UW-6 BLK-1 refuses a blacklisted co-insurer, naming it and BLK-1', async () => {
    const listed = await nfra.post('/regulator/blacklist', { insurerTenantId: pinganId, reason: '联合惩戒：虚列费用' });
    expect(listed.status, JSON.stringify(listed.body)).toBe(201);
    const refused = await picc.post<ErrorBody>('/policies', { ...coinsured(pinganId), enterpriseUscc: XINDA.uscc, employeesCovered: XINDA.staff });
    expect(refused.status, JSON.stringify(refused.body)).toBe(409);
    expect(refused.body.error.message).toContain(`co-insurer ${pinganId} fails QUAL-2, BLK-1`);
    expect((refused.body.error.details ?? []).map((detail) => [detail.field, detail.rule])).toEqual([
      ['members.1.tenantId', 'QUAL-2'],
      ['members.1.tenantId', 'BLK-1'],
    ]);
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

describe('UW-12 refusals to insure are recorded with their reason, and regulators see them (无正当理由不得拒保)', () => {
  interface Refusal {
    id: string;
    tenantId: string;
    reason: string;
    enterprise: { uscc: string; county: string };
  }

  it('UW-12 the insurer records a refusal of a registered enterprise with a listed reason; anything else is refused with field and rule', async () => {
    const xinda = await picc.post<Refusal>('/refusals', { enterpriseUscc: XINDA.uscc, reason: 'PREMIUM_NOT_AGREED', explanation: '企业要求的费率低于备案费率下限', appliedOn: today });
    expect(xinda.status, JSON.stringify(xinda.body)).toBe(201);
    expect(xinda.body).toMatchObject({ tenantId: piccId, reason: 'PREMIUM_NOT_AGREED', enterprise: { uscc: XINDA.uscc, county: '140902' }, refusedOn: today });
    expect((await picc.post('/refusals', { enterpriseUscc: HUTUO.uscc, reason: 'APPLICATION_WITHDRAWN', explanation: '企业撤回投保申请' })).status).toBe(201);

    const unlisted = await picc.post<ErrorBody>('/refusals', { enterpriseUscc: XINDA.uscc, reason: 'NOT_PROFITABLE', explanation: '利润低' });
    expect(unlisted.status).toBe(400);
    expect(unlisted.body.error.details?.map((detail) => detail.field)).toContain('reason');
    const unregisteredUscc = `91140902MA0K3A001${usccCheckCharacter('91140902MA0K3A001')}`;
    const unregistered = await picc.post<ErrorBody>('/refusals', { enterpriseUscc: unregisteredUscc, reason: 'APPLICATION_WITHDRAWN', explanation: '企业撤回' });
    expect(unregistered.status).toBe(409);
    expect(unregistered.body.error.rule).toBe('REG-1');
    const byEnterprise = await (await test.signIn('ent-demo', DEMO)).post('/refusals', { enterpriseUscc: XINDA.uscc, reason: 'OTHER', explanation: '企业不能记录拒保理由' });
    expect(byEnterprise.status).toBe(403);
  });

  it('UW-12 ACL-1 the insurer sees its own refusals only', async () => {
    const own = await picc.get<{ items: Refusal[] }>('/refusals');
    expect(own.body.items.map((refusal) => refusal.enterprise.uscc)).toEqual([HUTUO.uscc, XINDA.uscc]);
    expect((await cpic.get<{ items: Refusal[] }>('/refusals')).body.items).toEqual([]);
  });

  it('UW-12 ACL-4 regulators see refusals across insurers — the county EMB its own county only', async () => {
    const county = await countyEmb.get<{ items: (Refusal & { insurerName: string })[] }>('/regulator/refusals');
    expect(county.status, JSON.stringify(county.body)).toBe(200);
    expect(county.body.items.map((refusal) => refusal.enterprise.uscc)).toEqual([XINDA.uscc]);
    expect(county.body.items[0]?.insurerName).toMatch(/人保/);
    expect((await countyEmb.get('/regulator/refusals?county=140981')).status).toBe(403);
    for (const regulator of [cityEmb, nfra]) {
      const all = await regulator.get<{ items: Refusal[] }>('/regulator/refusals');
      expect(all.body.items.map((refusal) => refusal.enterprise.uscc).sort()).toEqual([XINDA.uscc, HUTUO.uscc].sort());
    }
    expect((await cityEmb.get<{ items: Refusal[] }>('/regulator/refusals?county=140981')).body.items.map((r) => r.enterprise.uscc)).toEqual([HUTUO.uscc]);
    expect((await picc.get('/regulator/refusals')).status).toBe(403);
  });
});

describe('QUAL-4 the evidence of the prevention capability is files uploaded to the archive', () => {
  it('QUAL-4 refuses an archive id and digest typed in, and a digest other than the uploaded file’s; accepts the uploaded file', async () => {
    const body = filingBody(year);
    const withEvidence = (evidence: unknown[]) => ({ ...body, prevention: { ...body.prevention, evidence } });
    const typed = await picc.request<ErrorBody>('PUT', `/qualification/${year}`, withEvidence([{ archiveId: 'arc-made-up', sha256: '0'.repeat(64), name: '任命文件.pdf' }]));
    expect(typed.status, JSON.stringify(typed.body)).toBe(409);
    expect(typed.body.error.details?.[0]).toMatchObject({ field: 'prevention.evidence.0.archiveId', rule: 'QUAL-4' });

    const uploaded = await uploadQualificationDocument(picc.baseUrl, picc.token as string, year);
    const wrongDigest = await picc.request<ErrorBody>('PUT', `/qualification/${year}`, withEvidence([uploaded, { ...uploaded, sha256: 'f'.repeat(64) }]));
    expect(wrongDigest.status).toBe(409);
    expect(wrongDigest.body.error.details?.map((detail) => detail.field)).toEqual(['prevention.evidence.1.sha256']);

    // Another insurer's upload is not in this insurer's archive.
    const others = await uploadQualificationDocument(cpic.baseUrl, cpic.token as string, year);
    const foreign = await picc.request<ErrorBody>('PUT', `/qualification/${year}`, withEvidence([others]));
    expect(foreign.status).toBe(409);
    expect(foreign.body.error.details?.[0]).toMatchObject({ field: 'prevention.evidence.0.archiveId', rule: 'QUAL-4' });

    const ok = await picc.request<Answer>('PUT', `/qualification/${year}`, withEvidence([uploaded]));
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.eligibility.criteria.find((criterion) => criterion.rule === 'QUAL-4')?.passed).toBe(true);
  });
});
