import { SignJWT, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ACCESS_MATRIX, isAllowed } from '../../functions/http/access-matrix.js';
import type { Role } from '../../domain/identity/role.js';
import { BOUNDED_CONTEXTS } from '../../functions/http/contexts.js';
import { routeKeyOf, type RouteSpec } from '../../functions/middleware/route.js';
import type { ApiClient } from '../support/api-client.js';
import { usccCheckCharacter } from '../../domain/kernel/uscc.js';
import { HUTUO, fileQualification, policyBody, registerEnterprises, today } from '../support/underwriting-fixtures.js';
import { scheduleBody, walkService } from '../support/services-fixtures.js';
import { startTestPlatform, type TestPlatform } from '../support/test-platform.js';
import { signInWithTotp } from '../support/totp-sign-in.js';

/**
 * The isolation matrix (ARCHITECTURE.md §3, §4): every route of every bounded context, read from the route
 * tables, against every kind of caller. A route added to a context joins this test by itself; a route with
 * no row in the access matrix fails it, and so does a path parameter nobody wrote a foreign-object fixture for.
 */

const DEMO_PASSWORD = 'Anze-demo-2026';
// Issue 17: the other insurer's webhook endpoint is a loopback address (nothing listens there).
process.env.ANZE_WEBHOOKS_ALLOW_PRIVATE = 'true';

interface Caller {
  readonly name: string;
  readonly role: Role;
  readonly agency?: 'EMB_CITY' | 'EMB_COUNTY' | 'NFRA';
  readonly username: string;
  client?: ApiClient;
  userId?: string;
}

/** One caller of each kind the platform has, from the demo data (which also has a second insurer). */
const CALLERS: Caller[] = [
  { name: 'platform operator', role: 'platform-operator', username: 'operator' },
  { name: 'insurer admin', role: 'insurer-admin', username: 'picc-admin' },
  { name: 'insurer staff', role: 'insurer-staff', username: 'picc-staff' },
  { name: 'city EMB admin', role: 'regulator-admin', agency: 'EMB_CITY', username: 'emb-city' },
  { name: 'county EMB', role: 'regulator', agency: 'EMB_COUNTY', username: 'emb-xinfu' },
  { name: 'NFRA', role: 'regulator', agency: 'NFRA', username: 'nfra-xinzhou' },
  { name: 'enterprise', role: 'enterprise', username: 'ent-demo' },
];

let test: TestPlatform;
let otherInsurerAdminId: string;
let ownInsurerAdminId: string;
/** A complaint of another insurer against another enterprise: foreign to every caller allowed on complaint routes. */
let foreignComplaintId: string;
/** A policy another insurer issued. */
let foreignPolicyId: string;
/** Its insurer (pingan): a real insurer every regulator may name on the supervision routes (issue 14). */
let foreignPolicyTenantId: string;
/** FEE-2: an entry of another insurer's prevention-fee ledger. */
let foreignLedgerEntryId: string;
/** SVC-5..10: another insurer's service on another enterprise, the hazard it found and that hazard's archived notice. */
let foreignServiceId: string;
let foreignHazardId: string;
let foreignArchiveId: string;
/** Issue 16: a notification in another person's inbox (the other insurer's admin, told of its complaint). */
let foreignNotificationId: string;
/** SUP-1 (issue 14): the city EMB's 督办 notice to the other insurer about its 原平市 service. */
let foreignNoticeId: string;
/** Issue 17: the other insurer's webhook endpoint and the message of its test event. */
let foreignSubscriptionId: string;
let foreignDeliveryId: string;
/** CLM-1 (issue 19): the other insurer's claim on its own policy (HUTUO, 原平市). */
let foreignClaimId: string;
/** MON-2 (issue 19): the other insurer's data source on its policy, and the alarm its key's gas reading opened. */
let foreignSourceId: string;
let foreignAlarmId: string;
/** RPT-1: the other insurer's half-year report (a draft: reports are an insurer's own until submitted). */
let foreignReportId: string;
/** RPT-3: the city EMB's published evaluation of the other insurer (an insurer sees only its own published ones). */
let foreignEvaluationId: string;

