import { describe, expect, it } from 'vitest';
import { XINZHOU_2024 } from '../../domain/kernel/rule-set/xinzhou-2024.js';
import { calendarReminderJobsAt } from '../../infra/local/scheduler.js';

describe('the local scheduler runs the calendar reminders from the same list as the Scheduler crons (issue 16)', () => {
  it('CAL-2 every December morning; QUAL-6 on June 1 and 16 (Shanghai days, whatever the UTC day)', () => {
    // 2026-12-01 00:00 UTC is 08:00 in Shanghai.
    expect(calendarReminderJobsAt(new Date('2026-12-01T00:00:00Z'), XINZHOU_2024)).toEqual([
      { job: 'calendar-reminder', step: 'CAL-2', reminder: 'CAL-2', kind: 'due', time: '2026-12-01T00:00:00.000Z' },
    ]);
    expect(calendarReminderJobsAt(new Date('2027-05-31T16:30:00Z'), XINZHOU_2024).map((job) => [job.reminder, job.kind])).toEqual([
      ['QUAL-6', 'due'],
      ['CAL-2', 'overdue'],
    ]);
    expect(calendarReminderJobsAt(new Date('2027-06-16T00:00:00Z'), XINZHOU_2024).map((job) => [job.reminder, job.kind])).toEqual([
      ['QUAL-6', 'overdue'],
      ['CAL-2', 'overdue'],
    ]);
    expect(calendarReminderJobsAt(new Date('2027-06-02T00:00:00Z'), XINZHOU_2024).map((job) => job.reminder)).toEqual(['CAL-2']);
  });
});
