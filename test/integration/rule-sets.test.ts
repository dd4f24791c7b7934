import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XINZHOU_2024 } from '../../domain/kernel/rule-set/xinzhou-2024.js';
import type { ApiClient } from '../support/api-client.js';
import { startTestPlatform, type TestPlatform } from '../support/test-platform.js';
import { TAIXIN, XINDA, fileQualification, policyBody, registerEnterprises, today, year } from '../support/underwriting-fixtures.js';

const DEMO = 'Anze-demo-2026';

interface ErrorBody {
  error: { code: string; rule?: string; message: string; details?: { field?: string; rule?: string }[] };
}
interface VersionView {
  ruleSet: { id: string; version: number; effectiveFrom: string; preventionFeeFloorBasisPoints: number };
  builtIn: boolean;
  publishedBy?: string;
  basedOnVersion?: number;
  note?: string;
  inForceToday: boolean;
}

let test: TestPlatform;
let cityEmb: ApiClient;
let countyEmb: ApiClient;
let picc: ApiClient;

/** The figures of v1 as the console copies them: everything but the series, number and region. */
function figuresOfV1(overrides: Record<string, unknown> = {}) {
  const { id: _id, version: _version, region: _region, ...figures } = structuredClone(XINZHOU_2024) as unknown as Record<string, unknown>;
  return { ...figures, ...overrides };
}

const publishBody = (overrides: Record<string, unknown> = {}, basedOnVersion = 1) => ({
  basedOn: { ruleSetId: 'xinzhou-2024', ruleSetVersion: basedOnVersion },
  note: '忻应急发〔2026〕测试号：事故预防服务费用比例调整',
  figures: figuresOfV1({ effectiveFrom: `${year + 1}-01-01`, preventionFeeFloorBasisPoints: 1600, ...overrides }),
});

beforeAll(async () => {
  test = await startTestPlatform({ demo: true });
  cityEmb = await test.signIn('emb-city', DEMO);
  countyEmb = await test.signIn('emb-xinfu', DEMO);
  picc = await test.signIn('picc-admin', DEMO);
  await registerEnterprises(cityEmb, [XINDA, TAIXIN]);
  expect((await fileQualification(picc)).body.eligibility.eligible).toBe(true);
});
afterAll(async () => test?.stop());