/** REG-1: an enterprise of 原平市 (140981), registered by the city EMB: outside the 忻府区 EMB's view (ACL-4). */
const OTHER_COUNTY_USCC = `91140981100000002${usccCheckCharacter('91140981100000002')}`;
/** A well-formed USCC nobody registered: a malformed one would be refused (400, UW-2) before any lookup. */
const UNREGISTERED_USCC = `91140902100000003${usccCheckCharacter('91140902100000003')}`;

/**
 * Path parameters that do not name an object but a part of the caller's own data — a filing year is always
 * the caller's own filing of that year (keys are built from the token). The underwriting test shows another
 * insurer reading the same year sees nothing; here they only need a valid value.
 */
const OWN_SCOPE: Record<string, string> = { year: '2099', format: 'pdf' };

/**
 * For each path parameter: an id of an object the caller must not see — another organisation's — so the
 * answer must be 404, identical to a missing object. Platform-scoped parameters (the operator sees every
 * tenant profile) use an id that does not exist.
 */
const FOREIGN_OBJECT: Record<string, (caller: Caller) => string> = {
  userId: (caller) => (caller.role.startsWith('insurer') ? otherInsurerAdminId : ownInsurerAdminId),
  tenantId: () => '01nonexistenttenant0000000',
  complaintId: () => foreignComplaintId,
  policyId: () => foreignPolicyId,
  // ACL-4: for a county EMB another county's enterprise is outside its view and answers like an unregistered one
  // (404); nothing of the city-wide register is foreign to the city EMB, the NFRA or an insurer's one-entry look-up.
  uscc: (caller) => (caller.agency === 'EMB_COUNTY' ? OTHER_COUNTY_USCC : UNREGISTERED_USCC),
  // BLK-1: the blacklist is shared by every regulator, so nothing of it is another organisation's: a missing entry.
  // FEE-2: for an insurer (the only callers of the fee routes) an entry of another insurer's ledger.
  entryId: (caller) => (caller.role.startsWith('insurer') ? foreignLedgerEntryId : '01nonexistententry00000000'),
  // SVC: another insurer's service on another enterprise — foreign to an insurer (ACL-1) and to the demo
  // enterprise (ACL-5) alike; likewise the hazard it found and the archived notice of that hazard.
  serviceId: () => foreignServiceId,
  hazardId: () => foreignHazardId,
  archiveId: () => foreignArchiveId,
  // SVC-10 (issue 18): a document of the enterprise's archive folder — the other insurer's archived hazard notice.
  docId: () => foreignArchiveId,
  // Issue 16: an inbox is its person's alone: another person's notification answers like a missing one.
  notificationId: () => foreignNotificationId,
  // REG-2/REG-3: the provider registers are the regulators' own and read by every insurer, so nothing in them
  // is another organisation's: a missing entry, as for the shared `{uscc}` register routes.
  orgId: () => '01nonexistentorg0000000000',
  expertId: () => '01nonexistentexpert0000000',
  // QUAL-6: only the city EMB names an insurer to record its paper filing, and every insurer is its to see: a
  // missing one.
  insurerTenantId: () => '01nonexistenttenant0000000',
  // RULES-1: the rule-set versions are the same for everyone (read by every regulator and insurer), so nothing
  // of them is another organisation's: a series that does not exist, at a version number that would.
  ruleSetId: () => 'no-such-series',
  version: () => '1',
  // SUP-3/SUP-4 (issue 14): a notice to another insurer is foreign to an insurer (ACL-1); one about another
  // county's service is foreign to a county EMB (ACL-4); the city EMB and the NFRA see every notice: a missing one.
  noticeId: (caller) =>
    caller.role.startsWith('insurer') || caller.agency === 'EMB_COUNTY' ? foreignNoticeId : '01nonexistentnotice0000000',
  // SYNC-1: the provincial sync record of another insurer's policy (in that insurer's partition): foreign to an insurer.
  recordId: () => `policy-${foreignPolicyId}`,
  // Issue 17 (ACL-1): a webhook endpoint and its messages are their organisation's alone — the other insurer's.
  subscriptionId: () => foreignSubscriptionId,
  deliveryId: () => foreignDeliveryId,
  // CLM-1 (ACL-1, ACL-5): a claim of another insurer on another enterprise — foreign to an insurer and to the demo enterprise.
  claimId: () => foreignClaimId,
  // MON-2 (ACL-1): a mine's data source and its alarms are the insurer's that registered it — the other insurer's.
  sourceId: () => foreignSourceId,
  alarmId: () => foreignAlarmId,
  // RPT-1 (ACL-1): another insurer's report is foreign to an insurer; the city EMB and the NFRA see every submitted one: a missing one.
  reportId: (caller) => (caller.role.startsWith('insurer') ? foreignReportId : '01nonexistentreport0000000'),
  // RPT-3 (ACL-1): another insurer's published evaluation is foreign to an insurer; the city EMB and the NFRA see every one: a missing one.
  evaluationId: (caller) => (caller.role.startsWith('insurer') ? foreignEvaluationId : '01nonexistentevaluation000'),
};

