import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { addDays, shanghaiDateOf, yearOf } from '../../domain/kernel/calendar/local-date.js';
import { serviceDeadlinesRecomputed, servicePayloadOf } from '../../domain/services/events.js';
import type { PreventionService } from '../../domain/services/service.js';
import { addContribution, policyContribution, withoutZeros } from '../../domain/supervision/counters.js';
import type { SupervisionCountersRepository } from '../../domain/supervision/counters.repository.js';
import type { Contribution } from '../../domain/supervision/counters.js';
import { systemClock } from '../../functions/adapters/clock.js';
import { dynamoDbCalls, dynamoDbClientConfig, resetDynamoDbCalls, toDocumentClient } from '../../functions/adapters/dynamodb/client.js';
import { DynamoServiceRepository } from '../../functions/adapters/dynamodb/services.repository.js';
import { Store } from '../../functions/adapters/dynamodb/store.js';
import { handler as dailyRun } from '../../functions/schedules/handler.js';
import { countedListings, countedSources } from '../../functions/projections/supervision-counters-root.js';
import { rebuildSupervisionCounters } from '../../functions/projections/supervision-counters-rebuild.js';
import { VIEW_COUNTIES } from '../../functions/adapters/dynamodb/county-sharded-page.js';
import { DynamoSupervisionCounters } from '../../functions/adapters/dynamodb/supervision-counters.repository.js';
import type { ApiClient } from '../support/api-client.js';
import { expectOk, scheduleBody, walkService } from '../support/services-fixtures.js';
import { startTestPlatform, type TestPlatform } from '../support/test-platform.js';
import { HUTUO, XINDA, fileQualification, policyBody, registerEnterprises } from '../support/underwriting-fixtures.js';

/**
 * Issue 14: `GET /regulator/overview` from the counters the supervision-counters projection keeps, through the
 * real local gateway, bus and DynamoDB Local. picc insures a 忻府区 coal mine (XINDA) and lets a follow-up run
 * past its due date; pingan insures a 原平市 one (HUTUO) and is on time.
 */

const DEMO = 'Anze-demo-2026';

interface Timeliness {
  due: number;
  onTime: number;
  late: number;
  overdue: number;
}
interface Row {
  inForce: number;
  coverageShareBasisPoints: number | null;
  obligations: { required: number; done: number; overdue: number };
  followUps: Timeliness;
  archives: Timeliness;
  complaints: Timeliness & { escalated: number };
  majorHazards: { open: number; overdue: number };
}
interface InsurerRow extends Row {
  tenantId: string;
  name: string;
  rank: number;
  fees: { spentFen: number; floorBasisPoints: number; ceilingBasisPoints: number } | null;
}
interface CountyRow extends Row {
  county: string;
  name: string;
  registered: number;
}
interface Overview {
  year: number;
  county: string | null;
  ranking: string;
  totals: Row & { registered: number };
  insurers: InsurerRow[];
  counties: CountyRow[];
}

let test: TestPlatform;
let cityEmb: ApiClient;
let countyEmb: ApiClient;
let nfra: ApiClient;
let piccId: string;
let pinganId: string;
let pinganService: { id: string; tenantId: string };
/** The year the aged follow-up fell due in: the overview year the tests read. */
let year: number;

const store = () => new Store(toDocumentClient(new DynamoDBClient(dynamoDbClientConfig())), test.platform.tables.main, systemClock);

/**
 * SVC-8: the service's follow-up as if it fell due yesterday — saved with the CAL-2 recompute event, so the bus
 * carries it to the projection as it would a real recomputation.
 */
async function ageFollowUp(service: { id: string; tenantId: string }, dueOn: string): Promise<void> {
  const services = new DynamoServiceRepository(store());
  const stored = (await services.getService(service.tenantId, service.id)) as PreventionService;
  const deadlines = stored.deadlines as NonNullable<PreventionService['deadlines']>;
  const aged: PreventionService = { ...stored, version: stored.version + 1, deadlines: { ...deadlines, followUp: { dueOn, provisional: false } } };
  await services.saveService(aged, stored.version, [serviceDeadlinesRecomputed.of(aged, { ...servicePayloadOf(aged), deadlines: aged.deadlines })]);
}

const overview = async (client: ApiClient): Promise<Overview> => expectOk(await client.get<Overview>(`/regulator/overview?year=${year}`));
const rowOf = (answer: Overview, tenantId: string) => answer.insurers.find((row) => row.tenantId === tenantId) as InsurerRow;