describe('rule-set versions (RULES-1)', () => {
  it('RULES-1 lists the built-in xinzhou-2024 v1, in force today; insurers read the versions, only the city EMB publishes', async () => {
    const listed = await picc.get<{ items: VersionView[] }>('/rule-sets');
    expect(listed.status, JSON.stringify(listed.body)).toBe(200);
    expect(listed.body.items).toEqual([expect.objectContaining({ builtIn: true, inForceToday: true, ruleSet: expect.objectContaining({ id: 'xinzhou-2024', version: 1 }) })]);
    expect((await picc.post('/regulator/rule-sets', publishBody())).status).toBe(403);
    expect((await countyEmb.post('/regulator/rule-sets', publishBody())).status).toBe(403);
  });

  it('RULES-1 refuses a version effective today or earlier, one not based on the latest, and one that changes nothing', async () => {
    const today_ = await cityEmb.post<ErrorBody>('/regulator/rule-sets', publishBody({ effectiveFrom: today }));
    expect(today_.status, JSON.stringify(today_.body)).toBe(400);
    expect(today_.body.error).toMatchObject({ rule: 'RULES-1', details: [{ field: 'figures.effectiveFrom' }] });
    const stale = await cityEmb.post<ErrorBody>('/regulator/rule-sets', publishBody({}, 7));
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ rule: 'RULES-1', details: [{ field: 'basedOn.ruleSetVersion' }] });
    const same = await cityEmb.post<ErrorBody>('/regulator/rule-sets', publishBody({ preventionFeeFloorBasisPoints: 1500 }));
    expect(same.status).toBe(400);
    expect(same.body.error).toMatchObject({ rule: 'RULES-1', details: [{ field: 'figures' }] });
    const broken = await cityEmb.post<ErrorBody>('/regulator/rule-sets', publishBody({ preventionFeeCeilingBasisPoints: 1000 }));
    expect(broken.status).toBe(400);
    expect(broken.body.error.details).toEqual([expect.objectContaining({ field: 'figures.preventionFeeCeilingBasisPoints' })]);
  });

  it('RULES-1 the city EMB publishes v2 at run time: stored once, announced, read by every context from its day; decisions keep v1', async () => {
    const policy = await picc.post<{ id: string; ruleSetId: string; ruleSetVersion: number }>('/policies', policyBody({ enterpriseUscc: XINDA.uscc }));
    expect(policy.status, JSON.stringify(policy.body)).toBe(201);
    expect(policy.body).toMatchObject({ ruleSetId: 'xinzhou-2024', ruleSetVersion: 1 });

    const published = await cityEmb.post<VersionView>('/regulator/rule-sets', publishBody());
    expect(published.status, JSON.stringify(published.body)).toBe(201);
    expect(published.body).toMatchObject({
      builtIn: false,
      inForceToday: false,
      publishedBy: 'emb-city',
      basedOnVersion: 1,
      ruleSet: { id: 'xinzhou-2024', version: 2, effectiveFrom: `${year + 1}-01-01`, preventionFeeFloorBasisPoints: 1600 },
    });
    const one = await picc.get<VersionView>('/rule-sets/xinzhou-2024/versions/2');
    expect(one.body).toMatchObject({ note: publishBody().note, ruleSet: { preventionFeeFloorBasisPoints: 1600 } });
    expect((await picc.get('/rule-sets/xinzhou-2024/versions/3')).status).toBe(404);
    // Versions are immutable: v2 cannot be published again, only continued by v3.
    const again = await cityEmb.post<ErrorBody>('/regulator/rule-sets', publishBody({ preventionFeeFloorBasisPoints: 1700 }));
    expect(again.status).toBe(409);
    expect(again.body.error.details?.[0]?.field).toBe('basedOn.ruleSetVersion');

    const listed = await cityEmb.get<{ items: VersionView[] }>('/rule-sets');
    expect(listed.body.items.map((item) => [item.ruleSet.version, item.inForceToday])).toEqual([[1, true], [2, false]]);
    await expect
      .poll(() => test.platform.bus.recent().find((event) => event.type === 'register.rule_set.published')?.data, { timeout: 10_000 })
      .toMatchObject({ ruleSetId: 'xinzhou-2024', ruleSetVersion: 2, changed: ['preventionFeeFloorBasisPoints'], publishedBy: 'emb-city' });

    // The fees context reads the published version from the table: next year is judged by v2's 16% floor.
    const nextYear = await picc.get<{ ruleSetVersion: number; floorBasisPoints: number }>(`/fees/summary?year=${year + 1}`);
    expect(nextYear.status, JSON.stringify(nextYear.body)).toBe(200);
    expect(nextYear.body).toMatchObject({ ruleSetVersion: 2, floorBasisPoints: 1600 });
    expect((await picc.get<{ ruleSetVersion: number }>(`/fees/summary?year=${year}`)).body.ruleSetVersion).toBe(1);
    // The policy keeps the version it was issued under.
    expect((await picc.get<{ ruleSetVersion: number }>(`/policies/${policy.body.id}`)).body.ruleSetVersion).toBe(1);
  });

  it('RULES-1 a policy whose period starts before 2024-05-09 gets its plan and obligations under the version it recorded at issue', async () => {
    const backdated = await picc.post<{ id: string; ruleSetVersion: number }>(
      '/policies',
      policyBody({ enterpriseUscc: TAIXIN.uscc, employeesCovered: TAIXIN.staff, periodStart: '2024-03-01', periodEnd: '2025-02-28' }),
    );
    expect(backdated.status, JSON.stringify(backdated.body)).toBe(201);
    const line = (type: string, deep = false) => ({ type, deep, count: 1, items: ['主要危险源'], measures: '现场检查', provider: { kind: 'OWN' }, personnel: ['张工'] });
    const plan = await picc.request<{ ruleSetId: string; ruleSetVersion: number }>('PUT', `/policies/${backdated.body.id}/service-plan`, {
      goals: '消除重大隐患',
      support: '企业提供资料与陪同',
      basis: '近三年无死亡事故',
      agreedBy: '李矿长',
      agreedOn: '2024-03-01',
      items: [line('RISK_ASSESSMENT'), line('RISK_ASSESSMENT'), line('HAZARD_INSPECTION'), line('HAZARD_INSPECTION', true)],
    });
    expect(plan.status, JSON.stringify(plan.body)).toBe(200);
    expect(plan.body).toMatchObject({ ruleSetId: 'xinzhou-2024', ruleSetVersion: 1 });
    const obligations = await picc.get(`/policies/${backdated.body.id}/obligations`);
    expect(obligations.status, JSON.stringify(obligations.body)).toBe(200);
  });
});