/** The "missing object" of a parameter whose ids have a shape of their own; the placeholder otherwise. */
const MISSING_OBJECT: Record<string, string> = { uscc: UNREGISTERED_USCC, version: '1', ...OWN_SCOPE };

const ROUTES: RouteSpec[] = BOUNDED_CONTEXTS.flatMap((context) => [...context.routes]);

const pathFor = (route: RouteSpec, fill: (param: string) => string): string =>
  route.path.replace('/api/v1', '').replace(/\{(\w+)\}/g, (_m, name: string) => encodeURIComponent(fill(name)));

const bodyFor = (route: RouteSpec): unknown => (route.method === 'GET' || route.method === 'DELETE' ? undefined : {});

beforeAll(async () => {
  test = await startTestPlatform({ demo: true });
  for (const caller of CALLERS) {
    const password = caller.username === 'operator' ? 'Operator-test-2026' : DEMO_PASSWORD;
    // Issue 21: the operator and regulators with an authenticator enrolled.
    const response = await signInWithTotp(test.url, caller.username, password);
    expect(response.status, `sign-in of ${caller.username}`).toBe(200);
    caller.client = test.anonymous.withToken(response.body.accessToken as string);
    caller.userId = (response.body.user as { id: string }).id;
  }
  ownInsurerAdminId = CALLERS.find((c) => c.username === 'picc-admin')?.userId as string;
  const other = await test.signIn('pingan-admin', DEMO_PASSWORD);
  const otherUsers = await other.get<{ items: { id: string; role: string }[] }>('/users');
  otherInsurerAdminId = otherUsers.body.items.find((u) => u.role === 'insurer-admin')?.id as string;
  expect(otherInsurerAdminId).toBeDefined();
  const complaint = await other.post<{ id: string }>('/complaints', {
    enterpriseUscc: `91140981100000001${usccCheckCharacter('91140981100000001')}`,
    receivedAt: new Date().toISOString(),
    channel: 'PHONE',
    request: '隔离测试：另一家承保机构、另一家企业的投诉',
  });
  expect(complaint.status).toBe(201);
  foreignComplaintId = complaint.body.id;
  const otherInbox = async () => (await other.get<{ items: { id: string }[] }>('/me/notifications')).body.items;
  // The complaint's notification reaches the inbox through the outbox relay and the bus: a moment later.
  for (let waited = 0; !foreignNotificationId && waited < 15_000; waited += 250) {
    foreignNotificationId = (await otherInbox())[0]?.id as string;
    if (!foreignNotificationId) await new Promise((resolve) => setTimeout(resolve, 250));
  }
  expect(foreignNotificationId).toBeDefined();
  // Another insurer's policy: the city EMB registers the enterprise, pingan files its qualification and issues.
  await registerEnterprises(await test.signIn('emb-city', DEMO_PASSWORD), [HUTUO]);
  expect((await fileQualification(other)).status).toBe(200);
  const policy = await other.post<{ id: string; tenantId: string }>('/policies', policyBody({ enterpriseUscc: HUTUO.uscc, employeesCovered: HUTUO.staff }));
  expect(policy.status, JSON.stringify(policy.body)).toBe(201);
  foreignPolicyId = policy.body.id;
  foreignPolicyTenantId = policy.body.tenantId;
  const claim = await other.post<{ id: string }>('/claims', {
    policyId: foreignPolicyId,
    accidentOn: today,
    place: '隔离测试：另一家承保机构的理赔',
    casualties: [{ name: '隔离测试', kind: 'INJURY', amountClaimedFen: 100_000 }],
  });
  expect(claim.status, JSON.stringify(claim.body)).toBe(201);
  foreignClaimId = claim.body.id;
  const source = await other.post<{ source: { id: string }; apiKey: string }>('/monitoring/sources', { policyId: foreignPolicyId, name: '隔离测试：另一家承保机构的监测系统' });
  expect(source.status, JSON.stringify(source.body)).toBe(201);
  foreignSourceId = source.body.source.id;
  const reading = { sensorId: 'ch4-isolation', kind: 'GAS_CH4', value: 1.2, unit: '%', at: new Date().toISOString() };
  const posted = await test.anonymous.post('/monitoring/readings', { readings: [reading] }, { 'x-api-key': source.body.apiKey });
  expect(posted.status, JSON.stringify(posted.body)).toBe(200);
  foreignAlarmId = (await other.get<{ items: { id: string }[] }>('/monitoring/alarms')).body.items[0]?.id as string;
  expect(foreignAlarmId).toBeDefined();
  const report = await other.post<{ report: { id: string } }>('/reports', { year: Number(today.slice(0, 4)), kind: 'HALF_YEAR' });
  expect(report.status, JSON.stringify(report.body)).toBe(201);
  foreignReportId = report.body.report.id;
  const evaluationPeriod = Number(today.slice(5, 7)) >= 7 ? { year: Number(today.slice(0, 4)), term: 'H1' } : { year: Number(today.slice(0, 4)) - 1, term: 'H2' };
  const cityEmbForEvaluation = await test.signIn('emb-city', DEMO_PASSWORD);
  const evaluation = await cityEmbForEvaluation.post<{ id: string }>('/regulator/evaluations', { tenantId: foreignPolicyTenantId, ...evaluationPeriod });
  expect(evaluation.status, JSON.stringify(evaluation.body)).toBe(201);
  foreignEvaluationId = evaluation.body.id;
  const scored = await cityEmbForEvaluation.patch(`/regulator/evaluations/${foreignEvaluationId}`, {
    items: [
      { code: 'SERVICE_SYSTEM', score: 10, reason: '隔离测试：人工评分' },
      { code: 'SERVICE_EFFECT', score: 10, reason: '隔离测试：人工评分' },
    ],
  });
  expect(scored.status, JSON.stringify(scored.body)).toBe(200);
  expect((await cityEmbForEvaluation.post(`/regulator/evaluations/${foreignEvaluationId}/publish`, undefined)).status).toBe(200);
  const ledgerEntry = await other.post<{ id: string }>('/fees/expenses', {
    spentOn: today,
    category: 'OFFLINE_SERVICE',
    amountFen: 100,
    description: '隔离测试：另一家承保机构的台账条目',
    serviceId: 'svc-isolation',
    advance: true,
  });
  expect(ledgerEntry.status, JSON.stringify(ledgerEntry.body)).toBe(201);
  foreignLedgerEntryId = ledgerEntry.body.id;
  const service = await walkService(other, undefined, scheduleBody(foreignPolicyId), 'COMPLETED', {
    hazards: [{ description: '隔离测试：另一家承保机构发现的隐患', grade: 'GENERAL', rectifyBy: '2099-12-31' }],
  });
  foreignServiceId = service.id;
  foreignHazardId = service.hazardIds[0] as string;
  const hazard = await other.get<{ notice: { archiveId: string } }>(`/hazards/${foreignHazardId}`);
  expect(hazard.status).toBe(200);
  foreignArchiveId = hazard.body.notice.archiveId;
  const cityEmb = CALLERS.find((c) => c.username === 'emb-city')?.client as ApiClient;
  const registered = await cityEmb.post('/regulator/enterprises', {
    uscc: OTHER_COUNTY_USCC,
    name: '原平隔离测试煤业有限公司',
    industry: 'COAL_MINE',
    county: '140981',
    staff: 120,
    revenueWan: 900,
  });
  expect(registered.status).toBe(201);
  const notice = await cityEmb.post<{ id: string }>('/regulator/notices', {
    tenantId: foreignPolicyTenantId,
    subject: { kind: 'SERVICE', id: foreignServiceId },
    dueOn: '2099-12-31',
    text: '隔离测试：对另一家承保机构原平市服务的督办',
  });
  expect(notice.status, JSON.stringify(notice.body)).toBe(201);
  foreignNoticeId = notice.body.id;
  const subscription = await other.post<{ id: string }>('/webhooks/subscriptions', {
    url: 'http://127.0.0.1:9/isolation',
    eventTypes: ['webhooks.subscription.disabled'],
  });
  expect(subscription.status, JSON.stringify(subscription.body)).toBe(201);
  foreignSubscriptionId = subscription.body.id;
  const tested = await other.post<{ id: string }>(`/webhooks/subscriptions/${foreignSubscriptionId}/test`, undefined);
  expect(tested.status, JSON.stringify(tested.body)).toBe(201);
  foreignDeliveryId = tested.body.id;
});

