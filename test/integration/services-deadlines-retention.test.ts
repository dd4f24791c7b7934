import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../support/api-client.js';
import { completeBody, expectOk, scheduleBody, uploadEvidence, walkService, type ErrorBody, type Service } from '../support/services-fixtures.js';
import { startTestPlatform, type TestPlatform } from '../support/test-platform.js';
import { TAIXIN, XINDA, fileQualification, policyBody, registerEnterprises } from '../support/underwriting-fixtures.js';

/**
 * Issue 13, services: deadlines counted from the day a service was completed (SVC-8, SVC-9 服务完成以后), and
 * evidence kept five years from archiving (SVC-10), through the local gateway.
 */

const DEMO = 'Anze-demo-2026';

let test: TestPlatform;
let picc: ApiClient;
let enterprise: ApiClient;
/** XINDA's policy (ent-demo is XINDA's account), starting today. */
let current: { id: string };
/** TAIXIN's policy for 2024-07-01 … 2025-06-30, so a service can be performed in the autumn of 2024. */
let backdated: { id: string };

/** The retain-until the local store recorded beside an archived file. */
const retainUntilOnDisk = (key: string): string =>
  (JSON.parse(readFileSync(join(process.env.ANZE_ARCHIVE_DIR as string, `${key}.archive-meta.json`), 'utf8')) as { retainUntil: string }).retainUntil;

beforeAll(async () => {
  test = await startTestPlatform({ demo: true });
  const admin = await test.signIn('picc-admin', DEMO);
  picc = await test.signIn('picc-staff', DEMO);
  enterprise = await test.signIn('ent-demo', DEMO);
  await registerEnterprises(await test.signIn('emb-city', DEMO), [XINDA, TAIXIN]);
  expectOk(await fileQualification(admin));
  current = expectOk(await admin.post<{ id: string }>('/policies', policyBody()), 201);
  backdated = expectOk(
    await admin.post<{ id: string }>(
      '/policies',
      policyBody({ enterpriseUscc: TAIXIN.uscc, employeesCovered: TAIXIN.staff, periodStart: '2024-07-01', periodEnd: '2025-06-30' }),
    ),
    201,
  );
});
afterAll(async () => test?.stop());

describe('SVC-8 SVC-9 deadlines count from the day the service was completed', () => {
  it('SVC-8 SVC-9 a service begun Wednesday 2024-09-25 and completed Sunday 2024-09-29 is followed up by 10-17 and archived by 10-31', async () => {
    const scheduled = await walkService(picc, undefined, scheduleBody(backdated.id, { scheduledAt: '2024-09-25T09:00:00+08:00' }), 'SCHEDULE_CONFIRMED');
    const completed = expectOk(
      await picc.post<Service>(
        `/services/${scheduled.id}/complete`,
        completeBody({ performedAt: '2024-09-25T09:00:00+08:00', endedAt: '2024-09-29T17:00:00+08:00' }),
      ),
    );
    expect(completed.record?.performedOn).toBe('2024-09-25');
    // Counted from 2024-09-29 (an adjusted working Sunday, not counted itself), over the 国庆 holidays.
    expect(completed.deadlines).toEqual({
      followUp: { dueOn: '2024-10-17', provisional: false },
      archive: { dueOn: '2024-10-31', provisional: false },
    });
  });

  it('SVC-9 refuses an end on a day still to come (400 naming endedAt): it would push the deadlines out', async () => {
    const scheduled = await walkService(picc, undefined, scheduleBody(current.id), 'SCHEDULE_CONFIRMED');
    const tomorrow = new Date(Date.now() + 36 * 3_600_000).toISOString();
    const refused = await picc.post<ErrorBody>(
      `/services/${scheduled.id}/complete`,
      completeBody({ performedAt: new Date().toISOString(), endedAt: tomorrow }),
    );
    expect(refused.status).toBe(400);
    expect(refused.body.error.details?.[0]).toMatchObject({ field: 'endedAt', rule: 'SVC-9' });
  });
});

describe('SVC-10 evidence is kept five years from archiving, not from upload', () => {
  it('SVC-10 archiving a record lengthens its evidence files\' retention to the record\'s own retain-until', async () => {
    const service = await walkService(picc, enterprise, scheduleBody(current.id), 'SCHEDULE_CONFIRMED');
    const uploadId = await uploadEvidence(picc, `/services/${service.id}/evidence-uploads`, new TextEncoder().encode('签到表扫描件'), '签到表.jpg');
    const completed = expectOk(
      await picc.post<Service>(
        `/services/${service.id}/complete`,
        completeBody({ evidence: [{ uploadId, kind: 'SIGN_IN_SHEET', capturedAt: new Date().toISOString(), capturedBy: '张工' }] }),
      ),
    );
    const evidenceKey = completed.evidence[0]?.archiveKey as string;
    const atUpload = retainUntilOnDisk(evidenceKey);
    // The record is archived a little later than the upload (on a real day, weeks later).
    await new Promise((resolve) => setTimeout(resolve, 20));
    expectOk(await picc.post(`/services/${service.id}/follow-up`, { channel: 'PHONE', satisfaction: 5, comments: '满意' }));
    const signedAt = new Date().toISOString();
    expectOk(await picc.post(`/services/${service.id}/confirm`, { party: 'INSURER', signerName: '王经理', signedAt }));
    expectOk(await enterprise.post(`/me/services/${service.id}/confirm`, { signerName: '李矿长', signedAt }));
    const archived = expectOk(await picc.post<Service>(`/services/${service.id}/archive`, {}));

    const record = expectOk(await picc.get<{ retainUntil: string; archivedAt: string }>(`/archives/${archived.archive?.archiveId}`));
    const archivedAt = new Date(record.archivedAt);
    const fiveYearsOn = new Date(archivedAt);
    fiveYearsOn.setUTCFullYear(fiveYearsOn.getUTCFullYear() + 5);
    expect(record.retainUntil).toBe(fiveYearsOn.toISOString());
    expect(retainUntilOnDisk(evidenceKey)).toBe(record.retainUntil);
    expect(retainUntilOnDisk(evidenceKey) > atUpload).toBe(true);
  });
});

