import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, compareLocalDates, shanghaiDateOf } from '../../domain/kernel/calendar/local-date.js';
import { nextDeadline } from '../../domain/services/deadlines.js';
import { hazardDueOn, type Hazard } from '../../domain/services/hazard.js';
import type { PreventionService } from '../../domain/services/service.js';
import { systemClock } from '../../functions/adapters/clock.js';
import { dynamoDbCalls, dynamoDbClientConfig, resetDynamoDbCalls, toDocumentClient } from '../../functions/adapters/dynamodb/client.js';
import { DynamoHazardRepository } from '../../functions/adapters/dynamodb/hazards.repository.js';
import { hazardItem, serviceItem } from '../../functions/adapters/dynamodb/service-items.js';
import { DynamoServiceRepository } from '../../functions/adapters/dynamodb/services.repository.js';
import { DynamoRegisterRepository } from '../../functions/adapters/dynamodb/register.repository.js';
import { DynamoCoverageRepository } from '../../functions/adapters/dynamodb/coverage.repository.js';
import { XINZHOU_AREAS } from '../../domain/kernel/area.js';
import { Store } from '../../functions/adapters/dynamodb/store.js';
import type { ApiClient } from '../support/api-client.js';
import { expectOk, scheduleBody, walkService } from '../support/services-fixtures.js';
import { startTestPlatform, type TestPlatform } from '../support/test-platform.js';
import { HUTUO, XINDA, fileQualification, policyBody, registerEnterprises } from '../support/underwriting-fixtures.js';

/**
 * Issue 14: the insurer's workbench `GET /workbench`, through the real local gateway and DynamoDB Local. picc
 * insures XINDA (no plan agreed), lets a follow-up and a major hazard's rectification run past their dates,
 * records a complaint and is sent a 督办 notice; pingan insures HUTUO and is overdue too — never on picc's page.
 */

const DEMO = 'Anze-demo-2026';

interface Item {
  id: string;
  name: string;
  dueOn: string;
  overdue: boolean;
  major?: boolean;
}
interface ToDo {
  overdue: number;
  dueSoon: number;
  more: boolean;
  items: Item[];
}
interface Workbench {
  asOf: string;
  horizon: string;
  followUps: ToDo;
  archives: ToDo;
  hazards: ToDo;
  complaints: ToDo;
  plansMissing: { count: number; more: boolean; items: { id: string; name: string; policyNumber: string }[] };
  obligations: { year: number; required: number; done: number; overdue: number };
  notices: { issued: number; answered: number; overdue: number; more: boolean; items: Item[] };
  fees: { tenantId: string; year: number; floorBasisPoints: number; ceilingBasisPoints: number };
}

let test: TestPlatform;
let picc: ApiClient;
let piccStaff: ApiClient;
let pingan: ApiClient;
let piccId: string;
let piccPolicy: string;
let piccService: string;
let pinganService: string;
let noticeId: string;
const yesterday = addDays(shanghaiDateOf(new Date()), -1);

const docClient = () => toDocumentClient(new DynamoDBClient(dynamoDbClientConfig()));
const store = () => new Store(docClient(), test.platform.tables.main, systemClock);

/** SVC-8: the stored service's follow-up made due yesterday (raw write: the workbench reads the index). */
async function ageFollowUp(tenantId: string, serviceId: string): Promise<PreventionService> {
  const stored = (await new DynamoServiceRepository(store()).getService(tenantId, serviceId)) as PreventionService;
  const deadlines = stored.deadlines as NonNullable<PreventionService['deadlines']>;
  const aged: PreventionService = { ...stored, deadlines: { ...deadlines, followUp: { dueOn: yesterday, provisional: false } } };
  await docClient().send(new PutCommand({ TableName: test.platform.tables.main, Item: serviceItem(aged) }));
  return aged;
}

const workbench = async (client: ApiClient): Promise<Workbench> => expectOk(await client.get<Workbench>('/workbench'));

