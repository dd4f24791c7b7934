import { randomUUID } from 'node:crypto';
import { oneYearPeriodEnd } from '../../../domain/underwriting/policy.rules.js';
import { apiToken } from './api-setup.js';
import { filing, paperFiling, uploadQualificationDocument } from './console-forms.js';
import { DEMO_PASSWORD } from './local-server.js';

/** ent-demo's enterprise, a coal mine of 忻府区 (REG-1). */
const XINDA = { uscc: '91140902100079190P', name: '忻府忻达煤业有限责任公司', industry: 'COAL_MINE', county: '140902', staff: 254, revenueWan: 1175 };

async function call(baseUrl: string, token: string, method: string, path: string, body: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(`${baseUrl}/api/v1${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': randomUUID() },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (response.status !== 200 && response.status !== 201) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return JSON.parse(text) as Record<string, unknown>;
}

/**
 * CMP-1 (第十九条: 投保单位), issue 21: an enterprise complains about an insurer it holds a policy with. Through the
 * API, as another system would: ent-demo's enterprise registered (REG-1), 人保's filing for this year and a
 * one-year policy of 人保 on it — then 人保 is among the insurers ent-demo may complain about.
 */
export async function insureDemoEnterpriseWithPicc(url: string): Promise<void> {
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const year = Number(today.slice(0, 4));
  const [emb, picc] = await Promise.all([apiToken(url, 'emb-city', DEMO_PASSWORD), apiToken(url, 'picc-admin', DEMO_PASSWORD)]);
  await call(url, emb, 'POST', '/regulator/enterprises', XINDA);
  const filed = await call(url, picc, 'PUT', `/qualification/${year}`, filing(year, today, [await uploadQualificationDocument(url, picc, year)]));
  const paper = paperFiling((filed.filing as { tenantId: string }).tenantId, year, today);
  await call(url, emb, 'POST', paper.path, paper.body);
  await call(url, picc, 'POST', '/policies', {
    enterpriseUscc: XINDA.uscc,
    policyNumber: `PZCM${Date.now()}`,
    periodStart: today,
    periodEnd: oneYearPeriodEnd(today),
    employeesCovered: XINDA.staff,
    perPersonInsuredAmountFen: 30_000_000,
    perPersonDeathLimitFen: 30_000_000,
    rating: { accidentRecordBasisPoints: 10_000, standardisationGrade: 'GRADE_2', standardisationBasisPoints: 10_000, penaltiesBasisPoints: 10_000, riskLevelBasisPoints: 10_000 },
    mode: 'INDEPENDENT',
    premiumPaidByEnterprise: true,
  });
}
