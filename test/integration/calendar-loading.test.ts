import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, dayOfWeek, localDate } from '../../domain/kernel/calendar/local-date.js';
import type { ApiClient } from '../support/api-client.js';
import { startTestPlatform, type TestPlatform } from '../support/test-platform.js';

interface Deadline {
  dueOn: string;
  provisional: boolean;
}
interface Complaint {
  id: string;
  version: number;
  deadlines: { workingDay?: Deadline; nfra?: Deadline; binding: Deadline };
}
interface ErrorBody {
  error: { rule?: string; details?: { field?: string; rule?: string }[] };
}

let test: TestPlatform;
let operator: ApiClient;
let staff: ApiClient;

beforeAll(async () => {
  test = await startTestPlatform({ demo: true });
  operator = await test.operator();
  staff = await test.signIn('picc-staff', 'Anze-demo-2026');
});
afterAll(async () => test?.stop());

/** A plausible schedule for a year nobody ships: New Year and National Day, no adjusted days. */
function scheduleFor(year: number) {
  const holidays = [localDate(year, 1, 1), localDate(year, 10, 1), localDate(year, 10, 2), localDate(year, 10, 3)];
  return { holidays, adjustedWorkdays: [] as string[] };
}

describe('loading a calendar year (CAL-2)', () => {
  it('CAL-2 refuses a schedule with dates outside its year, naming the field', async () => {
    const refused = await operator.request<ErrorBody>('PUT', '/platform/calendar/2027', { holidays: ['2026-12-31'], adjustedWorkdays: [] });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details?.[0]).toMatchObject({ field: 'holidays.0', rule: 'CAL-2' });
  });

  it('CAL-2 refuses an adjusted working day that is not a weekend day', async () => {
    let weekday = localDate(2027, 3, 1);
    while ([0, 6].includes(dayOfWeek(weekday))) weekday = addDays(weekday, 1);
    const refused = await operator.request<ErrorBody>('PUT', '/platform/calendar/2027', { holidays: [], adjustedWorkdays: [weekday] });
    expect(refused.status).toBe(400);
  });

  it('CAL-2 makes provisional complaint deadlines final once their year is loaded, through the bus', async () => {
    const created = await staff.post<Complaint>('/complaints', {
      enterpriseUscc: '91140902100079190P',
      receivedAt: new Date().toISOString(),
      channel: 'PHONE',
      request: '日历测试：核实期限落在未发布的年份',
    });
    const verified = await staff.post<Complaint>(`/complaints/${created.body.id}/needs-verification`, {});
    const workingDay = verified.body.deadlines.workingDay as Deadline;
    // The pinned calendar data ends with 2026, so 30 working days from today land in an unknown year.
    expect(workingDay.provisional).toBe(true);
    const year = Number(workingDay.dueOn.slice(0, 4));

    const loaded = await operator.request<{ year: number; version: number }>('PUT', `/platform/calendar/${year}`, scheduleFor(year));
    expect(loaded.status).toBe(200);
    expect(loaded.body).toMatchObject({ year, version: 1 });
    const years = await operator.get<{ items: { year: number; source: string }[] }>('/platform/calendar');
    expect(years.body.items).toContainEqual(expect.objectContaining({ year, source: 'loaded' }));

    await expect
      .poll(async () => (await staff.get<Complaint>(`/complaints/${created.body.id}`)).body.deadlines.workingDay?.provisional, { timeout: 15_000 })
      .toBe(false);
    const after = await staff.get<Complaint>(`/complaints/${created.body.id}`);
    expect(after.body.version).toBe(verified.body.version + 1);
    await expect
      .poll(() => test.platform.bus.recent().some((e) => e.type === 'complaints.complaint.deadlines_recomputed' && e.aggregate.id === created.body.id), {
        timeout: 10_000,
      })
      .toBe(true);
  });
});
