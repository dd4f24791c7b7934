import { shanghaiMinuteOf } from '../../domain/kernel/calendar/local-date.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../support/api-client.js';
import { completeBody, expectOk } from '../support/services-fixtures.js';
import { startTestPlatform, type TestPlatform } from '../support/test-platform.js';
import { HUTUO, XINDA, fileQualification, policyBody, registerEnterprises } from '../support/underwriting-fixtures.js';

/**
 * Issue 19, MON-1/MON-2: a mine's data source posts readings with its API key through the real local gateway;
 * thresholds open one alarm that a stream extends; the duty board works it; one click makes the hazard inspection;
 * the enterprise is warned; SVC-12 reads the alarms.
 */
const DEMO = 'Anze-demo-2026';

interface Source {
  id: string;
  status: string;
  keyPrefix: string;
  uscc: string;
  thresholds: Record<string, unknown>;
  thresholdChanges: { by: string; kind: string; from: unknown; to: unknown }[];
}
interface Ingest {
  accepted: number;
  duplicates: number;
  late: number;
  rejected: { index: number; field: string; rule: string; message: string }[];
}
interface Alarm {
  id: string;
  sourceId: string;
  sensorId: string;
  kind: string;
  severity: string;
  status: string;
  openedAt: string;
  lastAt: string;
  peak?: number;
  readings: number;
  slaDueAt: string;
  serviceId?: string;
  uscc: string;
  history: { action: string; by: string; reason?: string }[];
}

let test: TestPlatform;
let picc: ApiClient;
let pingan: ApiClient;
let enterprise: ApiClient;
let xindaSource: Source;
let xindaKey: string;
let xindaPolicyId: string;

/** Instants counted back from the file's start, so that readings sent in later requests keep their spacing. */
const START = Date.now();
const at = (secondsAgo: number) => new Date(START - secondsAgo * 1000).toISOString();
const ch4 = (sensorId: string, value: number, secondsAgo: number) => ({ sensorId, kind: 'GAS_CH4', value, unit: '%', at: at(secondsAgo) });
const post = (path: string, body: unknown, key: string) => test.anonymous.post<Ingest>(path, body, { 'x-api-key': key });
const alarmsOf = async (client: ApiClient, query = '') => expectOk(await client.get<{ items: Alarm[]; total?: number }>(`/monitoring/alarms${query}`)).items;

beforeAll(async () => {
  test = await startTestPlatform({ demo: true });
  picc = await test.signIn('picc-admin', DEMO);
  pingan = await test.signIn('pingan-admin', DEMO);
  enterprise = await test.signIn('ent-demo', DEMO);
  await registerEnterprises(await test.signIn('emb-city', DEMO), [XINDA, HUTUO]);
  expectOk(await fileQualification(picc));
  xindaPolicyId = expectOk(await picc.post<{ id: string }>('/policies', policyBody()), 201).id;
  const created = expectOk(await picc.post<{ source: Source; apiKey: string }>('/monitoring/sources', { policyId: xindaPolicyId, name: '忻达煤业安全监控系统' }), 201);
  xindaSource = created.source;
  xindaKey = created.apiKey;
}, 120_000);
afterAll(async () => test?.stop());

