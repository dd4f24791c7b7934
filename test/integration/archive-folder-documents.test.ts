import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { handler as projections } from '../../functions/projections/handler.js';
import type { ApiClient } from '../support/api-client.js';
import { createHash } from 'node:crypto';
import { expectOk, registerProviders, scheduleBody } from '../support/services-fixtures.js';
import { startTestPlatform, type TestPlatform } from '../support/test-platform.js';
import { HUTUO, fileQualification, policyBody, registerEnterprises, today, year } from '../support/underwriting-fixtures.js';

/**
 * SVC-10 (issue 18): the folder holds the documents the notice names beyond the services' — the 保险合同
 * (archived by the projection of `underwriting.policy.issued`), a complaint with its reply (when answered) and
 * the enterprise's prevention-fee ledger extract (on demand by the insurer) — each write-once for five years
 * from archiving, listed, downloadable and verifiable by the insurer and the regulators in scope.
 */

const DEMO = 'Anze-demo-2026';

interface FolderDocument {
  docId: string;
  kind: string;
  tenantId: string;
  policyId: string;
  subject: { kind: string; id: string };
  fileName: string;
  sha256: string;
  retainUntil?: string;
  superseded?: boolean;
}
interface Folder {
  documents: FolderDocument[];
}

let test: TestPlatform;
let picc: ApiClient;
let cityEmb: ApiClient;
let countyEmb: ApiClient;
let nfra: ApiClient;
let pingan: ApiClient;
let policy: { id: string; tenantId: string; version: number };
let complaintId: string;
let orgId: string;

const folderOf = async (client: ApiClient, of = year) => client.get<Folder>(`/archive/enterprises/${HUTUO.uscc}?year=${of}`);
const documentsOf = async (client: ApiClient, kind: string, of = year) => expectOk(await folderOf(client, of)).documents.filter((document) => document.kind === kind);
/** A PICC policy of HUTUO for last calendar year (no overlap with this year's, UW-9): the folder of a year whose evaluations exist. */
let lastYearPolicy: Promise<unknown> | undefined;
const policyOfLastYear = () =>
  (lastYearPolicy ??= picc
    .post('/policies', policyBody({ enterpriseUscc: HUTUO.uscc, employeesCovered: HUTUO.staff, periodStart: `${year - 1}-01-01`, periodEnd: `${year - 1}-12-31` }))
    .then((created) => expectOk(created, 201)));
const fiveYearsOn = (retainUntil?: string) => new Date(retainUntil ?? 0).getTime() >= Date.now() + (5 * 365 - 1) * 86_400_000;

/** The archived file's bytes, through the folder's short-lived download link. */
async function contentOf(client: ApiClient, docId: string): Promise<Record<string, unknown>> {
  const link = expectOk(await client.get<{ url: string }>(`/archive/enterprises/${HUTUO.uscc}/documents/${docId}`));
  const file = await fetch(link.url);
  expect(file.status).toBe(200);
  return JSON.parse(await file.text()) as Record<string, unknown>;
}

const verified = async (client: ApiClient, docId: string) =>
  expectOk(await client.post<{ matches: boolean }>(`/archive/enterprises/${HUTUO.uscc}/documents/${docId}/verify`, undefined)).matches;

beforeAll(async () => {
  test = await startTestPlatform({ demo: true });
  [picc, cityEmb, countyEmb, nfra, pingan] = (await Promise.all(['picc-admin', 'emb-city', 'emb-xinfu', 'nfra-xinzhou', 'pingan-admin'].map((username) => test.signIn(username, DEMO)))) as [
    ApiClient,
    ApiClient,
    ApiClient,
    ApiClient,
    ApiClient,
  ];
  // HUTUO is a 原平市 (140981) enterprise: outside the 忻府区 EMB's view.
  await registerEnterprises(cityEmb, [HUTUO]);
  orgId = (await registerProviders(cityEmb, '档案夹')).orgId;
  expectOk(await fileQualification(picc));
  policy = expectOk(await picc.post<typeof policy>('/policies', policyBody({ enterpriseUscc: HUTUO.uscc, employeesCovered: HUTUO.staff })), 201);
  const complaint = expectOk(
    await picc.post<{ id: string }>('/complaints', { enterpriseUscc: HUTUO.uscc, receivedAt: new Date().toISOString(), channel: 'PHONE', request: '档案夹测试：服务人员未按约定到场' }),
    201,
  );
  complaintId = complaint.id;
  expectOk(
    await picc.post(`/complaints/${complaintId}/reply`, {
      request: '投诉人要求按约定补做隐患排查',
      facts: '经核实，排查因人员调整未按计划开展',
      basis: '服务方案第3条及回访记录',
      measures: '五个工作日内补做排查并更换服务人员',
    }),
  );
  expectOk(await picc.post('/fees/premium-receipts', { policyId: policy.id, receivedOn: today, amountFen: 300_000 }), 201);
}, 120_000);

