import { createHash } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { keys } from '../../functions/adapters/dynamodb/keys.js';
import type { ApiClient } from '../support/api-client.js';
import { expectOk } from '../support/services-fixtures.js';
import { startTestPlatform, type TestPlatform } from '../support/test-platform.js';
import { TAIXIN, XINDA, fileQualification, policyBody, registerEnterprises, today } from '../support/underwriting-fixtures.js';

/**
 * CLM-1 (issue 19): claims through the local gateway and DynamoDB Local. picc insures XINDA (忻府区 140902, the
 * demo enterprise ent-demo) at 300,000 CNY per person and per death; `emb-xinfu` is the 忻府区 EMB. The provincial
 * sync runs against the simulated province, so a decided claim is seen to arrive there (SYNC-1).
 */

const DEMO = 'Anze-demo-2026';
const LIMIT = 30_000_000;

interface Claim {
  id: string;
  tenantId: string;
  status: string;
  claimedFen: number;
  paidFen: number;
  decision?: { outcome: string; totalPayableFen: number; reasonCode?: string; reasonText?: string };
  payouts: { paidOn: string; amountFen: number }[];
  documents: { archiveId: string; sha256: string; name: string }[];
}
interface Page<T> {
  items: T[];
  total?: number;
}
interface ErrorBody {
  error: { code: string; rule?: string; details?: { field?: string; rule?: string }[] };
}

let test: TestPlatform;
let picc: ApiClient;
let pingan: ApiClient;
let enterprise: ApiClient;
let cityEmb: ApiClient;
let countyEmb: ApiClient;
let policy: { id: string; policyNumber: string };

/** CLM-1: one document uploaded through its ticket to the write-once archive, as the console does; the reference a claim cites. */
async function uploadClaimDocument(name = '事故调查报告.pdf') {
  const bytes = new TextEncoder().encode(`%PDF-1.4\n% ${name} ${Date.now()} ${Math.random()}\n%%EOF\n`);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const asked = expectOk(
    await picc.post<{ uploadId: string; ticket: { url: string; method: string; headers: Record<string, string> } }>('/claims/document-uploads', {
      fileName: name,
      contentType: 'application/pdf',
      size: bytes.byteLength,
      sha256,
    }),
    201,
  );
  const put = await fetch(asked.ticket.url, { method: asked.ticket.method, headers: asked.ticket.headers, body: bytes });
  expect(put.status).toBeLessThan(300);
  return { archiveId: asked.uploadId, sha256, name };
}

const claimBody = (overrides: Record<string, unknown> = {}) => ({
  policyId: policy.id,
  accidentOn: today,
  place: '二采区运输巷',
  casualties: [
    { name: '李四', kind: 'DEATH', amountClaimedFen: LIMIT },
    { name: '王五', kind: 'INJURY', amountClaimedFen: 2_000_000 },
  ],
  ...overrides,
});

const register = async (overrides: Record<string, unknown> = {}) => expectOk(await picc.post<Claim>('/claims', claimBody(overrides)), 201);

beforeAll(async () => {
  test = await startTestPlatform({ demo: true, provincialSync: { sweepMs: 100, retryBaseMs: 200 } });
  picc = await test.signIn('picc-staff', DEMO);
  pingan = await test.signIn('pingan-admin', DEMO);
  enterprise = await test.signIn('ent-demo', DEMO);
  cityEmb = await test.signIn('emb-city', DEMO);
  countyEmb = await test.signIn('emb-xinfu', DEMO);
  await registerEnterprises(cityEmb, [XINDA]);
  expectOk(await fileQualification(await test.signIn('picc-admin', DEMO)));
  policy = expectOk(await picc.post<{ id: string; policyNumber: string }>('/policies', policyBody()), 201);
});
afterAll(async () => test?.stop());
afterEach(() => {
  vi.restoreAllMocks();
});

