import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../domain/kernel/calendar/local-date.js';
import { usccCheckCharacter } from '../../domain/kernel/uscc.js';
import { oneYearPeriodEnd } from '../../domain/underwriting/policy.rules.js';
import type { ApiClient } from '../support/api-client.js';
import { tenantBody, unique } from '../support/fixtures.js';
import { fileQualification, policyBody, registerEnterprises, today } from '../support/underwriting-fixtures.js';
import { startTestPlatform, type TestPlatform } from '../support/test-platform.js';

interface Row {
  policyId: string;
  policyNumber: string;
  enterpriseUscc: string;
  enterpriseName: string;
  key: string;
  status: 'OPEN' | 'OVERDUE';
  daysLeft: number;
  dueBy: string;
  planMissing: boolean;
}
interface Rows {
  items: Row[];
  nextCursor?: string;
  total: number;
  truncated: boolean;
}
interface Requirement {
  key: string;
  status: string;
  daysLeft: number;
}
interface Policy {
  id: string;
  tenantId: string;
  periodStart: string;
}

let test: TestPlatform;
let picc: ApiClient;
let pingan: ApiClient;
let piccTenantId: string;
const issued: Record<string, Policy> = {};

/** Enterprises of 忻府区, each insured once, so their back-dated policies overlap nothing (UW-9). */
const enterprise = (n: number, industry: string) => {
  const base = `91140902100008${String(800 + n)}`;
  return { uscc: `${base}${usccCheckCharacter(base)}`, name: `义务清单测试${n}号企业有限公司`, industry, county: '140902', staff: 120, revenueWan: 900 };
};
const LATE = enterprise(1, 'COAL_MINE');
const SOON = enterprise(2, 'COAL_MINE');
const ENDED = enterprise(3, 'COAL_MINE');