afterAll(async () => {
  await test?.stop();
});

describe('the access matrix covers exactly the routes', () => {
  it('has a row for every route of every bounded context, declared by its use case', () => {
    const undeclared = ROUTES.filter((route) => !route.access || (route.access.kind === 'roles' && route.access.roles.length === 0));
    expect(undeclared.map(routeKeyOf), 'routes without an access row').toEqual([]);
    expect(ROUTES.every((route) => ACCESS_MATRIX[routeKeyOf(route)] === route.access)).toBe(true);
  });

  it('has one row per route: no two use cases declare the same method and path', () => {
    const keys = ROUTES.map(routeKeyOf);
    expect(keys.filter((key, index) => keys.indexOf(key) !== index)).toEqual([]);
    expect(Object.keys(ACCESS_MATRIX)).toHaveLength(keys.length);
  });

  it('has a foreign-object fixture for every path parameter', () => {
    const params = new Set(ROUTES.flatMap((route) => [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string)));
    expect([...params].filter((param) => !FOREIGN_OBJECT[param] && !OWN_SCOPE[param])).toEqual([]);
  });
});

describe.each(ROUTES.map((route) => [routeKeyOf(route), route] as const))('%s', (routeKey, route) => {
  const access = ACCESS_MATRIX[routeKey];
  const placeholder = (param: string) => MISSING_OBJECT[param] ?? '01placeholder0000000000000';

  if (access?.kind === 'api-key') {
    // MON-2: a data source's route takes its API key alone — no token of any role, nor none, gets past 401.
    it.each(CALLERS.map((caller) => [caller.name, caller] as const))('as %s: 401, a user token is no API key', async (_name, caller) => {
      const response = await (caller.client as ApiClient).request(route.method, pathFor(route, placeholder), bodyFor(route));
      expect(response.status).toBe(401);
    });
    it('refuses a request without a key, and a made-up key, with 401', async () => {
      expect((await test.anonymous.request(route.method, pathFor(route, placeholder), bodyFor(route))).status).toBe(401);
      const madeUp = `anzm_${'0'.repeat(16)}_${'A'.repeat(43)}`;
      expect((await test.anonymous.request(route.method, pathFor(route, placeholder), bodyFor(route), { 'x-api-key': madeUp })).status).toBe(401);
    });
    return;
  }

  if (access?.kind === 'public') {
    it('answers without a token', async () => {
      const response = await test.anonymous.request(route.method, pathFor(route, placeholder), bodyFor(route));
      expect(response.status).not.toBe(401);
      expect(response.status).toBeLessThan(500);
    });
    return;
  }

  it('refuses a missing token and a forged one with 401', async () => {
    const missing = await test.anonymous.request(route.method, pathFor(route, placeholder), bodyFor(route));
    expect(missing.status).toBe(401);
    const { privateKey } = await generateKeyPair('ES256');
    const forged = await new SignJWT({ 'custom:role': 'platform-operator', username: 'operator' })
      .setProtectedHeader({ alg: 'ES256' })
      .setSubject('forged')
      .setIssuer('anze-local')
      .setAudience('anze-console')
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(privateKey);
    const refused = await test.anonymous.withToken(forged).request(route.method, pathFor(route, placeholder), bodyFor(route));
    expect(refused.status).toBe(401);
  });

  it.each(CALLERS.map((caller) => [caller.name, caller] as const))('as %s: 403 unless the matrix allows the role', async (_name, caller) => {
    const response = await (caller.client as ApiClient).request(route.method, pathFor(route, placeholder), bodyFor(route));
    if (isAllowed(routeKey, caller.role, caller.agency)) {
      expect([401, 403]).not.toContain(response.status);
      expect(response.status).toBeLessThan(500);
    } else {
      expect(response.status).toBe(403);
    }
  });

  const allowedCallers = CALLERS.filter((caller) => isAllowed(routeKey, caller.role, caller.agency));
  const namesObjects = [...route.path.matchAll(/\{(\w+)\}/g)].some((m) => !OWN_SCOPE[m[1] as string]);
  if (namesObjects && allowedCallers.length > 0) {
    it.each(allowedCallers.map((caller) => [caller.name, caller] as const))(
      'as %s: another organisation’s object answers exactly like a missing one (404, or the same 400 before any lookup)',
      async (_name, caller) => {
        const client = caller.client as ApiClient;
        const foreign = await client.request<{ error?: { code: string } }>(
          route.method,
          pathFor(route, (param) => OWN_SCOPE[param] ?? (FOREIGN_OBJECT[param] as (c: Caller) => string)(caller)),
          bodyFor(route),
        );
        const missing = await client.request<{ error?: { code: string } }>(route.method, pathFor(route, placeholder), bodyFor(route));
        expect(foreign.status).toBe(missing.status);
        expect(foreign.body.error?.code).toBe(missing.body.error?.code);
        // A body refused before any lookup is the only other answer; everything else must be a plain 404.
        expect(foreign.status === 404 || (foreign.status === 400 && bodyFor(route) !== undefined)).toBe(true);
      },
    );
  }
});

