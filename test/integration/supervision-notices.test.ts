import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamoDbCalls, resetDynamoDbCalls } from '../../functions/adapters/dynamodb/client.js';
import type { ApiClient } from '../support/api-client.js';
import { expectOk, scheduleBody, walkService, type ErrorBody } from '../support/services-fixtures.js';
import { startTestPlatform, type TestPlatform } from '../support/test-platform.js';
import { HUTUO, XINDA, fileQualification, policyBody, registerEnterprises, today, year } from '../support/underwriting-fixtures.js';

/**
 * Issue 14: 督办 notices (SUP-1..SUP-5, ACL-2, ACL-4) and the access log, through the real local gateway and
 * DynamoDB Local. picc insures XINDA (忻府区 140902), pingan HUTUO (原平市 140981); `emb-xinfu` is the 忻府区 EMB.
 */

const DEMO = 'Anze-demo-2026';
const dueOn = `${year + 1}-01-15`;

interface Notice {
  id: string;
  tenantId: string;
  insurerName: string;
  subject: { kind: string; id: string; label: string; county?: string };
  status: string;
  dueOn: string;
  overdue: boolean;
  issuedBy: { agency: string; username: string };
  answer?: { text: string };
  closing?: { remark: string };
}
interface AccessEntry {
  at: string;
  reader: { username: string; agency: string };
  route: string;
  itemId?: string;
  query?: string;
}

let test: TestPlatform;
let picc: ApiClient;
let piccStaff: ApiClient;
let pingan: ApiClient;
let cityEmb: ApiClient;
let countyEmb: ApiClient;
let nfra: ApiClient;
let piccId: string;
let pinganId: string;
let piccPolicyId: string;
let xindaService: string;
let hutuoService: string;

beforeAll(async () => {
  test = await startTestPlatform({ demo: true });
  picc = await test.signIn('picc-admin', DEMO);
  piccStaff = await test.signIn('picc-staff', DEMO);
  pingan = await test.signIn('pingan-admin', DEMO);
  cityEmb = await test.signIn('emb-city', DEMO);
  countyEmb = await test.signIn('emb-xinfu', DEMO);
  nfra = await test.signIn('nfra-xinzhou', DEMO);
  await registerEnterprises(cityEmb, [XINDA, HUTUO]);
  expectOk(await fileQualification(picc));
  expectOk(await fileQualification(pingan));
  const xinda = expectOk(await picc.post<{ id: string; tenantId: string }>('/policies', policyBody()), 201);
  const hutuo = expectOk(
    await pingan.post<{ id: string; tenantId: string }>('/policies', policyBody({ enterpriseUscc: HUTUO.uscc, employeesCovered: HUTUO.staff })),
    201,
  );
  piccId = xinda.tenantId;
  pinganId = hutuo.tenantId;
  piccPolicyId = xinda.id;
  xindaService = (
    await walkService(picc, undefined, scheduleBody(xinda.id, { type: 'HAZARD_INSPECTION' }), 'COMPLETED', {
      principalName: '赵矿长',
      hazards: [
        { description: '监管测试：一般隐患（消防通道堆物）', grade: 'GENERAL', rectifyBy: '2099-12-31' },
        { description: '监管测试：重大隐患（瓦斯监测失效）', grade: 'MAJOR', rectifyBy: '2099-12-31' },
      ],
    })
  ).id;
  hutuoService = (await walkService(pingan, undefined, scheduleBody(hutuo.id), 'COMPLETED')).id;
});
afterAll(async () => test?.stop());

const issue = (regulator: ApiClient, tenantId: string, kind: string, id: string, overrides: Record<string, unknown> = {}) =>
  regulator.post<Notice & ErrorBody>('/regulator/notices', { tenantId, subject: { kind, id }, dueOn, text: '请于期限内完成服务跟踪回访并报送情况', ...overrides });

