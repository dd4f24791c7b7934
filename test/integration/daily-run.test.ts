import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkingDayCalendar } from '../../domain/kernel/calendar/working-day-calendar.js';
import { XINZHOU_2024 } from '../../domain/kernel/rule-set/xinzhou-2024.js';
import { systemClock } from '../../functions/adapters/clock.js';
import { dynamoDbClientConfig, toDocumentClient } from '../../functions/adapters/dynamodb/client.js';
import { DynamoDueItems, DynamoReminderMarkers } from '../../functions/adapters/dynamodb/reminder-markers.js';
import { Store } from '../../functions/adapters/dynamodb/store.js';
import { sweepReminders } from '../../functions/schedules/reminder-sweep.js';
import { shanghaiDateOf } from '../../domain/kernel/calendar/local-date.js';
import { agreedPlan, DUE_SET_ENTERPRISE, duePolicy, dueSet, fillerServices, onlyTenant } from '../support/due-set.js';
import { startTestPlatform, type TestPlatform } from '../support/test-platform.js';

let test: TestPlatform;
let store: Store;
/** DynamoDB calls of the sweep's store by operation, for "reads grow with what is due, not with the table". */
const calls = new Map<string, number>();

const calendar = WorkingDayCalendar.builtin();
const enterprise = DUE_SET_ENTERPRISE;

const sweep = (tenantId: string, runOn: string) =>
  sweepReminders(
    { platform: onlyTenant(tenantId), dueItems: new DynamoDueItems(store), markers: new DynamoReminderMarkers(store) },
    { runOn, calendar, ruleSets: [XINZHOU_2024] },
  );

beforeAll(async () => {
  test = await startTestPlatform();
  const client = new DynamoDBClient(dynamoDbClientConfig());
  client.middlewareStack.add(
    (next, context) => (args) => {
      const operation = (context.commandName ?? 'unknown').replace(/Command$/, '');
      calls.set(operation, (calls.get(operation) ?? 0) + 1);
      return next(args);
    },
    { step: 'initialize', name: 'countDailyRunCalls' },
  );
  store = new Store(toDocumentClient(client), test.platform.tables.main, systemClock);
  await store.putMany([...dueSet('t-holiday'), ...dueSet('t-1k'), ...fillerServices('t-1k', 1_000), ...dueSet('t-10k'), ...fillerServices('t-10k', 10_000),
    // SVC-4: starts on Oct 9 with no plan; SVC-2: started Jul 10 with a plan, no service (first service due Oct 9);
    // SVC-2, SVC-4: started in 2025 with neither, outside every window of 2026-09-29.
    duePolicy('t-policies', 'pol-oct9', '2026-10-09', '2027-10-08'),
    duePolicy('t-policies', 'pol-jul10', '2026-07-10', '2027-07-09'),
    agreedPlan('t-policies', 'pol-jul10'),
    duePolicy('t-policies', 'pol-2025', '2025-03-01', '2026-02-28'),
    // SVC-11: its year ends on Oct 8 with the SVC-1 services not done (its SVC-2 date, 2026-01-08, is long past).
    duePolicy('t-policies', 'pol-ending', '2025-10-09', '2026-10-08'),
    agreedPlan('t-policies', 'pol-ending'),
  ], 8);
}, 120_000);
afterAll(async () => test?.stop());