describe('MON-2 data sources and their API keys', () => {
  it('MON-2: a source is scoped to the policy’s mine; its key is shown once and never listed', async () => {
    expect(xindaSource.uscc).toBe(XINDA.uscc);
    expect(xindaKey.startsWith(`${xindaSource.keyPrefix}_`)).toBe(true);
    const listed = expectOk(await picc.get<{ items: Source[] }>('/monitoring/sources'));
    expect(listed.items.map((source) => source.id)).toContain(xindaSource.id);
    expect(JSON.stringify(listed)).not.toContain(xindaKey);
    // Another insurer cannot register a source on this policy (ACL-1): a missing policy to it.
    expect((await pingan.post('/monitoring/sources', { policyId: xindaPolicyId, name: 'x' })).status).toBe(404);
  });

  it('MON-2: a key reads nothing and calls no user route; a user token is no key (401)', async () => {
    const withKey = { 'x-api-key': xindaKey };
    for (const path of ['/monitoring/alarms', '/monitoring/sources', '/my/alarms', `/policies/${xindaPolicyId}`]) {
      expect((await test.anonymous.get(path, withKey)).status, path).toBe(401);
    }
    // The key as a bearer token is refused too.
    expect((await test.anonymous.withToken(xindaKey).get('/monitoring/alarms')).status).toBe(401);
    // A user's token on the ingest route, with or without a key header of its own.
    expect((await picc.post('/monitoring/readings', { readings: [ch4('ch4-a', 0.1, 5)] })).status).toBe(401);
    expect((await picc.post('/monitoring/readings', { readings: [ch4('ch4-a', 0.1, 5)] }, { 'x-api-key': picc.token as string })).status).toBe(401);
  });

  it('MON-2: a key posts only for its own mine — its readings open alarms on that mine alone', async () => {
    expectOk(await fileQualification(pingan));
    const pinganPolicyId = expectOk(await pingan.post<{ id: string }>('/policies', policyBody({ enterpriseUscc: HUTUO.uscc, employeesCovered: HUTUO.staff })), 201).id;
    const pinganSource = expectOk(await pingan.post<{ source: Source; apiKey: string }>('/monitoring/sources', { policyId: pinganPolicyId, name: '另一矿井' }), 201);
    // Whatever the body says, the key decides the mine: a body naming another mine's USCC is no field of a reading.
    const answer = expectOk(await post('/monitoring/readings', { readings: [{ ...ch4('ch4-other', 1.5, 3), uscc: XINDA.uscc }] }, pinganSource.apiKey));
    expect(answer.accepted).toBe(1);
    const theirs = await alarmsOf(pingan);
    expect(theirs.map((alarm) => alarm.uscc)).toEqual([pinganSource.source.uscc]);
    expect((await alarmsOf(picc)).filter((alarm) => alarm.sensorId === 'ch4-other')).toEqual([]);
    expect(expectOk(await enterprise.get<{ items: Alarm[] }>('/my/alarms')).items.filter((alarm) => alarm.sensorId === 'ch4-other')).toEqual([]);
  });
});

describe('MON-2 ingest', () => {
  it('MON-2: the same batch twice stores once (idempotent per sensor and instant)', async () => {
    const batch = { readings: [ch4('ch4-idem', 0.3, 30), ch4('ch4-idem', 0.31, 20), ch4('ch4-idem', 0.32, 10)] };
    expect(expectOk(await post('/monitoring/readings', batch, xindaKey))).toEqual({ accepted: 3, duplicates: 0, late: 0, rejected: [] });
    expect(expectOk(await post('/monitoring/readings', batch, xindaKey))).toEqual({ accepted: 0, duplicates: 3, late: 0, rejected: [] });
    const stored = expectOk(
      await picc.get<{ items: { at: string; value: number }[] }>(`/monitoring/sources/${xindaSource.id}/readings?sensorId=ch4-idem&from=${encodeURIComponent(at(120))}`),
    );
    expect(stored.items.map((reading) => reading.value)).toEqual([0.3, 0.31, 0.32]);
  });

  it('MON-2: readings sent out of order are kept in time order; one older than the window is accepted and marked late', async () => {
    const batch = { readings: [ch4('ch4-order', 0.2, 5), ch4('ch4-order', 0.4, 25 * 60), ch4('ch4-order', 0.1, 40)] };
    expect(expectOk(await post('/monitoring/readings', batch, xindaKey))).toMatchObject({ accepted: 3, late: 1 });
    const stored = expectOk(
      await picc.get<{ items: { at: string; value: number; late: boolean }[] }>(
        `/monitoring/sources/${xindaSource.id}/readings?sensorId=ch4-order&from=${encodeURIComponent(at(30 * 60))}&to=${encodeURIComponent(at(0))}`,
      ),
    );
    expect(stored.items.map((reading) => [reading.value, reading.late])).toEqual([
      [0.4, true],
      [0.1, false],
      [0.2, false],
    ]);
  });

  it('MON-1, MON-2: bad records are refused one by one with field and rule; the good ones are kept', async () => {
    const answer = expectOk(
      await post(
        '/monitoring/readings',
        {
          readings: [
            ch4('ch4-mixed', 0.2, 5),
            { ...ch4('ch4-mixed', 0.2, 4), unit: 'ppm' },
            { ...ch4('ch4-mixed', 0.2, 3), kind: 'RADON' },
            { ...ch4('ch4-mixed', 0.2, 2), at: '2026-01-01T00:00:00' },
            { ...ch4('ch4#bad', 0.2, 2) },
            { ...ch4('ch4-mixed', 0.2, 1), value: 'high' },
            ch4('ch4-mixed', 0.25, 1),
          ],
        },
        xindaKey,
      ),
    );
    expect(answer.accepted).toBe(2);
    expect(answer.rejected.map((r) => [r.index, r.field, r.rule])).toEqual([
      [1, 'unit', 'MON-1'],
      [2, 'kind', 'MON-1'],
      [3, 'at', 'CAL-1'],
      [4, 'sensorId', 'MON-2'],
      [5, 'value', 'MON-2'],
    ]);
    expect((await post('/monitoring/readings', { readings: Array.from({ length: 501 }, (_, i) => ch4('ch4-many', 0.1, i)) }, xindaKey)).status).toBe(400);
  });
});

