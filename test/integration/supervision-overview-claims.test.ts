import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ApiClient } from '../support/api-client.js';
import { expectOk } from '../support/services-fixtures.js';
import { startTestPlatform, type TestPlatform } from '../support/test-platform.js';
import { HUTUO, XINDA, fileQualification, policyBody, registerEnterprises, today } from '../support/underwriting-fixtures.js';

/**
 * CLM-1 in the supervision overview (issue 19): claims per insurer from the counters the supervision-counters
 * projection keeps on claim events, through the real local gateway, bus and DynamoDB Local. picc insures XINDA
 * (忻府区 140902) and declines a claim; pingan insures HUTUO (原平市 140981) and pays one in part. `emb-xinfu` is the
 * 忻府区 EMB (ACL-4).
 */

const DEMO = 'Anze-demo-2026';

interface ClaimFigures {
  registered: number;
  decided: number;
  declined: number;
  paidFen: number;
}
interface Overview {
  totals: { claims: ClaimFigures };
  insurers: { tenantId: string; claims: ClaimFigures }[];
  counties: { county: string; claims: ClaimFigures }[];
}

let test: TestPlatform;
let picc: ApiClient;
let pingan: ApiClient;
let cityEmb: ApiClient;
let countyEmb: ApiClient;
let piccPolicy: { id: string; tenantId: string };
let pinganPolicy: { id: string; tenantId: string };
const year = Number(today.slice(0, 4));

const overview = async (client: ApiClient) => expectOk(await client.get<Overview>(`/regulator/overview?year=${year}`));
const claimsOf = (answer: Overview, tenantId: string) => answer.insurers.find((row) => row.tenantId === tenantId)?.claims;
const none: ClaimFigures = { registered: 0, decided: 0, declined: 0, paidFen: 0 };

beforeAll(async () => {
  test = await startTestPlatform({ demo: true });
  const piccAdmin = await test.signIn('picc-admin', DEMO);
  picc = await test.signIn('picc-staff', DEMO);
  pingan = await test.signIn('pingan-admin', DEMO);
  cityEmb = await test.signIn('emb-city', DEMO);
  countyEmb = await test.signIn('emb-xinfu', DEMO);
  await registerEnterprises(cityEmb, [XINDA, HUTUO]);
  expectOk(await fileQualification(piccAdmin));
  expectOk(await fileQualification(pingan));
  piccPolicy = expectOk(await picc.post<{ id: string; tenantId: string }>('/policies', policyBody()), 201);
  pinganPolicy = expectOk(await pingan.post<{ id: string; tenantId: string }>('/policies', policyBody({ enterpriseUscc: HUTUO.uscc, employeesCovered: HUTUO.staff })), 201);
});
afterAll(async () => test?.stop());

describe('CLM-1: claims per insurer in the supervision overview (issue 19)', () => {
  it('CLM-1 ACL-2 a registered, then declined claim and a partly paid one change the overview’s claims per insurer; a county EMB sees only its county (ACL-4)', async () => {
    const declined = expectOk(
      await picc.post<{ id: string }>('/claims', { policyId: piccPolicy.id, accidentOn: today, place: '二采区运输巷', casualties: [{ name: '孙七', kind: 'INJURY', amountClaimedFen: 800_000 }] }),
      201,
    );
    const partial = expectOk(
      await pingan.post<{ id: string }>('/claims', { policyId: pinganPolicy.id, accidentOn: today, place: '一号井', casualties: [{ name: '王五', kind: 'INJURY', amountClaimedFen: 2_000_000 }] }),
      201,
    );
    // Registered, not yet decided: counted as registered only (the bus delivers asynchronously).
    await vi.waitFor(
      async () => {
        const answer = await overview(cityEmb);
        expect([claimsOf(answer, piccPolicy.tenantId), claimsOf(answer, pinganPolicy.tenantId)]).toEqual([
          { ...none, registered: 1 },
          { ...none, registered: 1 },
        ]);
      },
      { timeout: 20_000, interval: 200 },
    );

    expectOk(await picc.post(`/claims/${declined.id}/decide`, { payableFen: [0], reasonCode: 'NOT_INSURED_PERSON', reasonText: '孙七系外包单位临时人员，不在参保名单内' }));
    expectOk(await pingan.post(`/claims/${partial.id}/decide`, { payableFen: [1_500_000], reasonCode: 'INSUFFICIENT_EVIDENCE', reasonText: '医疗费票据仅 1.5 万元' }));
    expectOk(await pingan.post(`/claims/${partial.id}/payouts`, { paidOn: today, amountFen: 1_000_000 }), 201);
    expectOk(await pingan.post(`/claims/${partial.id}/payouts`, { paidOn: today, amountFen: 500_000 }), 201);

    await vi.waitFor(
      async () => {
        const answer = await overview(cityEmb);
        expect(claimsOf(answer, piccPolicy.tenantId)).toEqual({ registered: 1, decided: 1, declined: 1, paidFen: 0 });
        expect(claimsOf(answer, pinganPolicy.tenantId)).toEqual({ registered: 1, decided: 1, declined: 0, paidFen: 1_500_000 });
        expect(answer.totals.claims).toEqual({ registered: 2, decided: 2, declined: 1, paidFen: 1_500_000 });
        expect(answer.counties.find((row) => row.county === HUTUO.county)?.claims).toEqual({ registered: 1, decided: 1, declined: 0, paidFen: 1_500_000 });
      },
      { timeout: 20_000, interval: 200 },
    );

    // ACL-4: the 忻府区 EMB sees picc's declined claim at XINDA and nothing of pingan's at 原平市.
    const county = await overview(countyEmb);
    expect(claimsOf(county, piccPolicy.tenantId)).toEqual({ registered: 1, decided: 1, declined: 1, paidFen: 0 });
    expect(claimsOf(county, pinganPolicy.tenantId) ?? none).toEqual(none);
    expect(county.totals.claims).toEqual({ registered: 1, decided: 1, declined: 1, paidFen: 0 });
    expect(county.counties.map((row) => row.county)).toEqual([XINDA.county]);
  });
});