/**
 * Issue 14 (ACL-2, ACL-4): the supervision routes name a real insurer, which every regulator may read; what is
 * foreign to a county EMB is then another county's record under it. The fixtures' other insurer insured a 原平市
 * enterprise (HUTUO, 140981) and served it: outside the 忻府区 EMB's view, inside the city EMB's and the NFRA's.
 */
describe('supervision routes: another county’s records under a real insurer (ACL-4)', () => {
  const supervision = BOUNDED_CONTEXTS.find((context) => context.name === 'supervision')?.routes ?? [];
  const objectRoutes = (): [string, string][] => [
    [`/regulator/insurers/${foreignPolicyTenantId}/policies/${foreignPolicyId}`, `/regulator/insurers/${foreignPolicyTenantId}/policies/01missingpolicy00000000000`],
    [`/regulator/insurers/${foreignPolicyTenantId}/services/${foreignServiceId}`, `/regulator/insurers/${foreignPolicyTenantId}/services/01missingservice0000000000`],
  ];
  const byName = (name: string) => CALLERS.find((caller) => caller.name === name)?.client as ApiClient;

  it('ACL-2 every supervision route is a regulators-only read (GET, cross-tenant-read)', () => {
    expect(supervision.length).toBeGreaterThan(0);
    // Issue 14: the routes on insurers' data; the 督办 notices and the access log are checked below (SUP-5).
    for (const route of supervision.filter((candidate) => candidate.path.includes('/regulator/insurers'))) {
      expect(route.method, routeKeyOf(route)).toBe('GET');
      expect(route.access.kind === 'roles' && route.access.roles.every((role) => role.startsWith('regulator')), routeKeyOf(route)).toBe(true);
    }
  });

  it('SUP-5 ACL-2 the context writes only 督办 notices: regulators issue and close theirs, insurers answer theirs', () => {
    const writes = supervision.filter((route) => route.method !== 'GET');
    expect(writes.map(routeKeyOf).sort()).toEqual([
      'POST /api/v1/notices/{noticeId}/answer',
      'POST /api/v1/regulator/notices',
      'POST /api/v1/regulator/notices/{noticeId}/close',
    ]);
    for (const route of writes) {
      const roles = route.access.kind === 'roles' ? route.access.roles : [];
      const regulatorSide = route.path.startsWith('/api/v1/regulator/');
      expect(roles.every((role) => role.startsWith(regulatorSide ? 'regulator' : 'insurer')), routeKeyOf(route)).toBe(true);
    }
  });

  it('SUP-2 ACL-4 as a county EMB of another county: another county’s notice is not listed, and its close answers 404', async () => {
    const countyEmb = byName('county EMB');
    const listed = await countyEmb.get<{ items: { id: string }[] }>('/regulator/notices?limit=100');
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((item) => item.id)).not.toContain(foreignNoticeId);
    const foreign = await countyEmb.post<{ error?: { code: string } }>(`/regulator/notices/${foreignNoticeId}/close`, { remark: '关闭' });
    expect(foreign.status).toBe(404);
    for (const name of ['city EMB admin', 'NFRA']) {
      const seen = await byName(name).get<{ items: { id: string }[] }>('/regulator/notices?limit=100');
      expect(seen.body.items.map((item) => item.id)).toContain(foreignNoticeId);
    }
  });

  it('ACL-4 as a county EMB of another county: another county’s policy and service answer exactly like missing ones (404)', async () => {
    const countyEmb = byName('county EMB');
    for (const [foreignPath, missingPath] of objectRoutes()) {
      const foreign = await countyEmb.get<{ error?: { code: string; message: string } }>(foreignPath);
      const missing = await countyEmb.get<{ error?: { code: string; message: string } }>(missingPath);
      expect(foreign.status, foreignPath).toBe(404);
      expect(foreign.body).toEqual(missing.body);
    }
  });

  it('ACL-4 as a county EMB of another county: its lists of that insurer leave the other county out, and asking for it is 403', async () => {
    const countyEmb = byName('county EMB');
    const policies = await countyEmb.get<{ items: { id: string }[] }>(`/regulator/insurers/${foreignPolicyTenantId}/policies?limit=100`);
    expect(policies.status).toBe(200);
    expect(policies.body.items.map((item) => item.id)).not.toContain(foreignPolicyId);
    const services = await countyEmb.get<{ items: { id: string }[] }>(`/regulator/insurers/${foreignPolicyTenantId}/services?limit=100`);
    expect(services.status).toBe(200);
    expect(services.body.items.map((item) => item.id)).not.toContain(foreignServiceId);
    expect((await countyEmb.get(`/regulator/insurers/${foreignPolicyTenantId}/policies?county=140981`)).status).toBe(403);
    expect((await countyEmb.get(`/regulator/insurers/${foreignPolicyTenantId}/services?county=140981`)).status).toBe(403);
  });

  it.each(['city EMB admin', 'NFRA'])('ACL-2 as %s: the same policy and service are read (200)', async (name) => {
    for (const [foreignPath] of objectRoutes()) expect((await byName(name).get(foreignPath)).status, foreignPath).toBe(200);
  });

  it.each(['insurer admin', 'insurer staff', 'enterprise', 'platform operator'])(
    'ACL-1 ACL-5 as %s: the supervision routes naming another insurer are refused (403)',
    async (name) => {
      for (const [foreignPath] of objectRoutes()) expect((await byName(name).get(foreignPath)).status, foreignPath).toBe(403);
    },
  );

  it('ACL-4 GET /regulator/overview: the 原平市 policy of the other insurer counts for the city EMB and the NFRA, never for the 忻府区 EMB', async () => {
    interface OverviewRow {
      tenantId: string;
      inForce: number;
      fees: unknown;
    }
    interface Overview {
      county: string | null;
      insurers: OverviewRow[];
      counties: { county: string; inForce: number }[];
    }
    const yuanping = (answer: Overview) => answer.counties.find((row) => row.county === '140981')?.inForce;
    // The counters follow the bus: once the city-wide overview has counted the policy …
    await vi.waitFor(async () => expect(yuanping((await byName('city EMB admin').get<Overview>('/regulator/overview')).body)).toBe(1), { timeout: 20_000, interval: 200 });
    expect(yuanping((await byName('NFRA').get<Overview>('/regulator/overview')).body)).toBe(1);
    // … the county EMB's overview still has only its county, and the other insurer with nothing from 原平市.
    const county = await byName('county EMB').get<Overview>('/regulator/overview');
    expect(county.status).toBe(200);
    expect(county.body.county).toBe('140902');
    expect(county.body.counties.map((row) => row.county)).toEqual(['140902']);
    expect(county.body.insurers.find((row) => row.tenantId === foreignPolicyTenantId)).toMatchObject({ inForce: 0, fees: null });
  });
});