describe('the daily run raises reminders from the due-date indexes (issue 16)', () => {
  it('SVC-7, SVC-8, SVC-9, CMP-2: on 2026-09-29 it raises exactly what is due within 3 working days across National Day and what is past, once', async () => {
    expect(await sweep('t-holiday', '2026-09-29')).toEqual({
      'SVC-8': { due: 1 }, // follow-up on Oct 9: Sep 30, Oct 8, Oct 9
      'SVC-7': { overdue: 1 },
      'CMP-2': { due: 1 },
    });
    // A rerun, or a retry of the same day, raises nothing.
    expect(await sweep('t-holiday', '2026-09-29')).toEqual({});
    // The next day the archive of Oct 10 comes within the lead; the rest was raised already.
    expect(await sweep('t-holiday', '2026-09-30')).toEqual({ 'SVC-9': { due: 1 } });
    // Once past, each is reminded overdue, once.
    expect(await sweep('t-holiday', '2026-10-12')).toEqual({ 'SVC-8': { overdue: 1 }, 'SVC-9': { overdue: 1 }, 'CMP-2': { overdue: 1 } });
    expect(await sweep('t-holiday', '2026-10-12')).toEqual({});
  });

  it('SVC-9, CMP-2: across the year boundary (2027 still provisional) the archive of January 4 is due on December 29', async () => {
    expect(await sweep('t-holiday', '2026-12-29')).toEqual({ 'SVC-9': { due: 1 }, 'CMP-2': { overdue: 1 } });
    expect(await sweep('t-holiday', '2026-12-29')).toEqual({});
  });

  it('SVC-4, SVC-2, SVC-11: a policy starting within the lead without a plan, one whose first service falls due and one whose year ends with services owed are reminded once; older policies are not read', async () => {
    calls.clear();
    expect(await sweep('t-policies', '2026-09-29')).toEqual({ 'SVC-4': { due: 1 }, 'SVC-2': { due: 1 }, 'SVC-11': { due: 1 } });
    // Three windows of policies by start (one Query each), then each policy found: its plan (GetItem) and its services (Query).
    expect({ Query: calls.get('Query'), GetItem: calls.get('GetItem') }).toEqual({ Query: 3 + 3 + 3, GetItem: 3 });
    expect(await sweep('t-policies', '2026-09-29')).toEqual({});
    expect(await sweep('t-policies', '2026-10-12')).toEqual({ 'SVC-4': { overdue: 1 }, 'SVC-2': { overdue: 1 }, 'SVC-11': { overdue: 1 } });
  });

  it('SVC-8, SVC-9: the reminders carry the item, its due day, who must act and where to open it, through the outbox', async () => {
    await expect
      .poll(
        () =>
          test.platform.bus
            .recent()
            .filter((event) => event.type === 'reminders.reminder.due' && (event.data as { subjectId: string }).subjectId === 'svc-follow-up-oct9')
            .map((event) => event.data),
        { timeout: 10_000 },
      )
      .toEqual([
        {
          step: 'SVC-8',
          subject: 'service',
          subjectId: 'svc-follow-up-oct9',
          title: '忻府忻达煤业有限责任公司 · 隐患排查 · 回访',
          dueOn: '2026-10-09',
          audience: ['INSURER'],
          enterpriseUscc: enterprise.uscc,
          county: '140902',
          link: '/insurer/services/svc-follow-up-oct9',
          runOn: '2026-09-29',
        },
      ]);
  });

  it('issue 16: its DynamoDB reads are the same with 1,000 and 10,000 services beside the same due set', async () => {
    const readsOf = async (tenantId: string) => {
      calls.clear();
      const raised = await sweep(tenantId, '2026-09-29');
      const reads = { Query: calls.get('Query') ?? 0, BatchGetItem: calls.get('BatchGetItem') ?? 0, GetItem: calls.get('GetItem') ?? 0, Scan: calls.get('Scan') ?? 0 };
      return { raised, reads };
    };
    const small = await readsOf('t-1k');
    const large = await readsOf('t-10k');
    expect(small.raised).toEqual({ 'SVC-8': { due: 1 }, 'SVC-7': { overdue: 1 }, 'CMP-2': { due: 1 } });
    expect(large).toEqual(small);
    // Three index Queries (services, hazards, complaints) and one read of the marks.
    // Three index Queries (services, hazards, complaints), three of policies by start (SVC-4, SVC-2, SVC-11), and one read of the marks.
    expect(small.reads).toEqual({ Query: 6, BatchGetItem: 1, GetItem: 0, Scan: 0 });
  });
});

interface ErrorBody {
  error: { code: string; details?: { field: string; rule?: string }[] };
}

describe('POST /platform/daily-run (issue 16: run now)', () => {
  it('CAL-1: a date that is not YYYY-MM-DD, or after today, is refused naming `date`', async () => {
    const operator = await test.operator();
    const malformed = await operator.request<ErrorBody>('POST', '/platform/daily-run', { date: '2026-13-01' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.details?.[0]?.field).toBe('date');
    const tomorrow = calendar.addWorkingDays(shanghaiDateOf(new Date()), 1).date;
    const future = await operator.request<ErrorBody>('POST', '/platform/daily-run', { date: tomorrow });
    expect(future.status).toBe(400);
    expect(future.body.error.details?.[0]).toMatchObject({ field: 'date', rule: 'CAL-1' });
  });

  it('issue 16: the operator runs today\'s run and is told what it raised; a second run raises nothing', async () => {
    const operator = await test.operator();
    const today = shanghaiDateOf(new Date());
    const first = await operator.request<{ date: string; raised: unknown[]; overdueComplaints: number }>('POST', '/platform/daily-run', { date: today });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ date: today, overdueComplaints: 0 });
    const second = await operator.request<{ raised: unknown[] }>('POST', '/platform/daily-run', { date: today });
    expect(second.body.raised).toEqual([]);
  });
});
