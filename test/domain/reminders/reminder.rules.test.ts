import { describe, expect, it } from 'vitest';
import type { Complaint } from '../../../domain/complaints/complaint.js';
import { WorkingDayCalendar } from '../../../domain/kernel/calendar/working-day-calendar.js';
import { XINZHOU_2024 } from '../../../domain/kernel/rule-set/xinzhou-2024.js';
import {
  complaintReminder,
  hazardReminder,
  policyReminders,
  reminderHorizon,
  reminderKindOn,
  reminderLeadOf,
  serviceReminder,
  type ReminderClock,
} from '../../../domain/reminders/reminder.rules.js';
import type { Hazard } from '../../../domain/services/hazard.js';
import type { PolicyFacts } from '../../../domain/services/policy-facts.js';
import type { PreventionService } from '../../../domain/services/service.js';

const calendar = WorkingDayCalendar.builtin();
const on = (runOn: string): ReminderClock => ({ runOn, calendar, leadWorkingDays: 3 });
const enterprise = { uscc: '91140902100079190P', name: '忻府忻达煤业有限责任公司', county: '140902', industry: 'COAL_MINE', size: 'MEDIUM' } as const;

const service = (status: PreventionService['status'], followUp: string, archive: string, enterpriseSigned = false) =>
  ({
    id: 'svc-1',
    tenantId: 't-1',
    type: 'HAZARD_INSPECTION',
    deep: false,
    status,
    enterprise,
    deadlines: { followUp: { dueOn: followUp, provisional: false }, archive: { dueOn: archive, provisional: false } },
    confirmations: enterpriseSigned ? { enterprise: { signerName: '赵矿长' } } : {},
  }) as unknown as PreventionService;

