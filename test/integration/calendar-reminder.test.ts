import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, dayOfWeek, yearOf } from '../../domain/kernel/calendar/local-date.js';
import { handler } from '../../functions/schedules/handler.js';
import type { ApiClient } from '../support/api-client.js';
import { expectOk, walkService, scheduleBody, type ErrorBody, type Service } from '../support/services-fixtures.js';
import { startTestPlatform, type TestPlatform } from '../support/test-platform.js';
import { XINDA, fileQualification, policyBody, registerEnterprises } from '../support/underwriting-fixtures.js';

/**
 * Issue 16 / CAL-2 acceptance, through the local gateway: the calendar reminders (QUAL-6, RPT-1, RPT-3, CAL-2)
 * as their schedules start them (the schedules handler with `{ job: 'calendar-reminder' }`, in process like
 * the local scheduler), the operator's preview of a year and its load (pasted lines).
 *
 * The built-in calendar knows the years up to 2026: from December on, 20 working days after today (a
 * service's SVC-9 archive date) and 30 after a complaint's receipt (CMP-3) fall in 2027, provisionally.
 */

interface Deadline {
  dueOn: string;
  provisional: boolean;
}
interface Complaint {
  id: string;
  deadlines: { workingDay?: Deadline; binding: Deadline };
}
interface Preview {
  year: number;
  moves: { deadline: string; from: string; to: string; count: number }[];
  confirmed: number;
  stillProvisional: number;
}

const DEMO = 'Anze-demo-2026';
let test: TestPlatform;
let operator: ApiClient;
let picc: ApiClient;

beforeAll(async () => {
  test = await startTestPlatform({ demo: true });
  operator = await test.operator();
  picc = await test.signIn('picc-admin', DEMO);
  await registerEnterprises(await test.signIn('emb-city', DEMO), [XINDA]);
  // QUAL-6: 人保 files for this year (the city EMB records its paper filing); 平安 and 太保 do not.
  expectOk(await fileQualification(picc));
});
afterAll(async () => test?.stop());

/** The schedule of `reminder` firing at 08:00 Asia/Shanghai on `day`. */
const fire = async (step: string, day: string) =>
  (await handler({ job: 'calendar-reminder', step, time: `${day}T08:00:00+08:00` })) as unknown as { calendarReminders: Record<string, number> };

const reminders = (step: string) =>
  test.platform.bus
    .recent()
    .filter((event) => event.type.startsWith('reminders.reminder.') && (event.data as { step?: string }).step === step)
    .map((event) => ({ type: event.type, tenantId: event.tenantId, ...(event.data as { subjectId: string; dueOn: string; audience: string[]; runOn: string; link: string }) }));

/** The next Monday-to-Friday after `date`, not in `holidays`. */
function nextWorkingDay(date: string, holidays: ReadonlySet<string>): string {
  let day = addDays(date, 1);
  while ([0, 6].includes(dayOfWeek(day)) || holidays.has(day)) day = addDays(day, 1);
  return day;
}

