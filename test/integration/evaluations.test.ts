import { createHash } from 'node:crypto';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ApiClient } from '../support/api-client.js';
import { startTestPlatform, type TestPlatform } from '../support/test-platform.js';
import { HUTUO, fileQualification, policyBody, registerEnterprises } from '../support/underwriting-fixtures.js';

const DEMO = 'Anze-demo-2026';
const TODAY = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
/** The last half-year that is over on Xinzhou's clock: RPT-3 evaluates a finished period. */
const PERIOD = Number(TODAY.slice(5, 7)) >= 7 ? { year: Number(TODAY.slice(0, 4)), term: 'H1' } : { year: Number(TODAY.slice(0, 4)) - 1, term: 'H2' };

interface Item {
  code: string;
  measure: 'COMPUTED' | 'MANUAL';
  weight: number;
  score?: number;
  reason?: string;
  evidence?: { label: string; value: number; unit: string }[];
  link?: string;
}
interface Detail {
  id: string;
  tenantId: string;
  status: string;
  revision: number;
  corrects?: string;
  total: number;
  passMark: number;
  items: Item[];
  published?: { on: string; passed: boolean; late: boolean };
  files?: { xlsx: { sha256: string; size: number }; pdf: { sha256: string; size: number } };
}
interface Link {
  url: string;
  sha256: string;
  verified: boolean;
  fileName: string;
}
interface ErrorBody {
  error: { code: string; rule?: string; details?: { field?: string; rule?: string }[] };
}

let test: TestPlatform;
let cityEmb: ApiClient;
let nfra: ApiClient;
let countyEmb: ApiClient;
let picc: ApiClient;
let pingan: ApiClient;
let piccTenantId: string;
let draft: Detail;
let published: Detail;

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
async function download(link: Link): Promise<Uint8Array> {
  const response = await fetch(link.url);
  expect(response.status).toBe(200);
  return new Uint8Array(await response.arrayBuffer());
}

beforeAll(async () => {
  test = await startTestPlatform({ demo: true });
  cityEmb = await test.signIn('emb-city', DEMO);
  nfra = await test.signIn('nfra-xinzhou', DEMO);
  countyEmb = await test.signIn('emb-xinfu', DEMO);
  picc = await test.signIn('picc-admin', DEMO);
  pingan = await test.signIn('pingan-admin', DEMO);
  const insurers = await cityEmb.get<{ items: { tenantId: string; name: string }[] }>('/regulator/insurers?limit=100');
  piccTenantId = insurers.body.items.find((insurer) => insurer.name.startsWith('中国人民财产保险'))?.tenantId as string;
  expect(piccTenantId).toBeDefined();
});

afterAll(async () => {
  await test?.stop();
});