const planLine = (type: string, count: number, deep = false) => ({
  type,
  deep,
  count,
  items: ['主要危险源'],
  measures: '现场检查',
  provider: { kind: 'OWN' },
  personnel: ['张工'],
});
const COAL_PLAN = {
  goals: '消除重大隐患',
  support: '企业提供资料与陪同',
  basis: '近三年无死亡事故',
  agreedBy: '李矿长',
  agreedOn: '2024-07-05',
  items: [planLine('RISK_ASSESSMENT', 2), planLine('HAZARD_INSPECTION', 1), planLine('HAZARD_INSPECTION', 1, true)],
};

interface Plan {
  version: number;
  items: { type: string; deep: boolean }[];
  archive?: { archiveId: string; sha256: string; archivedAt: string };
}

describe('SVC-4 the agreed plan: missing is flagged, agreed is archived', () => {
  it('SVC-4 a coal mine (SVC-1 minimums) without an agreed plan is flagged planMissing on its obligations', async () => {
    const obligations = expectOk(await picc.get<{ basis: string; planMissing: boolean; allDone: boolean }>(`/policies/${backdated.id}/obligations`));
    expect(obligations).toMatchObject({ basis: 'TABLE', planMissing: true, allDone: false });
  });

  it('SVC-4 SVC-10 every version of the agreed plan is archived write-once, named on the plan, and verifies', async () => {
    const first = expectOk(await picc.request<Plan>('PUT', `/policies/${backdated.id}/service-plan`, COAL_PLAN));
    expect(first.archive).toMatchObject({ archiveId: expect.any(String), sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const record = expectOk(await picc.get<{ kind: string; subject: { kind: string; id: string }; sha256: string; matches: boolean }>(`/archives/${first.archive?.archiveId}`));
    expect(record).toMatchObject({ kind: 'SERVICE_PLAN', subject: { kind: 'POLICY', id: backdated.id }, sha256: first.archive?.sha256, matches: true });
    expect(expectOk(await picc.get<{ matches: boolean }>(`/archives/${first.archive?.archiveId}/verify`)).matches).toBe(true);
    expect(expectOk(await picc.get<{ planMissing: boolean }>(`/policies/${backdated.id}/obligations`)).planMissing).toBe(false);

    const second = expectOk(await picc.request<Plan>('PUT', `/policies/${backdated.id}/service-plan`, { ...COAL_PLAN, goals: '消除重大隐患，提升标准化等级' }));
    expect(second.version).toBe(2);
    expect(second.archive?.archiveId).not.toBe(first.archive?.archiveId);
    // The first version stays in the archive as it was agreed.
    expect(expectOk(await picc.get<{ matches: boolean }>(`/archives/${first.archive?.archiveId}/verify`)).matches).toBe(true);
  });

  it('SVC-4 a service scheduled on the policy is tied to its line of the agreed plan; one the plan does not list is refused', async () => {
    const at = '2024-10-15T09:00:00+08:00';
    const deep = expectOk(await picc.post<Service & { planItem?: unknown }>('/services', scheduleBody(backdated.id, { type: 'HAZARD_INSPECTION', deep: true, scheduledAt: at })), 201);
    expect(deep.planItem).toEqual({ planVersion: 2, index: 2 });
    const named = expectOk(await picc.post<Service & { planItem?: unknown }>('/services', scheduleBody(backdated.id, { scheduledAt: at, planItem: 0 })), 201);
    expect(named.planItem).toEqual({ planVersion: 2, index: 0 });
    const wrongLine = await picc.post<ErrorBody>('/services', scheduleBody(backdated.id, { scheduledAt: at, planItem: 1 }));
    expect(wrongLine.status).toBe(409);
    expect(wrongLine.body.error.details?.[0]).toMatchObject({ field: 'planItem', rule: 'SVC-4' });
    const outside = await picc.post<ErrorBody>('/services', scheduleBody(backdated.id, { type: 'TRAINING', scheduledAt: at }));
    expect(outside.status).toBe(409);
    expect(outside.body.error.details?.[0]).toMatchObject({ field: 'type', rule: 'SVC-4' });
  });
});

describe('SVC-12 the risk grade without monitoring data', () => {
  it('SVC-12 says there is no monitoring data rather than counting 0 alarms', async () => {
    const risk = expectOk(
      await picc.get<{ factors: { factor: string; points: number; detail: string }[]; inputs: { monitoringAlarms: number | null } }>(`/policies/${current.id}/risk`),
    );
    expect(risk.inputs.monitoringAlarms).toBeNull();
    expect(risk.factors.find((factor) => factor.factor === 'MONITORING_ALARMS')).toEqual({ factor: 'MONITORING_ALARMS', points: 0, detail: 'no monitoring data' });
  });
});
