import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, localDate, yearOf } from '../../domain/kernel/calendar/local-date.js';
import { WorkingDayCalendar } from '../../domain/kernel/calendar/working-day-calendar.js';
import { XINZHOU_2024 } from '../../domain/kernel/rule-set/xinzhou-2024.js';
import { serviceDeadlines } from '../../domain/services/deadlines.js';
import type { CompleteServiceInput } from '../../domain/services/service.schema.js';
import { policyFactsOf } from '../../domain/services/policy-facts.js';
import { completeService } from '../../domain/services/service-record.rules.js';
import type { PreventionService } from '../../domain/services/service.js';
import type { Policy } from '../../domain/underwriting/policy.js';
import { currentCalendar } from '../../functions/adapters/calendar-provider.js';
import { handler } from '../../functions/schedules/handler.js';
import { systemClock } from '../../functions/adapters/clock.js';
import { dynamoDbClientConfig, toDocumentClient } from '../../functions/adapters/dynamodb/client.js';
import { DynamoPolicyRepository } from '../../functions/adapters/dynamodb/policy.repository.js';
import { DynamoServiceRepository } from '../../functions/adapters/dynamodb/services.repository.js';
import { Store } from '../../functions/adapters/dynamodb/store.js';
import type { ApiClient } from '../support/api-client.js';
import { completeBody, expectOk, scheduleBody, walkService, type Service } from '../support/services-fixtures.js';
import { startTestPlatform, type TestPlatform } from '../support/test-platform.js';
import { XINDA, fileQualification, policyBody, registerEnterprises, today } from '../support/underwriting-fixtures.js';

/**
 * CAL-2 for prevention services (SVC-8, SVC-9), end to end but for one step.
 *
 * The built-in calendar knows 2004–2026, and a service cannot be recorded as performed in the future (SVC-9).
 * Until early December 2026, no service performed by today has a deadline outside 2026, so the
 * complete endpoint cannot make a provisional deadline yet. The test therefore records the service the way the
 * endpoint does — the domain's `completeService` on the platform's calendar, saved by the repository's
 * `completeService` in one transaction — with the clock set to the evening of the day performed, the later of
 * today and 2026-12-24. Everything else goes through the gateway: the policy, the schedule, the operator's
 * `PUT /platform/calendar/{year}`, the `platform.calendar.year_loaded` event on the bus that runs the schedules
 * handler, and the reads. This suite has its own tables, so no other suite's loaded years reach it.
 */

const DEMO = 'Anze-demo-2026';
/** The day performed: 2026-12-24, whose +10 and +20 working days fall in 2027 — or today, once that is later. */
const DAY = today > '2026-12-24' ? today : '2026-12-24';

let test: TestPlatform;
let picc: ApiClient;
let operator: ApiClient;
let repository: DynamoServiceRepository;
let policies: DynamoPolicyRepository;
let policyId: string;

beforeAll(async () => {
  test = await startTestPlatform({ demo: true });
  picc = await test.signIn('picc-admin', DEMO);
  operator = await test.operator();
  const cityEmb = await test.signIn('emb-city', DEMO);
  await registerEnterprises(cityEmb, [XINDA]);
  expectOk(await fileQualification(picc));
  policyId = expectOk(await picc.post<{ id: string }>('/policies', policyBody()), 201).id;
  const store = new Store(toDocumentClient(new DynamoDBClient(dynamoDbClientConfig())), test.platform.tables.main, systemClock);
  repository = new DynamoServiceRepository(store);
  policies = new DynamoPolicyRepository(store);
});
afterAll(async () => test?.stop());

/** A service of the policy performed on `day` on `calendar`, recorded that evening as the complete endpoint would. */
async function performedOn(day: string, calendar: WorkingDayCalendar): Promise<PreventionService> {
  const confirmed = await walkService(picc, undefined, scheduleBody(policyId, { scheduledAt: `${day}T09:00:00+08:00` }), 'SCHEDULE_CONFIRMED');
  const stored = (await repository.getService(confirmed.tenantId, confirmed.id)) as PreventionService;
  const policy = (await policies.get(stored.tenantId, stored.policyId)) as Policy;
  const input = completeBody({ performedAt: `${day}T09:00:00+08:00`, endedAt: `${day}T12:00:00+08:00` }) as unknown as CompleteServiceInput;
  const { service, events } = completeService(stored, input, {
    now: new Date(`${day}T20:00:00+08:00`),
    by: 'picc-admin',
    calendar,
    ruleSet: XINZHOU_2024,
    hazardIds: [],
    evidence: [],
    experts: [],
    policy: policyFactsOf(policy),
  });
  await repository.completeService(service, stored.version, [], [], events);
  return service;
}