beforeAll(async () => {
  test = await startTestPlatform({ demo: true });
  picc = await test.signIn('picc-admin', DEMO);
  piccStaff = await test.signIn('picc-staff', DEMO);
  pingan = await test.signIn('pingan-admin', DEMO);
  const cityEmb = await test.signIn('emb-city', DEMO);
  await registerEnterprises(cityEmb, [XINDA, HUTUO]);
  expectOk(await fileQualification(picc));
  expectOk(await fileQualification(pingan));
  const xinda = expectOk(await picc.post<{ id: string; tenantId: string }>('/policies', policyBody()), 201);
  const hutuo = expectOk(await pingan.post<{ id: string; tenantId: string }>('/policies', policyBody({ enterpriseUscc: HUTUO.uscc, employeesCovered: HUTUO.staff })), 201);
  piccId = xinda.tenantId;
  piccPolicy = xinda.id;
  const service = await walkService(picc, undefined, scheduleBody(xinda.id, { type: 'HAZARD_INSPECTION' }), 'COMPLETED', {
    principalName: '赵矿长',
    hazards: [{ description: '工作台测试：重大隐患（瓦斯监测失效）', grade: 'MAJOR', rectifyBy: '2099-12-31' }],
  });
  piccService = (await ageFollowUp(piccId, service.id)).id;
  // SVC-7: the hazard's rectification date made yesterday.
  const hazards = new DynamoHazardRepository(store());
  const [hazard] = expectOk(await picc.get<{ items: Hazard[] }>(`/hazards?serviceId=${service.id}`)).items;
  const stored = (await hazards.getHazard(piccId, (hazard as Hazard).id)) as Hazard;
  await docClient().send(new PutCommand({ TableName: test.platform.tables.main, Item: hazardItem({ ...stored, rectifyBy: yesterday }) }));
  expectOk(await piccStaff.post('/complaints', { enterpriseUscc: XINDA.uscc, receivedAt: new Date().toISOString(), channel: 'PHONE', request: '工作台测试：服务人员未按约定到场' }), 201);
  const pinganWalked = await walkService(pingan, undefined, scheduleBody(hutuo.id), 'COMPLETED');
  pinganService = (await ageFollowUp(hutuo.tenantId, pinganWalked.id)).id;
  noticeId = expectOk(
    await cityEmb.post<{ id: string }>('/regulator/notices', { tenantId: piccId, subject: { kind: 'SERVICE', id: piccService }, dueOn: addDays(yesterday, 30), text: '请于期限内完成服务跟踪回访' }),
    201,
  ).id;
});
afterAll(async () => test?.stop());

