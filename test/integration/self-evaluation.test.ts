import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { NARRATIVE_MAX_CHARS } from '../../domain/reports/self-evaluation.js';
import type { ApiClient } from '../support/api-client.js';
import { registerProviders, scheduleBody, walkService } from '../support/services-fixtures.js';
import { startTestPlatform, type TestPlatform } from '../support/test-platform.js';
import { XINDA, fileQualification, policyBody, registerEnterprises } from '../support/underwriting-fixtures.js';

const DEMO = 'Anze-demo-2026';
const TODAY = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
/** RPT-2: last year's evaluation — its year is over, so it can be submitted (due January 31 of this year). */
const YEAR = Number(TODAY.slice(0, 4)) - 1;

interface Fact {
  label: string;
  unit: string;
  value: number | null;
}
interface Evaluation {
  mode: 'SELF' | 'THIRD_PARTY';
  items: { code: string; name: string; facts: Fact[]; narrative: string; evidence: { archiveId: string; sha256: string }[] }[];
  thirdParty?: { organisation: { id: string; name: string }; fileName: string; file: { sha256: string } };
}
interface FileView {
  sha256: string;
}
interface Detail {
  report: { id: string; status: string; period: { kind: string; dueOn: string }; draft?: { figures: Figures; files: { pdf: FileView; xlsx: FileView }; evaluation?: Evaluation } };
  versions: { version: number; late: boolean; evaluation?: Evaluation; files: { pdf: FileView; xlsx: FileView } }[];
}
interface Figures {
  services: { byCategory: { planned: number; performed: number }[]; hazards: { found: number; rectified: number } };
  fees: { ratioBp: number; spentFen: number };
  complaints: { received: number; answeredOnTime: number };
}
interface Link {
  url: string;
  sha256: string;
  verified: boolean;
}
interface ErrorBody {
  error: { code: string; rule?: string; message: string; field?: string; details?: { field?: string; rule?: string }[] };
}

let test: TestPlatform;
let picc: ApiClient;
let cityEmb: ApiClient;
let nfra: ApiClient;
let evaluation: Detail;
let orgId: string;
let suspendedOrgId: string;
let archiveId: string;

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const put = <T>(client: ApiClient, path: string, body: unknown) => client.request<T>('PUT', path, body);
const fact = (item: Evaluation['items'][number] | undefined, label: string) => item?.facts.find((candidate) => candidate.label === label)?.value;

async function download(link: Link): Promise<Uint8Array> {
  const response = await fetch(link.url);
  expect(response.status).toBe(200);
  return new Uint8Array(await response.arrayBuffer());
}

beforeAll(async () => {
  test = await startTestPlatform({ demo: true });
  picc = await test.signIn('picc-admin', DEMO);
  cityEmb = await test.signIn('emb-city', DEMO);
  nfra = await test.signIn('nfra-xinzhou', DEMO);
  ({ orgId, suspendedOrgId } = await registerProviders(cityEmb, '评估'));
  // SVC-10: an archived document of picc's to cite — the hazard notice of a service it completed.
  await registerEnterprises(cityEmb, [XINDA]);
  expect((await fileQualification(picc)).status).toBe(200);
  const policy = await picc.post<{ id: string }>('/policies', policyBody({}));
  expect(policy.status, JSON.stringify(policy.body)).toBe(201);
  const service = await walkService(picc, undefined, scheduleBody(policy.body.id), 'COMPLETED', {
    hazards: [{ description: '自评佐证：现场发现的一般隐患', grade: 'GENERAL', rectifyBy: '2099-12-31' }],
  });
  const hazard = await picc.get<{ notice: { archiveId: string } }>(`/hazards/${service.hazardIds[0]}`);
  archiveId = hazard.body.notice.archiveId;
  const generated = await picc.post<Detail>('/reports', { year: YEAR, kind: 'SELF_EVALUATION' });
  expect(generated.status, JSON.stringify(generated.body)).toBe(201);
  evaluation = generated.body;
});

afterAll(async () => {
  await test?.stop();
});

