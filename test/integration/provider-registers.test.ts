import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, shanghaiDateOf } from '../../domain/kernel/calendar/local-date.js';
import { systemClock } from '../../functions/adapters/clock.js';
import { countCalls, dynamoDbCalls, dynamoDbClientConfig, resetDynamoDbCalls, toDocumentClient } from '../../functions/adapters/dynamodb/client.js';
import { keys, type ItemKey } from '../../functions/adapters/dynamodb/keys.js';
import { DynamoProviderRegisters } from '../../functions/adapters/dynamodb/provider-registers.repository.js';
import { Store } from '../../functions/adapters/dynamodb/store.js';
import { seedDemoProviders } from '../../infra/local/demo-business.js';
import type { ApiClient } from '../support/api-client.js';
import { unique, validUscc, withWrongCheckCharacter } from '../support/fixtures.js';
import { startTestPlatform, type TestPlatform } from '../support/test-platform.js';
import { signInWithTotp } from '../support/totp-sign-in.js';

const DEMO = 'Anze-demo-2026';

interface OrgView {
  id: string;
  name: string;
  uscc: string;
  registrationNumber: string;
  status: 'ACTIVE' | 'SUSPENDED' | 'REVOKED';
  validFrom: string;
  validTo: string;
  scope: string[];
  contact?: string;
  updatedBy: string;
  usableToday: boolean;
  version: number;
}
interface ExpertView {
  id: string;
  name: string;
  specialties: string[];
  title?: string;
  employer?: string;
  status: 'ACTIVE' | 'REMOVED';
  updatedBy: string;
  version: number;
}
interface ErrorBody {
  error: { code: string; message: string; rule?: string; details?: { field?: string; message: string; rule?: string }[] };
}
interface Page<T> {
  items: T[];
  nextCursor?: string;
}

let test: TestPlatform;
let cityEmb: ApiClient;
let countyEmb: ApiClient;
let nfra: ApiClient;
let insurer: ApiClient;
let enterprise: ApiClient;
let cityEmbUserId: string;
let store: Store;
let providers: DynamoProviderRegisters;

const today = shanghaiDateOf(new Date());
const year = Number(today.slice(0, 4));

const orgBody = (overrides: Record<string, unknown> = {}) => ({
  name: `${unique('测试')}安全技术服务有限公司`,
  uscc: validUscc(),
  registrationNumber: unique('忻应急服备〔测试〕'),
  validFrom: `${year - 1}-01-01`,
  validTo: `${year + 2}-12-31`,
  scope: ['RISK_ASSESSMENT', 'HAZARD_INSPECTION'],
  ...overrides,
});

const expertBody = (overrides: Record<string, unknown> = {}) => ({
  name: unique('专家'),
  specialties: ['煤矿通风', '瓦斯防治'],
  title: '高级工程师',
  ...overrides,
});