describe('督办 notices: issued by a regulator, answered by the insurer, closed by the issuing agency', () => {
  it('SUP-1 SUP-3 SUP-4 the city EMB notices picc about a service; picc sees it with its due day, answers; the city EMB closes it', async () => {
    const notice = expectOk(await issue(cityEmb, piccId, 'SERVICE', xindaService), 201);
    expect(notice).toMatchObject({ status: 'ISSUED', tenantId: piccId, dueOn, overdue: false, issuedBy: { agency: 'EMB_CITY', username: 'emb-city' } });
    expect(notice.insurerName).toContain('中国人民财产保险');
    expect(notice.subject).toMatchObject({ kind: 'SERVICE', id: xindaService, county: '140902' });
    expect(notice.subject.label).toContain(XINDA.name);

    const mine = expectOk(await piccStaff.get<{ items: Notice[] }>('/notices'));
    expect(mine.items.map((item) => item.id)).toContain(notice.id);
    // ACL-1: another insurer neither lists nor answers it.
    expect(expectOk(await pingan.get<{ items: Notice[] }>('/notices')).items.map((item) => item.id)).not.toContain(notice.id);
    expect((await pingan.post(`/notices/${notice.id}/answer`, { text: '无关' })).status).toBe(404);

    // SUP-4: not before the answer.
    const early = await cityEmb.post<ErrorBody>(`/regulator/notices/${notice.id}/close`, { remark: '关闭' });
    expect(early.status).toBe(409);
    expect(early.body.error.rule ?? early.body.error.message).toContain('SUP-4');

    const answered = expectOk(await piccStaff.post<Notice>(`/notices/${notice.id}/answer`, { text: '已于本周完成回访，记录已上传' }));
    expect(answered).toMatchObject({ status: 'ANSWERED', answer: { text: '已于本周完成回访，记录已上传' } });
    const again = await picc.post<ErrorBody>(`/notices/${notice.id}/answer`, { text: '再答一次' });
    expect(again.status).toBe(409);

    // SUP-4: the NFRA is another agency — it sees the notice but does not close it.
    expect((await nfra.post(`/regulator/notices/${notice.id}/close`, { remark: '关闭' })).status).toBe(403);
    const closed = expectOk(await cityEmb.post<Notice>(`/regulator/notices/${notice.id}/close`, { remark: '回访到位，予以销号' }));
    expect(closed).toMatchObject({ status: 'CLOSED', closing: { remark: '回访到位，予以销号' } });
    const listed = expectOk(await cityEmb.get<{ items: Notice[] }>(`/regulator/notices?tenantId=${piccId}&status=CLOSED`));
    expect(listed.items.map((item) => item.id)).toContain(notice.id);
  });

  it('SUP-1 refuses a due day in the past and an item that is not the insurer’s (400 SUP-1, 404)', async () => {
    const past = await issue(cityEmb, piccId, 'SERVICE', xindaService, { dueOn: '2020-01-01' });
    expect(past.status).toBe(400);
    expect(JSON.stringify(past.body)).toContain('SUP-1');
    expect((await issue(cityEmb, piccId, 'SERVICE', hutuoService)).status).toBe(404);
    expect((await issue(cityEmb, piccId, 'HAZARD', 'nosuchhazard')).status).toBe(404);
  });

  it('SUP-2 ACL-4 a county EMB notices only its county’s items and sees only its county’s notices', async () => {
    const own = expectOk(await issue(countyEmb, piccId, 'SERVICE', xindaService), 201);
    expect(own.issuedBy).toMatchObject({ agency: 'EMB_COUNTY' });
    // Another county's service answers like a missing one; an insurer-wide fee year is not its to notice.
    expect((await issue(countyEmb, pinganId, 'SERVICE', hutuoService)).status).toBe(404);
    expect((await issue(countyEmb, piccId, 'FEE_YEAR', String(year))).status).toBe(403);
    const yuanping = expectOk(await issue(cityEmb, pinganId, 'SERVICE', hutuoService), 201);
    const seen = expectOk(await countyEmb.get<{ items: Notice[] }>('/regulator/notices?limit=100'));
    expect(seen.items.map((item) => item.id)).toContain(own.id);
    expect(seen.items.map((item) => item.id)).not.toContain(yuanping.id);
    expect(seen.items.every((item) => item.subject.county === '140902')).toBe(true);
    expect((await countyEmb.get('/regulator/notices?county=140981')).status).toBe(403);
    // …nor closes a notice about another county's item (404, as if missing), once answered or not.
    expectOk(await pingan.post(`/notices/${yuanping.id}/answer`, { text: '已处理' }));
    expect((await countyEmb.post(`/regulator/notices/${yuanping.id}/close`, { remark: '关闭' })).status).toBe(404);
    // The city EMB sees both counties' notices.
    const all = expectOk(await cityEmb.get<{ items: Notice[] }>('/regulator/notices?limit=100'));
    expect(all.items.map((item) => item.id)).toEqual(expect.arrayContaining([own.id, yuanping.id]));
  });

  it('ACL-2 regulators write no insurer data: no answer in the insurer’s name, no policy, no service (403)', async () => {
    const notice = expectOk(await issue(cityEmb, piccId, 'SERVICE', xindaService), 201);
    for (const regulator of [cityEmb, countyEmb, nfra]) {
      expect((await regulator.post(`/notices/${notice.id}/answer`, { text: '代答' })).status).toBe(403);
      expect((await regulator.post('/policies', policyBody())).status).toBe(403);
      expect((await regulator.post('/services', scheduleBody(piccPolicyId))).status).toBe(403);
    }
    // …and insurers issue and close no notice (SUP-5).
    expect((await issue(picc, piccId, 'SERVICE', xindaService)).status).toBe(403);
    expect((await picc.post(`/regulator/notices/${notice.id}/close`, { remark: '自行关闭' })).status).toBe(403);
  });
});