afterAll(async () => {
  await test?.stop();
});

describe('SVC-10 the folder’s contract, complaints and ledger extract', () => {
  it('SVC-10 an issued policy’s 保险合同 is archived by the projection of its issue event, listed, downloadable and verified', async () => {
    await vi.waitFor(async () => expect(await documentsOf(picc, 'POLICY')).toHaveLength(1), { timeout: 20_000, interval: 200 });
    const [document] = await documentsOf(picc, 'POLICY');
    expect(document).toMatchObject({ tenantId: policy.tenantId, policyId: policy.id, subject: { kind: 'POLICY', id: policy.id }, fileName: 'policy.json' });
    expect(fiveYearsOn(document?.retainUntil)).toBe(true);
    const content = await contentOf(picc, document?.docId as string);
    expect(content).toMatchObject({ title: '安全生产责任保险保险单', policy: { id: policy.id, enterprise: { uscc: HUTUO.uscc } } });
    expect(await verified(picc, document?.docId as string)).toBe(true);
  });

  it('SVC-10 replaying underwriting.policy.issued archives the policy once (same document, same digest)', async () => {
    await vi.waitFor(async () => expect(await documentsOf(picc, 'POLICY')).toHaveLength(1), { timeout: 20_000, interval: 200 });
    const [before] = await documentsOf(picc, 'POLICY');
    const event = { 'detail-type': 'underwriting.policy.issued', detail: { tenantId: policy.tenantId, aggregate: { id: policy.id } } };
    await projections(event);
    await projections(event);
    const after = await documentsOf(picc, 'POLICY');
    expect(after).toEqual([before]);
  });

  it('SVC-10 CMP-5 a complaint answered goes into the folder with its reply, under the policy in force when it was received', async () => {
    await vi.waitFor(async () => expect(await documentsOf(picc, 'COMPLAINT')).toHaveLength(1), { timeout: 20_000, interval: 200 });
    const [document] = await documentsOf(picc, 'COMPLAINT');
    expect(document).toMatchObject({ policyId: policy.id, subject: { kind: 'COMPLAINT', id: complaintId }, fileName: 'complaint.json' });
    expect(fiveYearsOn(document?.retainUntil)).toBe(true);
    const content = await contentOf(picc, document?.docId as string);
    expect(content).toMatchObject({ title: '投诉及答复记录', complaint: { id: complaintId, status: 'REPLIED', reply: { measures: '五个工作日内补做排查并更换服务人员' } } });
    expect(await verified(picc, document?.docId as string)).toBe(true);
  });

  it('SVC-10 FEE-2 the insurer archives the policy’s ledger extract on demand: each a new version, listed and verified', async () => {
    const path = `/archive/enterprises/${HUTUO.uscc}/policies/${policy.id}/ledger-extract`;
    const first = expectOk(await picc.post<FolderDocument>(path, undefined), 201);
    expect(first).toMatchObject({ kind: 'LEDGER_EXTRACT', policyId: policy.id, fileName: 'ledger-extract.json' });
    expect(fiveYearsOn(first.retainUntil)).toBe(true);
    const content = (await contentOf(picc, first.docId)) as { title: string; totals: { receivedFen: number; accruedFen: number }; entries: { kind: string; policyId?: string }[] };
    expect(content.title).toBe('事故预防费用台账摘录');
    expect(content.entries).toEqual([expect.objectContaining({ kind: 'ACCRUAL', policyId: policy.id })]);
    expect(content.totals.receivedFen).toBe(300_000);
    expect(content.totals.accruedFen).toBeGreaterThan(0);
    expect(await verified(cityEmb, first.docId)).toBe(true);
    const second = expectOk(await picc.post<FolderDocument>(path, undefined), 201);
    expect(second.docId).not.toBe(first.docId);
    expect((await documentsOf(picc, 'LEDGER_EXTRACT')).map((document) => document.docId).sort()).toEqual([first.docId, second.docId].sort());
    // Only the insurer generates it; a regulator reads it (ACL-2), never writes.
    expect((await cityEmb.post(path, undefined)).status).toBe(403);
    expect((await picc.post(`/archive/enterprises/${HUTUO.uscc}/policies/NOPOLICY01/ledger-extract`, undefined)).status).toBe(404);
  });

  it('SVC-10 REG-2 a third-party service’s outsourcing contract is uploaded, archived once per upload and listed; an own service has none (409)', async () => {
    const service = expectOk(
      await picc.post<{ id: string }>('/services', scheduleBody(policy.id, { type: 'HAZARD_INSPECTION', provider: { kind: 'THIRD_PARTY', orgId } })),
      201,
    );
    const pdf = new TextEncoder().encode('%PDF-1.4 委托服务合同（档案夹测试）');
    const ticket = expectOk(
      await picc.post<{ uploadId: string; ticket: { url: string; method: string; headers: Record<string, string> } }>(`/services/${service.id}/outsourcing-contract-uploads`, {
        fileName: '委托服务合同.pdf',
        contentType: 'application/pdf',
        size: pdf.byteLength,
        sha256: createHash('sha256').update(pdf).digest('hex'),
      }),
      201,
    );
    const contractPath = `/services/${service.id}/outsourcing-contracts`;
    // Not uploaded yet: nothing to archive.
    expect((await picc.post(contractPath, { uploadId: ticket.uploadId })).status).toBe(409);
    expect((await fetch(ticket.ticket.url, { method: ticket.ticket.method, headers: ticket.ticket.headers, body: pdf })).status).toBeLessThan(300);
    const archived = expectOk(await picc.post<FolderDocument>(contractPath, { uploadId: ticket.uploadId }), 201);
    expect(archived).toMatchObject({ kind: 'OUTSOURCING_CONTRACT', policyId: policy.id, subject: { kind: 'SERVICE', id: service.id } });
    expect(fiveYearsOn(archived.retainUntil)).toBe(true);
    expect(expectOk(await picc.post<FolderDocument>(contractPath, { uploadId: ticket.uploadId }), 201).docId).toBe(archived.docId);
    expect((await documentsOf(cityEmb, 'OUTSOURCING_CONTRACT')).map((document) => document.docId)).toEqual([archived.docId]);
    expect(await verified(nfra, archived.docId)).toBe(true);

    const own = expectOk(await picc.post<{ id: string }>('/services', scheduleBody(policy.id)), 201);
    const refused = await picc.post<{ error: { details?: { field: string; rule?: string }[] } }>(`/services/${own.id}/outsourcing-contract-uploads`, {
      fileName: '合同.pdf',
      contentType: 'application/pdf',
      size: 10,
      sha256: 'a'.repeat(64),
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.details?.[0]).toMatchObject({ field: 'serviceId', rule: 'SVC-10' });
  });

  it('ACL-2 ACL-4 the city EMB and the NFRA see the contract, complaint and extract; the 忻府区 EMB gets 404 for a 原平市 enterprise', async () => {
    await vi.waitFor(async () => expect(await documentsOf(cityEmb, 'COMPLAINT')).toHaveLength(1), { timeout: 20_000, interval: 200 });
    for (const regulator of [cityEmb, nfra]) {
      const kinds = new Set(expectOk(await folderOf(regulator)).documents.map((document) => document.kind));
      expect([...kinds]).toEqual(expect.arrayContaining(['POLICY', 'COMPLAINT', 'LEDGER_EXTRACT']));
    }
    const [contract] = await documentsOf(nfra, 'POLICY');
    expect(await verified(nfra, contract?.docId as string)).toBe(true);
    expect((await folderOf(countyEmb)).status).toBe(404);
    expect((await countyEmb.get(`/archive/enterprises/${HUTUO.uscc}/documents/${contract?.docId}`)).status).toBe(404);
  });

  it('SVC-10 RPT-3 the insurer’s published evaluation of the year is listed in the folder as EVALUATION for the insurer and the city EMB, verified against its SHA-256; another insurer and another county get 404', async () => {
    // RPT-3 evaluates a finished half-year: H1 from July, else the previous year's H2 (whose folder needs a policy of that year).
    const period = Number(today.slice(5, 7)) >= 7 ? { year, term: 'H1' } : { year: year - 1, term: 'H2' };
    if (period.year !== year) await policyOfLastYear();
    const draft = expectOk(await cityEmb.post<{ id: string }>('/regulator/evaluations', { tenantId: policy.tenantId, ...period }), 201);
    expectOk(
      await cityEmb.patch(`/regulator/evaluations/${draft.id}`, {
        items: [
          { code: 'SERVICE_SYSTEM', score: 10, reason: '档案夹测试：服务制度基本健全' },
          { code: 'SERVICE_EFFECT', score: 10, reason: '档案夹测试：服务效果一般' },
        ],
      }),
    );
    const published = expectOk(await cityEmb.post<{ files: { xlsx: { sha256: string }; pdf: { sha256: string } } }>(`/regulator/evaluations/${draft.id}/publish`, undefined));
    for (const reader of [picc, cityEmb]) {
      const documents = await documentsOf(reader, 'EVALUATION', period.year);
      expect(documents.map((document) => document.fileName).sort()).toEqual([expect.stringMatching(/考核评估结果（第1版）\.pdf$/), expect.stringMatching(/考核评估结果（第1版）\.xlsx$/)]);
      for (const document of documents) expect(document).toMatchObject({ tenantId: policy.tenantId, subject: { kind: 'EVALUATION', id: draft.id } });
      expect(documents.find((document) => document.fileName.endsWith('.pdf'))?.sha256).toBe(published.files.pdf.sha256);
    }
    const [pdf] = (await documentsOf(picc, 'EVALUATION', period.year)).filter((document) => document.fileName.endsWith('.pdf'));
    const docId = pdf?.docId as string;
    const link = expectOk(await cityEmb.get<{ url: string }>(`/archive/enterprises/${HUTUO.uscc}/documents/${docId}`));
    const bytes = new Uint8Array(await (await fetch(link.url)).arrayBuffer());
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(published.files.pdf.sha256);
    expect(await verified(picc, docId)).toBe(true);
    expect(await verified(cityEmb, docId)).toBe(true);
    // ACL-1, ACL-4: another insurer (no policy of this enterprise) and the 忻府区 EMB see no such document.
    expect((await pingan.get(`/archive/enterprises/${HUTUO.uscc}/documents/${docId}`)).status).toBe(404);
    expect((await pingan.post(`/archive/enterprises/${HUTUO.uscc}/documents/${docId}/verify`, undefined)).status).toBe(404);
    expect((await countyEmb.get(`/archive/enterprises/${HUTUO.uscc}/documents/${docId}`)).status).toBe(404);
  }, 60_000);

  it('SVC-10 RPT-2 the insurer’s submitted self-evaluation of the year is listed in the folder as EVALUATION and verified; a correction lists version 2, version 1 marked superseded', async () => {
    // RPT-2: a year's self-evaluation is submitted once the year is over — last year's, in last year's folder.
    await policyOfLastYear();
    const generated = expectOk(await picc.post<{ report: { id: string; draft?: { evaluation?: { items: { code: string; name: string }[] } } } }>('/reports', { year: year - 1, kind: 'SELF_EVALUATION' }), 201);
    const reportId = generated.report.id;
    const items = (generated.report.draft?.evaluation?.items ?? []).map((item) => ({ code: item.code, narrative: `${item.name}：档案夹测试，情况良好。` }));
    expectOk(await picc.request('PUT', `/reports/${reportId}/evaluation`, { items }));
    expectOk(await picc.post(`/reports/${reportId}/submit`, undefined));
    const selfEvaluations = async (client: ApiClient) => (await documentsOf(client, 'EVALUATION', year - 1)).filter((document) => document.subject.kind === 'REPORT');
    for (const reader of [picc, cityEmb]) {
      const documents = await selfEvaluations(reader);
      expect(documents.map((document) => document.fileName).sort()).toEqual([`${year - 1}年度事故预防服务质量评估报告（第1版）.pdf`, `${year - 1}年度事故预防服务质量评估报告（第1版）.xlsx`]);
      expect(documents.every((document) => document.subject.id === reportId && document.superseded === undefined)).toBe(true);
    }
    const [first] = await selfEvaluations(nfra);
    expect(await verified(nfra, first?.docId as string)).toBe(true);
    expect(await verified(picc, first?.docId as string)).toBe(true);
    expect((await pingan.get(`/archive/enterprises/${HUTUO.uscc}/documents/${first?.docId}`)).status).toBe(404);

    expectOk(await picc.post('/reports', { year: year - 1, kind: 'SELF_EVALUATION' }));
    expectOk(await picc.post(`/reports/${reportId}/submit`, undefined));
    const after = await selfEvaluations(cityEmb);
    expect(after).toHaveLength(4);
    expect(after.filter((document) => document.superseded).map((document) => document.fileName).sort()).toEqual([
      `${year - 1}年度事故预防服务质量评估报告（第1版）.pdf`,
      `${year - 1}年度事故预防服务质量评估报告（第1版）.xlsx`,
    ]);
  }, 60_000);
});