/** Every page of a listing: filters are applied within a page, so a short page does not mean the end. */
async function all<T>(client: ApiClient, path: string): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const separator = path.includes('?') ? '&' : '?';
    const page = await client.get<Page<T>>(`${path}${separator}limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(page.status, JSON.stringify(page.body)).toBe(200);
    items.push(...page.body.items);
    cursor = page.body.nextCursor;
  } while (cursor !== undefined);
  return items;
}

/** The outbox events written in the aggregate's partition, in order: the change's own transaction wrote them. */
async function eventsOf(key: ItemKey): Promise<{ type: string; sequence: number; data: Record<string, unknown> }[]> {
  const page = await store.page<{ type: string; sequence: number; data: Record<string, unknown> }>({
    partition: key.PK,
    sortKey: { beginsWith: 'OUTBOX#' },
    limit: 100,
    consistent: true,
  });
  return page.items.map(({ type, sequence, data }) => ({ type, sequence, data }));
}

beforeAll(async () => {
  test = await startTestPlatform({ demo: true });
  cityEmb = await test.signIn('emb-city', DEMO);
  countyEmb = await test.signIn('emb-xinfu', DEMO);
  nfra = await test.signIn('nfra-xinzhou', DEMO);
  insurer = await test.signIn('picc-staff', DEMO);
  enterprise = await test.signIn('ent-demo', DEMO);
  // Issue 21: the city EMB answers its authenticator's code.
  const login = await signInWithTotp(test.url, 'emb-city', DEMO);
  cityEmbUserId = (login.body.user as { id: string }).id;
  store = new Store(toDocumentClient(countCalls(new DynamoDBClient(dynamoDbClientConfig()))), test.platform.tables.main, systemClock);
  providers = new DynamoProviderRegisters(store);
});

afterAll(async () => test?.stop());

describe('REG-2 third-party service organisations through the local gateway', () => {
  it('REG-2 lets the city EMB register an organisation (201), read it back and find it in the listing, with its event', async () => {
    const body = orgBody({ contact: '张经理 0350-3036001' });
    const created = await cityEmb.post<OrgView>('/regulator/service-orgs', body);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ ...body, status: 'ACTIVE', usableToday: true, updatedBy: cityEmbUserId, version: 1 });
    expect(created.headers.get('etag')).toBe('"1"');

    const read = await cityEmb.get<OrgView>(`/regulator/service-orgs/${created.body.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(created.body);
    expect((await all<OrgView>(cityEmb, '/regulator/service-orgs')).map((org) => org.id)).toContain(created.body.id);

    expect(await eventsOf(keys.serviceOrg(created.body.id))).toEqual([
      {
        type: 'register.service_org.registered',
        sequence: 1,
        data: expect.objectContaining({ orgId: created.body.id, registrationNumber: body.registrationNumber, status: 'ACTIVE' }) as unknown,
      },
    ]);
  });

  it('REG-2 refuses a second organisation under a registration number already held (409 naming REG-2), writing nothing', async () => {
    const first = await cityEmb.post<OrgView>('/regulator/service-orgs', orgBody());
    expect(first.status).toBe(201);
    const second = await cityEmb.post<ErrorBody>('/regulator/service-orgs', orgBody({ registrationNumber: first.body.registrationNumber }));
    expect(second.status).toBe(409);
    expect(second.body.error).toMatchObject({ rule: 'REG-2', details: [expect.objectContaining({ field: 'registrationNumber', rule: 'REG-2' })] });
    const holders = (await all<OrgView>(cityEmb, '/regulator/service-orgs')).filter((org) => org.registrationNumber === first.body.registrationNumber);
    expect(holders.map((org) => org.id)).toEqual([first.body.id]);
  });

  it('REG-2 refuses validTo before validFrom (400 naming validTo) and UW-2 a USCC with a wrong check character', async () => {
    const backwards = await cityEmb.post<ErrorBody>('/regulator/service-orgs', orgBody({ validFrom: `${year}-06-01`, validTo: `${year}-05-31` }));
    expect(backwards.status).toBe(400);
    expect(backwards.body.error).toMatchObject({ rule: 'REG-2', details: [expect.objectContaining({ field: 'validTo', rule: 'REG-2' })] });

    const typo = await cityEmb.post<ErrorBody>('/regulator/service-orgs', orgBody({ uscc: withWrongCheckCharacter(validUscc()) }));
    expect(typo.status).toBe(400);
    expect(typo.body.error.details).toEqual([expect.objectContaining({ field: 'uscc', rule: 'UW-2' })]);

    const missing = await cityEmb.post<ErrorBody>('/regulator/service-orgs', { name: '缺字段的机构' });
    expect(missing.status).toBe(400);
    expect(missing.body.error.details?.map((problem) => problem.field).sort()).toEqual(['registrationNumber', 'scope', 'uscc', 'validFrom', 'validTo']);
  });

  it('REG-2 suspends a registration with the version read, refuses a stale version (412), and writes nothing for a change that says nothing new', async () => {
    const created = await cityEmb.post<OrgView>('/regulator/service-orgs', orgBody());
    const path = `/regulator/service-orgs/${created.body.id}`;
    const suspended = await cityEmb.patch<OrgView>(path, { status: 'SUSPENDED', contact: '暂停整改', version: 1 });
    expect(suspended.status, JSON.stringify(suspended.body)).toBe(200);
    expect(suspended.body).toMatchObject({ status: 'SUSPENDED', contact: '暂停整改', usableToday: false, version: 2 });
    expect(suspended.headers.get('etag')).toBe('"2"');

    const stale = await cityEmb.patch<ErrorBody>(path, { status: 'ACTIVE', version: 1 });
    expect(stale.status).toBe(412);
    expect(stale.body.error.code).toBe('STALE_VERSION');
    expect((await cityEmb.get<OrgView>(path)).body).toMatchObject({ status: 'SUSPENDED', version: 2 });

    const same = await cityEmb.patch<OrgView>(path, { status: 'SUSPENDED', version: 2 });
    expect(same.status).toBe(200);
    expect(same.body.version).toBe(2);

    const missingVersion = await cityEmb.patch<ErrorBody>(path, { status: 'ACTIVE' });
    expect(missingVersion.status).toBe(400);
    expect(missingVersion.body.error.details).toEqual([expect.objectContaining({ field: 'version' })]);

    const shortened = await cityEmb.patch<ErrorBody>(path, { validTo: `${year - 2}-12-31`, version: 2 });
    expect(shortened.status).toBe(400);
    expect(shortened.body.error.details).toEqual([expect.objectContaining({ field: 'validTo', rule: 'REG-2' })]);

    const reinstated = await cityEmb.patch<OrgView>(path, { status: 'ACTIVE', contact: null, scope: ['TRAINING'], version: 2 });
    expect(reinstated.body).toMatchObject({ status: 'ACTIVE', scope: ['TRAINING'], usableToday: true, version: 3 });
    expect(reinstated.body).not.toHaveProperty('contact');

    expect((await eventsOf(keys.serviceOrg(created.body.id))).map((event) => `${event.type}#${event.sequence}`)).toEqual([
      'register.service_org.registered#1',
      'register.service_org.updated#2',
      'register.service_org.updated#3',
    ]);
  });

  it('REG-2 treats a revocation as final: reinstating a revoked registration is 409', async () => {
    const created = await cityEmb.post<OrgView>('/regulator/service-orgs', orgBody());
    const path = `/regulator/service-orgs/${created.body.id}`;
    expect((await cityEmb.patch<OrgView>(path, { status: 'REVOKED', version: 1 })).body.status).toBe('REVOKED');
    const back = await cityEmb.patch<ErrorBody>(path, { status: 'ACTIVE', version: 2 });
    expect(back.status).toBe(409);
    expect(back.body.error).toMatchObject({ rule: 'REG-2', details: [expect.objectContaining({ field: 'status' })] });
  });

  it('SVC-6 usableOn keeps organisations ACTIVE and valid on that day; status filters by status', async () => {
    const on = `${year}-06-15`;
    const made = {
      active: await cityEmb.post<OrgView>('/regulator/service-orgs', orgBody({ validFrom: `${year}-01-01`, validTo: on })),
      suspended: await cityEmb.post<OrgView>('/regulator/service-orgs', orgBody({ status: 'SUSPENDED' })),
      expired: await cityEmb.post<OrgView>('/regulator/service-orgs', orgBody({ validFrom: `${year - 3}-01-01`, validTo: addDays(on, -1) })),
      notYet: await cityEmb.post<OrgView>('/regulator/service-orgs', orgBody({ validFrom: addDays(on, 1), validTo: `${year + 3}-12-31` })),
    };
    const ids = Object.fromEntries(Object.entries(made).map(([name, answer]) => [answer.body.id, name]));
    const named = (orgs: OrgView[]) => orgs.flatMap((org) => ids[org.id] ?? []).sort();

    const usable = await all<OrgView>(insurer, `/regulator/service-orgs?usableOn=${on}`);
    expect(named(usable)).toEqual(['active']);
    expect(usable.every((org) => org.status === 'ACTIVE' && org.validFrom <= on && on <= org.validTo)).toBe(true);
    expect(named(await all<OrgView>(insurer, `/regulator/service-orgs?usableOn=${addDays(on, 1)}`))).toEqual(['notYet']);

    const suspended = await all<OrgView>(cityEmb, '/regulator/service-orgs?status=SUSPENDED');
    expect(named(suspended)).toEqual(['suspended']);
    expect(suspended.every((org) => org.status === 'SUSPENDED')).toBe(true);

    const badDay = await insurer.get<ErrorBody>('/regulator/service-orgs?usableOn=2026-02-30');
    expect(badDay.status).toBe(400);
    expect(badDay.body.error.details).toEqual([expect.objectContaining({ field: 'usableOn', rule: 'CAL-1' })]);
  });

  it('REG-2 / REG-3 the first-start demo registers organisations and experts once, however often it runs', async () => {
    await seedDemoProviders(test.url, new Date());
    await seedDemoProviders(test.url, new Date());
    const demo = (await all<OrgView>(nfra, '/regulator/service-orgs')).filter((org) => /^忻应急服备〔\d{4}〕/.test(org.registrationNumber));
    expect(demo).toHaveLength(4);
    const byName = new Map(demo.map((org) => [org.name, org]));
    expect(byName.get('忻州安泰安全技术服务有限公司')).toMatchObject({ status: 'ACTIVE', usableToday: true });
    expect(byName.get('忻州市恒信安全咨询有限公司')).toMatchObject({ status: 'SUSPENDED', usableToday: false });
    expect(byName.get('原平市正元安全技术服务有限公司')).toMatchObject({ status: 'ACTIVE', usableToday: false, validTo: `${year - 1}-12-31` });
  });
});