describe('GET /workbench: the insurer’s home, its own to-dos only', () => {
  it('SVC-8 SVC-7 SVC-4 SUP-3 the overdue follow-up, the hazard past its date, the plan missing and the open 督办 are on picc’s workbench', async () => {
    const answer = await workbench(picc);
    expect(answer.followUps.items).toContainEqual({ id: piccService, name: XINDA.name, dueOn: yesterday, overdue: true });
    expect(answer.hazards.items.find((item) => item.dueOn === yesterday)).toMatchObject({ name: XINDA.name, overdue: true, major: true });
    expect(answer.plansMissing.items.map((item) => item.id)).toContain(piccPolicy);
    expect(answer.notices.items).toContainEqual(expect.objectContaining({ id: noticeId, overdue: false }));
    expect(answer.notices.issued).toBeGreaterThanOrEqual(1);
    // FEE-4/FEE-5: the fee summary of the year, judged by the rule set's floor and ceiling.
    expect(answer.fees).toMatchObject({ tenantId: piccId, floorBasisPoints: 1500, ceilingBasisPoints: 2100 });
    // Staff see the same to-dos as the admin: the workbench is the insurer's, not the user's. (The counters
    // behind `obligations` follow the bus, which may still be counting this file's records.)
    const staff = await workbench(piccStaff);
    for (const list of ['followUps', 'archives', 'hazards', 'complaints', 'plansMissing', 'notices'] as const) expect(staff[list]).toEqual(answer[list]);
  });

  it('SVC-8 SVC-9 SVC-7 CMP-2 the counts equal a recount from the insurer’s own listings', async () => {
    const answer = await workbench(picc);
    const inHorizon = (dueOn: string) => compareLocalDates(dueOn, answer.horizon) <= 0;
    const split = (dues: string[]) => ({ overdue: dues.filter((d) => d < answer.asOf).length, dueSoon: dues.filter((d) => d >= answer.asOf).length });
    const services = expectOk(await picc.get<{ items: PreventionService[] }>('/services?limit=100')).items;
    const dues = (kind: string) => services.flatMap((s) => { const next = nextDeadline(s); return next && next.kind === kind && inHorizon(next.dueOn) ? [next.dueOn] : []; });
    expect({ overdue: answer.followUps.overdue, dueSoon: answer.followUps.dueSoon }).toEqual(split(dues('FOLLOW_UP')));
    expect({ overdue: answer.archives.overdue, dueSoon: answer.archives.dueSoon }).toEqual(split(dues('ARCHIVE')));
    const hazards = expectOk(await picc.get<{ items: Hazard[] }>('/hazards?limit=100')).items;
    const hazardDues = hazards.flatMap((h) => { const due = hazardDueOn(h); return due && inHorizon(due) ? [due] : []; });
    expect({ overdue: answer.hazards.overdue, dueSoon: answer.hazards.dueSoon }).toEqual(split(hazardDues));
    const complaints = expectOk(await picc.get<{ items: { status: string; reply?: unknown; deadlines: { binding: { dueOn: string } } }[] }>('/complaints?limit=100')).items;
    const complaintDues = complaints.filter((c) => c.reply === undefined).map((c) => c.deadlines.binding.dueOn).filter(inHorizon);
    expect({ overdue: answer.complaints.overdue, dueSoon: answer.complaints.dueSoon }).toEqual(split(complaintDues));
    expect(answer.followUps.overdue).toBe(1);
    expect(answer.hazards.overdue).toBe(1);
  });

  it('ACL-1 pingan’s overdue follow-up never appears on picc’s workbench, nor picc’s on pingan’s', async () => {
    const [mine, theirs] = [await workbench(picc), await workbench(pingan)];
    expect(mine.followUps.items.map((item) => item.id)).not.toContain(pinganService);
    expect(theirs.followUps.items.map((item) => item.id)).toContain(pinganService);
    expect(theirs.followUps.items.map((item) => item.id)).not.toContain(piccService);
    expect(theirs.notices.items.map((item) => item.id)).not.toContain(noticeId);
    expect(theirs.plansMissing.items.map((item) => item.id)).not.toContain(piccPolicy);
    expect(theirs.fees.tenantId).not.toBe(piccId);
  });

  it('ACL-1 a regulator, an enterprise and the operator are refused GET /workbench (403)', async () => {
    for (const username of ['emb-city', 'emb-xinfu', 'nfra-xinzhou', 'ent-demo']) {
      const client = await test.signIn(username, DEMO);
      expect((await client.get('/workbench')).status, username).toBe(403);
    }
    expect((await (await test.signIn('operator', 'Operator-test-2026')).get('/workbench')).status).toBe(403);
  });

  it('issue 14: the workbench costs the same DynamoDB calls with 1 overdue service as with 150', async () => {
    // The bus and the projections run in this process and are counted too: the quietest of five reads is the route's.
    const measure = async (): Promise<Record<string, number>> => {
      await workbench(picc); // warm: rule sets, calendar and the token check cached alike in both runs
      const runs: Record<string, number>[] = [];
      for (let run = 0; run < 5; run += 1) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        resetDynamoDbCalls();
        await workbench(picc);
        runs.push(Object.fromEntries(dynamoDbCalls()));
      }
      const total = (calls: Record<string, number>) => Object.values(calls).reduce((sum, n) => sum + n, 0);
      return runs.sort((a, b) => total(a) - total(b))[0] as Record<string, number>;
    };
    const before = await measure();
    const stored = (await new DynamoServiceRepository(store()).getService(piccId, piccService)) as PreventionService;
    const copies = Array.from({ length: 150 }, (_, n) => serviceItem({ ...stored, id: `01workbenchcopy${String(n).padStart(11, '0')}` }));
    for (let start = 0; start < copies.length; start += 25) {
      await docClient().send(
        new BatchWriteCommand({ RequestItems: { [test.platform.tables.main]: copies.slice(start, start + 25).map((Item) => ({ PutRequest: { Item } })) } }),
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 2_000)); // the stream of the raw writes drained
    const after = await measure();
    expect(after).toEqual(before);
    // One Query per due index (3), recent policies and notices; one batch of plans and one of the insurer's
    // counter cells (issue 21: one partition per county, its cell in each); one fee year — and at most one Query
    // of the local platform's own pollers, which run in this process and are counted.
    expect(before.QueryCommand).toBeLessThanOrEqual(6);
    expect(before.BatchGetItemCommand).toBe(2);
    const answer = await workbench(picc);
    expect(answer.followUps.more).toBe(true);
    expect(answer.followUps.overdue).toBe(100 - answer.archives.overdue - answer.archives.dueSoon - answer.followUps.dueSoon);
    expect(answer.followUps.items).toHaveLength(10);
    console.log(`workbench DynamoDB calls — 1 overdue service: ${JSON.stringify(before)}; 151: ${JSON.stringify(after)}`);
  });
});