/**
 * SVC-10 (issue 18): the enterprise's archive folder. The fixtures' other insurer insured the 原平市 enterprise
 * HUTUO and archived a hazard notice on it: its documents are the city EMB's and the NFRA's to read, never an
 * insurer's that did not insure it (ACL-1) nor the 忻府区 EMB's (ACL-4) — both answer as for an uninsured one.
 */
describe('archive folder rows: another insurer’s and another county’s enterprise (SVC-10, ACL-1, ACL-4)', () => {
  const byName = (name: string) => CALLERS.find((caller) => caller.name === name)?.client as ApiClient;
  const folder = `/archive/enterprises/${HUTUO.uscc}`;

  it.each(['city EMB admin', 'NFRA'])('ACL-2 as %s: the folder and the other insurer’s notice in it are read (200)', async (name) => {
    const answer = await byName(name).get<{ documents: { docId: string }[] }>(folder);
    expect(answer.status).toBe(200);
    expect(answer.body.documents.map((document) => document.docId)).toContain(foreignArchiveId);
    expect((await byName(name).get(`${folder}/documents/${foreignArchiveId}`)).status).toBe(200);
  });

  it.each(['insurer admin', 'insurer staff', 'county EMB'])('ACL-1 ACL-4 as %s: the folder and its document answer like an uninsured enterprise’s (404)', async (name) => {
    const missing = await byName(name).get<{ error: { code: string } }>(`/archive/enterprises/${UNREGISTERED_USCC}`);
    for (const path of [folder, `${folder}/documents/${foreignArchiveId}`]) {
      const foreign = await byName(name).get<{ error: { code: string } }>(path);
      expect(foreign.status, path).toBe(404);
      expect(foreign.body.error.code).toBe(missing.body.error.code);
    }
    expect((await byName(name).post(`${folder}/documents/${foreignArchiveId}/verify`, undefined)).status).toBe(404);
  });
});