describe('the remaining per-insurer reads (ACL-2, ACL-4): hazards, complaints, the fee ledger, qualification', () => {
  it('SVC-7 hazards of an insurer come major first, with the enterprise named; a county EMB reads its county only', async () => {
    const page = expectOk(await cityEmb.get<{ insurer: { name: string }; items: { grade: string; enterprise: { name: string; county: string } }[] }>(
      `/regulator/insurers/${piccId}/hazards?limit=100`,
    ));
    expect(page.insurer.name).toContain('中国人民财产保险');
    const grades = page.items.map((hazard) => hazard.grade);
    expect(grades).toContain('MAJOR');
    expect(grades.indexOf('GENERAL')).toBeGreaterThan(grades.lastIndexOf('MAJOR'));
    expect(page.items[0]?.enterprise.name).toBe(XINDA.name);
    // Major first across pages too: one hazard a page, the MAJOR one on the first.
    const first = expectOk(await cityEmb.get<{ items: { grade: string }[]; nextCursor?: string }>(`/regulator/insurers/${piccId}/hazards?limit=1`));
    expect(first.items.map((hazard) => hazard.grade)).toEqual(['MAJOR']);
    const second = expectOk(
      await cityEmb.get<{ items: { grade: string }[] }>(`/regulator/insurers/${piccId}/hazards?limit=1&cursor=${encodeURIComponent(first.nextCursor as string)}`),
    );
    expect(second.items.map((hazard) => hazard.grade)).toEqual(['GENERAL']);
    expect((await countyEmb.get(`/regulator/insurers/${pinganId}/hazards?county=140981`)).status).toBe(403);
    const own = expectOk(await countyEmb.get<{ items: { enterprise: { county: string } }[] }>(`/regulator/insurers/${piccId}/hazards`));
    expect(own.items.every((hazard) => hazard.enterprise.county === '140902')).toBe(true);
  });

  it('CMP-6 every complaint against an insurer (not only escalated), with the enterprise’s name and timeliness', async () => {
    const filed = expectOk(
      await picc.post<{ id: string }>('/complaints', { enterpriseUscc: XINDA.uscc, receivedAt: new Date().toISOString(), channel: 'PHONE', request: '监管测试：服务未按期开展' }),
      201,
    );
    const page = expectOk(
      await cityEmb.get<{ items: { id: string; enterpriseName?: string; timeliness: string; escalation?: unknown }[] }>(`/regulator/insurers/${piccId}/complaints`),
    );
    const listed = page.items.find((complaint) => complaint.id === filed.id);
    expect(listed).toMatchObject({ enterpriseName: XINDA.name, timeliness: 'AWAITING' });
    expect(listed?.escalation).toBeUndefined();
    // ACL-4: 忻府区's EMB sees it, and refuses another county.
    const county = expectOk(await countyEmb.get<{ items: { id: string }[] }>(`/regulator/insurers/${piccId}/complaints`));
    expect(county.items.map((complaint) => complaint.id)).toContain(filed.id);
    expect((await countyEmb.get(`/regulator/insurers/${piccId}/complaints?county=140981`)).status).toBe(403);
    // SUP-1: and the city EMB notices the insurer about it, chosen from this list.
    const notice = expectOk(await issue(cityEmb, piccId, 'COMPLAINT', filed.id), 201);
    expect(notice.subject.label).toContain(XINDA.name);
  });

  it('FEE-2 the fee ledger for the city EMB and the NFRA (not a county EMB); QUAL-6 the filings for the city EMB', async () => {
    expectOk(
      await picc.post('/fees/expenses', { spentOn: today, category: 'OFFLINE_SERVICE', amountFen: 12_300, description: '监管测试：线下服务支出', serviceId: xindaService, advance: true }),
      201,
    );
    for (const regulator of [cityEmb, nfra]) {
      const ledger = expectOk(await regulator.get<{ year: number; items: { amountFen: number }[] }>(`/regulator/insurers/${piccId}/fees/ledger?year=${year}`));
      expect(ledger.year).toBe(year);
      expect(ledger.items.some((entry) => entry.amountFen === 12_300)).toBe(true);
    }
    expect((await countyEmb.get(`/regulator/insurers/${piccId}/fees/ledger?year=${year}`)).status).toBe(403);
    // SUP-1, FEE-4: a fee year is noticed by the city EMB.
    expect(expectOk(await issue(cityEmb, piccId, 'FEE_YEAR', String(year)), 201).subject.label).toContain(String(year));
    const qualification = expectOk(
      await cityEmb.get<{ filings: { year: number }[]; insurer: { name: string } }>(`/regulator/insurers/${piccId}/qualification?year=${year}`),
    );
    expect(qualification.insurer.name).toContain('中国人民财产保险');
    expect(qualification.filings.map((filing) => filing.year)).toContain(year);
    expect((await countyEmb.get(`/regulator/insurers/${piccId}/qualification`)).status).toBe(403);
    // Issue 14: these reads are in picc's access log too.
    const log = expectOk(await picc.get<{ items: AccessEntry[] }>('/access-log?agency=NFRA'));
    expect(log.items.some((entry) => entry.route.endsWith('/fees/ledger'))).toBe(true);
  });
});

