import { describe, expect, it } from 'vitest';
import { WorkingDayCalendar } from '../../../domain/kernel/calendar/working-day-calendar.js';
import { calendarYearsOf, loadCalendarYear } from '../../../domain/platform/calendar-year.rules.js';
import { platformEvents } from '../../../domain/platform/events.js';
import { onboardRegulator } from '../../../domain/platform/regulator.rules.js';
import { onboardTenant } from '../../../domain/platform/tenant.rules.js';
import { changeUser, createUser } from '../../../domain/platform/user.rules.js';

const now = new Date('2026-03-02T01:00:00.000Z');
const admin = (role: 'insurer-admin' | 'regulator-admin', scope: object) =>
  createUser({ id: 'u1', username: 'admin.one', displayName: '管理员', role, ...scope }, now);

describe('platform transitions decide their events (domain/platform/events.ts)', () => {
  it('onboarding an insurer raises platform.tenant.onboarded, then the admin’s platform.user.created', () => {
    const { state, events } = onboardTenant({ id: 't1', name: '某保险公司', uscc: '91140900MA0GRP001X', branchName: '某分公司' }, admin('insurer-admin', { tenantId: 't1' }), now);
    expect(state.tenant).toEqual({ id: 't1', name: '某保险公司', uscc: '91140900MA0GRP001X', branchName: '某分公司', status: 'ACTIVE', createdAt: now.toISOString(), version: 1 });
    expect(events.map((event) => [event.type, event.aggregate, event.sequence, event.tenantId])).toEqual([
      ['platform.tenant.onboarded', { type: 'tenant', id: 't1' }, 1, 't1'],
      ['platform.user.created', { type: 'user', id: 'u1' }, 1, 't1'],
    ]);
    expect(events[0]?.data).toEqual({ tenantId: 't1', name: '某保险公司', uscc: '91140900MA0GRP001X', branchName: '某分公司' });
    expect(events[1]?.data).toEqual({ userId: 'u1', username: 'admin.one', role: 'insurer-admin' });
  });

  it('ACL-4: onboarding a county EMB derives its id from the county and raises platform.regulator.onboarded', () => {
    const { state, events } = onboardRegulator({ agency: 'EMB_COUNTY', county: '140902', name: '忻府区应急管理局' }, admin('regulator-admin', { agency: 'EMB_COUNTY', county: '140902' }), now);
    expect(state.regulator.id).toBe('emb-county-140902');
    expect(events.map((event) => event.type)).toEqual(['platform.regulator.onboarded', 'platform.user.created']);
    expect(events[0]?.tenantId).toBeUndefined();
  });

  it('changing a user moves it to its next version with platform.user.updated', () => {
    const { state: user } = admin('insurer-admin', { tenantId: 't1' });
    const { state, events } = changeUser(user, { disabled: true }, new Date('2026-03-03T00:00:00.000Z'));
    expect(state).toMatchObject({ disabled: true, version: 2, updatedAt: '2026-03-03T00:00:00.000Z' });
    expect(events).toEqual([
      expect.objectContaining({ type: 'platform.user.updated', sequence: 2, tenantId: 't1', data: { userId: 'u1', username: 'admin.one', role: 'insurer-admin', disabled: true } }),
    ]);
  });

  it('CAL-2: a reloaded year takes the next version and reports its counts in platform.calendar.year_loaded', () => {
    const schedule = { year: 2027, holidays: ['2027-01-02', '2027-01-01'], adjustedWorkdays: [], source: 'loaded' as const };
    const first = loadCalendarYear(schedule, undefined, 'op', now);
    const again = loadCalendarYear(schedule, first.state, 'op', now);
    expect(first.state.holidays).toEqual(['2027-01-01', '2027-01-02']);
    expect(again.state.version).toBe(2);
    expect(again.events).toEqual([expect.objectContaining({ type: 'platform.calendar.year_loaded', sequence: 2, data: { year: 2027, holidays: 2, adjustedWorkdays: 0 } })]);
    const years = calendarYearsOf(WorkingDayCalendar.builtin(), [again.state]);
    expect(years.at(-1)).toEqual({ year: 2027, source: 'loaded', loadedAt: now.toISOString(), loadedBy: 'op', version: 2 });
  });

  it('every payload a transition raises fits its declared schema', () => {
    const { events } = onboardTenant({ id: 't1', name: 'n', uscc: 'u', branchName: 'b' }, admin('insurer-admin', { tenantId: 't1' }), now);
    const byName = new Map(Object.values(platformEvents).map((type) => [type.name as string, type]));
    for (const event of events) expect(byName.get(event.type)?.payload.safeParse(event.data).success).toBe(true);
  });
});
