import { createHash } from 'node:crypto';
import { expect } from 'vitest';
import { ANNEX_1_ITEM_CODES } from '../../domain/underwriting/qualification.js';
import { oneYearPeriodEnd } from '../../domain/underwriting/policy.rules.js';
import { ApiClient } from './api-client.js';
import { signInWithTotp } from './totp-sign-in.js';

/** Underwriting fixtures shared by the integration and isolation tests: register entries, a filing, a policy. */

/** Three enterprises of the shared register: two coal mines of 忻府区, one HAZCHEM of 忻府区, one coal mine of 原平市. */
export const XINDA = { uscc: '91140902100079190P', name: '忻府忻达煤业有限责任公司', industry: 'COAL_MINE', county: '140902', staff: 254, revenueWan: 1175 };
export const TAIXIN = { uscc: '91140902101583807B', name: '忻府泰忻煤业有限责任公司', industry: 'COAL_MINE', county: '140902', staff: 5, revenueWan: 76 };
export const XINGYUAN = { uscc: '91140902109502805H', name: '忻府兴源化工危险品经营有限责任公司', industry: 'HAZCHEM', county: '140902', staff: 979, revenueWan: 33972 };
export const HUTUO = { uscc: '911409811022173237', name: '原平滹沱宏煤业股份有限公司', industry: 'COAL_MINE', county: '140981', staff: 144, revenueWan: 1855 };

export const doc = (name: string) => ({ archiveId: `arc-${name.length}${name.charCodeAt(0)}`, sha256: 'a'.repeat(64), name });

/**
 * QUAL-6: the day the city EMB records the paper filing as received — June 1 of the year (before its June 15
 * due date), or today when the year has not reached June yet; never a day in the future.
 */
export function filedOnFor(year: number, on: string = today): string {
  return on < `${year}-06-01` ? on : `${year}-06-01`;
}

/** A complete filing (every QUAL criterion met, every Annex 1 item attached) for `year`. */
export function filingBody(year: number, overrides: Record<string, unknown> = {}) {
  return {
    branch: { name: '测试财产保险股份有限公司忻州市分公司', cityLevelBranchInXinzhou: true, writesPropertyInsurance: true },
    businessLicence: { number: '91140900MA0GRXXX1', expiresOn: null },
    insurancePermit: { number: '000123', expiresOn: `${year + 1}-12-31` },
    majorViolations: [],
    solvency: { comprehensiveRatioBasisPoints: 23_560, riskRating: 'A' },
    prevention: {
      systemDocument: doc('事故预防服务制度.pdf'),
      planTemplate: doc('事故预防服务方案模板.docx'),
      riskControlTeam: [{ name: '张工', role: '负责人' }],
      evidence: [doc('风控团队任命文件.pdf')],
    },
    filedProduct: {
      filingNumber: 'C00000232512024050901181',
      name: '安全生产责任保险（2024版）',
      baseRatesPpm: { COAL_MINE: 3500, NON_COAL_MINE: 3000, HAZCHEM: 2500 },
      factorBounds: {
        accidentRecord: { minBasisPoints: 8_000, maxBasisPoints: 15_000 },
        standardisation: {
          GRADE_1: { minBasisPoints: 8_000, maxBasisPoints: 9_000 },
          GRADE_2: { minBasisPoints: 9_000, maxBasisPoints: 10_000 },
          GRADE_3: { minBasisPoints: 10_000, maxBasisPoints: 10_500 },
          NONE: { minBasisPoints: 10_500, maxBasisPoints: 12_000 },
        },
        penalties: { minBasisPoints: 10_000, maxBasisPoints: 13_000 },
        riskLevel: { minBasisPoints: 9_000, maxBasisPoints: 12_000 },
      },
    },
    annex1: Object.fromEntries(ANNEX_1_ITEM_CODES.map((code) => [code, [doc(`${code}.pdf`)]])),
    commitmentLetter: { signedBy: '王总', signedOn: filedOnFor(year) },
    ...overrides,
  };
}


export const year = Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4));
/** Today in Asia/Shanghai. */
export const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
export const inAYear = `${year + 1}${today.slice(4)}`;
/** UW-1: the last day of a one-year policy from today — the day before the anniversary, inclusive. */
export const oneYearOn = oneYearPeriodEnd(today);