describe('the access log: every regulator read of an insurer’s data, for the insurer admin', () => {
  it('issue 14 acceptance: picc’s admin sees that emb-city read its policy list, and when', async () => {
    const before = new Date().toISOString();
    expectOk(await cityEmb.get(`/regulator/insurers/${piccId}/policies?limit=10&status=ISSUED`));
    expectOk(await countyEmb.get(`/regulator/insurers/${piccId}/policies/${piccPolicyId}`));
    const log = expectOk(await picc.get<{ items: AccessEntry[] }>('/access-log'));
    const read = log.items.find((entry) => entry.reader.username === 'emb-city' && entry.route.endsWith('/policies'));
    expect(read).toMatchObject({
      reader: { username: 'emb-city', agency: 'EMB_CITY' },
      route: 'GET /api/v1/regulator/insurers/{tenantId}/policies',
      query: 'status=ISSUED',
    });
    expect((read as AccessEntry).at >= before).toBe(true);
    // Newest first: the county EMB's read of one policy came after, with the policy named.
    expect(log.items[0]).toMatchObject({ reader: { username: 'emb-xinfu', agency: 'EMB_COUNTY' }, itemId: piccPolicyId });
    // By agency.
    const county = expectOk(await picc.get<{ items: AccessEntry[] }>('/access-log?agency=EMB_COUNTY'));
    expect(county.items.length).toBeGreaterThan(0);
    expect(county.items.every((entry) => entry.reader.agency === 'EMB_COUNTY')).toBe(true);
    // Pingan's log holds none of picc's reads; staff and regulators do not read a log (the admin's only).
    const other = expectOk(await pingan.get<{ items: AccessEntry[] }>('/access-log'));
    expect(other.items.some((entry) => entry.route.includes('/policies'))).toBe(false);
    expect((await piccStaff.get('/access-log')).status).toBe(403);
    expect((await cityEmb.get('/access-log')).status).toBe(403);
    expect(today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('issue 14: recording costs one PutItem per read (measured: the read with and the PutItem alone)', async () => {
    const path = `/regulator/insurers/${piccId}/policies?limit=20`;
    expectOk(await cityEmb.get(path));
    resetDynamoDbCalls();
    expectOk(await cityEmb.get(path));
    expect(dynamoDbCalls().get('PutItemCommand')).toBe(1);
    const rounds = 10;
    let started = performance.now();
    for (let round = 0; round < rounds; round += 1) expectOk(await cityEmb.get(path));
    const readMs = (performance.now() - started) / rounds;
    const { noticesRoot } = await import('../../functions/http/supervision/notices-composition-root.js');
    started = performance.now();
    for (let round = 0; round < rounds; round += 1) {
      await noticesRoot().accessLog.record({
        id: `measure${round}`,
        tenantId: pinganId,
        at: new Date().toISOString(),
        reader: { userId: 'u', username: 'measure', agency: 'NFRA' },
        route: 'GET /api/v1/regulator/insurers/{tenantId}/policies',
      });
    }
    const putMs = (performance.now() - started) / rounds;
    console.info(`access log: a policy-list read through the gateway ${readMs.toFixed(1)} ms, of which the log's PutItem ~${putMs.toFixed(1)} ms`);
    expect(putMs).toBeLessThan(readMs);
  });

  it('a refused read records nothing (a county EMB asking for another county: 403)', async () => {
    const before = expectOk(await picc.get<{ items: AccessEntry[] }>('/access-log?agency=EMB_COUNTY&limit=100')).items.length;
    expect((await countyEmb.get(`/regulator/insurers/${piccId}/policies?county=140981`)).status).toBe(403);
    expect(expectOk(await picc.get<{ items: AccessEntry[] }>('/access-log?agency=EMB_COUNTY&limit=100')).items.length).toBe(before);
  });
});