describe('the daily run decides what is due when (issue 16)', () => {
  it('SVC-8, SVC-9: the lead counts working days — across National Day a due date ten calendar days ahead is three working days ahead', () => {
    // 2026: Oct 1–7 off; Sep 29 + 3 working days = Sep 30, Oct 8, Oct 9.
    expect(reminderHorizon(on('2026-09-29'))).toBe('2026-10-09');
    expect(reminderKindOn('2026-10-09', on('2026-09-29'))).toBe('due');
    expect(reminderKindOn('2026-10-10', on('2026-09-29'))).toBeUndefined(); // an adjusted working Saturday: the 4th
    expect(reminderKindOn('2026-10-10', on('2026-09-30'))).toBe('due');
  });

  it('SVC-9: due on the day itself, overdue from the day after — across the year boundary too', () => {
    expect(reminderKindOn('2026-12-31', on('2026-12-31'))).toBe('due');
    expect(reminderKindOn('2026-12-31', on('2027-01-01'))).toBe('overdue');
    expect(reminderKindOn('2027-01-04', on('2026-12-29'))).toBe('due');
    expect(reminderKindOn('2027-01-05', on('2026-12-29'))).toBeUndefined();
  });

  it('RULES-1: the lead is the rule set\'s figure, 3 working days when a published version predates it', () => {
    expect(reminderLeadOf(XINZHOU_2024)).toBe(3);
    expect(reminderLeadOf({ reminderLeadWorkingDays: undefined })).toBe(3);
    expect(reminderLeadOf({ ...XINZHOU_2024, reminderLeadWorkingDays: 5 })).toBe(5);
  });

  it('SVC-9: an archive still missing the enterprise\'s signature reminds the insurer and the enterprise, with both links', () => {
    const reminder = serviceReminder(service('FOLLOWED_UP', '2026-12-01', '2026-12-04'), on('2026-12-07'));
    expect(reminder).toEqual({
      kind: 'overdue',
      payload: {
        step: 'SVC-9',
        subject: 'service',
        subjectId: 'svc-1',
        title: '忻府忻达煤业有限责任公司 · 隐患排查 · 归档',
        dueOn: '2026-12-04',
        audience: ['INSURER', 'ENTERPRISE'],
        enterpriseUscc: enterprise.uscc,
        county: '140902',
        link: '/insurer/services/svc-1',
        enterpriseLink: '/my/services',
        runOn: '2026-12-07',
      },
    });
    expect(serviceReminder(service('CONFIRMED', '2026-12-01', '2026-12-04', true), on('2026-12-07'))?.payload.audience).toEqual(['INSURER']);
  });

  it('SVC-8: a completed service owes the insurer\'s follow-up; a scheduled or archived one owes nothing here', () => {
    expect(serviceReminder(service('COMPLETED', '2026-12-09', '2026-12-23'), on('2026-12-07'))?.payload).toMatchObject({ step: 'SVC-8', audience: ['INSURER'], dueOn: '2026-12-09' });
    expect(serviceReminder(service('ARCHIVED', '2026-12-01', '2026-12-04'), on('2026-12-07'))).toBeUndefined();
  });

  it('SVC-7: a hazard to rectify reminds the enterprise too; once reported rectified only the insurer verifies', () => {
    const hazard = { id: 'hz-1', grade: 'MAJOR', status: 'OPEN', rectifyBy: '2026-12-08', enterprise: { uscc: enterprise.uscc, name: enterprise.name, county: '140902' } } as unknown as Hazard;
    expect(hazardReminder(hazard, on('2026-12-07'))?.payload).toMatchObject({
      step: 'SVC-7',
      title: '忻府忻达煤业有限责任公司 · 重大隐患 · 整改',
      audience: ['INSURER', 'ENTERPRISE'],
      enterpriseLink: '/my/hazards',
    });
    const rectified = { ...hazard, status: 'RECTIFIED', rectification: { dueOn: '2026-12-02' } } as unknown as Hazard;
    expect(hazardReminder(rectified, on('2026-12-07'))).toMatchObject({ kind: 'overdue', payload: { audience: ['INSURER'], dueOn: '2026-12-02' } });
  });

  it('CMP-2..4, CMP-8: a complaint is reminded against its binding date, to the insurer', () => {
    const complaint = { id: 'c-1', tenantId: 't-1', enterpriseUscc: enterprise.uscc, request: '九月份的隐患排查未按服务方案开展，请核实并答复。', deadlines: { binding: { dueOn: '2026-12-09' } } } as unknown as Complaint;
    expect(complaintReminder(complaint, on('2026-12-04'))?.payload).toMatchObject({
      step: 'CMP-2',
      title: '投诉 · 九月份的隐患排查未按服务方案开展… · 答复',
      audience: ['INSURER'],
      link: '/insurer/complaints/c-1',
    });
    expect(complaintReminder(complaint, on('2026-12-03'))).toBeUndefined();
  });

  const policy = (periodStart: string, periodEnd: string, cancelledOn?: string): PolicyFacts => ({
    id: 'pol-1',
    tenantId: 't-1',
    policyNumber: 'PAAA2026001',
    enterprise,
    periodStart,
    periodEnd,
    status: cancelledOn ? 'CANCELLED' : 'ISSUED',
    ...(cancelledOn ? { cancelledOn } : {}),
    ruleSetId: 'xinzhou-2024',
    ruleSetVersion: 1,
  });
  const steps = (reminders: ReturnType<typeof policyReminders>) => reminders.map((r) => `${r.kind} ${r.payload.step} ${r.payload.dueOn}`);

  it('SVC-4: a policy without an agreed plan is due on its first day and overdue after it, to the insurer', () => {
    const facts = { policy: policy('2026-10-09', '2027-10-08'), services: [] };
    expect(steps(policyReminders(facts, XINZHOU_2024, on('2026-09-29')))).toEqual(['due SVC-4 2026-10-09']);
    const [overdue] = policyReminders(facts, XINZHOU_2024, on('2026-10-12'));
    expect(overdue?.payload).toMatchObject({ step: 'SVC-4', subject: 'policy', title: '忻府忻达煤业有限责任公司 · PAAA2026001 · 服务方案', audience: ['INSURER'], link: '/insurer/obligations' });
    expect(policyReminders({ ...facts, plan: { items: [] } }, XINZHOU_2024, on('2026-09-29'))).toEqual([]);
  });

  it('SVC-2: no archived service by start + 3 months is due, then overdue; an archived one in time ends it; so does a cancellation', () => {
    const started = policy('2026-07-10', '2027-07-09');
    const withPlan = { policy: started, plan: { items: [] }, services: [] };
    expect(steps(policyReminders(withPlan, XINZHOU_2024, on('2026-09-29')))).toEqual(['due SVC-2 2026-10-09']);
    expect(steps(policyReminders(withPlan, XINZHOU_2024, on('2026-10-10')))).toEqual(['overdue SVC-2 2026-10-09']);
    const served = { ...withPlan, services: [{ type: 'RISK_ASSESSMENT' as const, deep: false, status: 'ARCHIVED' as const, performedOn: '2026-08-03' }] };
    expect(policyReminders(served, XINZHOU_2024, on('2026-09-29'))).toEqual([]);
    const cancelled = { ...withPlan, policy: policy('2026-07-10', '2027-07-09', '2026-09-01') };
    expect(policyReminders(cancelled, XINZHOU_2024, on('2026-09-29'))).toEqual([]);
  });

  it('SVC-11: the year\'s obligations still open are due on its last day; none once they are done', () => {
    const ending = { policy: policy('2025-10-09', '2026-10-08'), plan: { items: [] }, services: [] };
    // SVC-2's first service was due on 2026-01-08 (the run reads such a policy only within 31 days of it).
    expect(steps(policyReminders(ending, XINZHOU_2024, on('2026-09-29')))).toEqual(['overdue SVC-2 2026-01-08', 'due SVC-11 2026-10-08']);
    const [yearEnd] = policyReminders(ending, XINZHOU_2024, on('2026-09-29')).filter((r) => r.payload.step === 'SVC-11');
    expect(yearEnd?.payload).toMatchObject({ title: '忻府忻达煤业有限责任公司 · PAAA2026001 · 年度服务义务', audience: ['INSURER'], link: '/insurer/obligations' });
    // A coal mine owes 2 risk assessments, 2 inspections, 1 of them deep (SVC-1): all archived in the year.
    const archived = (type: 'RISK_ASSESSMENT' | 'HAZARD_INSPECTION', performedOn: string, deep = false) => ({ type, deep, status: 'ARCHIVED' as const, performedOn });
    const done = {
      ...ending,
      services: [archived('RISK_ASSESSMENT', '2025-11-03'), archived('RISK_ASSESSMENT', '2026-03-02'), archived('HAZARD_INSPECTION', '2026-04-01', true), archived('HAZARD_INSPECTION', '2026-06-01')],
    };
    expect(steps(policyReminders(done, XINZHOU_2024, on('2026-09-29')))).toEqual([]);
  });
});