export const policyBody = (overrides: Record<string, unknown> = {}) => ({
  enterpriseUscc: XINDA.uscc,
  policyNumber: `PZAA${Date.now()}${Math.floor(Math.random() * 1000)}`,
  periodStart: today,
  periodEnd: oneYearOn,
  employeesCovered: 254,
  perPersonInsuredAmountFen: 30_000_000,
  perPersonDeathLimitFen: 30_000_000,
  rating: {
    accidentRecordBasisPoints: 10_000,
    standardisationGrade: 'GRADE_2',
    standardisationBasisPoints: 9_500,
    penaltiesBasisPoints: 10_000,
    riskLevelBasisPoints: 11_000,
  },
  mode: 'INDEPENDENT',
  premiumPaidByEnterprise: true,
  ...overrides,
});


type QualificationAnswer = { filing?: { tenantId: string }; eligibility: { eligible: boolean; criteria: { rule: string; passed: boolean; reason: string }[] } };

/**
 * QUAL-6: the city EMB records that insurer `tenantId`'s materials for `year` reached it on paper on `filedOn` (default
 * {@link filedOnFor}) — the only way a filing counts from before the day the platform stamped it.
 */
export async function recordPaperFiling(cityEmb: ApiClient, tenantId: string, filingYear = year, filedOn = filedOnFor(filingYear)) {
  const recorded = await cityEmb.post(`/regulator/qualifications/${tenantId}/${filingYear}/paper-filing`, { filedOn, note: '纸质材料收文登记' });
  expect(recorded.status, JSON.stringify(recorded.body)).toBe(200);
  return recorded;
}

/**
 * Files a complete qualification for this year (every Annex 1 item attached). The platform stamps today as its
 * filing day (QUAL-6), which is after June 15 late in the year; so the city EMB (`cityEmb`, or the demo's
 * emb-city) records the paper filing of {@link filedOnFor}, and the answer is the insurer's filing and
 * eligibility after that. Without a demo city EMB the platform's day stands.
 */
export async function fileQualification(client: ApiClient, cityEmb?: ApiClient, overrides: Record<string, unknown> = {}) {
  const evidence = await uploadQualificationDocument(client.baseUrl, client.token as string, year);
  const body = filingBody(year, overrides);
  const filed = await client.request<QualificationAnswer>('PUT', `/qualification/${year}`, { ...body, prevention: { ...body.prevention, evidence: [evidence] } });
  if (filed.status !== 200) return filed;
  const city = cityEmb ?? (await demoCityEmb(client));
  if (city === undefined) return filed;
  await recordPaperFiling(city, filed.body.filing?.tenantId as string);
  return client.request<QualificationAnswer>('GET', `/qualification/${year}`);
}

/**
 * QUAL-4: uploads one evidence document of the prevention capability for `filingYear` through its ticket, as the
 * console does, and answers the reference a filing cites (the upload id as `archiveId`, the file's SHA-256).
 */
export async function uploadQualificationDocument(baseUrl: string, token: string, filingYear: number, name = '风控团队任命文件.pdf') {
  const bytes = new TextEncoder().encode(`%PDF-1.4\n% ${name} ${Date.now()} ${Math.random()}\n%%EOF\n`);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const asked = await fetch(`${baseUrl}/api/v1/qualification/${filingYear}/document-uploads`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ fileName: name, contentType: 'application/pdf', size: bytes.byteLength, sha256 }),
  });
  const answer = (await asked.json()) as { uploadId: string; ticket: { url: string; method: string; headers: Record<string, string> } };
  if (asked.status !== 201) throw new Error(`QUAL-4 upload ticket refused: ${asked.status} ${JSON.stringify(answer)}`);
  const put = await fetch(answer.ticket.url, { method: answer.ticket.method, headers: answer.ticket.headers, body: bytes });
  if (put.status >= 300) throw new Error(`QUAL-4 upload refused: ${put.status} ${await put.text()}`);
  return { archiveId: answer.uploadId, sha256, name };
}

async function demoCityEmb(client: ApiClient): Promise<ApiClient | undefined> {
  const signIn = await signInWithTotp(client.baseUrl, 'emb-city', 'Anze-demo-2026');
  return signIn.status === 200 ? new ApiClient(client.baseUrl, signIn.body.accessToken as string) : undefined;
}

/** Adds entries to the register as the city EMB (REG-1). */
export async function registerEnterprises(cityEmb: ApiClient, entries: readonly object[]): Promise<void> {
  for (const entry of entries) {
    const added = await cityEmb.post('/regulator/enterprises', entry);
    expect([200, 201], JSON.stringify(added.body)).toContain(added.status);
  }
}
