import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamoDbClientConfig, toDocumentClient } from '../../functions/adapters/dynamodb/client.js';
import { DynamoComplaintRepository } from '../../functions/adapters/dynamodb/complaint.repository.js';
import { DynamoPlatformRepository } from '../../functions/adapters/dynamodb/platform.repository.js';
import { Store } from '../../functions/adapters/dynamodb/store.js';
import { systemClock } from '../../functions/adapters/clock.js';
import { sweepOverdueComplaints } from '../../functions/schedules/complaint-overdue-sweep.js';
import type { ApiClient } from '../support/api-client.js';
import { unique } from '../support/fixtures.js';
import { insureXinda } from '../support/insure-enterprise.js';
import { usccCheckCharacter } from '../../domain/kernel/uscc.js';
import { startTestPlatform, type TestPlatform } from '../support/test-platform.js';

const DEMO = 'Anze-demo-2026';
/** The demo enterprise (ent-demo): a coal mine of 忻府区 (140902). */
const DEMO_USCC = '91140902100079190P';
/** Another enterprise, of 原平市 (140981). */
const OTHER_USCC = `91140981100000001${usccCheckCharacter('91140981100000001')}`;

interface Complaint {
  id: string;
  tenantId: string;
  status: string;
  channel: string;
  version: number;
  county?: string;
  deadlines: {
    workingDay?: { dueOn: string; basis: string };
    nfra?: { dueOn: string };
    binding: { dueOn: string; clock: string; provisional: boolean };
  };
  reply?: { measures: string };
}
interface ErrorBody {
  error: { code: string; rule?: string; details?: { field?: string; rule?: string }[] };
}

let test: TestPlatform;
let staff: ApiClient;
let otherInsurer: ApiClient;
let enterprise: ApiClient;
let countyEmb: ApiClient;
let cityEmb: ApiClient;
let yuanpingEmb: ApiClient;
let piccId: string;

const phoneComplaint = (overrides: Record<string, unknown> = {}) => ({
  enterpriseUscc: DEMO_USCC,
  receivedAt: '2024-09-27T09:30:00+08:00',
  channel: 'PHONE',
  request: '第三方服务机构未按约定开展隐患排查',
  ...overrides,
});

const fullReply = {
  request: '投诉人要求按约定补做隐患排查',
  facts: '经核实，9月排查因人员调整未按计划开展',
  basis: '服务方案第3条及回访记录',
  measures: '10月8日前补做排查并更换服务人员',
};

beforeAll(async () => {
  test = await startTestPlatform({ demo: true });
  staff = await test.signIn('picc-staff', DEMO);
  otherInsurer = await test.signIn('pingan-admin', DEMO);
  enterprise = await test.signIn('ent-demo', DEMO);
  countyEmb = await test.signIn('emb-xinfu', DEMO);
  cityEmb = await test.signIn('emb-city', DEMO);
  const operator = await test.operator();
  const username = unique('emb-yp-');
  await operator.post('/platform/regulators', {
    agency: 'EMB_COUNTY',
    county: '140981',
    name: '原平市应急管理局',
    admin: { username, password: 'Regulator-2026', displayName: '原平市管理员' },
  });
  yuanpingEmb = await test.signIn(username, 'Regulator-2026');
  const insurers = await enterprise.get<{ items: { id: string; branchName: string }[] }>('/me/insurers');
  piccId = insurers.body.items.find((i) => i.branchName.startsWith('人保'))?.id as string;
  // CMP-1 (issue 21): the enterprise complains in its console about an insurer it holds a policy with.
  await insureXinda(await test.signIn('picc-admin', DEMO), cityEmb);
});

afterAll(async () => test?.stop());