describe('REG-3 the expert pool through the local gateway', () => {
  it('REG-3 lets the city EMB add an expert (201), read them back and find them by specialty, with its event', async () => {
    const body = expertBody({ specialties: [unique('尾矿库'), '非煤矿山'], employer: '忻州市应急管理局专家组' });
    const added = await cityEmb.post<ExpertView>('/regulator/experts', body);
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    expect(added.body).toMatchObject({ ...body, status: 'ACTIVE', updatedBy: cityEmbUserId, version: 1 });
    expect((await insurer.get<ExpertView>(`/regulator/experts/${added.body.id}`)).body).toEqual(added.body);
    const bySpecialty = await all<ExpertView>(cityEmb, `/regulator/experts?specialty=${encodeURIComponent(body.specialties[0] as string)}`);
    expect(bySpecialty.map((expert) => expert.id)).toEqual([added.body.id]);
    expect(await eventsOf(keys.expert(added.body.id))).toEqual([
      { type: 'register.expert.added', sequence: 1, data: expect.objectContaining({ expertId: added.body.id, status: 'ACTIVE' }) as unknown },
    ]);
  });

  it('REG-3 removes an expert with the version read, refuses a stale version (412), and lists by status', async () => {
    const added = await cityEmb.post<ExpertView>('/regulator/experts', expertBody());
    const path = `/regulator/experts/${added.body.id}`;
    const removed = await cityEmb.patch<ExpertView>(path, { status: 'REMOVED', title: null, employer: '已退休', version: 1 });
    expect(removed.status, JSON.stringify(removed.body)).toBe(200);
    expect(removed.body).toMatchObject({ status: 'REMOVED', employer: '已退休', version: 2 });
    expect(removed.body).not.toHaveProperty('title');

    const stale = await cityEmb.patch<ErrorBody>(path, { status: 'ACTIVE', version: 1 });
    expect(stale.status).toBe(412);
    expect((await cityEmb.get<ExpertView>(path)).body).toMatchObject({ status: 'REMOVED', version: 2 });

    const removedOnes = await all<ExpertView>(insurer, '/regulator/experts?status=REMOVED');
    expect(removedOnes.map((expert) => expert.id)).toContain(added.body.id);
    expect(removedOnes.every((expert) => expert.status === 'REMOVED')).toBe(true);
    expect((await all<ExpertView>(insurer, '/regulator/experts?status=ACTIVE')).map((expert) => expert.id)).not.toContain(added.body.id);
    expect((await eventsOf(keys.expert(added.body.id))).map((event) => `${event.type}#${event.sequence}`)).toEqual([
      'register.expert.added#1',
      'register.expert.updated#2',
    ]);
  });

  it('REG-3 refuses an expert without specialties (400 naming the field)', async () => {
    const refused = await cityEmb.post<ErrorBody>('/regulator/experts', expertBody({ specialties: [] }));
    expect(refused.status).toBe(400);
    expect(refused.body.error.details).toEqual([expect.objectContaining({ field: 'specialties', rule: 'REG-3' })]);
  });

  it('REG-3 the demo’s pool: six experts, each once, one removed', async () => {
    await seedDemoProviders(test.url, new Date());
    const names = ['王建国', '刘海燕', '赵志强', '孙丽', '周明', '陈立军'];
    const demo = (await all<ExpertView>(countyEmb, '/regulator/experts')).filter((expert) => names.includes(expert.name));
    expect(demo.map((expert) => expert.name).sort()).toEqual([...names].sort());
    expect(demo.filter((expert) => expert.status === 'REMOVED').map((expert) => expert.name)).toEqual(['陈立军']);
  });
});