describe('calendar reminders and loading next year (issue 16, CAL-2)', () => {
  it("CAL-2: Loading 2027's schedule recomputes every provisional deadline and the December reminder stops", async () => {
    // A service and a complaint with provisional deadlines in early 2027.
    const policyId = expectOk(await picc.post<{ id: string }>('/policies', policyBody()), 201).id;
    const service = await walkService(picc, undefined, scheduleBody(policyId), 'COMPLETED');
    const archive = service.deadlines?.archive as Deadline;
    expect(archive).toMatchObject({ provisional: true });
    const received = expectOk(
      await picc.post<Complaint>('/complaints', { enterpriseUscc: XINDA.uscc, receivedAt: new Date().toISOString(), channel: 'PHONE', request: '日历提醒验收：期限落在2027年' }),
      201,
    );
    const complaint = expectOk(await picc.post<Complaint>(`/complaints/${received.id}/needs-verification`, {}));
    const reply = complaint.deadlines.workingDay as Deadline;
    expect(reply.provisional).toBe(true);
    const year = yearOf(archive.dueOn);

    // December 1: 2027 is missing, the operator is reminded — once that day, however often the run repeats.
    expect((await fire('CAL-2', '2026-12-01')).calendarReminders).toEqual({ 'CAL-2:due': 1 });
    expect((await fire('CAL-2', '2026-12-01')).calendarReminders).toEqual({});
    await expect.poll(() => reminders('CAL-2'), { timeout: 10_000 }).toEqual([
      expect.objectContaining({ type: 'reminders.reminder.due', subjectId: '2027:CAL-2', dueOn: '2026-12-31', audience: ['OPERATOR'], runOn: '2026-12-01' }),
    ]);

    // The State Council's schedule, pasted: the days the provisional deadlines fell on become holidays.
    const holidays = new Set([`${year}-01-01`, archive.dueOn, reply.dueOn]);
    const text = ['# 测试用安排', ...[...holidays].map((day) => `${day} 休 `)].join('\n');
    const preview = expectOk(await operator.post<Preview>(`/platform/calendar/${year}/preview`, { text }));
    // Each moves to a later day: the archive date to the next working day, the reply date (counted in working
    // days from receipt) past every new holiday before it.
    const moveOf = (deadline: string, from: string) => preview.moves.find((move) => move.deadline === deadline && move.from === from);
    expect(moveOf('SERVICE_ARCHIVE', archive.dueOn)?.to).toBe(nextWorkingDay(archive.dueOn, holidays));
    const replyTo = moveOf('COMPLAINT_REPLY', reply.dueOn)?.to as string;
    expect(replyTo > reply.dueOn).toBe(true);
    // The preview writes nothing.
    expect((await picc.get<Service>(`/services/${service.id}`)).body.deadlines?.archive).toEqual(archive);

    expectOk(await operator.request('PUT', `/platform/calendar/${year}`, { text }));
    await expect
      .poll(async () => (await picc.get<Service>(`/services/${service.id}`)).body.deadlines?.archive, { timeout: 15_000 })
      .toEqual({ dueOn: nextWorkingDay(archive.dueOn, holidays), provisional: false });
    await expect
      .poll(async () => (await picc.get<Complaint>(`/complaints/${complaint.id}`)).body.deadlines.workingDay, { timeout: 15_000 })
      .toMatchObject({ dueOn: replyTo, provisional: false });

    // December 2: the year is loaded, the reminder has stopped.
    expect((await fire('CAL-2', '2026-12-02')).calendarReminders).toEqual({});
    const years = expectOk(await operator.get<{ items: { year: number; source: string }[]; provisional: number[] }>('/platform/calendar'));
    expect(years.items).toContainEqual(expect.objectContaining({ year, source: 'loaded' }));
    expect(years.provisional).not.toContain(year);
    expect(reminders('CAL-2')).toHaveLength(1);
  });

  it('CAL-2: a pasted line that is not a day is refused with a 400 naming its line, and nothing is loaded', async () => {
    const refused = await operator.request<ErrorBody>('PUT', '/platform/calendar/2028', { text: '2028-01-01 休\n\n2028-02-30 休\n2028-02-05 上班' });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details).toEqual([
      expect.objectContaining({ field: 'text', rule: 'CAL-2', message: expect.stringMatching(/^line 3: 2028-02-30 is not a calendar date/) }),
      expect.objectContaining({ field: 'text', rule: 'CAL-2', message: expect.stringMatching(/^line 4: /) }),
    ]);
    const preview = await operator.post<ErrorBody>('/platform/calendar/2028/preview', { text: '2028-01-01 休\n2028-01-03 班' });
    expect(preview.status).toBe(400);
    expect(preview.body.error.details?.[0]).toMatchObject({ field: 'adjustedWorkdays.0', rule: 'CAL-2' });
    const years = expectOk(await operator.get<{ items: { year: number }[] }>('/platform/calendar'));
    expect(years.items.map((item) => item.year)).not.toContain(2028);
  });

  it('QUAL-6, RPT-1, RPT-3: each insurer that has not filed, every insurer, the regulators — once per period and kind', async () => {
    // QUAL-6: of the demo's three insurers only 人保 filed for 2026, none yet for 2027.
    expect((await fire('QUAL-6', '2026-06-16')).calendarReminders).toEqual({ 'QUAL-6:overdue': 2 });
    expect((await fire('QUAL-6', '2027-06-01')).calendarReminders).toEqual({ 'QUAL-6:due': 3 });
    expect((await fire('QUAL-6', '2027-06-01')).calendarReminders).toEqual({});
    // RPT-1: January brings the year report of the year before; RPT-3: April 1, the evaluation is overdue.
    expect((await fire('RPT-1', '2027-01-04')).calendarReminders).toEqual({ 'RPT-1-YEAR:due': 3 });
    expect((await fire('RPT-3', '2027-04-01')).calendarReminders).toEqual({ 'RPT-3:overdue': 1 });
    expect((await fire('RPT-3', '2027-04-02')).calendarReminders).toEqual({});
    await expect.poll(() => reminders('QUAL-6').length, { timeout: 10_000 }).toBe(5);
    const qual6 = reminders('QUAL-6');
    expect(new Set(qual6.filter((event) => event.subjectId === '2027:QUAL-6').map((event) => event.tenantId)).size).toBe(3);
    expect(qual6.filter((event) => event.type === 'reminders.reminder.overdue').map((event) => event.subjectId)).toEqual(['2026:QUAL-6', '2026:QUAL-6']);
    expect(qual6.find((event) => event.subjectId === '2027:QUAL-6')).toMatchObject({ dueOn: '2027-06-15', audience: ['INSURER'], link: '/insurer/qualification' });
    await expect.poll(() => reminders('RPT-3'), { timeout: 10_000 }).toEqual([
      expect.objectContaining({ type: 'reminders.reminder.overdue', subjectId: '2026:RPT-3', dueOn: '2027-03-31', audience: ['REGULATOR'] }),
    ]);
    expect(reminders('RPT-1')).toHaveLength(3);
  });
});