describe('RPT-2 the insurer’s yearly service-quality evaluation through the gateway', () => {
  it('RPT-2 RULES-1 the form’s items are the rule set’s, prefilled with the year report’s figures (never typed), due January 31', async () => {
    const form = evaluation.report.draft?.evaluation as Evaluation;
    expect(evaluation.report.period).toMatchObject({ kind: 'SELF_EVALUATION', dueOn: `${YEAR + 1}-01-31` });
    expect(form.mode).toBe('SELF');
    expect(form.items.map((item) => item.name)).toEqual(['服务计划执行', '服务效果', '企业满意度', '费用使用', '服务机构能力', '投诉处理', '存在问题及改进措施']);
    const year = await picc.post<Detail>('/reports', { year: YEAR, kind: 'YEAR' });
    const figures = year.body.report.draft?.figures as Figures;
    const [plan, effect, , fees, , complaints] = form.items;
    expect(fact(plan, '计划服务（次）')).toBe(figures.services.byCategory.reduce((sum, line) => sum + line.planned, 0));
    expect(fact(plan, '已完成服务（次）')).toBe(figures.services.byCategory.reduce((sum, line) => sum + line.performed, 0));
    expect(fact(effect, '发现隐患（项）')).toBe(figures.services.hazards.found);
    expect(fact(fees, '支出占实收保费（不含税）比例')).toBe(figures.fees.ratioBp);
    expect(fact(complaints, '收到投诉（件）')).toBe(figures.complaints.received);
  });

  it('RPT-2 REG-2 a third-party evaluation: an unregistered or suspended organisation is refused naming REG-2; a registered one is attached', async () => {
    const pdf = new TextEncoder().encode('%PDF-1.4\n% 第三方评估报告\n%%EOF\n');
    const ticket = await picc.post<{ uploadId: string; ticket: { url: string; method: string; headers: Record<string, string> } }>(
      `/reports/${evaluation.report.id}/evaluation/upload-ticket`,
      { fileName: 'evaluation.pdf', contentType: 'application/pdf', size: pdf.byteLength, sha256: sha256(pdf) },
    );
    expect(ticket.status, JSON.stringify(ticket.body)).toBe(201);
    const uploaded = await fetch(ticket.body.ticket.url, { method: ticket.body.ticket.method, headers: ticket.body.ticket.headers, body: pdf });
    expect(uploaded.status).toBeLessThan(300);
    for (const organisationId of ['01unregisteredorg000000000', suspendedOrgId]) {
      const refused = await put<ErrorBody>(picc, `/reports/${evaluation.report.id}/evaluation/third-party`, { organisationId, uploadId: ticket.body.uploadId });
      expect(refused.status, JSON.stringify(refused.body)).toBe(409);
      expect(refused.body.error.rule).toBe('REG-2');
      expect(JSON.stringify(refused.body)).toContain('organisationId');
    }
    const attached = await put<Detail>(picc, `/reports/${evaluation.report.id}/evaluation/third-party`, { organisationId: orgId, uploadId: ticket.body.uploadId });
    expect(attached.status, JSON.stringify(attached.body)).toBe(200);
    expect(attached.body.report.draft?.evaluation).toMatchObject({ mode: 'THIRD_PARTY', thirdParty: { organisation: { id: orgId }, file: { sha256: sha256(pdf) } } });
    const link = await picc.get<Link>(`/reports/${evaluation.report.id}/files/third-party`);
    expect(link.body.verified).toBe(true);
    expect(sha256(await download(link.body))).toBe(sha256(pdf));
  });

  it('RPT-2 the narratives: one over the bound is refused naming the field; evidence not in the insurer’s archive is refused', async () => {
    const tooLong = await put<ErrorBody>(picc, `/reports/${evaluation.report.id}/evaluation`, { items: [{ code: 'EFFECT', narrative: '效'.repeat(NARRATIVE_MAX_CHARS + 1) }] });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.details?.[0]).toMatchObject({ field: 'items.0.narrative', rule: 'RPT-2' });
    const foreign = await put<ErrorBody>(picc, `/reports/${evaluation.report.id}/evaluation`, { items: [{ code: 'EFFECT', narrative: '整改闭环', evidence: ['01notanarchive000000000000'] }] });
    expect(foreign.status).toBe(400);
    expect(JSON.stringify(foreign.body)).toContain('items.0.evidence.0');
  });

  it('RPT-2 written then submitted: version 1 is archived write-once, late after January 31, and the regulators open it with both files verifying', async () => {
    const incomplete = await put<Detail>(picc, `/reports/${evaluation.report.id}/evaluation`, { items: [{ code: 'PLAN_EXECUTION', narrative: '全年服务计划按方案执行。', evidence: [archiveId] }] });
    expect(incomplete.status, JSON.stringify(incomplete.body)).toBe(200);
    const refused = await picc.post<ErrorBody>(`/reports/${evaluation.report.id}/submit`, undefined);
    expect(refused.status).toBe(409);
    expect(refused.body.error.rule).toBe('RPT-2');
    const form = incomplete.body.report.draft?.evaluation as Evaluation;
    const written = await put<Detail>(picc, `/reports/${evaluation.report.id}/evaluation`, {
      items: form.items.filter((item) => item.code !== 'PLAN_EXECUTION').map((item) => ({ code: item.code, narrative: `${item.name}：本年度情况良好，详见平台数据。` })),
    });
    expect(written.status, JSON.stringify(written.body)).toBe(200);
    const plan = written.body.report.draft?.evaluation?.items[0];
    expect(plan).toMatchObject({ narrative: '全年服务计划按方案执行。', evidence: [{ archiveId }] });
    const submitted = await picc.post<Detail>(`/reports/${evaluation.report.id}/submit`, undefined);
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    const [version] = submitted.body.versions;
    expect(version).toMatchObject({ version: 1, late: TODAY > `${YEAR + 1}-01-31`, evaluation: { mode: 'SELF' } });
    expect(version?.evaluation?.thirdParty).toBeUndefined();
    expect(version?.files.pdf.sha256).toBe(written.body.report.draft?.files.pdf.sha256);
    await vi.waitFor(
      () => expect(test.platform.bus.recent().some((event) => event.type === 'reports.report.submitted' && (event.data as { reportId?: string; kind?: string }).kind === 'SELF_EVALUATION')).toBe(true),
      { timeout: 15_000, interval: 200 },
    );
    for (const regulator of [cityEmb, nfra]) {
      const list = await regulator.get<{ items: { reportId: string; period: { kind: string } }[] }>(`/regulator/reports?year=${YEAR}&kind=SELF_EVALUATION`);
      expect(list.status, JSON.stringify(list.body)).toBe(200);
      expect(list.body.items.map((row) => row.reportId)).toContain(evaluation.report.id);
      const detail = await regulator.get<Detail>(`/regulator/reports/${evaluation.report.id}`);
      expect(detail.body.versions[0]?.evaluation?.items[0]?.narrative).toBe('全年服务计划按方案执行。');
      for (const format of ['xlsx', 'pdf'] as const) {
        const link = await regulator.get<Link>(`/regulator/reports/${evaluation.report.id}/files/${format}`);
        expect(link.status).toBe(200);
        expect(link.body.verified).toBe(true);
        expect(sha256(await download(link.body))).toBe(detail.body.versions[0]?.files[format].sha256);
      }
      // A version submitted as a self-evaluation has no third party's file.
      expect((await regulator.get(`/regulator/reports/${evaluation.report.id}/files/third-party`)).status).toBe(404);
    }
  });

  it('RPT-2 a correction is version 2 and keeps what was written; a submitted version is not written on', async () => {
    const closed = await put<ErrorBody>(picc, `/reports/${evaluation.report.id}/evaluation`, { items: [{ code: 'EFFECT', narrative: '改' }] });
    expect(closed.status).toBe(409);
    expect(closed.body.error.rule).toBe('RPT-2');
    const again = await picc.post<Detail>('/reports', { year: YEAR, kind: 'SELF_EVALUATION' });
    expect(again.status).toBe(200);
    expect(again.body.report.draft?.evaluation?.items[0]?.narrative).toBe('全年服务计划按方案执行。');
    const second = await picc.post<Detail>(`/reports/${evaluation.report.id}/submit`, undefined);
    expect(second.status, JSON.stringify(second.body)).toBe(200);
    expect(second.body.versions.map((version) => version.version)).toEqual([1, 2]);
  });
});