const dueIds = async (dueBefore: string) =>
  expectOk(await picc.get<{ items: Service[] }>(`/services?dueBefore=${dueBefore}&limit=100`)).items.map((item) => item.id);

describe('provisional service deadlines (CAL-2, SVC-8, SVC-9)', () => {
  it('CAL-2 SVC-8 SVC-9 deadlines in a year the calendar does not know become final once the operator loads it, through the bus', async () => {
    const calendar = await currentCalendar();
    const completed = await performedOn(DAY, calendar);

    const before = expectOk(await picc.get<Service>(`/services/${completed.id}`));
    expect(before.status).toBe('COMPLETED');
    const provisional = before.deadlines as NonNullable<Service['deadlines']>;
    expect(provisional.followUp.provisional).toBe(true);
    expect(provisional.archive.provisional).toBe(true);
    // The due index (GSI2) files the service under its provisional follow-up date.
    expect(await dueIds(addDays(provisional.followUp.dueOn, 1))).toContain(completed.id);

    // The operator's schedules for the missing years. The provisional follow-up day turns out to be a holiday,
    // so the final follow-up date is a later one: the recompute must move the date, not only clear the flag.
    const years = [...new Set([provisional.followUp.dueOn, provisional.archive.dueOn].map(yearOf))];
    let loaded = calendar;
    for (const year of years) {
      const holidays = [localDate(year, 1, 1), ...(yearOf(provisional.followUp.dueOn) === year ? [provisional.followUp.dueOn] : [])];
      const schedule = { holidays, adjustedWorkdays: [] as string[] };
      expectOk(await operator.request('PUT', `/platform/calendar/${year}`, schedule));
      loaded = loaded.withYear({ year, ...schedule, source: 'loaded' });
    }
    const final = serviceDeadlines(DAY, XINZHOU_2024, loaded);
    expect(final.followUp.provisional).toBe(false);
    expect(final.archive.provisional).toBe(false);
    expect(final.followUp.dueOn > provisional.followUp.dueOn).toBe(true);

    await expect
      .poll(async () => expectOk(await picc.get<Service>(`/services/${completed.id}`)).deadlines, { timeout: 15_000 })
      .toEqual(final);
    const after = expectOk(await picc.get<Service>(`/services/${completed.id}`));
    expect(after.status).toBe('COMPLETED');
    expect(after.version).toBeGreaterThan(before.version);
    expect(after.version).toBeLessThanOrEqual(before.version + years.length);

    // The due index moved with it: not due before the final follow-up date, due the day after.
    expect(await dueIds(provisional.followUp.dueOn)).not.toContain(completed.id);
    expect(await dueIds(addDays(provisional.followUp.dueOn, 1))).not.toContain(completed.id);
    expect(await dueIds(final.followUp.dueOn)).not.toContain(completed.id);
    expect(await dueIds(addDays(final.followUp.dueOn, 1))).toContain(completed.id);

    await expect
      .poll(
        () =>
          test.platform.bus
            .recent()
            .filter((event) => event.type === 'services.service.deadlines_recomputed' && event.aggregate.id === completed.id)
            .map((event) => event.data.deadlines)
            .at(-1),
        { timeout: 10_000 },
      )
      .toEqual(final);
  });

  it('CAL-2 the daily run catches a service recorded on a stale calendar, and leaves final deadlines alone', async () => {
    // A container whose cached calendar predates the load (it keeps it up to five minutes) still records
    // provisional deadlines for a day the table now knows: the built-in calendar stands in for that cache.
    const stale = await performedOn(DAY, WorkingDayCalendar.builtin());
    expect(stale.deadlines?.followUp.provisional).toBe(true);
    const settled = await walkService(picc, undefined, scheduleBody(policyId), 'COMPLETED');
    expect(settled.deadlines?.archive.provisional).toBe(false);

    const outcome = await handler({ time: new Date().toISOString() });
    expect(outcome.recomputedServices).toBe(1);
    const recomputed = expectOk(await picc.get<Service>(`/services/${stale.id}`));
    expect(recomputed.deadlines?.followUp.provisional).toBe(false);
    expect(recomputed.deadlines?.archive.provisional).toBe(false);
    expect(recomputed.version).toBe(stale.version + 1);
    expect(expectOk(await picc.get<Service>(`/services/${settled.id}`)).version).toBe(settled.version);
  });
});