/** Every page of a list, `limit` rows at a time. */
async function allRows(client: ApiClient, status: string, limit = 7): Promise<Rows['items']> {
  const rows: Row[] = [];
  let cursor: string | undefined;
  do {
    const page = await client.get<Rows>(`/obligations?status=${status}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(page.status, JSON.stringify(page.body)).toBe(200);
    rows.push(...page.body.items);
    cursor = page.body.nextCursor;
  } while (cursor);
  return rows;
}

beforeAll(async () => {
  // No demo data (CI time): two insurers, the city EMB and three registered enterprises are all the test needs.
  test = await startTestPlatform();
  const operator = await test.operator();
  const bodyA = tenantBody('O');
  const bodyB = tenantBody('P');
  expect((await operator.post('/platform/tenants', bodyA)).status).toBe(201);
  expect((await operator.post('/platform/tenants', bodyB)).status).toBe(201);
  picc = await test.signIn(bodyA.admin.username, bodyA.admin.password);
  pingan = await test.signIn(bodyB.admin.username, bodyB.admin.password);
  const embName = unique('emb-obl-');
  await operator.post('/platform/regulators', { agency: 'EMB_CITY', name: '忻州市应急管理局', admin: { username: embName, password: 'Regulator-2026', displayName: '市局' } });
  const cityEmb = await test.signIn(embName, 'Regulator-2026');
  await registerEnterprises(cityEmb, [LATE, SOON, ENDED]);
  expect((await fileQualification(picc, cityEmb)).status).toBe(200);
  const issue = async (name: string, who: typeof LATE, periodStart: string) => {
    const answer = await picc.post<Policy>('/policies', policyBody({ enterpriseUscc: who.uscc, employeesCovered: who.staff, periodStart, periodEnd: oneYearPeriodEnd(periodStart) }));
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    issued[name] = answer.body;
  };
  // SVC-2: three months for the first service — 200 days in, it is overdue; 80 days in, due within the month.
  await issue('late', LATE, addDays(today, -200));
  await issue('soon', SOON, addDays(today, -80));
  // Started more than a year ago: its year is over (UW-1), so it is not current work.
  await issue('ended', ENDED, addDays(today, -400));
  piccTenantId = issued.late?.tenantId as string;
});

afterAll(async () => test?.stop());

/** The independent recomputation: each current policy's own obligations (GET /policies/{id}/obligations). */
async function perPolicy(): Promise<Map<string, Requirement[]>> {
  const policies: Policy[] = [];
  let cursor: string | undefined;
  do {
    const page = await picc.get<{ items: Policy[]; nextCursor?: string }>(`/policies?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(page.status).toBe(200);
    policies.push(...page.body.items);
    cursor = page.body.nextCursor;
  } while (cursor);
  const current = policies.filter((policy) => policy.tenantId === piccTenantId && policy.periodStart >= addDays(today, -367) && policy.periodStart <= today);
  const out = new Map<string, Requirement[]>();
  for (const policy of current) {
    const answer = await picc.get<{ requirements: Requirement[] }>(`/policies/${policy.id}/obligations`);
    expect(answer.status).toBe(200);
    out.set(policy.id, answer.body.requirements);
  }
  return out;
}

describe('SVC-11 (issue 15): the obligations across the insurer’s policies', () => {
  it('SVC-11 the overdue and due-soon filters equal a recomputation from each policy’s own obligations, sorted by days left', async () => {
    const expected = await perPolicy();
    const keysOf = (pick: (requirement: Requirement) => boolean) =>
      [...expected].flatMap(([policyId, requirements]) => requirements.filter(pick).map((requirement) => `${policyId}:${requirement.key}`)).sort();

    const overdue = await allRows(picc, 'overdue');
    expect(overdue.map((row) => `${row.policyId}:${row.key}`).sort()).toEqual(keysOf((requirement) => requirement.status === 'OVERDUE'));
    expect(overdue.map((row) => `${row.policyId}:${row.key}`)).toContain(`${issued.late?.id}:FIRST_SERVICE`);

    const soon = await allRows(picc, 'due-soon');
    expect(soon.map((row) => `${row.policyId}:${row.key}`).sort()).toEqual(keysOf((requirement) => requirement.status === 'OPEN' && requirement.daysLeft <= 30));
    expect(soon.map((row) => `${row.policyId}:${row.key}`)).toContain(`${issued.soon?.id}:FIRST_SERVICE`);

    const all = await allRows(picc, 'all', 100);
    expect(all.length).toBe(keysOf((requirement) => requirement.status !== 'DONE').length);
    expect(all.map((row) => row.daysLeft)).toEqual([...all.map((row) => row.daysLeft)].sort((a, b) => a - b));
    expect(all.some((row) => row.policyId === issued.ended?.id)).toBe(false);
  });

  it('SVC-11 each row names its enterprise and policy number; the first page counts the filter’s rows', async () => {
    const page = await picc.get<Rows>('/obligations?status=overdue&limit=1');
    expect(page.status).toBe(200);
    expect(page.body.total).toBeGreaterThanOrEqual(1);
    expect(page.body.truncated).toBe(false);
    const late = (await allRows(picc, 'overdue')).find((row) => row.policyId === issued.late?.id);
    expect(late).toMatchObject({ enterpriseName: LATE.name, enterpriseUscc: LATE.uscc, status: 'OVERDUE', planMissing: true });
    expect(late?.daysLeft).toBeLessThan(0);
  });

  it('SVC-11 ACL-1 another insurer’s list holds none of these policies; a bad filter or cursor is a 400 naming it', async () => {
    const others = await allRows(pingan, 'all', 100);
    const ours = new Set(Object.values(issued).map((policy) => policy.id));
    expect(others.some((row) => ours.has(row.policyId))).toBe(false);
    const bad = await picc.get<{ error: { details?: { field?: string }[] } }>('/obligations?status=late');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.error.details)).toContain('status');
    expect((await picc.get('/obligations?cursor=abc')).status).toBe(400);
  });
});
