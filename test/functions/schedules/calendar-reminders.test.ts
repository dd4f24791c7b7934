import { describe, expect, it } from 'vitest';
import { WorkingDayCalendar } from '../../../domain/kernel/calendar/working-day-calendar.js';
import type { DomainEvent } from '../../../domain/kernel/events.js';
import { XINZHOU_2024 } from '../../../domain/kernel/rule-set/xinzhou-2024.js';
import type { PlatformRepository } from '../../../domain/platform/platform.repository.js';
import type { ReminderMark } from '../../../domain/reminders/once-only.port.js';
import { runCalendarReminders, type CalendarRemindersRoot } from '../../../functions/schedules/calendar-reminders.js';

/** The calendar reminders over in-memory ports: two insurers, one of which filed for 2027 on paper. */
function rootWith(calendar: WorkingDayCalendar) {
  const marks = new Set<string>();
  const raised: DomainEvent[] = [];
  const root: CalendarRemindersRoot = {
    platform: { listTenants: async () => ({ items: [{ id: 't-filed' }, { id: 't-late' }] }) } as unknown as PlatformRepository,
    filings: { get: async () => undefined },
    paperFilings: { get: async (tenantId: string) => (tenantId === 't-filed' ? ({} as never) : undefined) },
    calendar: { current: async () => calendar, forget: () => undefined },
    ruleSets: { versions: async () => [XINZHOU_2024] },
    reminders: {
      async raiseOnce(mark: ReminderMark, event: DomainEvent) {
        const key = JSON.stringify(mark);
        if (marks.has(key)) return false;
        marks.add(key);
        raised.push(event);
        return true;
      },
    },
  };
  return { root, raised };
}

const at = (day: string) => new Date(`${day}T08:00:00+08:00`);

describe('the calendar reminders of a day (issue 16)', () => {
  it('CAL-2 reminds the operator every December day while next year is missing, once a day, and not once it is loaded', async () => {
    const { root, raised } = rootWith(WorkingDayCalendar.builtin());
    expect(await runCalendarReminders(root, at('2026-12-01'), { step: 'CAL-2' })).toEqual({ 'CAL-2:due': 1 });
    expect(await runCalendarReminders(root, at('2026-12-01'), { step: 'CAL-2' })).toEqual({});
    expect(await runCalendarReminders(root, at('2026-12-02'), { step: 'CAL-2' })).toEqual({ 'CAL-2:due': 1 });
    expect(raised.map((event) => [event.type, (event.data as { runOn: string }).runOn, event.tenantId])).toEqual([
      ['reminders.reminder.due', '2026-12-01', undefined],
      ['reminders.reminder.due', '2026-12-02', undefined],
    ]);
    const loaded = rootWith(WorkingDayCalendar.builtin().withYear({ year: 2027, holidays: ['2027-01-01'], adjustedWorkdays: [], source: 'loaded' }));
    expect(await runCalendarReminders(loaded.root, at('2026-12-03'), { step: 'CAL-2' })).toEqual({});
  });

  it('QUAL-6 reminds only the insurer that has not filed, addressed to its tenant; a run without a step does every reminder of the day', async () => {
    const { root, raised } = rootWith(WorkingDayCalendar.builtin());
    expect(await runCalendarReminders(root, at('2027-06-01'))).toEqual({ 'QUAL-6:due': 1, 'CAL-2:overdue': 1 });
    expect(raised.find((event) => (event.data as { step: string }).step === 'QUAL-6')).toMatchObject({
      tenantId: 't-late',
      aggregate: { id: '2027:QUAL-6' },
      data: { subject: 'year', title: '2027年度安责险承保资格报送材料', dueOn: '2027-06-15', audience: ['INSURER'], link: '/insurer/qualification' },
    });
  });
});