beforeAll(async () => {
  test = await startTestPlatform({ demo: true });
  const picc = await test.signIn('picc-admin', DEMO);
  const pingan = await test.signIn('pingan-admin', DEMO);
  cityEmb = await test.signIn('emb-city', DEMO);
  countyEmb = await test.signIn('emb-xinfu', DEMO);
  nfra = await test.signIn('nfra-xinzhou', DEMO);
  await registerEnterprises(cityEmb, [XINDA, HUTUO]);
  expectOk(await fileQualification(picc));
  expectOk(await fileQualification(pingan));
  const xinda = expectOk(await picc.post<{ id: string; tenantId: string }>('/policies', policyBody()), 201);
  const hutuo = expectOk(await pingan.post<{ id: string; tenantId: string }>('/policies', policyBody({ enterpriseUscc: HUTUO.uscc, employeesCovered: HUTUO.staff })), 201);
  piccId = xinda.tenantId;
  pinganId = hutuo.tenantId;
  const yesterday = addDays(shanghaiDateOf(new Date()), -1);
  year = yearOf(yesterday);
  await ageFollowUp(await walkService(picc, undefined, scheduleBody(xinda.id), 'COMPLETED'), yesterday);
  // pingan's follow-up falls due in 10 working days: not overdue — until the daily run after that day (last test).
  pinganService = await walkService(pingan, undefined, scheduleBody(hutuo.id), 'COMPLETED');
  // The bus delivers asynchronously: wait until the projection has counted everything above.
  const thisYear = year === yearOf(shanghaiDateOf(new Date())) ? 1 : 0;
  await vi.waitFor(
    async () => {
      const answer = await overview(cityEmb);
      const [p, q] = [rowOf(answer, piccId), rowOf(answer, pinganId)];
      expect([p?.followUps.overdue, q?.followUps.due, p?.inForce, q?.inForce]).toEqual([1, 1, thisYear, thisYear]);
    },
    { timeout: 20_000, interval: 200 },
  );
});
afterAll(async () => test?.stop());