describe('CLM-1: claims through the local gateway', () => {
  let partial: Claim;
  let declined: Claim;

  it('CLM-1 registers a claim, decides it in part with a reason and records payouts within the payable', async () => {
    const claim = await register();
    expect(claim).toMatchObject({ status: 'REGISTERED', claimedFen: LIMIT + 2_000_000, paidFen: 0 });

    const decided = expectOk(
      await picc.post<Claim>(`/claims/${claim.id}/decide`, {
        payableFen: [LIMIT, 1_500_000],
        reasonCode: 'INSUFFICIENT_EVIDENCE',
        reasonText: '王五医疗费票据仅 1.5 万元',
      }),
    );
    expect(decided.decision).toMatchObject({ outcome: 'PARTIALLY_PAID', totalPayableFen: LIMIT + 1_500_000 });

    const paid = expectOk(await picc.post<Claim>(`/claims/${claim.id}/payouts`, { paidOn: today, amountFen: LIMIT }), 201);
    expect(paid.paidFen).toBe(LIMIT);
    const over = await picc.post<ErrorBody>(`/claims/${claim.id}/payouts`, { paidOn: today, amountFen: 1_500_001 });
    expect(over.status).toBe(400);
    expect(over.body.error).toMatchObject({ rule: 'CLM-1', details: [{ field: 'amountFen' }] });
    partial = expectOk(await picc.post<Claim>(`/claims/${claim.id}/payouts`, { paidOn: today, amountFen: 1_500_000 }), 201);
    expect(partial.payouts.map((payout) => payout.amountFen)).toEqual([LIMIT, 1_500_000]);
  });

  it('CLM-1 a claim cites documents uploaded to the archive; a document never uploaded, or with other bytes, is refused (409)', async () => {
    const report = await uploadClaimDocument();
    const claim = await register({ documents: [report] });
    expect(claim.documents).toEqual([report]);
    expect(expectOk(await enterprise.get<Claim>(`/me/claims/${claim.id}`)).documents).toEqual([report]);
    const forged = await picc.post<ErrorBody>('/claims', claimBody({ documents: [{ ...report, archiveId: '01notanupload00000000000000' }] }));
    expect(forged.status).toBe(409);
    expect(forged.body.error).toMatchObject({ rule: 'CLM-1', details: [{ field: 'documents.0.archiveId' }] });
    const otherBytes = await picc.post<ErrorBody>('/claims', claimBody({ documents: [{ ...report, sha256: 'b'.repeat(64) }] }));
    expect(otherBytes.status).toBe(409);
    expect(otherBytes.body.error.details?.[0]).toMatchObject({ field: 'documents.0.sha256' });
  });

  it('CLM-1 refuses a person claimed above the per-person limit (400 naming the person)', async () => {
    const refused = await picc.post<ErrorBody>('/claims', claimBody({ casualties: [{ name: '赵六', kind: 'DEATH', amountClaimedFen: LIMIT + 1 }] }));
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ rule: 'CLM-1', details: [{ field: 'casualties.0.amountClaimedFen' }] });
  });

  it('CLM-1 refuses a declined claim without a reason, naming CLM-1 — and records it with one', async () => {
    const claim = await register({ casualties: [{ name: '孙七', kind: 'INJURY', amountClaimedFen: 800_000 }] });
    const refused = await picc.post<ErrorBody>(`/claims/${claim.id}/decide`, { payableFen: [0] });
    expect(refused.status).toBe(400);
    expect(refused.body.error.rule).toBe('CLM-1');
    expect(refused.body.error.details?.[0]).toMatchObject({ field: 'reasonCode', rule: 'CLM-1' });
    expect(expectOk(await picc.get<Claim>(`/claims/${claim.id}`)).status).toBe('REGISTERED');

    declined = expectOk(
      await picc.post<Claim>(`/claims/${claim.id}/decide`, { payableFen: [0], reasonCode: 'NOT_INSURED_PERSON', reasonText: '孙七系外包单位临时人员，不在参保名单内' }),
    );
    expect(declined.decision).toMatchObject({ outcome: 'DECLINED', totalPayableFen: 0 });
  });

  it('CLM-1 lists the insurer’s claims with their total, by status and by policy number', async () => {
    const all = expectOk(await picc.get<Page<Claim>>('/claims'));
    expect(all.total).toBe(3);
    expect(expectOk(await picc.get<Page<Claim>>('/claims?status=REGISTERED')).total).toBe(1);
    expect(expectOk(await picc.get<Page<Claim>>(`/claims?q=${policy.policyNumber}&outcome=DECLINED`)).items.map((item) => item.id)).toEqual([declined.id]);
  });

  it('CLM-1 ACL-5 the enterprise sees its claims and the reasons', async () => {
    const mine = expectOk(await enterprise.get<Page<Claim>>('/me/claims'));
    expect(mine.total).toBe(3);
    expect(mine.items.map((item) => item.id)).toEqual(expect.arrayContaining([partial.id, declined.id]));
    const one = expectOk(await enterprise.get<Claim>(`/me/claims/${declined.id}`));
    expect(one.decision).toMatchObject({ reasonCode: 'NOT_INSURED_PERSON', reasonText: '孙七系外包单位临时人员，不在参保名单内' });
  });

  it('ACL-5 wrong enterprise (issue 21): a handler whose view key carries another enterprise’s USCC is refused by layer 2, not answered with its claims', async () => {
    // The layer-1 bug: the enterprise's claim listing built with 泰忻's USCC. The enterprise session's policy
    // (Query of GSI3 ENT#<tag uscc>#* only) refuses it, locally in the IAM twin as IAM would on AWS.
    const enterpriseClaims = keys.enterpriseClaims.bind(keys);
    vi.spyOn(keys, 'enterpriseClaims').mockImplementation((uscc: string) => enterpriseClaims(uscc === XINDA.uscc ? TAIXIN.uscc : uscc));
    const buggy = await enterprise.get<{ error: { code: string } }>('/me/claims');
    expect(buggy.status).toBe(500);
    expect(buggy.body.error.code).toBe('INTERNAL');
    vi.restoreAllMocks();
    expect((await enterprise.get('/me/claims')).status).toBe(200);
  });

  it('CLM-1 ACL-2 ACL-4 regulators see every decline; a county EMB only its county', async () => {
    const city = expectOk(await cityEmb.get<Page<Claim & { insurerName: string }>>('/regulator/claims?decision=DECLINED'));
    expect(city.items.map((item) => item.id)).toEqual([declined.id]);
    expect(city.items[0]?.insurerName).toMatch(/人保|人民/);
    expect(expectOk(await countyEmb.get<Page<Claim>>('/regulator/claims')).items.map((item) => item.id)).toEqual([declined.id]);
    expect((await countyEmb.get('/regulator/claims?county=140981')).status).toBe(403);
    expect(expectOk(await cityEmb.get<Page<Claim>>('/regulator/claims?county=140981')).items).toEqual([]);
  });

  it('ACL-1 another insurer gets 404 for the claim, and cannot register a claim on the policy', async () => {
    expect((await pingan.get(`/claims/${declined.id}`)).status).toBe(404);
    expect((await pingan.post(`/claims/${partial.id}/payouts`, { paidOn: today, amountFen: 1 })).status).toBe(404);
    const foreign = await pingan.post<ErrorBody>('/claims', claimBody());
    expect(foreign.status).toBe(400);
    expect(foreign.body.error).toMatchObject({ rule: 'CLM-1', details: [{ field: 'policyId' }] });
  });

  it('SYNC-1 a decided claim is uploaded to the province with its decision', async () => {
    const until = Date.now() + 15_000;
    let records: { sourceId: string; state: string }[] = [];
    while (Date.now() < until) {
      records = expectOk(await picc.get<Page<{ sourceId: string; state: string }>>('/sync/records?kind=CLAIM&limit=100')).items;
      if (records.filter((record) => record.state === 'ACCEPTED').length === 2) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(records.map((record) => [record.sourceId, record.state]).sort()).toEqual(
      [
        [partial.id, 'ACCEPTED'],
        [declined.id, 'ACCEPTED'],
      ].sort(),
    );
  });
});
