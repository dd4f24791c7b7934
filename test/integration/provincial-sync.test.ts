import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../support/api-client.js';
import { expectOk } from '../support/services-fixtures.js';
import { startTestPlatform, type TestPlatform } from '../support/test-platform.js';
import { HUTUO, TAIXIN, XINDA, fileQualification, policyBody, registerEnterprises, today } from '../support/underwriting-fixtures.js';

/**
 * SYNC-1 (issue 17): policies reach the simulated Shanxi provincial platform through the sync worker, driven by
 * the event stream, through the real local gateway and DynamoDB Local. picc insures XINDA (忻府区 140902), pingan
 * HUTUO (原平市 140981); `emb-xinfu` is the 忻府区 EMB. The province's retry clock ticks every 100 ms here.
 */

const DEMO = 'Anze-demo-2026';

interface SyncRecordView {
  id: string;
  tenantId: string;
  kind: string;
  sourceId: string;
  sourceVersion: number;
  state: string;
  reason?: string;
  attempts: number;
  receipt?: string;
  county?: string;
}
interface SyncPage {
  items: SyncRecordView[];
  counts?: Record<string, number>;
}

let test: TestPlatform;
let picc: ApiClient;
let pingan: ApiClient;
let cityEmb: ApiClient;
let countyEmb: ApiClient;

const province = () => {
  const simulator = test.platform.province;
  if (!simulator) throw new Error('no simulated province');
  return simulator;
};