describe('RPT-3 the city EMB evaluates an insurer through the gateway', () => {
  it('RPT-3 the city EMB opens an evaluation: computed items filled with their evidence, manual items left to score', async () => {
    const created = await cityEmb.post<Detail>('/regulator/evaluations', { tenantId: piccTenantId, ...PERIOD });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    draft = created.body;
    expect(draft).toMatchObject({ status: 'DRAFT', revision: 1, tenantId: piccTenantId, passMark: 60 });
    expect(draft.items.reduce((sum, item) => sum + item.weight, 0)).toBe(100);
    for (const item of draft.items.filter((i) => i.measure === 'COMPUTED')) {
      expect(item.score, item.code).toBeTypeOf('number');
      expect(item.evidence?.length, item.code).toBeGreaterThan(0);
      expect(item.link, item.code).toMatch(/^\/regulator\//);
    }
    expect(draft.items.filter((i) => i.measure === 'MANUAL').every((i) => i.score === undefined)).toBe(true);
    // One draft per insurer and period at a time.
    const again = await cityEmb.post<ErrorBody>('/regulator/evaluations', { tenantId: piccTenantId, ...PERIOD });
    expect(again.status).toBe(409);
    expect(again.body.error.rule).toBe('RPT-3');
  });

  it('RPT-3 ACL-1 ACL-4 only the city EMB writes; the NFRA reads; a county EMB and the insurer may not; a draft is not the insurer’s to see', async () => {
    expect((await nfra.get(`/regulator/evaluations/${draft.id}`)).status).toBe(200);
    expect((await nfra.post('/regulator/evaluations', { tenantId: piccTenantId, ...PERIOD })).status).toBe(403);
    expect((await countyEmb.get('/regulator/evaluations')).status).toBe(403);
    expect((await picc.post('/regulator/evaluations', { tenantId: piccTenantId, ...PERIOD })).status).toBe(403);
    expect((await picc.patch(`/regulator/evaluations/${draft.id}`, { recompute: true })).status).toBe(403);
    expect((await picc.get(`/evaluations/${draft.id}`)).status).toBe(404);
  });

  it('RPT-3 a manual item scored without a reason is refused naming the field and RPT-3; publishing before every item is scored is refused', async () => {
    const refused = await cityEmb.patch<ErrorBody>(`/regulator/evaluations/${draft.id}`, { items: [{ code: 'SERVICE_SYSTEM', score: 12 }] });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details?.[0]).toMatchObject({ field: 'items.0.reason', rule: 'RPT-3' });
    const early = await cityEmb.post<ErrorBody>(`/regulator/evaluations/${draft.id}/publish`, undefined);
    expect(early.status).toBe(409);
    expect(early.body.error.rule).toBe('RPT-3');
  });

  it('RPT-3 the city EMB scores the manual items with reasons and publishes: both files archived with their SHA-256', async () => {
    const scored = await cityEmb.patch<Detail>(`/regulator/evaluations/${draft.id}`, {
      items: [
        { code: 'SERVICE_SYSTEM', score: 12, reason: '服务制度健全，方案执行基本到位' },
        { code: 'SERVICE_EFFECT', score: 11, reason: '回访满意度较高，个别服务效果一般' },
      ],
    });
    expect(scored.status, JSON.stringify(scored.body)).toBe(200);
    const computed = draft.items.filter((i) => i.measure === 'COMPUTED').reduce((sum, i) => sum + (i.score ?? 0), 0);
    expect(scored.body.total).toBe(computed + 23);
    const done = await cityEmb.post<Detail>(`/regulator/evaluations/${draft.id}/publish`, undefined);
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    published = done.body;
    expect(published).toMatchObject({ status: 'PUBLISHED', total: computed + 23, published: { on: TODAY, passed: computed + 23 >= 60, late: false } });
    expect(published.files?.pdf.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect((await cityEmb.patch(`/regulator/evaluations/${draft.id}`, { recompute: true })).status).toBe(409);
  });

  it('RPT-3 acceptance: the insurer sees its published result, and both files verify against their SHA-256', async () => {
    const list = await picc.get<{ items: { id: string; status: string }[] }>('/evaluations');
    expect(list.status).toBe(200);
    expect(list.body.items.map((item) => item.id)).toContain(published.id);
    const detail = await picc.get<Detail>(`/evaluations/${published.id}`);
    expect(detail.status).toBe(200);
    expect(detail.body.items.find((item) => item.code === 'SERVICE_SYSTEM')).toMatchObject({ score: 12, reason: '服务制度健全，方案执行基本到位' });
    const pdf = await picc.get<Link>(`/evaluations/${published.id}/files/pdf`);
    expect(pdf.status, JSON.stringify(pdf.body)).toBe(200);
    expect(pdf.body).toMatchObject({ verified: true, sha256: published.files?.pdf.sha256 });
    const pdfBytes = await download(pdf.body);
    expect(sha256(pdfBytes)).toBe(published.files?.pdf.sha256);
    const { text } = await extractText(await getDocumentProxy(pdfBytes), { mergePages: true });
    const flat = text.replace(/\s/g, '');
    expect(flat).toContain('考核评估结果');
    expect(flat).toContain('服务制度与方案');
    const xlsx = await picc.get<Link>(`/evaluations/${published.id}/files/xlsx`);
    expect(sha256(await download(xlsx.body))).toBe(published.files?.xlsx.sha256);
    const verified = await picc.post<{ xlsx: { verified: boolean }; pdf: { verified: boolean } }>(`/evaluations/${published.id}/verify`, undefined);
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ xlsx: { verified: true }, pdf: { verified: true } });
    expect((await cityEmb.post<{ pdf: { verified: boolean } }>(`/regulator/evaluations/${published.id}/verify`, undefined)).body.pdf.verified).toBe(true);
    // The insurer is told (notifications inbox), through the outbox and the bus.
    await vi.waitFor(
      async () => {
        const inbox = await picc.get<{ items: { title: string; link?: string }[] }>('/me/notifications');
        expect(inbox.body.items.some((n) => n.title.startsWith('考核评估结果已发布') && n.link === `/insurer/evaluations/${published.id}`)).toBe(true);
      },
      { timeout: 15_000, interval: 250 },
    );
  });

  it('RPT-3 ACL-1 another insurer sees nothing of it (404 like a missing one) and cannot write (403)', async () => {
    expect((await pingan.get(`/evaluations/${published.id}`)).status).toBe(404);
    expect((await pingan.get(`/evaluations/${published.id}/files/pdf`)).status).toBe(404);
    expect((await pingan.post(`/evaluations/${published.id}/verify`, undefined)).status).toBe(404);
    const list = await pingan.get<{ items: { id: string }[] }>('/evaluations');
    expect(list.body.items.map((item) => item.id)).not.toContain(published.id);
    expect((await pingan.post(`/regulator/evaluations/${published.id}/publish`, undefined)).status).toBe(403);
  });

  it('RPT-3 BLK-1 a correction is the next revision naming what it corrects; a notice (通报) follows only a failing result', async () => {
    const notice = await cityEmb.post<ErrorBody>(`/regulator/evaluations/${published.id}/notice`, { reason: '考核不合格' });
    if (published.published?.passed) {
      expect(notice.status).toBe(409);
      expect(notice.body.error.rule).toBe('RPT-3');
    } else {
      expect(notice.status).toBe(201);
    }
    const correction = await cityEmb.post<Detail>('/regulator/evaluations', { tenantId: piccTenantId, ...PERIOD });
    expect(correction.status, JSON.stringify(correction.body)).toBe(201);
    expect(correction.body).toMatchObject({ revision: 2, corrects: published.id, status: 'DRAFT' });
    const list = await nfra.get<{ items: { id: string; revision: number }[] }>(`/regulator/evaluations?year=${PERIOD.year}&term=${PERIOD.term}`);
    expect(list.body.items.map((item) => item.id)).toEqual(expect.arrayContaining([published.id, correction.body.id]));
  });

  it('RPT-3 BLK-1 an insurer scored below the pass mark is published as failed; the 通报 lists it on the blacklist with the evaluation; a second notice 409, a passing result 409', async () => {
    const pinganTenantId = (await cityEmb.get<{ items: { tenantId: string; name: string }[] }>('/regulator/insurers?limit=100')).body.items.find((insurer) =>
      insurer.name.startsWith('中国平安'),
    )?.tenantId as string;
    expect(pinganTenantId).toBeDefined();
    // FEE-1/FEE-3: premium received within the period and nothing spent — 0 of the fee item's 20 points.
    await registerEnterprises(cityEmb, [HUTUO]);
    expect((await fileQualification(pingan, cityEmb)).status).toBe(200);
    const pinganPolicy = await pingan.post<{ id: string }>('/policies', policyBody({ enterpriseUscc: HUTUO.uscc, employeesCovered: HUTUO.staff }));
    expect(pinganPolicy.status, JSON.stringify(pinganPolicy.body)).toBe(201);
    const receivedOn = `${PERIOD.year}-${PERIOD.term === 'H1' ? '03' : '09'}-15`;
    const receipt = await pingan.post('/fees/premium-receipts', { policyId: pinganPolicy.body.id, receivedOn, amountFen: 100_000 });
    expect(receipt.status, JSON.stringify(receipt.body)).toBe(201);
    const opened = await cityEmb.post<Detail>('/regulator/evaluations', { tenantId: pinganTenantId, ...PERIOD });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    expect(opened.body.items.find((item) => item.code === 'FEE_RATIO')?.score).toBe(0);
    const scored = await cityEmb.patch<Detail>(`/regulator/evaluations/${opened.body.id}`, {
      items: [
        { code: 'SERVICE_SYSTEM', score: 0, reason: '未建立事故预防服务制度，服务方案未执行' },
        { code: 'SERVICE_EFFECT', score: 0, reason: '投保企业普遍反映未获得服务' },
      ],
    });
    expect(scored.status, JSON.stringify(scored.body)).toBe(200);
    expect(scored.body.total).toBeLessThan(scored.body.passMark);
    const failed = await cityEmb.post<Detail>(`/regulator/evaluations/${opened.body.id}/publish`, undefined);
    expect(failed.status, JSON.stringify(failed.body)).toBe(200);
    expect(failed.body.published).toMatchObject({ passed: false });

    const notice = await nfra.post<{ id: string; insurerTenantId: string; evaluationId?: string; reason: string; activeToday: boolean }>(
      `/regulator/evaluations/${opened.body.id}/notice`,
      { reason: `${PERIOD.year}年考核评估不合格，予以通报` },
    );
    expect(notice.status, JSON.stringify(notice.body)).toBe(201);
    expect(notice.body).toMatchObject({ insurerTenantId: pinganTenantId, evaluationId: opened.body.id, activeToday: true });
    const blacklist = await cityEmb.get<{ items: { id: string; insurerTenantId: string; evaluationId?: string }[] }>(`/regulator/blacklist?insurerTenantId=${pinganTenantId}`);
    expect(blacklist.status).toBe(200);
    expect(blacklist.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ id: notice.body.id, evaluationId: opened.body.id })]));
    const again = await cityEmb.post<ErrorBody>(`/regulator/evaluations/${opened.body.id}/notice`, { reason: '重复通报' });
    expect(again.status).toBe(409);
    expect(again.body.error.rule).toBe('BLK-1');
    // The passing result published above (PICC's) leads to no notice.
    expect(published.published?.passed).toBe(true);
    const passing = await cityEmb.post<ErrorBody>(`/regulator/evaluations/${published.id}/notice`, { reason: '考核不合格' });
    expect(passing.status).toBe(409);
    expect(passing.body.error.rule).toBe('RPT-3');
  }, 60_000);
});
