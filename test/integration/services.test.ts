import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { chmodSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StaleVersion } from '../../domain/kernel/errors.js';
import { confirmSchedule } from '../../domain/services/service-schedule.rules.js';
import { systemClock } from '../../functions/adapters/clock.js';
import { dynamoDbClientConfig, toDocumentClient } from '../../functions/adapters/dynamodb/client.js';
import { DynamoServiceRepository } from '../../functions/adapters/dynamodb/services.repository.js';
import { Store } from '../../functions/adapters/dynamodb/store.js';
import type { ApiClient } from '../support/api-client.js';
import { completeBody, expectOk, registerProviders, scheduleBody, uploadEvidence, walkService, type ErrorBody, type Service } from '../support/services-fixtures.js';
import { startTestPlatform, type TestPlatform } from '../support/test-platform.js';
import { HUTUO, TAIXIN, XINDA, XINGYUAN, fileQualification, policyBody, registerEnterprises } from '../support/underwriting-fixtures.js';

const DEMO = 'Anze-demo-2026';

interface Obligations {
  basis: string;
  allDone: boolean;
  planMissing: boolean;
  requirements: { key: string; rule: string; required: number; done: number; open: number; inProgress: number; status: string }[];
}
interface Hazard {
  id: string;
  grade: string;
  status: string;
  serviceId: string;
  version: number;
  notice: { archiveId: string; archiveKey: string; sha256: string; addressedTo: string };
  rectification?: { closureEvidence: unknown[] };
}
interface Verification {
  archiveId: string;
  sha256: string;
  actualSha256?: string;
  matches: boolean;
  retainUntil: string;
  attachments: { key: string; sha256: string; actualSha256?: string; matches: boolean }[];
}

let test: TestPlatform;
let picc: ApiClient;
let pingan: ApiClient;
let enterprise: ApiClient;
let cityEmb: ApiClient;
let providers: Awaited<ReturnType<typeof registerProviders>>;
/** Policies of picc: a coal mine (the demo enterprise's), a large HAZCHEM enterprise, a coal mine backdated to 2024. */
let coal: { id: string };
let hazchem: { id: string };
let backdated: { id: string };

const byKey = (obligations: Obligations) => Object.fromEntries(obligations.requirements.map((r) => [r.key, r]));

beforeAll(async () => {
  test = await startTestPlatform({ demo: true });
  picc = await test.signIn('picc-admin', DEMO);
  pingan = await test.signIn('pingan-admin', DEMO);
  enterprise = await test.signIn('ent-demo', DEMO);
  cityEmb = await test.signIn('emb-city', DEMO);
  await registerEnterprises(cityEmb, [XINDA, TAIXIN, XINGYUAN, HUTUO]);
  expectOk(await fileQualification(picc));
  expectOk(await fileQualification(pingan));
  providers = await registerProviders(cityEmb, '服务测试');
  coal = expectOk(await picc.post<{ id: string }>('/policies', policyBody()), 201);
  hazchem = expectOk(await picc.post<{ id: string }>('/policies', policyBody({ enterpriseUscc: XINGYUAN.uscc, employeesCovered: XINGYUAN.staff })), 201);
  // A policy year containing 2024-09-27, so a service can be performed on that day (SVC-8's worked example).
  backdated = expectOk(
    await picc.post<{ id: string }>(
      '/policies',
      policyBody({ enterpriseUscc: TAIXIN.uscc, employeesCovered: TAIXIN.staff, periodStart: '2024-07-01', periodEnd: '2025-06-30' }),
    ),
    201,
  );
});
afterAll(async () => test?.stop());

