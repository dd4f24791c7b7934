import { createHash } from 'node:crypto';
import { ApiClient, type ApiResponse } from '../support/api-client.js';
import { tenantBody, unique } from '../support/fixtures.js';
import { completeBody, registerProviders, scheduleBody } from '../support/services-fixtures.js';
import { XINDA, fileQualification, policyBody, registerEnterprises } from '../support/underwriting-fixtures.js';
import { benchCityEmb } from './city-emb.js';
import { callsPerRequest, describeCalls, resetCalls, type CallsPerRequest } from './dynamodb-calls.js';
import { markdownTable } from './table.js';
import { signInWithTotp } from '../support/totp-sign-in.js';

/**
 * SVC-5..10: DynamoDB calls per step of a service's life, through the local gateway — each step should be its
 * reads plus ONE transaction (ARCHITECTURE.md §2), and the obligations one Query plus two GetItems. Background
 * work (projections of policy events) shares the counter, so each step is measured on several services and
 * the quietest run is kept.
 */

export interface ServicesLifecycleStep {
  readonly step: string;
  readonly calls: CallsPerRequest;
}

export interface ServicesLifecycleSection {
  readonly runs: number;
  readonly steps: readonly ServicesLifecycleStep[];
}

const RUNS = 3;
const PASSWORD = 'Bench-services-2026';

function expectStatus<T>(response: ApiResponse<T>, status: number, what: string): T {
  if (response.status !== status) throw new Error(`${what} answered ${response.status}: ${JSON.stringify(response.body).slice(0, 300)}`);
  return response.body;
}

const total = (calls: CallsPerRequest): number => Object.values(calls).reduce((sum, count) => sum + count, 0);

export async function measureServicesLifecycle(baseUrl: string, operatorPassword: string, progress: (line: string) => void): Promise<ServicesLifecycleSection> {
  const anonymous = new ApiClient(baseUrl);
  const signIn = async (username: string, password: string) =>
    anonymous.withToken(expectStatus(await signInWithTotp(baseUrl, username, password), 200, `sign-in of ${username}`).accessToken as string);
  const operator = await signIn('operator', operatorPassword);
  const cityEmb = await benchCityEmb(baseUrl, operatorPassword);
  const insurerAdmin = unique('bench-svc-');
  expectStatus(await operator.post('/platform/tenants', tenantBody('BenchSvc', { admin: { username: insurerAdmin, password: PASSWORD, displayName: '基准' } })), 201, 'onboarding');
  const insurer = await signIn(insurerAdmin, PASSWORD);
  await registerEnterprises(cityEmb, [XINDA]);
  expectStatus(await fileQualification(insurer), 200, 'qualification');
  const providers = await registerProviders(cityEmb, '基准');
  const policy = expectStatus(await insurer.post<{ id: string }>('/policies', policyBody()), 201, 'policy');
  progress('services lifecycle: measuring each step on a few services');

  const best = new Map<string, CallsPerRequest>();
  const measure = async <T>(step: string, status: number, send: () => Promise<ApiResponse<T>>): Promise<T> => {
    resetCalls();
    const body = expectStatus(await send(), status, step);
    const calls = callsPerRequest(1);
    const previous = best.get(step);
    if (!previous || total(calls) < total(previous)) best.set(step, calls);
    return body;
  };
  for (let run = 0; run < RUNS; run += 1) {
    const service = await measure('POST /services', 201, () =>
      insurer.post<{ id: string }>('/services', scheduleBody(policy.id, { type: 'HAZARD_INSPECTION', expertIds: providers.expertIds })),
    );
    const path = `/services/${service.id}`;
    await measure('POST /services/{id}/confirm-schedule', 200, () => insurer.post(`${path}/confirm-schedule`, { confirmedByName: '李矿长' }));
    const bytes = new TextEncoder().encode(`bench evidence ${run}`);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const upload = await measure('POST /services/{id}/evidence-uploads', 201, () =>
      insurer.post<{ uploadId: string; ticket: { url: string; headers: Record<string, string> } }>(`${path}/evidence-uploads`, {
        fileName: 'photo.jpg',
        contentType: 'image/jpeg',
        size: bytes.byteLength,
        sha256,
      }),
    );
    await fetch(upload.ticket.url, { method: 'PUT', headers: upload.ticket.headers, body: bytes });
    await measure('POST /services/{id}/complete (1 evidence, 1 hazard)', 200, () =>
      insurer.post(`${path}/complete`, completeBody({
        evidence: [{ uploadId: upload.uploadId, kind: 'PHOTO', capturedAt: new Date().toISOString(), capturedBy: '张工' }],
        hazards: [{ description: '灭火器过期', grade: 'GENERAL', rectifyBy: '2099-01-01' }],
      })),
    );
    await measure('POST /services/{id}/follow-up', 200, () => insurer.post(`${path}/follow-up`, { channel: 'PHONE', satisfaction: 5, comments: '满意' }));
    const signedAt = new Date().toISOString();
    await measure('POST /services/{id}/confirm', 200, () => insurer.post(`${path}/confirm`, { party: 'INSURER', signerName: '王经理', signedAt }));
    // SVC-9: the bench's enterprise has no account, so its signer signs on the staff's device (flagged, SVC-13).
    await insurer.post(`${path}/on-site-signature`, { signerName: '李矿长', signedAt, location: { latitude: 38.4167, longitude: 112.7333 } });
    const archived = await measure('POST /services/{id}/archive (1 hazard)', 200, () => insurer.post<{ archive: { archiveId: string } }>(`${path}/archive`, {}));
    await measure('GET /services/{id}', 200, () => insurer.get(path));
    await measure('GET /policies/{id}/obligations', 200, () => insurer.get(`/policies/${policy.id}/obligations`));
    await measure('GET /archives/{id}/verify (1 attachment)', 200, () => insurer.get(`/archives/${archived.archive.archiveId}/verify`));
  }
  return { runs: RUNS, steps: [...best].map(([step, calls]) => ({ step, calls })) };
}

export function servicesLifecycleTable(section: ServicesLifecycleSection): string {
  return [
    markdownTable(
      ['step', 'DynamoDB calls (quietest of runs)'],
      section.steps.map((step) => [step.step, describeCalls(step.calls)]),
    ),
    `Each step measured on ${section.runs} services; the archive store's own reads and writes are not DynamoDB calls.`,
  ].join('\n\n');
}
