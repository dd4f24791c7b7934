import { createHash } from 'node:crypto';
import { expect } from 'vitest';
import { usccCheckCharacter } from '../../domain/kernel/uscc.js';
import type { ApiClient, ApiResponse } from './api-client.js';

/**
 * Services fixtures shared by the services and isolation tests: registered providers (REG-2, REG-3), a service
 * walked through its lifecycle, evidence uploaded through its ticket.
 */

export interface Service {
  id: string;
  tenantId: string;
  policyId: string;
  status: string;
  version: number;
  type: string;
  deep: boolean;
  hazardIds: string[];
  evidence: { id: string; archiveKey: string; sha256: string }[];
  deadlines?: { followUp: { dueOn: string; provisional: boolean }; archive: { dueOn: string; provisional: boolean } };
  followUp?: { late: boolean; satisfaction: number };
  confirmations: { insurer?: { signerName: string }; enterprise?: { signerName: string } };
  reviewFlags: { code: string }[];
  archive?: { archiveId: string; sha256: string; late: boolean };
  record?: { performedOn: string };
  scheduleConfirmation?: { recordedBy: string };
}

export interface ErrorBody {
  error: { code: string; rule?: string; message: string; details?: { field?: string; rule?: string; message: string }[] };
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** REG-2 / REG-3 as the city EMB registers them: one usable organisation, one suspended, two pool experts. */
export async function registerProviders(cityEmb: ApiClient, label: string) {
  const org = async (status: 'ACTIVE' | 'SUSPENDED', n: number) => {
    const created = await cityEmb.post<{ id: string }>('/regulator/service-orgs', {
      name: `忻州${label}安全技术服务有限公司${n}`,
      uscc: orgUscc(n),
      registrationNumber: `忻应急备〔2024〕${label}${n}号`,
      validFrom: '2024-01-01',
      validTo: '2030-12-31',
      scope: ['RISK_ASSESSMENT', 'HAZARD_INSPECTION'],
      status,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    return created.body.id;
  };
  const expert = async (name: string) => {
    const created = await cityEmb.post<{ id: string }>('/regulator/experts', { name, specialties: ['煤矿通风'], title: '高级工程师' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    return created.body.id;
  };
  return {
    orgId: await org('ACTIVE', 1),
    suspendedOrgId: await org('SUSPENDED', 2),
    expertIds: [await expert(`${label}专家甲`), await expert(`${label}专家乙`)],
  };
}

let orgCounter = 0;
/** A well-formed organisation USCC, different on every call. */
function orgUscc(n: number): string {
  orgCounter += 1;
  const first17 = `911409007${String(Date.now() % 1e6).padStart(6, '0')}${String((orgCounter * 10 + n) % 100).padStart(2, '0')}`;
  return first17 + usccCheckCharacter(first17);
}

/** Asks for an upload ticket at `path` and PUTs `bytes` to it as the browser would; the upload id. */
export async function uploadEvidence(client: ApiClient, path: string, bytes: Uint8Array, fileName = '现场照片.jpg'): Promise<string> {
  const answer = await client.post<{ uploadId: string; ticket: { url: string; method: string; headers: Record<string, string> } }>(path, {
    fileName,
    contentType: 'image/jpeg',
    size: bytes.byteLength,
    sha256: sha256(bytes),
  });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  const put = await fetch(answer.body.ticket.url, { method: answer.body.ticket.method, headers: answer.body.ticket.headers, body: bytes });
  expect(put.status, await put.clone().text()).toBeLessThan(300);
  return answer.body.uploadId;
}

export const scheduleBody = (policyId: string, overrides: Record<string, unknown> = {}) => ({
  policyId,
  type: 'RISK_ASSESSMENT',
  scheduledAt: new Date().toISOString(),
  provider: { kind: 'OWN' },
  expertIds: [],
  plannedItems: ['主要危险源辨识', '风险分级管控'],
  plannedMeasures: '现场查看与资料核查',
  ...overrides,
});

export const completeBody = (overrides: Record<string, unknown> = {}) => ({
  performedAt: new Date(Date.now() - 1000).toISOString(),
  place: '主井口及调度室',
  personnel: [{ name: '张工', role: '组长' }],
  items: ['主要危险源辨识'],
  measures: '现场查看、查阅台账',
  process: '召开首次会议，分组检查，末次会议反馈',
  hazards: [],
  evidence: [],
  ...overrides,
});

export function expectOk<T>(response: ApiResponse<T>, status = 200): T {
  expect(response.status, JSON.stringify(response.body)).toBe(status);
  return response.body;
}

/**
 * A service from scheduling to `until`, each step the way the console takes it: the enterprise confirms the
 * schedule and signs for itself, the insurer does the rest.
 */
export async function walkService(
  insurer: ApiClient,
  /**
   * The served enterprise's own client; without it the insurer records the schedule's agreement (SVC-5) and
   * captures the enterprise's signature on site (SVC-9: only for an enterprise without an account).
   */
  enterprise: ApiClient | undefined,
  schedule: Record<string, unknown>,
  until: 'SCHEDULED' | 'SCHEDULE_CONFIRMED' | 'COMPLETED' | 'FOLLOWED_UP' | 'CONFIRMED' | 'ARCHIVED',
  complete: Record<string, unknown> = {},
): Promise<Service> {
  let service = expectOk(await insurer.post<Service>('/services', schedule), 201);
  if (until === 'SCHEDULED') return service;
  service = expectOk(
    enterprise
      ? await enterprise.post<Service>(`/me/services/${service.id}/confirm-schedule`, { confirmedByName: '李矿长' })
      : await insurer.post<Service>(`/services/${service.id}/confirm-schedule`, { confirmedByName: '李矿长' }),
  );
  if (until === 'SCHEDULE_CONFIRMED') return service;
  service = expectOk(await insurer.post<Service>(`/services/${service.id}/complete`, completeBody(complete)));
  if (until === 'COMPLETED') return service;
  service = expectOk(await insurer.post<Service>(`/services/${service.id}/follow-up`, { channel: 'PHONE', satisfaction: 5, comments: '满意' }));
  if (until === 'FOLLOWED_UP') return service;
  const signedAt = new Date().toISOString();
  expectOk(await insurer.post<Service>(`/services/${service.id}/confirm`, { party: 'INSURER', signerName: '王经理', signedAt }));
  const enterpriseSignature = { signerName: '李矿长', signerTitle: '矿长', signedAt };
  service = expectOk(
    enterprise
      ? await enterprise.post<Service>(`/me/services/${service.id}/confirm`, enterpriseSignature)
      : // SVC-9, SVC-13: an enterprise without an account signs on the staff's device (flagged).
        await insurer.post<Service>(`/services/${service.id}/on-site-signature`, { ...enterpriseSignature, location: { latitude: 38.4167, longitude: 112.7333 } }),
  );
  if (until === 'CONFIRMED') return service;
  return expectOk(await insurer.post<Service>(`/services/${service.id}/archive`, {}));
}