describe('GET /regulator/overview: the regulators’ home, from counters', () => {
  it('SVC-8 UW-11 FEE-4 as the city EMB: every insurer by name, the one behind on its follow-up first, each county, fees against 15% and 21%', async () => {
    const answer = await overview(cityEmb);
    expect(answer.county).toBeNull();
    expect(answer.ranking).toMatch(/Most behind first/);
    const first = answer.insurers[0] as InsurerRow;
    expect(first.tenantId).toBe(piccId);
    expect(first.rank).toBe(1);
    expect(first.name).toContain('中国人民财产保险');
    expect(first.followUps).toMatchObject({ due: 1, onTime: 0, overdue: 1 });
    const pingan = rowOf(answer, pinganId);
    expect(pingan.followUps).toMatchObject({ due: 1, overdue: 0 });
    expect(pingan.rank).toBeGreaterThan(1);
    expect(first.fees).toMatchObject({ floorBasisPoints: 1500, ceilingBasisPoints: 2100 });
    const xinfu = answer.counties.find((row) => row.county === '140902') as CountyRow;
    expect(xinfu.name).toBe('忻府区');
    expect(xinfu.followUps.overdue).toBe(1);
    expect(xinfu.registered).toBeGreaterThanOrEqual(1);
    expect(answer.counties.find((row) => row.county === '140981')?.followUps.overdue).toBe(0);
    expect(answer.totals.followUps.due).toBe(2);
    // The NFRA reads the same overview.
    expect((await overview(nfra)).insurers[0]?.tenantId).toBe(piccId);
  });

  it('ACL-4 as emb-xinfu: 忻府区 only — its county’s figures, no other county, no insurer-wide fees', async () => {
    const answer = await overview(countyEmb);
    expect(answer.county).toBe('140902');
    expect(answer.counties.map((row) => row.county)).toEqual(['140902']);
    expect(answer.totals.followUps.due).toBe(1);
    expect(rowOf(answer, piccId).followUps.overdue).toBe(1);
    // pingan's 原平市 service and policy are outside the view.
    expect(rowOf(answer, pinganId)).toMatchObject({ inForce: 0, followUps: { due: 0, onTime: 0, late: 0, overdue: 0 }, fees: null });
    expect(answer.insurers.every((row) => row.fees === null)).toBe(true);
  });

  it('issue 14: the counters rebuilt from the records (an older data folder) equal the counters the events kept', async () => {
    const rebuilt: Record<string, Record<string, number>> = {};
    const stored = new Map<string, { contribution: Contribution; revision: number }>();
    const memory: SupervisionCountersRepository = {
      contributionOf: async (subject) => stored.get(`${subject.kind}|${subject.tenantId}|${subject.id}`),
      apply: async (subject, expected, contribution, delta) => {
        stored.set(`${subject.kind}|${subject.tenantId}|${subject.id}`, { contribution, revision: (expected ?? 0) + 1 });
        for (const [cell, figures] of Object.entries(addContribution(rebuilt, delta))) rebuilt[cell] = { ...figures };
      },
      edgesDue: async () => ({ items: [] }),
      cells: async () => rebuilt,
    };
    const projected = await rebuildSupervisionCounters(countedListings(), countedSources(), memory, new Date());
    expect(projected).toBeGreaterThanOrEqual(4);
    const ofYear = (cells: Contribution) => withoutZeros(Object.fromEntries(Object.entries(cells).filter(([cell]) => cell.startsWith(`${year}|`))));
    expect(ofYear(rebuilt)).toEqual(ofYear(await new DynamoSupervisionCounters(store()).cells(year)));
  });

  it('issue 14: the overview costs the same DynamoDB calls with 10 policies as with 1,000', async () => {
    const measure = async (): Promise<Record<string, number>> => {
      await overview(cityEmb); // warm: rule sets and the token check cached alike in both runs
      resetDynamoDbCalls();
      await overview(cityEmb);
      return Object.fromEntries(dynamoDbCalls());
    };
    // The counters' sources seeded cheaply: synthetic policies' contributions (the projection's own rule)
    // summed into the cells in one transaction — the cells are what the overview reads, whatever made them.
    const counters = new DynamoSupervisionCounters(store());
    const seed = async (from: number, to: number) => {
      let cells: Contribution = {};
      for (let n = from; n < to; n += 1) {
        cells = addContribution(
          cells,
          policyContribution(
            {
              tenantId: n % 2 === 0 ? piccId : pinganId,
              enterprise: { ...XINDA, county: n % 3 === 0 ? '140981' : '140902', size: 'MEDIUM' } as never,
              periodStart: `${year}-01-0${1 + (n % 9)}`,
              periodEnd: `${year}-12-31`,
            },
            { requirements: [{ key: 'FIRST_SERVICE', rule: 'SVC-2', required: 1, done: n % 2, open: 1 - (n % 2), status: 'OPEN', dueBy: `${year}-03-31`, daysLeft: 0 }] as never },
            shanghaiDateOf(new Date()),
          ).contribution,
        );
      }
      await counters.apply({ kind: 'policy', tenantId: piccId, id: `bench-${from}-${to}` }, undefined, {}, cells);
    };
    await seed(2, 10);
    const atTen = await measure();
    await seed(10, 1_000);
    const atThousand = await measure();
    const answer = await overview(cityEmb);
    expect(answer.totals.obligations.required).toBeGreaterThanOrEqual(998);
    expect(atThousand).toEqual(atTen);
    // One Query per county partition of the year's counter cells (issue 21: keyed by county, the areas plus the
    // insurer-wide and unknown-county ones), the insurers' list (and the local pollers'), one BatchGetItem of
    // every county's register counts (issue 14: it was one Query per county): nothing that grows with policies.
    expect(atTen.QueryCommand).toBeLessThanOrEqual(VIEW_COUNTIES.length + 2 + 2 + 1);
    expect(atTen.BatchGetItemCommand).toBe(1);
    console.log(`overview DynamoDB calls — 10 policies: ${JSON.stringify(atTen)}; 1,000 policies: ${JSON.stringify(atThousand)}`);
  });

  it('SVC-8 the daily run after a follow-up’s due date counts it overdue, with no event about the service', async () => {
    expect(rowOf(await overview(cityEmb), pinganId).followUps).toMatchObject({ due: 1, overdue: 0 });
    const stored = (await new DynamoServiceRepository(store()).getService(pinganService.tenantId, pinganService.id)) as PreventionService;
    const dueOn = stored.deadlines?.followUp.dueOn as string;
    const outcome = await dailyRun({ time: `${addDays(dueOn, 1)}T00:00:00Z` });
    expect(outcome.supervisionEdges).toBeGreaterThanOrEqual(1);
    const answer = expectOk(await cityEmb.get<Overview>(`/regulator/overview?year=${yearOf(dueOn)}`));
    expect(rowOf(answer, pinganId).followUps).toMatchObject({ due: 1, overdue: 1 });
  });
});