async function eventually<T>(read: () => Promise<T | undefined>, what: string, timeoutMs = 15_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function recordOf(client: ApiClient, policyId: string): Promise<SyncRecordView | undefined> {
  const page = expectOk(await client.get<SyncPage>('/sync/records?kind=POLICY&limit=100'));
  return page.items.find((item) => item.sourceId === policyId);
}

const inState = (client: ApiClient, policyId: string, state: string, sourceVersion = 1) =>
  eventually(async () => {
    const record = await recordOf(client, policyId);
    return record?.state === state && record.sourceVersion === sourceVersion ? record : undefined;
  }, `policy ${policyId} v${sourceVersion} ${state}`);

let xindaPolicy: string;
let hutuoPolicy: string;

beforeAll(async () => {
  test = await startTestPlatform({ demo: true, provincialSync: { sweepMs: 100, retryBaseMs: 200 } });
  picc = await test.signIn('picc-admin', DEMO);
  pingan = await test.signIn('pingan-admin', DEMO);
  cityEmb = await test.signIn('emb-city', DEMO);
  countyEmb = await test.signIn('emb-xinfu', DEMO);
  await registerEnterprises(cityEmb, [XINDA, HUTUO, TAIXIN]);
  expectOk(await fileQualification(picc));
  expectOk(await fileQualification(pingan));
});
afterAll(async () => test?.stop());

describe('SYNC-1: the provincial sync through the local gateway', () => {
  it('SYNC-1: a policy issued locally reaches the simulated province and is accepted, once, however often its event comes', async () => {
    xindaPolicy = expectOk(await picc.post<{ id: string }>('/policies', policyBody()), 201).id;
    const accepted = await inState(picc, xindaPolicy, 'ACCEPTED');
    expect(accepted).toMatchObject({ kind: 'POLICY', county: XINDA.county, attempts: 1 });
    expect(accepted.receipt).toMatch(/^SX-/);
    const sends = () => province().received.filter((item) => item.recordId === accepted.id).length;
    expect(sends()).toBe(1);

    // The same event delivered again (EventBridge delivers at least once): state-based, nothing is sent twice.
    const issued = test.platform.bus.recent().filter((event) => event.type === 'underwriting.policy.issued' && event.aggregate.id === xindaPolicy);
    expect(issued).toHaveLength(1);
    await test.platform.bus.publish([...issued, ...issued]);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(sends()).toBe(1);
    expect((await recordOf(picc, xindaPolicy))?.state).toBe('ACCEPTED');

    const page = expectOk(await picc.get<SyncPage>('/sync/records'));
    expect(page.counts).toMatchObject({ ACCEPTED: 1, PENDING: 0, SENT: 0, REJECTED: 0, RETRYING: 0 });
  });

  it('SYNC-1: the reconciliation sets what the province lists against what we sent that day', async () => {
    const report = expectOk(
      await picc.get<{ kinds: { kind: string; sent: number; accepted: number; provinceHas: number; missingAtProvince: string[]; unknownToUs: string[] }[] }>(
        `/sync/reconciliation?date=${today}`,
      ),
    );
    expect(report.kinds.find((kind) => kind.kind === 'POLICY')).toEqual(
      expect.objectContaining({ sent: 1, accepted: 1, provinceHas: 1, missingAtProvince: [], unknownToUs: [] }),
    );
    expect((await picc.get(`/sync/reconciliation?date=${today.slice(0, 8)}99`)).status).toBe(400);
  });

  it("SYNC-1: a record the province rejects shows the province's reason, and after the fix (an endorsement) goes again and is accepted", async () => {
    // A provincial rule our own rules do not have: a per-person insured amount of at least 400,000 CNY.
    province().behaviour.minPerPersonInsuredAmountFen = 40_000_000;
    try {
      hutuoPolicy = expectOk(
        await pingan.post<{ id: string }>('/policies', policyBody({ enterpriseUscc: HUTUO.uscc, employeesCovered: HUTUO.staff })),
        201,
      ).id;
      const rejected = await inState(pingan, hutuoPolicy, 'REJECTED');
      expect(rejected.reason).toContain('perPersonInsuredAmountFen');
      const failures = expectOk(await pingan.get<SyncPage>('/sync/records?state=REJECTED'));
      expect(failures.items.map((item) => item.id)).toEqual([rejected.id]);
      expect(failures.counts?.['REJECTED']).toBe(1);

      // A manual retry of the unchanged record is rejected again, with the same reason.
      const retried = expectOk(await pingan.post<SyncRecordView>(`/sync/records/${rejected.id}/retry`, undefined));
      expect(retried.state).toBe('PENDING');
      await eventually(async () => ((await recordOf(pingan, hutuoPolicy))?.attempts === 1 && (await recordOf(pingan, hutuoPolicy))?.state === 'REJECTED' ? true : undefined), 'rejected again');
      expect(province().received.filter((item) => item.recordId === rejected.id && item.outcome === 'rejected')).toHaveLength(2);

      // The fix: the policy's insured amount endorsed up to what the province requires → version 2 → accepted.
      expectOk(
        await pingan.post(`/policies/${hutuoPolicy}/endorsements`, { perPersonInsuredAmountFen: 50_000_000, reason: '按省平台要求提高每人保险金额' }),
      );
      const accepted = await inState(pingan, hutuoPolicy, 'ACCEPTED', 2);
      expect(accepted.reason).toBeUndefined();
      expect((await pingan.post(`/sync/records/${accepted.id}/retry`, undefined)).status).toBe(409);
    } finally {
      province().behaviour.minPerPersonInsuredAmountFen = 0;
    }
  });

  it('SYNC-1: the province down → retrying (with the reason), later each time → accepted once it is back', async () => {
    province().behaviour.down = true;
    let policyId: string;
    try {
      policyId = expectOk(await picc.post<{ id: string }>('/policies', policyBody({ enterpriseUscc: TAIXIN.uscc, employeesCovered: TAIXIN.staff })), 201).id;
      const retrying = await inState(picc, policyId, 'RETRYING');
      expect(retrying.reason).toContain('503');
      await eventually(async () => ((await recordOf(picc, policyId))?.attempts ?? 0) >= 2 || undefined, 'a second attempt');
    } finally {
      province().behaviour.down = false;
    }
    const accepted = await inState(picc, policyId, 'ACCEPTED');
    expect(accepted.attempts).toBeGreaterThanOrEqual(2);
  });

  it('SYNC-1, ACL-1/2/4: another insurer never sees or retries the state; a county EMB sees its county only', async () => {
    const piccRecord = (await recordOf(picc, xindaPolicy)) as SyncRecordView;
    expect(await recordOf(pingan, xindaPolicy)).toBeUndefined();
    expect((await pingan.post(`/sync/records/${piccRecord.id}/retry`, undefined)).status).toBe(404);

    const city = expectOk(await cityEmb.get<SyncPage>('/regulator/sync/records?limit=100'));
    expect(city.items.map((item) => item.sourceId)).toEqual(expect.arrayContaining([xindaPolicy, hutuoPolicy]));
    const county = expectOk(await countyEmb.get<SyncPage>('/regulator/sync/records?limit=100'));
    expect(county.items.map((item) => item.sourceId)).toContain(xindaPolicy);
    expect(county.items.every((item) => item.county === XINDA.county)).toBe(true);
    expect((await countyEmb.get(`/regulator/sync/records?county=${HUTUO.county}`)).status).toBe(403);
    expect((await picc.get('/regulator/sync/records')).status).toBe(403);
    expect((await cityEmb.get('/sync/records')).status).toBe(403);
  });
});