describe('prevention services through the local gateway', () => {
  it('SVC-1 SVC-12 shows the coal mine’s grade and minimums before a plan exists, and refuses a plan below them', async () => {
    const risk = expectOk(await picc.get<{ grade: string; factors: unknown[]; obligation: unknown }>(`/policies/${coal.id}/risk`));
    expect(['HIGH', 'MEDIUM', 'LOW']).toContain(risk.grade);
    expect(risk.factors.length).toBeGreaterThan(0);
    expect(risk.obligation).toEqual({ riskAssessments: 2, hazardInspections: 2, deepInspections: 1 });
    expect((await picc.get(`/policies/${coal.id}/service-plan`)).status).toBe(404);
    const line = (type: string, count: number, deep = false) => ({
      type,
      deep,
      count,
      items: ['主要危险源'],
      measures: '现场检查',
      provider: { kind: 'OWN' },
      personnel: ['张工'],
    });
    const plan = { goals: '消除重大隐患', support: '企业提供资料与陪同', basis: '近三年无死亡事故', agreedBy: '李矿长', agreedOn: '2024-07-05' };
    const short = await picc.request<ErrorBody>('PUT', `/policies/${coal.id}/service-plan`, { ...plan, items: [line('RISK_ASSESSMENT', 1)] });
    expect(short.status).toBe(400);
    expect(short.body.error.rule).toBe('SVC-1');
    const agreed = await picc.request<{ version: number; risk: { grade: string } }>('PUT', `/policies/${coal.id}/service-plan`, {
      ...plan,
      items: [line('RISK_ASSESSMENT', 2), line('HAZARD_INSPECTION', 1), line('HAZARD_INSPECTION', 1, true)],
    });
    expect(agreed.status, JSON.stringify(agreed.body)).toBe(200);
    expect(agreed.body.risk.grade).toBe(risk.grade);
    expect((await picc.get<{ version: number }>(`/policies/${coal.id}/service-plan`)).body.version).toBe(1);
  });

  it('SVC-1 SVC-2 SVC-11 takes the coal mine’s obligations from OPEN to DONE as its services are archived', async () => {
    const before = expectOk(await picc.get<Obligations>(`/policies/${coal.id}/obligations`));
    expect(before.basis).toBe('TABLE');
    expect(before.allDone).toBe(false);
    expect(byKey(before).RISK_ASSESSMENT).toMatchObject({ required: 2, done: 0, status: 'OPEN' });
    expect(byKey(before).FIRST_SERVICE).toMatchObject({ rule: 'SVC-2', done: 0, status: 'OPEN' });

    const first = await walkService(picc, enterprise, scheduleBody(coal.id), 'ARCHIVED');
    expect(first.status).toBe('ARCHIVED');
    expect(first.scheduleConfirmation?.recordedBy).toBe('ENTERPRISE');
    const afterFirst = expectOk(await picc.get<Obligations>(`/policies/${coal.id}/obligations`));
    expect(byKey(afterFirst).FIRST_SERVICE).toMatchObject({ done: 1, status: 'DONE' });
    expect(byKey(afterFirst).RISK_ASSESSMENT).toMatchObject({ done: 1, open: 1, status: 'OPEN' });

    await walkService(picc, enterprise, scheduleBody(coal.id), 'ARCHIVED');
    const deep = await walkService(picc, enterprise, scheduleBody(coal.id, { type: 'HAZARD_INSPECTION', deep: true, expertIds: providers.expertIds }), 'CONFIRMED');
    const inProgress = expectOk(await picc.get<Obligations>(`/policies/${coal.id}/obligations`));
    expect(byKey(inProgress).DEEP_INSPECTION).toMatchObject({ done: 0, inProgress: 1, status: 'OPEN' });
    expectOk(await picc.post<Service>(`/services/${deep.id}/archive`, {}));
    await walkService(
      picc,
      enterprise,
      scheduleBody(coal.id, { type: 'HAZARD_INSPECTION', provider: { kind: 'THIRD_PARTY', orgId: providers.orgId } }),
      'ARCHIVED',
      { personnel: [{ name: '专家甲', expertId: providers.expertIds[0] }] },
    );
    const after = expectOk(await picc.get<Obligations>(`/policies/${coal.id}/obligations`));
    expect(after.requirements.map((r) => [r.key, r.status])).toEqual(after.requirements.map((r) => [r.key, 'DONE']));
    expect(after.allDone).toBe(true);
    expect(byKey(after).HAZARD_INSPECTION).toMatchObject({ required: 2, done: 2 });
  });

  it('SVC-1 asks a large HAZCHEM enterprise for one risk assessment and one hazard inspection', async () => {
    const obligations = expectOk(await picc.get<Obligations>(`/policies/${hazchem.id}/obligations`));
    expect(byKey(obligations).RISK_ASSESSMENT).toMatchObject({ required: 1 });
    expect(byKey(obligations).HAZARD_INSPECTION).toMatchObject({ required: 1 });
  });

  it('SVC-8 SVC-9 counts from the day performed: 2024-09-27 → follow-up 2024-10-16, archive 2024-10-30 (20th working day)', async () => {
    const service = await walkService(
      picc,
      undefined,
      scheduleBody(backdated.id, { scheduledAt: '2024-09-27T09:00:00+08:00' }),
      'COMPLETED',
      { performedAt: '2024-09-27T09:30:00+08:00', endedAt: '2024-09-27T16:00:00+08:00' },
    );
    expect(service.record?.performedOn).toBe('2024-09-27');
    expect(service.deadlines).toEqual({
      followUp: { dueOn: '2024-10-16', provisional: false },
      archive: { dueOn: '2024-10-30', provisional: false },
    });
    // The due index lists it under its follow-up date.
    const due = expectOk(await picc.get<{ items: Service[] }>('/services?dueBefore=2024-10-17'));
    expect(due.items.map((s) => s.id)).toContain(service.id);
    expect(expectOk(await picc.get<{ items: Service[] }>('/services?dueBefore=2024-10-16')).items.map((s) => s.id)).not.toContain(service.id);
    // SVC-8: a late follow-up is recorded and marked, never refused.
    const followed = expectOk(await picc.post<Service>(`/services/${service.id}/follow-up`, { channel: 'ON_SITE', satisfaction: 4, comments: '基本满意' }));
    expect(followed.followUp).toMatchObject({ late: true, satisfaction: 4 });
  });

  it('SVC-8 refuses a satisfaction of 6, naming the field and the rule', async () => {
    const service = await walkService(picc, undefined, scheduleBody(hazchem.id), 'COMPLETED');
    const refused = await picc.post<ErrorBody>(`/services/${service.id}/follow-up`, { channel: 'PHONE', satisfaction: 6, comments: '' });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details?.[0]).toMatchObject({ field: 'satisfaction', rule: 'SVC-8' });
  });

  it('SVC-6 refuses an unregistered organisation, a suspended one and an expert outside the pool (409)', async () => {
    const unregistered = await picc.post<ErrorBody>('/services', scheduleBody(hazchem.id, { provider: { kind: 'THIRD_PARTY', orgId: 'no-such-org' } }));
    expect(unregistered.status).toBe(409);
    expect(unregistered.body.error).toMatchObject({ rule: 'SVC-6' });
    expect(unregistered.body.error.details?.[0]?.field).toBe('provider.orgId');
    const suspended = await picc.post<ErrorBody>('/services', scheduleBody(hazchem.id, { provider: { kind: 'THIRD_PARTY', orgId: providers.suspendedOrgId } }));
    expect(suspended.status).toBe(409);
    expect(suspended.body.error.rule).toBe('SVC-6');
    const outsider = await picc.post<ErrorBody>('/services', scheduleBody(hazchem.id, { expertIds: [providers.expertIds[0], 'not-in-pool'] }));
    expect(outsider.status).toBe(409);
    expect(outsider.body.error.details?.[0]?.field).toBe('expertIds.1');
  });

  it('SVC-5 refuses to complete a service whose schedule was never confirmed (409) and changes nothing', async () => {
    const service = await walkService(picc, undefined, scheduleBody(hazchem.id), 'SCHEDULED');
    const refused = await picc.post<ErrorBody>(`/services/${service.id}/complete`, completeBody());
    expect(refused.status).toBe(409);
    expect(refused.body.error.rule).toBe('SVC-5');
    const followUp = await picc.post<ErrorBody>(`/services/${service.id}/follow-up`, { channel: 'PHONE', satisfaction: 5, comments: '' });
    expect(followUp.status).toBe(409);
    expect(expectOk(await picc.get<Service>(`/services/${service.id}`))).toMatchObject({ status: 'SCHEDULED', version: 1 });
  });

  it('optimistic locking: concurrent confirmations save once; a save from a stale version is 412', async () => {
    const service = await walkService(picc, undefined, scheduleBody(hazchem.id), 'SCHEDULED');
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => picc.post(`/services/${service.id}/confirm-schedule`, { confirmedByName: '李矿长' })),
    );
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(statuses.every((status) => [200, 409, 412].includes(status))).toBe(true);
    // Deterministically: a change computed from version 1 after version 2 was saved.
    const repository = new DynamoServiceRepository(new Store(toDocumentClient(new DynamoDBClient(dynamoDbClientConfig())), test.platform.tables.main, systemClock));
    const other = await walkService(picc, undefined, scheduleBody(hazchem.id), 'SCHEDULED');
    const loaded = await repository.getService(other.tenantId, other.id);
    expect(loaded?.version).toBe(1);
    expectOk(await picc.post(`/services/${other.id}/confirm-schedule`, { confirmedByName: '李矿长' }));
    const stale = confirmSchedule(loaded as never, { confirmedByName: '另一人' }, { recordedBy: 'INSURER', now: new Date(), by: 'u' });
    await expect(repository.saveService(stale.state, 1, stale.events)).rejects.toBeInstanceOf(StaleVersion);
  });

  it('SVC-13 completes with evidence uploaded through its ticket, and refuses an upload never made (409 naming evidence.1.uploadId)', async () => {
    const service = await walkService(picc, undefined, scheduleBody(hazchem.id), 'SCHEDULE_CONFIRMED');
    const photo = new TextEncoder().encode(`photo of ${service.id}`);
    const uploaded = await uploadEvidence(picc, `/services/${service.id}/evidence-uploads`, photo);
    const ticketOnly = expectOk(
      await picc.post<{ uploadId: string }>(`/services/${service.id}/evidence-uploads`, {
        fileName: 'sign-in.pdf',
        contentType: 'application/pdf',
        size: 10,
        sha256: 'b'.repeat(64),
      }),
      201,
    );
    const evidence = (uploadId: string) => ({ uploadId, kind: 'PHOTO', capturedAt: new Date().toISOString(), capturedBy: '张工', location: { latitude: 38.4, longitude: 112.7 } });
    const refused = await picc.post<ErrorBody>(`/services/${service.id}/complete`, completeBody({ evidence: [evidence(uploaded), evidence(ticketOnly.uploadId)] }));
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ rule: 'SVC-13' });
    expect(refused.body.error.details?.[0]?.field).toBe('evidence.1.uploadId');
    const completed = expectOk(await picc.post<Service>(`/services/${service.id}/complete`, completeBody({ evidence: [evidence(uploaded)] })));
    expect(completed.evidence).toEqual([expect.objectContaining({ id: uploaded, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) })]);
    // Another service cannot cite this service's upload.
    const elsewhere = await walkService(picc, undefined, scheduleBody(hazchem.id), 'SCHEDULE_CONFIRMED');
    const borrowed = await picc.post<ErrorBody>(`/services/${elsewhere.id}/complete`, completeBody({ evidence: [evidence(uploaded)] }));
    expect(borrowed.status).toBe(409);
  });

  it('SVC-7 issues written notices, emits services.hazard.major_found for a MAJOR hazard, and tracks it to verification', async () => {
    const service = await walkService(picc, enterprise, scheduleBody(coal.id, { type: 'HAZARD_INSPECTION' }), 'COMPLETED', {
      hazards: [
        { description: '井下局部通风机未实现双电源', grade: 'MAJOR', rectifyBy: '2099-01-31' },
        { description: '消防器材过期', grade: 'GENERAL', rectifyBy: '2099-01-15' },
      ],
      principalName: '赵矿长',
    });
    expect(service.hazardIds).toHaveLength(2);
    const hazards = expectOk(await picc.get<{ items: Hazard[] }>(`/hazards?serviceId=${service.id}`)).items;
    const major = hazards.find((h) => h.grade === 'MAJOR') as Hazard;
    expect(major.notice.addressedTo).toBe('赵矿长');
    expect(hazards.find((h) => h.grade === 'GENERAL')?.notice.addressedTo).toBe(XINDA.name);
    const notice = expectOk(await picc.get<Verification>(`/archives/${major.notice.archiveId}/verify`));
    expect(notice).toMatchObject({ matches: true, sha256: major.notice.sha256 });

    await expect
      .poll(() => test.platform.bus.recent().filter((e) => e.type === 'services.hazard.major_found' && e.data.hazardId === major.id).length, { timeout: 10_000 })
      .toBe(1);
    const event = test.platform.bus.recent().find((e) => e.type === 'services.hazard.major_found' && e.data.hazardId === major.id);
    expect(event?.data).toMatchObject({ uscc: XINDA.uscc, county: XINDA.county, serviceId: service.id, rectifyBy: '2099-01-31', description: '井下局部通风机未实现双电源' });
    await expect
      .poll(() => test.platform.bus.recent().filter((e) => e.type === 'services.hazard.found' && e.data.serviceId === service.id).length, { timeout: 10_000 })
      .toBe(2);

    // The enterprise sees it, plans, uploads closure evidence and reports it closed; the insurer verifies.
    expect(expectOk(await enterprise.get<{ items: Hazard[] }>('/me/hazards')).items.map((h) => h.id)).toContain(major.id);
    const planned = expectOk(await enterprise.post<Hazard>(`/me/hazards/${major.id}/rectification`, { plan: '加装双电源切换装置', dueOn: '2099-01-20', responsiblePerson: '机电矿长' }));
    expect(planned.status).toBe('RECTIFYING');
    const noEvidence = await enterprise.post<ErrorBody>(`/me/hazards/${major.id}/rectification`, { closed: true });
    expect(noEvidence.status).toBe(400);
    expect(noEvidence.body.error.rule).toBe('SVC-7');
    const closure = await uploadEvidence(enterprise, `/me/hazards/${major.id}/evidence-uploads`, new TextEncoder().encode('双电源安装照片'), '整改照片.jpg');
    const closed = expectOk(
      await enterprise.post<Hazard>(`/me/hazards/${major.id}/rectification`, {
        closed: true,
        closureNote: '已完成安装并试运行',
        closureEvidence: [{ uploadId: closure, kind: 'PHOTO', capturedAt: new Date().toISOString(), capturedBy: '机电矿长' }],
      }),
    );
    expect(closed.status).toBe('RECTIFIED');
    const rejected = expectOk(await picc.post<Hazard>(`/hazards/${major.id}/verify`, { accepted: false, comments: '切换试验记录缺失' }));
    expect(rejected.status).toBe('RECTIFYING');
    expectOk(await enterprise.post<Hazard>(`/me/hazards/${major.id}/rectification`, { closed: true, closureEvidence: [{ uploadId: closure, kind: 'REPORT', capturedAt: new Date().toISOString(), capturedBy: '机电矿长' }] }));
    expect(expectOk(await picc.post<Hazard>(`/hazards/${major.id}/verify`, { accepted: true, comments: '复查合格' })).status).toBe('VERIFIED');
    await expect
      .poll(() => test.platform.bus.recent().filter((e) => e.data.hazardId === major.id).map((e) => e.type), { timeout: 10_000 })
      .toEqual(expect.arrayContaining(['services.hazard.rectification_reported', 'services.hazard.rectified', 'services.hazard.reopened', 'services.hazard.verified']));
  });

  it('SVC-10 verifies an archived record with its evidence, and reports a file altered on disk', async () => {
    const service = await walkService(picc, enterprise, scheduleBody(coal.id), 'SCHEDULE_CONFIRMED');
    const uploadId = await uploadEvidence(picc, `/services/${service.id}/evidence-uploads`, new TextEncoder().encode('签到表扫描件'), '签到表.jpg');
    expectOk(
      await picc.post(`/services/${service.id}/complete`, completeBody({ evidence: [{ uploadId, kind: 'SIGN_IN_SHEET', capturedAt: new Date().toISOString(), capturedBy: '张工' }] })),
    );
    expectOk(await picc.post(`/services/${service.id}/follow-up`, { channel: 'PHONE', satisfaction: 5, comments: '满意' }));
    const signedAt = new Date().toISOString();
    expectOk(await picc.post(`/services/${service.id}/confirm`, { party: 'INSURER', signerName: '王经理', signedAt }));
    expectOk(await enterprise.post(`/me/services/${service.id}/confirm`, { signerName: '李矿长', signedAt }));
    const archived = expectOk(await picc.post<Service>(`/services/${service.id}/archive`, {}));
    const archiveId = archived.archive?.archiveId as string;

    const record = expectOk(await picc.get<{ key: string; sha256: string; kind: string; document: { evidence?: unknown } }>(`/archives/${archiveId}`));
    expect(record).toMatchObject({ kind: 'SERVICE_RECORD', sha256: archived.archive?.sha256 });
    expect(JSON.stringify(record.document)).toContain(uploadId);
    const intact = expectOk(await picc.get<Verification>(`/archives/${archiveId}/verify`));
    expect(intact.matches).toBe(true);
    expect(intact.attachments).toEqual([expect.objectContaining({ matches: true, key: expect.stringContaining(`/uploads/${uploadId}/`) })]);
    expect(new Date(intact.retainUntil).getUTCFullYear()).toBeGreaterThanOrEqual(new Date().getUTCFullYear() + 5);

    // Someone with the disk edits the evidence file: the record's own digest still matches, its attachment does not.
    const path = join(process.env.ANZE_ARCHIVE_DIR as string, intact.attachments[0]?.key as string);
    chmodSync(path, 0o644);
    writeFileSync(path, `${readFileSync(path, 'utf8')} (altered)`);
    const tampered = expectOk(await picc.get<Verification>(`/archives/${archiveId}/verify`));
    expect(tampered.matches).toBe(false);
    expect(tampered.attachments[0]).toMatchObject({ matches: false });
    expect(tampered.attachments[0]?.actualSha256).not.toBe(tampered.attachments[0]?.sha256);

    // The record itself edited on disk: its own digest no longer matches the one kept in the table.
    const recordPath = join(process.env.ANZE_ARCHIVE_DIR as string, record.key);
    chmodSync(recordPath, 0o644);
    writeFileSync(recordPath, readFileSync(recordPath, 'utf8').replace('"status":"CONFIRMED"', '"status":"CANCELLED"'));
    const edited = expectOk(await picc.get<Verification & { sha256: string; actualSha256?: string }>(`/archives/${archiveId}/verify`));
    expect(edited.matches).toBe(false);
    expect(edited.sha256).toBe(archived.archive?.sha256);
    expect(edited.actualSha256).not.toBe(edited.sha256);

    // Deleted on disk (the store itself refuses to delete before retain-until): reported missing, never "matches".
    rmSync(path, { force: true });
    const deleted = expectOk(await picc.get<Verification>(`/archives/${archiveId}/verify`));
    expect(deleted.matches).toBe(false);
    expect(deleted.attachments[0]).toMatchObject({ matches: false });
    expect(deleted.attachments[0]).not.toHaveProperty('actualSha256');
  });

  it('issue 12 #9: SVC-10 GET /archives/{id} checks the digest on every read and withholds a record edited on disk (matches:false, no document)', async () => {
    const archived = await walkService(picc, undefined, scheduleBody(hazchem.id), 'ARCHIVED');
    const archiveId = archived.archive?.archiveId as string;
    type Read = { key: string; sha256: string; matches: boolean; actualSha256?: string; checkedAt: string; document?: { status?: string } };
    const intact = expectOk(await picc.get<Read>(`/archives/${archiveId}`));
    expect(intact).toMatchObject({ matches: true, sha256: archived.archive?.sha256, actualSha256: archived.archive?.sha256 });
    expect(intact.document).toBeDefined();

    const recordPath = join(process.env.ANZE_ARCHIVE_DIR as string, intact.key);
    chmodSync(recordPath, 0o644);
    writeFileSync(recordPath, readFileSync(recordPath, 'utf8').replace('"status":"CONFIRMED"', '"status":"CANCELLED"'));
    const edited = expectOk(await picc.get<Read>(`/archives/${archiveId}`));
    expect(edited.matches).toBe(false);
    expect(edited.sha256).toBe(archived.archive?.sha256);
    expect(edited.actualSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(edited.actualSha256).not.toBe(edited.sha256);
    expect(edited).not.toHaveProperty('document');
    expect(JSON.stringify(edited)).not.toContain('CANCELLED');

    rmSync(recordPath, { force: true });
    const missing = expectOk(await picc.get<Read>(`/archives/${archiveId}`));
    expect(missing.matches).toBe(false);
    expect(missing).not.toHaveProperty('actualSha256');
    expect(missing).not.toHaveProperty('document');
  });

  it('issue 12 #9: SVC-13 refuses upload tickets for HTML, SVG, JavaScript and executables, and a name whose extension is not its type (400 naming the field)', async () => {
    const service = await walkService(picc, undefined, scheduleBody(hazchem.id), 'SCHEDULE_CONFIRMED');
    const ask = (fileName: string, contentType: string) =>
      picc.post<ErrorBody>(`/services/${service.id}/evidence-uploads`, { fileName, contentType, size: 10, sha256: 'd'.repeat(64) });
    for (const [fileName, contentType] of [
      ['page.html', 'text/html'],
      ['logo.svg', 'image/svg+xml'],
      ['run.js', 'application/javascript'],
      ['setup.exe', 'application/x-msdownload'],
      ['setup.exe', 'application/octet-stream'],
    ] as const) {
      const refused = await ask(fileName, contentType);
      expect(refused.status, `${fileName} ${contentType}`).toBe(400);
      expect(refused.body.error).toMatchObject({ rule: 'SVC-13', details: [expect.objectContaining({ field: 'contentType', rule: 'SVC-13' })] });
    }
    const disguised = await ask('report.html', 'application/pdf');
    expect(disguised.status).toBe(400);
    expect(disguised.body.error.details?.[0]).toMatchObject({ field: 'fileName', rule: 'SVC-13' });
    expect(expectOk(await ask('巡检.mp4', 'video/mp4'), 201)).toHaveProperty('uploadId');
  });

  it('SVC-10 no route changes an archived service: every write answers 409', async () => {
    const archived = await walkService(picc, undefined, scheduleBody(hazchem.id), 'ARCHIVED');
    const writes: [string, unknown][] = [
      ['confirm-schedule', { confirmedByName: '李矿长' }],
      ['evidence-uploads', { fileName: 'a.jpg', contentType: 'image/jpeg', size: 3, sha256: 'c'.repeat(64) }],
      ['complete', completeBody()],
      ['follow-up', { channel: 'PHONE', satisfaction: 5, comments: '' }],
      ['confirm', { party: 'INSURER', signerName: '王经理', signedAt: new Date().toISOString() }],
      ['archive', {}],
      ['cancel', { reason: '取消' }],
    ];
    for (const [step, body] of writes) {
      const answer = await picc.post<ErrorBody>(`/services/${archived.id}/${step}`, body);
      expect(answer.status, `${step}: ${JSON.stringify(answer.body)}`).toBe(409);
    }
    expect(expectOk(await picc.get<Service>(`/services/${archived.id}`)).version).toBe(archived.version);
  });

  it('ACL-5 shows the enterprise its own services only, lets it confirm, and ACL-1 hides them from another insurer', async () => {
    const mine = await walkService(picc, undefined, scheduleBody(coal.id), 'SCHEDULED');
    const notMine = await walkService(picc, undefined, scheduleBody(hazchem.id), 'SCHEDULED');
    const listed = expectOk(await enterprise.get<{ items: Service[] }>('/me/services?limit=100')).items.map((s) => s.id);
    expect(listed).toContain(mine.id);
    expect(listed).not.toContain(notMine.id);
    expect((await enterprise.get(`/me/services/${notMine.id}`)).status).toBe(404);
    expect((await enterprise.post(`/me/services/${notMine.id}/confirm-schedule`, { confirmedByName: '外人' })).status).toBe(404);
    const confirmed = expectOk(await enterprise.post<Service>(`/me/services/${mine.id}/confirm-schedule`, { confirmedByName: '李矿长' }));
    expect(confirmed).toMatchObject({ status: 'SCHEDULE_CONFIRMED', scheduleConfirmation: { recordedBy: 'ENTERPRISE' } });

    expect((await pingan.get(`/services/${mine.id}`)).status).toBe(404);
    expect((await pingan.post(`/services/${mine.id}/cancel`, { reason: '越权' })).status).toBe(404);
    expect((await pingan.get(`/policies/${coal.id}/obligations`)).status).toBe(404);
    expect((await pingan.post('/services', scheduleBody(coal.id))).status).toBe(404);
    expect(expectOk(await pingan.get<{ items: Service[] }>('/services')).items.map((s) => s.tenantId)).not.toContain(mine.tenantId);
  });
});