describe('ACL-2 who keeps and who reads the provider registers', () => {
  it('CITY_REGISTER_WRITE: a county EMB, the NFRA and insurer staff are refused every write (403)', async () => {
    const org = (await cityEmb.post<OrgView>('/regulator/service-orgs', orgBody())).body;
    const expert = (await cityEmb.post<ExpertView>('/regulator/experts', expertBody())).body;
    for (const client of [countyEmb, nfra, insurer]) {
      expect((await client.post('/regulator/service-orgs', orgBody())).status).toBe(403);
      expect((await client.patch(`/regulator/service-orgs/${org.id}`, { status: 'SUSPENDED', version: 1 })).status).toBe(403);
      expect((await client.post('/regulator/experts', expertBody())).status).toBe(403);
      expect((await client.patch(`/regulator/experts/${expert.id}`, { status: 'REMOVED', version: 1 })).status).toBe(403);
    }
    expect((await cityEmb.get<OrgView>(`/regulator/service-orgs/${org.id}`)).body.version).toBe(1);
    expect((await cityEmb.get<ExpertView>(`/regulator/experts/${expert.id}`)).body.version).toBe(1);
  });

  it('PROVIDER_REGISTER_READ: every regulator and insurer staff read both registers; an enterprise is refused (403)', async () => {
    const org = (await cityEmb.post<OrgView>('/regulator/service-orgs', orgBody())).body;
    const expert = (await cityEmb.post<ExpertView>('/regulator/experts', expertBody())).body;
    for (const client of [countyEmb, nfra, insurer]) {
      expect((await client.get<OrgView>(`/regulator/service-orgs/${org.id}`)).body.id).toBe(org.id);
      expect((await client.get<ExpertView>(`/regulator/experts/${expert.id}`)).body.id).toBe(expert.id);
      expect((await client.get('/regulator/service-orgs')).status).toBe(200);
      expect((await client.get('/regulator/experts')).status).toBe(200);
    }
    expect((await enterprise.get('/regulator/service-orgs')).status).toBe(403);
    expect((await enterprise.get(`/regulator/experts/${expert.id}`)).status).toBe(403);
    expect((await insurer.get<ErrorBody>('/regulator/service-orgs/01nonexistentorg0000000000')).status).toBe(404);
    expect((await insurer.get<ErrorBody>('/regulator/experts/01nonexistentexpert0000000')).status).toBe(404);
  });
});

