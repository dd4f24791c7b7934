import { describe, expect, it } from 'vitest';
import type { Hazard, PreventionService } from '../../api';
import { hazardColumns, hazardDueOn, isHazardOverdue, lifecycleStep, needsPrincipal, serviceDue, servicesByDay } from './service-dates';

/** SVC-8/SVC-9's example: performed 2024-09-27 → follow-up due 2024-10-16 (10 working days over the National Day week). */
const deadlines = { followUp: { dueOn: '2024-10-16', provisional: false }, archive: { dueOn: '2024-10-31', provisional: true } };

type DueFields = Pick<PreventionService, 'status' | 'deadlines'>;

describe('service deadlines (SVC-8, SVC-9)', () => {
  it('work towards the follow-up once completed, on time on the due date and overdue the day after', () => {
    const completed: DueFields = { status: 'COMPLETED', deadlines };
    expect(serviceDue(completed, '2024-10-16')).toEqual({ kind: 'FOLLOW_UP', dueOn: '2024-10-16', provisional: false, daysLeft: 0, overdue: false });
    expect(serviceDue(completed, '2024-10-17')).toMatchObject({ kind: 'FOLLOW_UP', daysLeft: -1, overdue: true });
  });

  it('work towards the archive once followed up or confirmed, and keep its provisional mark (CAL-2)', () => {
    expect(serviceDue({ status: 'FOLLOWED_UP', deadlines }, '2024-10-20')).toMatchObject({ kind: 'ARCHIVE', dueOn: '2024-10-31', provisional: true, daysLeft: 11 });
    expect(serviceDue({ status: 'CONFIRMED', deadlines }, '2024-11-01')).toMatchObject({ kind: 'ARCHIVE', overdue: true });
  });

  it('have none before the record or once archived or cancelled', () => {
    expect(serviceDue({ status: 'SCHEDULE_CONFIRMED' }, '2024-10-01')).toBeUndefined();
    expect(serviceDue({ status: 'ARCHIVED', deadlines }, '2025-01-01')).toBeUndefined();
    expect(serviceDue({ status: 'CANCELLED', deadlines }, '2025-01-01')).toBeUndefined();
  });
});

describe('the lifecycle steps (SVC-5 … SVC-10)', () => {
  it('follow the status, and leave a cancelled service where it stopped', () => {
    expect(lifecycleStep({ status: 'SCHEDULED' })).toBe(0);
    expect(lifecycleStep({ status: 'FOLLOWED_UP' })).toBe(3);
    expect(lifecycleStep({ status: 'ARCHIVED' })).toBe(5);
    expect(lifecycleStep({ status: 'CANCELLED' })).toBe(0);
    expect(lifecycleStep({ status: 'CANCELLED', scheduleConfirmation: { recordedBy: 'INSURER', confirmedByName: '王', at: '', userId: '' } })).toBe(1);
  });
});

describe('the calendar', () => {
  it('puts services on their Shanghai day in time order', () => {
    const byDay = servicesByDay([
      { id: 'b', scheduledOn: '2026-03-02', scheduledAt: '2026-03-02T14:00:00+08:00' },
      { id: 'c', scheduledOn: '2026-03-03', scheduledAt: '2026-03-02T16:30:00Z' },
      { id: 'a', scheduledOn: '2026-03-02', scheduledAt: '2026-03-02T09:00:00+08:00' },
    ]);
    expect(byDay.get('2026-03-02')?.map((service) => service.id)).toEqual(['a', 'b']);
    expect(byDay.get('2026-03-03')?.map((service) => service.id)).toEqual(['c']);
    expect(byDay.get('2026-03-04')).toBeUndefined();
  });
});

type HazardFields = Pick<Hazard, 'status' | 'grade' | 'rectifyBy' | 'rectification'> & { id: string };
const rectification = (dueOn: string) => ({ plan: 'p', dueOn, responsiblePerson: 'r', reportedAt: '', reportedBy: '', closureEvidence: [] });

describe('hazards (SVC-7)', () => {
  it('are due on the enterprise’s own date once it reported a plan, and on none once verified', () => {
    expect(hazardDueOn({ status: 'OPEN', rectifyBy: '2026-04-01' })).toBe('2026-04-01');
    expect(hazardDueOn({ status: 'RECTIFYING', rectifyBy: '2026-04-01', rectification: rectification('2026-03-20') })).toBe('2026-03-20');
    expect(hazardDueOn({ status: 'VERIFIED', rectifyBy: '2026-04-01' })).toBeUndefined();
  });

  it('are overdue after the due date while still to be rectified, not once reported rectified', () => {
    expect(isHazardOverdue({ status: 'OPEN', rectifyBy: '2026-04-01' }, '2026-04-01')).toBe(false);
    expect(isHazardOverdue({ status: 'OPEN', rectifyBy: '2026-04-01' }, '2026-04-02')).toBe(true);
    expect(isHazardOverdue({ status: 'RECTIFIED', rectifyBy: '2026-04-01', rectification: rectification('2026-04-01') }, '2026-05-01')).toBe(false);
  });

  it('sit in their status column, MAJOR first, then the earliest due', () => {
    const hazards: HazardFields[] = [
      { id: 'g-late', status: 'OPEN', grade: 'GENERAL', rectifyBy: '2026-05-01' },
      { id: 'g-soon', status: 'OPEN', grade: 'GENERAL', rectifyBy: '2026-04-01' },
      { id: 'm', status: 'OPEN', grade: 'MAJOR', rectifyBy: '2026-06-01' },
      { id: 'r', status: 'RECTIFIED', grade: 'GENERAL', rectifyBy: '2026-04-01' },
    ];
    const columns = hazardColumns(hazards);
    expect(columns.OPEN.map((hazard) => hazard.id)).toEqual(['m', 'g-soon', 'g-late']);
    expect(columns.RECTIFIED.map((hazard) => hazard.id)).toEqual(['r']);
    expect(columns.RECTIFYING).toEqual([]);
    expect(columns.VERIFIED).toEqual([]);
  });

  it('need the principal responsible person named as soon as one is MAJOR', () => {
    expect(needsPrincipal([{ grade: 'GENERAL' }, undefined])).toBe(false);
    expect(needsPrincipal([{ grade: 'GENERAL' }, { grade: 'MAJOR' }])).toBe(true);
    expect(needsPrincipal(undefined)).toBe(false);
  });
});