describe('the city EMB’s register counts: batched, not one Query per county (issue 14)', () => {
  it('UW-11 REG-1 GET /regulator/coverage for the whole city reads the counters in a few BatchGetItems and equals the per-county counters', async () => {
    const cityEmb = await test.signIn('emb-city', DEMO);
    await cityEmb.get('/regulator/coverage'); // warm: the token check
    const runs: Record<string, number>[] = [];
    let answer: { items: { county: string; industry: string; registered: number; insured: number }[] } | undefined;
    for (let run = 0; run < 3; run += 1) {
      resetDynamoDbCalls();
      answer = expectOk(await cityEmb.get<NonNullable<typeof answer>>('/regulator/coverage'));
      runs.push(Object.fromEntries(dynamoDbCalls()));
    }
    const quietest = runs.sort((a, b) => (a.QueryCommand ?? 0) - (b.QueryCommand ?? 0))[0] as Record<string, number>;
    // 15 areas × 11 counted industries, registered and insured: 4 BatchGetItems (100 keys each), at most one
    // Query of the local pollers — it was two Queries per county, 30 in all.
    expect(quietest.BatchGetItemCommand).toBeLessThanOrEqual(4);
    expect(quietest.QueryCommand ?? 0).toBeLessThanOrEqual(1);
    const register = new DynamoRegisterRepository(store());
    const coverage = new DynamoCoverageRepository(store());
    for (const area of XINZHOU_AREAS) {
      const registered = Object.fromEntries((await register.registeredCounts(area.code)).map((cell) => [cell.industry, cell.registered]));
      const insured = Object.fromEntries((await coverage.insuredCounts(area.code)).map((cell) => [cell.industry, cell.insured]));
      for (const row of (answer?.items ?? []).filter((item) => item.county === area.code)) {
        expect(row.registered, `${area.code} ${row.industry}`).toBe(registered[row.industry]);
        expect(row.insured).toBe(Math.min(insured[row.industry] ?? 0, row.registered));
      }
    }
    expect(answer?.items.find((item) => item.county === XINDA.county && item.industry === 'COAL_MINE')?.registered).toBeGreaterThanOrEqual(1);
  });
});