describe('complaints through the local gateway', () => {
  it('CMP-2 CMP-8 gives a complaint received 2024-09-27 both clocks: 2024-10-16 and the binding NFRA 2024-10-12', async () => {
    const created = await staff.post<Complaint>('/complaints', phoneComplaint());
    expect(created.status).toBe(201);
    expect(created.body.deadlines).toMatchObject({
      workingDay: { dueOn: '2024-10-16', basis: 'CMP-2' },
      nfra: { dueOn: '2024-10-12' },
      binding: { dueOn: '2024-10-12', clock: 'NFRA', provisional: false },
    });
    expect(created.body.county).toBe('140902');
  });

  it('CMP-3 refuses verification once overdue, and otherwise moves the working-day clock to 30 working days', async () => {
    const created = await staff.post<Complaint>('/complaints', phoneComplaint({ receivedAt: '2024-09-27T10:00:00+08:00' }));
    // On 2024-09-27 itself nothing is overdue yet; the route answers from today's date, so pick a fresh one.
    const verified = await staff.post<Complaint>(`/complaints/${created.body.id}/needs-verification`, {});
    // The 2024 complaint is long overdue today: verification after the due date is refused (CMP-3) …
    expect(verified.status).toBe(409);
    expect((verified.body as unknown as ErrorBody).error.rule).toBe('CMP-3');
    // … so the clock itself is shown on a complaint received today.
    const today = await staff.post<Complaint>('/complaints', phoneComplaint({ receivedAt: new Date().toISOString() }));
    const ok = await staff.post<Complaint>(`/complaints/${today.body.id}/needs-verification`, {});
    expect(ok.status).toBe(200);
    expect(ok.body.deadlines.workingDay?.basis).toBe('CMP-3');
    expect((ok.body.deadlines.workingDay?.dueOn ?? '') > (today.body.deadlines.workingDay?.dueOn ?? '9')).toBe(true);
  });

  it('CMP-4 refuses an extension of 31 days, one without a reason, and a second one', async () => {
    const created = await staff.post<Complaint>('/complaints', phoneComplaint({ receivedAt: new Date().toISOString() }));
    const path = `/complaints/${created.body.id}/extend`;
    const tooLong = await staff.post<ErrorBody>(path, { approvedBy: '张经理', reason: '需调取监控', days: 31 });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.rule).toBe('CMP-4');
    expect(tooLong.body.error.details?.[0]?.field).toBe('days');
    const noReason = await staff.post<ErrorBody>(path, { approvedBy: '张经理', reason: '  ', days: 10 });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.rule).toBe('CMP-4');
    const first = await staff.post<Complaint>(path, { approvedBy: '张经理', reason: '需调取第三方机构记录', days: 30 });
    expect(first.status).toBe(200);
    const second = await staff.post<ErrorBody>(path, { approvedBy: '张经理', reason: '再次延长', days: 5 });
    expect(second.status).toBe(409);
    expect(second.body.error.rule).toBe('CMP-4');
    const now = await staff.get<Complaint>(`/complaints/${created.body.id}`);
    expect(now.body.version).toBe(2);
  });

  it('CMP-5 refuses a reply without measures, naming the field, and changes nothing', async () => {
    const created = await staff.post<Complaint>('/complaints', phoneComplaint({ receivedAt: new Date().toISOString() }));
    const { measures: _left, ...withoutMeasures } = fullReply;
    const refused = await staff.post<ErrorBody>(`/complaints/${created.body.id}/reply`, withoutMeasures);
    expect(refused.status).toBe(400);
    expect(refused.body.error.details).toEqual([expect.objectContaining({ field: 'measures', rule: 'CMP-5' })]);
    const blank = await staff.post<ErrorBody>(`/complaints/${created.body.id}/reply`, { ...fullReply, measures: ' ' });
    expect(blank.status).toBe(400);
    expect(blank.body.error.rule).toBe('CMP-5');
    const unchanged = await staff.get<Complaint>(`/complaints/${created.body.id}`);
    expect(unchanged.body).toMatchObject({ status: 'OPEN', version: 1 });
  });

  it('CMP-1 CMP-6 ACL-4 ACL-5: enterprise files, insurer replies, enterprise escalates, regulators see it by county', async () => {
    const filed = await enterprise.post<Complaint>('/me/complaints', { insurerId: piccId, request: '服务报告与现场情况不符' });
    expect(filed.status).toBe(201);
    expect(filed.body).toMatchObject({ channel: 'CONSOLE', tenantId: piccId, status: 'OPEN' });
    await expect
      .poll(() => test.platform.bus.recent().find((e) => e.type === 'complaints.complaint.received' && e.aggregate.id === filed.body.id), {
        timeout: 10_000,
      })
      .toMatchObject({ tenantId: piccId });

    const inbox = await staff.get<{ items: Complaint[] }>('/complaints?limit=100');
    expect(inbox.body.items.map((c) => c.id)).toContain(filed.body.id);
    expect((await otherInsurer.get(`/complaints/${filed.body.id}`)).status).toBe(404);

    const early = await enterprise.post<ErrorBody>(`/me/complaints/${filed.body.id}/escalate`, { to: 'EMB', reason: '不满意' });
    expect(early.status).toBe(409);

    expect((await staff.post(`/complaints/${filed.body.id}/reply`, fullReply)).status).toBe(200);
    const seen = await enterprise.get<Complaint>(`/me/complaints/${filed.body.id}`);
    expect(seen.body.reply?.measures).toBe(fullReply.measures);

    expect((await countyEmb.get<{ items: Complaint[] }>('/regulator/complaints')).body.items.map((c) => c.id)).not.toContain(filed.body.id);
    const escalated = await enterprise.post<Complaint>(`/me/complaints/${filed.body.id}/escalate`, { to: 'EMB', reason: '整改措施未落实' });
    expect(escalated.body.status).toBe('ESCALATED');

    expect((await countyEmb.get<{ items: Complaint[] }>('/regulator/complaints')).body.items.map((c) => c.id)).toContain(filed.body.id);
    expect((await cityEmb.get<{ items: Complaint[] }>('/regulator/complaints')).body.items.map((c) => c.id)).toContain(filed.body.id);
    expect((await yuanpingEmb.get<{ items: Complaint[] }>('/regulator/complaints')).body.items).toEqual([]);
    expect((await yuanpingEmb.get<ErrorBody>('/regulator/complaints?county=140902')).status).toBe(403);
    // Regulators read; they never write tenant data.
    expect((await countyEmb.post(`/complaints/${filed.body.id}/reply`, fullReply)).status).toBe(403);
  });

  it('REG-1 ACL-4 (issue 15): complainants are named from the register — GET /register/enterprise-names answers the known USCCs only (no 404), a county EMB its county, an enterprise nothing', async () => {
    const xinda = { uscc: '91140902100079190P', name: '忻府忻达煤业有限责任公司', industry: 'COAL_MINE', county: '140902', staff: 254, revenueWan: 1175 };
    const added = await cityEmb.post('/regulator/enterprises', xinda);
    expect([200, 201, 409], JSON.stringify(added.body)).toContain(added.status);
    const unknown = '91140902MA0UNKNOWN';
    const asked = `/register/enterprise-names?uscc=${xinda.uscc},${unknown}`;
    const answer = await staff.get<{ items: { uscc: string; name: string }[] }>(asked);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body.items).toEqual([{ uscc: xinda.uscc, name: xinda.name }]);
    expect((await countyEmb.get<{ items: unknown[] }>(asked)).body.items).toEqual([{ uscc: xinda.uscc, name: xinda.name }]);
    expect((await yuanpingEmb.get<{ items: unknown[] }>(asked)).body.items).toEqual([]);
    expect((await enterprise.get(asked)).status).toBe(403);
    expect((await staff.get('/register/enterprise-names?uscc=not-a-uscc')).status).toBe(400);
  });

  it('CMP-6 (issue 15): the escalated complaints name the insurer (its short name), not only its tenant id', async () => {
    const insurers = await enterprise.get<{ items: { id: string; branchName: string }[] }>('/me/insurers');
    const names = new Map(insurers.body.items.map((insurer) => [insurer.id, insurer.branchName]));
    const rows = (await cityEmb.get<{ items: (Complaint & { insurerName: string })[] }>('/regulator/complaints')).body.items;
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.insurerName).toBe(names.get(row.tenantId));
    expect(rows.find((row) => row.tenantId === piccId)?.insurerName).toMatch(/^人保/);
  });

  it('ACL-5 shows an enterprise only its own complaints, across insurers', async () => {
    const other = await otherInsurer.post<Complaint>('/complaints', phoneComplaint({ enterpriseUscc: OTHER_USCC }));
    expect(other.status).toBe(201);
    const mine = await enterprise.get<{ items: Complaint[] }>('/me/complaints?limit=100');
    expect(mine.body.items.length).toBeGreaterThan(0);
    expect(mine.body.items.map((c) => c.id)).not.toContain(other.body.id);
    expect((await enterprise.get(`/me/complaints/${other.body.id}`)).status).toBe(404);
    expect((await enterprise.post(`/me/complaints/${other.body.id}/accept`, undefined)).status).toBe(404);
  });

  it('lists overdue complaints from the due-date index and the sweep reports each once', async () => {
    const old = await staff.post<Complaint>('/complaints', phoneComplaint({ request: unique('overdue-') }));
    const fresh = await staff.post<Complaint>('/complaints', phoneComplaint({ receivedAt: new Date().toISOString() }));
    const overdue = await staff.get<{ items: Complaint[] }>('/complaints?overdue=true&limit=100');
    const ids = overdue.body.items.map((c) => c.id);
    expect(ids).toContain(old.body.id);
    expect(ids).not.toContain(fresh.body.id);

    const store = new Store(toDocumentClient(new DynamoDBClient(dynamoDbClientConfig())), test.platform.tables.main, systemClock);
    const repository = new DynamoComplaintRepository(store);
    const platform = new DynamoPlatformRepository(store);
    const first = await sweepOverdueComplaints(platform, async () => repository, new Date());
    expect(first).toBeGreaterThanOrEqual(1);
    expect(await sweepOverdueComplaints(platform, async () => repository, new Date())).toBe(0);
    await expect
      .poll(() => test.platform.bus.recent().filter((e) => e.type === 'complaints.complaint.overdue' && e.aggregate.id === old.body.id).length, {
        timeout: 10_000,
      })
      .toBe(1);
    // A reply takes it out of the due-date index.
    await staff.post(`/complaints/${old.body.id}/reply`, fullReply);
    const after = await staff.get<{ items: Complaint[] }>('/complaints?overdue=true&limit=100');
    expect(after.body.items.map((c) => c.id)).not.toContain(old.body.id);
  });

  it('answers 412 to the slower of two concurrent replies, and keeps the first', async () => {
    const created = await staff.post<Complaint>('/complaints', phoneComplaint({ receivedAt: new Date().toISOString() }));
    const path = `/complaints/${created.body.id}/reply`;
    const answers = await Promise.all([
      staff.post(path, fullReply),
      staff.post(path, { ...fullReply, measures: '另一个并发答复' }),
    ]);
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses[0]).toBe(200);
    expect([409, 412]).toContain(statuses[1]);
    const stored = await staff.get<Complaint>(`/complaints/${created.body.id}`);
    expect(stored.body.version).toBe(2);
  });
});
