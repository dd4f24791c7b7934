import { describe, expect, it } from 'vitest';
import { compareLocalDates } from '../../domain/kernel/calendar/local-date.js';
import { BOUNDED_CONTEXTS } from '../../functions/http/contexts.js';
import { policyOfRound, type LoadUser } from '../bench/load-client.js';
import { ENTERPRISES_PER_USER, loadMix, periodsFromToday } from '../bench/load.js';

// Issue 20's load section: the mix is the console's real calls, and its design is what keeps errors at 0.
describe('the load mix (issue 20)', () => {
  const mix = loadMix(['/policies', '/fees/ledger']);
  const routeOf = (method: string, path: string) =>
    BOUNDED_CONTEXTS.flatMap((context) => context.routes).find(
      (route) => route.method === method && new RegExp(`^${route.path.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(`/api/v1${path.split('?')[0]}`),
    );

  it('issue 20: besides lists and gets, a cycle issues a policy (UW-1..10), agrees its plan and schedules a service (SVC-4, SVC-5), and books a receipt and an expense (FEE-2)', () => {
    expect(mix.filter((step) => step.method !== 'GET').map((step) => `${step.method} ${step.path}`)).toEqual([
      'POST /policies',
      'PUT /policies/{policy}/service-plan',
      'POST /services',
      'POST /fees/premium-receipts',
      'POST /fees/expenses',
      'PATCH /users/{user}',
    ]);
  });

  it('SVC-9, ACL-1: every call of the mix is a route of the platform an insurer’s staff may call (no enterprise confirmation)', () => {
    for (const step of mix) {
      const route = routeOf(step.method, step.path.replace(/\{(user|policy|service)\}/g, 'x1'));
      expect(route, `${step.method} ${step.path}`).toBeDefined();
      expect(route?.access.kind === 'roles' && route.access.roles.some((role) => role.startsWith('insurer-')), `${step.method} ${step.path}`).toBe(true);
    }
  });

  it('UW-9: a user’s cycles never issue two overlapping policies to one enterprise', () => {
    const periods = periodsFromToday(25);
    const users: LoadUser[] = [0, 1].map((n) => ({ user: `u${n}`, token: 't', enterprises: Array.from({ length: ENTERPRISES_PER_USER }, (_, i) => `E${n}-${i}`) }));
    const issued = users.flatMap((user) => Array.from({ length: 60 }, (_, round) => policyOfRound(user, round + 1, periods)));
    for (const [index, policy] of issued.entries()) {
      for (const other of issued.slice(index + 1)) {
        if (other.enterprise !== policy.enterprise) continue;
        const overlap = compareLocalDates(policy.start, other.end) <= 0 && compareLocalDates(other.start, policy.end) <= 0;
        expect(overlap, `${policy.enterprise} ${policy.start} / ${other.start}`).toBe(false);
      }
    }
    expect(issued).toHaveLength(120);
  });
});