describe('MON-2 thresholds and the duty board', () => {
  let alarm: Alarm;

  it('MON-2: a crossing opens ONE alarm and a stream of high readings extends it', async () => {
    expectOk(await post('/monitoring/readings', { readings: [ch4('ch4-face', 0.85, 60)] }, xindaKey));
    let open = (await alarmsOf(picc, '?status=OPEN')).filter((a) => a.sensorId === 'ch4-face');
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ severity: 'WARNING', peak: 0.85, readings: 1, kind: 'GAS_CH4', sourceId: xindaSource.id });
    for (const [value, secondsAgo] of [[1.1, 50], [1.4, 40], [0.9, 30]] as const) {
      expectOk(await post('/monitoring/readings', { readings: [ch4('ch4-face', value, secondsAgo)] }, xindaKey));
    }
    open = (await alarmsOf(picc)).filter((a) => a.sensorId === 'ch4-face');
    expect(open).toHaveLength(1);
    alarm = open[0] as Alarm;
    expect(alarm).toMatchObject({ severity: 'MAJOR', peak: 1.4, readings: 4, status: 'OPEN' });
    expect(Date.parse(alarm.lastAt) - Date.parse(alarm.openedAt)).toBe(30_000);
    // MAJOR's SLA (15 minutes, rule set) from opening.
    expect(Date.parse(alarm.slaDueAt) - Date.parse(alarm.openedAt)).toBe(15 * 60_000);
  });

  it('MON-2: the enterprise is warned at once and sees its alarm', async () => {
    const mine = expectOk(await enterprise.get<{ items: Alarm[] }>('/my/alarms')).items;
    expect(mine.map((a) => a.id)).toContain(alarm.id);
    // ACL-1: the insurer's tenant id, record version and staff ids are not the enterprise's to see.
    for (const shown of mine) {
      expect(Object.keys(shown)).not.toContain('tenantId');
      expect(Object.keys(shown)).not.toContain('version');
      for (const step of shown.history) expect(Object.keys(step)).not.toContain('by');
    }
    let told: { kind: string; title: string }[] = [];
    for (let waited = 0; waited < 10_000; waited += 250) {
      told = expectOk(await enterprise.get<{ items: { kind: string; title: string }[] }>('/me/notifications?limit=100')).items.filter((n) => n.kind === 'MONITORING');
      if (told.length > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(told.length).toBeGreaterThan(0);
    expect(told[0]?.title).toContain('甲烷浓度');
  });

  it('MON-2: acknowledge, escalate, close with a reason (none: 400); the next high reading opens a new alarm', async () => {
    expect(expectOk(await picc.post<Alarm>(`/monitoring/alarms/${alarm.id}/acknowledge`, {})).status).toBe('ACKNOWLEDGED');
    expect(expectOk(await picc.post<Alarm>(`/monitoring/alarms/${alarm.id}/escalate`, { reason: '通知矿方调度' })).status).toBe('ESCALATED');
    const noReason = await picc.post<{ error: { rule?: string; details?: { field: string }[] } }>(`/monitoring/alarms/${alarm.id}/close`, {});
    expect(noReason.status).toBe(400);
    expect(JSON.stringify(noReason.body)).toContain('reason');
    const closed = expectOk(await picc.post<Alarm>(`/monitoring/alarms/${alarm.id}/close`, { reason: '通风恢复，浓度回落' }));
    expect(closed.status).toBe('CLOSED');
    expect(closed.history.map((h) => h.action)).toEqual(['OPENED', 'ACKNOWLEDGED', 'ESCALATED', 'CLOSED']);
    expect((await picc.post(`/monitoring/alarms/${alarm.id}/acknowledge`, {})).status).toBe(409);
    expectOk(await post('/monitoring/readings', { readings: [ch4('ch4-face', 1.2, 1)] }, xindaKey));
    const again = (await alarmsOf(picc)).filter((a) => a.sensorId === 'ch4-face');
    expect(again).toHaveLength(2);
    expect(again.filter((a) => a.status === 'OPEN')).toHaveLength(1);
  });

  it('MON-2, SVC-5: one click turns an alarm into a hazard inspection on its policy, linked both ways', async () => {
    const open = (await alarmsOf(picc, '?status=OPEN')).find((a) => a.sensorId === 'ch4-face') as Alarm;
    const made = await picc.post<{ serviceId: string }>(`/monitoring/alarms/${open.id}/inspection`, {});
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const service = expectOk(
      await picc.get<{ id: string; type: string; policyId: string; plannedItems: string[]; plannedMeasures: string }>(`/services/${made.body.serviceId}`),
    );
    expect(service).toMatchObject({ type: 'HAZARD_INSPECTION', policyId: xindaPolicyId });
    expect(service.plannedItems.join()).toContain(open.id);
    // CAL-1: the text names the alarm's start on Xinzhou's clock, not as a UTC instant.
    expect(service.plannedMeasures).toContain(`核查${shanghaiMinuteOf(open.openedAt)}起的`);
    expect(expectOk(await picc.get<Alarm>(`/monitoring/alarms/${open.id}`)).serviceId).toBe(made.body.serviceId);
    // A second click answers the same service.
    expect(expectOk(await picc.post<{ serviceId: string }>(`/monitoring/alarms/${open.id}/inspection`, {})).serviceId).toBe(made.body.serviceId);
  });

  it('MON-2, SVC-9, SVC-10: the archive of the inspection made from an alarm carries the alarm — kind, readings window summary and its duty-board trail', async () => {
    const open = (await alarmsOf(picc, '?status=OPEN')).find((a) => a.sensorId === 'ch4-face') as Alarm;
    const serviceId = open.serviceId as string;
    const service = expectOk(await picc.get<{ plannedItems: string[] }>(`/services/${serviceId}`));
    expectOk(await enterprise.post(`/me/services/${serviceId}/confirm-schedule`, { confirmedByName: '李矿长' }));
    expectOk(await picc.post(`/services/${serviceId}/complete`, completeBody({ items: service.plannedItems, measures: '核查甲烷传感器与通风' })));
    expectOk(await picc.post(`/services/${serviceId}/follow-up`, { channel: 'PHONE', satisfaction: 5, comments: '满意' }));
    const signedAt = new Date().toISOString();
    expectOk(await picc.post(`/services/${serviceId}/confirm`, { party: 'INSURER', signerName: '王经理', signedAt }));
    expectOk(await enterprise.post(`/me/services/${serviceId}/confirm`, { signerName: '李矿长', signerTitle: '矿长', signedAt }));
    const archived = expectOk(await picc.post<{ archive: { archiveId: string } }>(`/services/${serviceId}/archive`, {}));
    const record = expectOk(
      await picc.get<{ matches: boolean; document: { alarms?: Record<string, unknown>[] } }>(`/archives/${archived.archive.archiveId}`),
    );
    expect(record.matches).toBe(true);
    expect(record.document.alarms).toHaveLength(1);
    expect(record.document.alarms?.[0]).toMatchObject({
      alarmId: open.id,
      sensorId: 'ch4-face',
      kind: 'GAS_CH4',
      kindName: '甲烷浓度',
      severity: 'MAJOR',
      peak: 1.2,
      // The one high reading that opened it (1 s before the file's start), read back from the stored minute.
      readingsWindow: { count: 1, min: 1.2, max: 1.2, late: 0, truncated: false },
    });
    expect((record.document.alarms?.[0]?.trail as { action: string; serviceId?: string }[]).map((step) => step.action)).toEqual(['OPENED', 'INSPECTION']);
  });

  it('MON-2: the insurer’s thresholds for a mine override the rule set’s, audited (who, when, old → new)', async () => {
    const set = expectOk(
      await picc.request<Source>('PUT', `/monitoring/sources/${xindaSource.id}/thresholds`, { thresholds: { CO: { direction: 'ABOVE', warning: 10, major: 16 } } }),
    );
    expect(set.thresholds.CO).toEqual({ direction: 'ABOVE', warning: 10, major: 16 });
    expect(set.thresholdChanges.at(-1)).toMatchObject({ kind: 'CO', from: null, to: { direction: 'ABOVE', warning: 10, major: 16 } });
    expectOk(await post('/monitoring/readings', { readings: [{ sensorId: 'co-1', kind: 'CO', value: 12, unit: 'ppm', at: at(2) }] }, xindaKey));
    expect((await alarmsOf(picc)).find((a) => a.sensorId === 'co-1')).toMatchObject({ severity: 'WARNING' });
    const bad = await picc.request('PUT', `/monitoring/sources/${xindaSource.id}/thresholds`, { thresholds: { CO: { direction: 'ABOVE', warning: 30, major: 16 } } });
    expect(bad.status).toBe(400);
  });

  it('SVC-12: a connected mine’s risk reads its alarm count from the feed', async () => {
    const risk = expectOk(await picc.get<{ inputs: { monitoringAlarms: number | null } }>(`/policies/${xindaPolicyId}/risk`));
    // 3 alarms so far on XINDA (ch4-face twice, co-1); a mine without a source would answer null (no data).
    expect(risk.inputs.monitoringAlarms).toBe(3);
  });

  it('MON-1, MON-2: a device’s own alarm (video AI) opens a WARNING alarm once; the same alarm again is a duplicate', async () => {
    const alarms = { alarms: [{ sensorId: 'cam-7', kind: 'VIDEO_ALARM', at: at(3), message: '井口人员未戴安全帽' }, { sensorId: 'cam-7', kind: 'VIDEO_ALARM', at: 'yesterday', message: 'x' }] };
    const first = expectOk(await post('/monitoring/alarms', alarms, xindaKey));
    expect(first).toMatchObject({ accepted: 1, duplicates: 0 });
    expect(first.rejected.map((r) => [r.index, r.field, r.rule])).toEqual([[1, 'at', 'CAL-1']]);
    expect(expectOk(await post('/monitoring/alarms', alarms, xindaKey))).toMatchObject({ accepted: 0, duplicates: 1 });
    const video = (await alarmsOf(picc)).filter((a) => a.sensorId === 'cam-7');
    expect(video).toHaveLength(1);
    expect(video[0]).toMatchObject({ kind: 'VIDEO_ALARM', severity: 'WARNING', readings: 1, status: 'OPEN' });
  });

  it('MON-1 人员定位: positions are checked one by one, stored idempotently per tag and instant, and read back in their zone', async () => {
    const batch = {
      positions: [
        { tagId: 'tag-001', zone: 'face-1201', x: 120.5, y: -34, z: -420, unit: 'm', at: at(20) },
        { tagId: 'tag-002', zone: 'face-1201', at: at(20) },
        { tagId: 'tag-003', zone: 'face-1201', x: 1, y: 2, unit: 'ft', at: at(20) },
        { tagId: 'tag 004', zone: 'face-1201', at: at(20) },
        { tagId: 'tag-005', zone: 'face-1201', x: 1, at: at(20) },
        { tagId: 'tag-006', at: at(20) },
      ],
    };
    const first = expectOk(await post('/monitoring/positions', batch, xindaKey));
    expect(first).toMatchObject({ accepted: 2, duplicates: 0, late: 0 });
    expect(first.rejected.map((r) => [r.index, r.field, r.rule])).toEqual([
      [2, 'unit', 'MON-1'],
      [3, 'tagId', 'MON-2'],
      [4, 'y', 'MON-2'],
      [5, 'zone', 'MON-2'],
    ]);
    expect(expectOk(await post('/monitoring/positions', batch, xindaKey))).toMatchObject({ accepted: 0, duplicates: 2 });
    // No limit set for the zone: positions alone open no alarm.
    expect((await alarmsOf(picc)).filter((a) => a.sensorId.startsWith('ZONE.'))).toEqual([]);
  });

  it('MON-1 人员定位, MON-2: persons in a zone at its limit (a forbidden zone: 1) open ONE alarm naming who was there; more positions extend it', async () => {
    const thresholds = { 'ZONE.goaf-3': { direction: 'ABOVE', major: 1 }, 'ZONE.face-1201': { direction: 'ABOVE', warning: 3, major: 5 } };
    expectOk(await picc.request<Source>('PUT', `/monitoring/sources/${xindaSource.id}/thresholds`, { thresholds }));
    const below = await picc.request('PUT', `/monitoring/sources/${xindaSource.id}/thresholds`, { thresholds: { 'ZONE.goaf-3': { direction: 'BELOW', major: 1 } } });
    expect(below.status).toBe(400);
    expectOk(await post('/monitoring/positions', { positions: [{ tagId: 'tag-101', zone: 'goaf-3', at: at(8) }, { tagId: 'tag-102', zone: 'face-1201', at: at(8) }] }, xindaKey));
    expectOk(await post('/monitoring/positions', { positions: [{ tagId: 'tag-101', zone: 'goaf-3', at: at(6) }, { tagId: 'tag-103', zone: 'goaf-3', at: at(6) }] }, xindaKey));
    const zoned = (await alarmsOf(picc)).filter((a) => a.sensorId.startsWith('ZONE.'));
    expect(zoned.map((a) => a.sensorId)).toEqual(['ZONE.goaf-3']);
    expect(zoned[0]).toMatchObject({ kind: 'PERSONNEL_COUNT', unit: '人', severity: 'MAJOR', peak: 2, readings: 2, status: 'OPEN' });
    const one = expectOk(await picc.get<Alarm & { message: string }>(`/monitoring/alarms/${zoned[0]?.id}`));
    // The message names who was there when it opened (the peak of 2 came with the next post).
    expect(one.message).toBe('区域 goaf-3 内 1 人（重大限值 1 人）：tag-101');
  });

  it('MON-2: a rotated key and a revoked source are refused with 401', async () => {
    const rotated = expectOk(await picc.post<{ source: Source; apiKey: string }>(`/monitoring/sources/${xindaSource.id}/rotate`, {}));
    expect((await post('/monitoring/readings', { readings: [ch4('ch4-rot', 0.1, 1)] }, xindaKey)).status).toBe(401);
    expect(expectOk(await post('/monitoring/readings', { readings: [ch4('ch4-rot', 0.1, 1)] }, rotated.apiKey)).accepted).toBe(1);
    expect(expectOk(await picc.post<Source>(`/monitoring/sources/${xindaSource.id}/revoke`, {})).status).toBe('REVOKED');
    expect((await post('/monitoring/readings', { readings: [ch4('ch4-rot', 0.1, 2)] }, rotated.apiKey)).status).toBe(401);
    expect((await post('/monitoring/alarms', { alarms: [{ sensorId: 'cam-1', kind: 'VIDEO_ALARM', at: at(1), message: '未戴安全帽' }] }, rotated.apiKey)).status).toBe(401);
  });
});