describe('SVC-6 the read port the services context uses', () => {
  it('SVC-6 getServiceOrg finds an organisation by id and answers undefined for an unknown or impossible id', async () => {
    const org = (await cityEmb.post<OrgView>('/regulator/service-orgs', orgBody())).body;
    expect(await providers.getServiceOrg(org.id)).toMatchObject({ id: org.id, registrationNumber: org.registrationNumber, version: 1 });
    expect(await providers.getServiceOrg(org.id)).not.toHaveProperty('GSI1PK');
    expect(await providers.getServiceOrg('01nonexistentorg0000000000')).toBeUndefined();
    expect(await providers.getServiceOrg('no#such')).toBeUndefined();
  });

  it('SVC-6 getExperts reads the named experts in one BatchGetItem, in the order asked, missing ones absent', async () => {
    const a = (await cityEmb.post<ExpertView>('/regulator/experts', expertBody())).body;
    const b = (await cityEmb.post<ExpertView>('/regulator/experts', expertBody())).body;
    await cityEmb.patch(`/regulator/experts/${b.id}`, { status: 'REMOVED', version: 1 });
    resetDynamoDbCalls();
    const found = await providers.getExperts([b.id, '01nonexistentexpert0000000', a.id, b.id, 'bad#id']);
    expect(dynamoDbCalls().get('BatchGetItemCommand')).toBe(1);
    expect(found.map((expert) => [expert.id, expert.status])).toEqual([
      [b.id, 'REMOVED'],
      [a.id, 'ACTIVE'],
    ]);
    resetDynamoDbCalls();
    expect(await providers.getExperts([])).toEqual([]);
    expect(dynamoDbCalls().get('BatchGetItemCommand')).toBeUndefined();
  });
});
