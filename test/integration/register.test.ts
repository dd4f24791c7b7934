import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shanghaiDateOf } from '../../domain/kernel/calendar/local-date.js';
import { usccCheckCharacter } from '../../domain/kernel/uscc.js';
import { isBlacklisted } from '../../domain/register/blacklist.js';
import type { RegisteredCount } from '../../domain/register/register.repository.js';
import { systemClock } from '../../functions/adapters/clock.js';
import { DynamoBlacklistRepository } from '../../functions/adapters/dynamodb/blacklist.repository.js';
import { dynamoDbCalls, dynamoDbClientConfig, resetDynamoDbCalls, toDocumentClient } from '../../functions/adapters/dynamodb/client.js';
import { DynamoRegisterRepository } from '../../functions/adapters/dynamodb/register.repository.js';
import { Store } from '../../functions/adapters/dynamodb/store.js';
import { XINZHOU_AREAS } from '../../domain/kernel/area.js';
import { REGISTER_FILE_HEADERS, registerFileRow } from '../../domain/register/register-columns.js';
import type { ApiClient } from '../support/api-client.js';
import { unique, validUscc } from '../support/fixtures.js';
import { startTestPlatform, type TestPlatform } from '../support/test-platform.js';
import { readEnterpriseRegister, type RegisterRow } from '../domain/kernel/enterprise-register.js';

const DEMO = 'Anze-demo-2026';
const HEADER = ['uscc', 'name', 'industry', 'county', 'staff', 'revenueWan', 'size'] as const;

interface Entry {
  uscc: string;
  name: string;
  industry: string;
  county: string;
  staff: number;
  revenueWan: number;
  size: string;
  sizeOverrideReason?: string;
  registeredBy: string;
  version: number;
}
interface Problem {
  row?: number;
  field?: string;
  message: string;
  rule?: string;
}
interface ErrorBody {
  error: { code: string; message: string; rule?: string; details?: Problem[] };
}
interface ImportResult {
  importId: string;
  imported: number;
  created: number;
  updated: number;
  unchanged: number;
}
interface BlacklistView {
  id: string;
  insurerTenantId: string;
  listedOn: string;
  until?: string;
  liftedOn?: string;
  listedBy: string;
  liftedBy?: string;
  activeToday: boolean;
  version: number;
}

let test: TestPlatform;
let cityEmb: ApiClient;
let countyEmb: ApiClient;
let nfra: ApiClient;
let insurer: ApiClient;
let piccId: string;
let register: DynamoRegisterRepository;
let blacklist: DynamoBlacklistRepository;

/** A fresh, valid USCC whose division code is `county` (for readability only: the county is a field). */
function usccIn(county: string): string {
  const first17 = `91${county.replace(/\D/g, '0').padEnd(6, '0')}${validUscc().slice(8, 17)}`;
  return first17 + usccCheckCharacter(first17);
}

const entryBody = (county: string, overrides: Record<string, unknown> = {}) => ({
  uscc: usccIn(county),
  name: `${unique('测试')}煤业有限公司`,
  industry: 'COAL_MINE',
  county,
  staff: 254,
  revenueWan: 1175,
  ...overrides,
});

const sumOf = (counts: readonly RegisteredCount[]): number => counts.reduce((sum, cell) => sum + cell.registered, 0);

async function allCounts(): Promise<Map<string, number>> {
  const cells = new Map<string, number>();
  for (const area of XINZHOU_AREAS) {
    for (const cell of await register.registeredCounts(area.code)) cells.set(`${cell.county}#${cell.industry}`, cell.registered);
  }
  return cells;
}

/**
 * The register as the console exports it and the template lays it out (issue 15): Chinese headers, industry,
 * county and size as Chinese labels, the USCC column as text (register-columns.ts).
 */
async function exportedXlsxOf(rows: readonly RegisterRow[]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('企业底数');
  sheet.addRow([...REGISTER_FILE_HEADERS]);
  for (const row of rows) {
    sheet.addRow(registerFileRow({ ...row, industry: row.industry as never, county: row.county as never, size: row.size as never, registeredBy: 'emb-city', updatedAt: '', version: 1 }));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
}

async function xlsxOf(rows: readonly RegisterRow[]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('企业底数');
  sheet.addRow([...HEADER]);
  for (const row of rows) sheet.addRow([row.uscc, row.name, row.industry, row.county, row.staff, row.revenueWan, row.size]);
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
}

const csvOf = (lines: readonly string[]): string => Buffer.from(`${[HEADER.join(','), ...lines].join('\r\n')}\r\n`, 'utf8').toString('base64');

beforeAll(async () => {
  test = await startTestPlatform({ demo: true });
  cityEmb = await test.signIn('emb-city', DEMO);
  countyEmb = await test.signIn('emb-xinfu', DEMO);
  nfra = await test.signIn('nfra-xinzhou', DEMO);
  insurer = await test.signIn('picc-staff', DEMO);
  const tenants = await (await test.operator()).get<{ items: { id: string; branchName: string }[] }>('/platform/tenants?limit=100');
  piccId = tenants.body.items.find((tenant) => tenant.branchName.startsWith('人保'))?.id as string;
  const store = new Store(toDocumentClient(new DynamoDBClient(dynamoDbClientConfig())), test.platform.tables.main, systemClock);
  register = new DynamoRegisterRepository(store);
  blacklist = new DynamoBlacklistRepository(store);
});

afterAll(async () => test?.stop());

describe('the enterprise register (REG-1) through the local gateway', () => {
  it('REG-1 lets the city EMB add an entry of any county, update it, and re-send it without a write', async () => {
    const body = entryBody('140981');
    const created = await cityEmb.post<Entry>('/regulator/enterprises', body);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ ...body, size: 'SMALL', registeredBy: 'emb-city', version: 1 });

    const updated = await cityEmb.post<Entry>('/regulator/enterprises', { ...body, staff: 320, revenueWan: 2500 });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ size: 'MEDIUM', version: 2 });

    const again = await cityEmb.post<Entry>('/regulator/enterprises', { ...body, staff: 320, revenueWan: 2500 });
    expect(again.status).toBe(200);
    expect(again.body.version).toBe(2);
    expect((await cityEmb.get<Entry>(`/regulator/enterprises/${body.uscc}`)).body.version).toBe(2);

    const stale = await cityEmb.post<ErrorBody>('/regulator/enterprises', { ...body, staff: 400, version: 1 });
    expect(stale.status).toBe(412);
  });

  it('ACL-4 lets a county EMB add an entry of its county and refuses another county with 403 naming ACL-4', async () => {
    const own = entryBody('140902');
    const created = await countyEmb.post<Entry>('/regulator/enterprises', own);
    expect(created.status).toBe(201);
    expect(created.body.registeredBy).toBe('emb-county-140902');

    const foreign = await countyEmb.post<ErrorBody>('/regulator/enterprises', entryBody('140981'));
    expect(foreign.status).toBe(403);
    expect(foreign.body.error.message).toMatch(/^ACL-4:/);

    // An enterprise the city registered in 原平市 is not 忻府区's to take over, even by claiming it for 140902.
    const cityEntry = entryBody('140981');
    expect((await cityEmb.post('/regulator/enterprises', cityEntry)).status).toBe(201);
    const takeover = await countyEmb.post<ErrorBody>('/regulator/enterprises', { ...cityEntry, county: '140902' });
    expect(takeover.status).toBe(403);
    expect(takeover.body.error.message).toMatch(/^ACL-4:.*registered in 140981/);
    expect((await cityEmb.get<Entry>(`/regulator/enterprises/${cityEntry.uscc}`)).body.county).toBe('140981');
  });

  it('ACL-4 shows a county EMB its own county only: the list, a foreign entry (404) and another county (403)', async () => {
    const foreign = entryBody('140922');
    expect((await cityEmb.post('/regulator/enterprises', foreign)).status).toBe(201);
    expect((await countyEmb.post('/regulator/enterprises', entryBody('140902'))).status).toBe(201);

    const listed = await countyEmb.get<{ items: Entry[] }>('/regulator/enterprises?limit=100');
    expect(listed.status).toBe(200);
    expect(listed.body.items.length).toBeGreaterThan(0);
    expect(new Set(listed.body.items.map((entry) => entry.county))).toEqual(new Set(['140902']));

    const other = await countyEmb.get<ErrorBody>('/regulator/enterprises?county=140922');
    expect(other.status).toBe(403);
    expect(other.body.error.message).toMatch(/^ACL-4:/);
    expect((await countyEmb.get(`/regulator/enterprises/${foreign.uscc}`)).status).toBe(404);

    const city = await cityEmb.get<{ items: Entry[] }>('/regulator/enterprises?county=140922&industry=COAL_MINE');
    expect(city.body.items.map((entry) => entry.uscc)).toContain(foreign.uscc);
  });

  it('ACL-2 lets the NFRA read the register but never write it', async () => {
    const refused = await nfra.post<ErrorBody>('/regulator/enterprises', entryBody('140902'));
    expect(refused.status).toBe(403);
    const imported = await nfra.post('/regulator/enterprise-imports', { fileName: 'a.csv', contentBase64: csvOf([]) });
    expect(imported.status).toBe(403);
    const all = await nfra.get<{ items: Entry[] }>('/regulator/enterprises?limit=100');
    expect(all.status).toBe(200);
    expect(new Set(all.body.items.map((entry) => entry.county)).size).toBeGreaterThan(1);
  });

  it('REG-1 gives an insurer one entry by USCC, of any county, and nothing else of the register', async () => {
    const body = entryBody('140925');
    expect((await cityEmb.post('/regulator/enterprises', body)).status).toBe(201);
    const found = await insurer.get<Entry>(`/register/enterprises/${body.uscc}`);
    expect(found.status).toBe(200);
    expect(found.body).toMatchObject({ uscc: body.uscc, county: '140925', staff: 254 });
    expect((await insurer.get(`/register/enterprises/${usccIn('140925')}`)).status).toBe(404);
    const malformed = await insurer.get<ErrorBody>('/register/enterprises/91140902100000008B');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.rule).toBe('UW-2');
    expect((await insurer.get('/regulator/enterprises')).status).toBe(403);
    expect((await insurer.post('/regulator/enterprises', body)).status).toBe(403);
  });

  it('SCOPE-4 keeps a size override only with its reason', async () => {
    const body = entryBody('140902', { size: 'MEDIUM' });
    const refused = await countyEmb.post<ErrorBody>('/regulator/enterprises', body);
    expect(refused.status).toBe(400);
    expect(refused.body.error.rule).toBe('SCOPE-4');
    expect(refused.body.error.details?.[0]?.field).toBe('sizeOverrideReason');
    const kept = await countyEmb.post<Entry>('/regulator/enterprises', { ...body, sizeOverrideReason: '集团统一核定为中型' });
    expect(kept.status).toBe(201);
    expect(kept.body).toMatchObject({ size: 'MEDIUM', sizeOverrideReason: '集团统一核定为中型' });
  });

  it('REG-1 moves the registered counters with an entry: a county change decrements the old cell', async () => {
    const body = entryBody('140928', { industry: 'FIREWORKS' });
    const before = { from: sumOf(await register.registeredCounts('140928')), to: sumOf(await register.registeredCounts('140929')) };
    expect((await cityEmb.post('/regulator/enterprises', body)).status).toBe(201);
    expect(sumOf(await register.registeredCounts('140928'))).toBe(before.from + 1);
    expect((await cityEmb.post('/regulator/enterprises', { ...body, county: '140929' })).status).toBe(200);
    expect(sumOf(await register.registeredCounts('140928'))).toBe(before.from);
    expect(sumOf(await register.registeredCounts('140929'))).toBe(before.to + 1);
    expect((await register.registeredCounts('140929')).find((cell) => cell.industry === 'FIREWORKS')?.registered).toBeGreaterThan(0);
  });

  it('REG-1 refuses a CSV with a duplicate USCC or an unexplained size, naming rows and rules, and writes nothing', async () => {
    const uscc = usccIn('140902');
    const response = await countyEmb.post<ErrorBody>('/regulator/enterprise-imports', {
      fileName: '忻府区.csv',
      contentBase64: csvOf([
        `${uscc},"忻府""甲""煤业有限公司",COAL_MINE,140902,254,1175,SMALL`,
        `${uscc},忻府乙煤业有限公司,COAL_MINE,140902,254,1175,SMALL`,
        `${usccIn('140902')},忻府丙煤业有限公司,COAL_MINE,140902,254,1175,LARGE`,
      ]),
    });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('IMPORT_REJECTED');
    expect(response.body.error.details).toEqual([
      expect.objectContaining({ row: 3, field: 'uscc', rule: 'REG-1' }),
      expect.objectContaining({ row: 4, field: 'sizeOverrideReason', rule: 'SCOPE-4' }),
    ]);
    expect((await cityEmb.get(`/regulator/enterprises/${uscc}`)).status).toBe(404);
  });

  it('REG-1 imports an XLSX with Chinese headers and labels, and refuses an unknown column with a Chinese 400 naming it (issue 15)', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('企业底数');
    sheet.addRow(['统一社会信用代码', '企业名称', '行业', '区县', '从业人员', '营业收入（万元）', '企业规模', '规模调整理由']);
    const uscc = usccIn('140902');
    sheet.addRow([uscc, `${unique('忻府')}（集团）煤业有限公司`, '煤矿', '忻府区', 1200, 45_000, '大型', '']);
    sheet.addRow([usccIn('140902'), `${unique('忻府')}化工有限公司`, '危化品', ' 忻府 ', '３０', 500, '中型', '县局核定为中型']);
    const bytes = async () => Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
    const imported = await countyEmb.post<ImportResult>('/regulator/enterprise-imports', { fileName: '忻府区企业底数.xlsx', contentBase64: await bytes() });
    expect(imported.status, JSON.stringify(imported.body).slice(0, 500)).toBe(201);
    expect(imported.body).toMatchObject({ imported: 2, created: 2 });
    expect((await countyEmb.get<Entry>(`/regulator/enterprises/${uscc}`)).body).toMatchObject({ industry: 'COAL_MINE', county: '140902', size: 'LARGE' });

    sheet.getRow(1).getCell(3).value = '行业门类';
    const refused = await countyEmb.post<ErrorBody>('/regulator/enterprise-imports', { fileName: '忻府区企业底数.xlsx', contentBase64: await bytes() });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details).toEqual([
      expect.objectContaining({ row: 1, field: '行业门类', rule: 'REG-1', message: expect.stringMatching(/^第 1 行（表头）：无法识别的列「行业门类」/) }),
      expect.objectContaining({ row: 1, field: 'industry', rule: 'REG-1', message: expect.stringMatching(/^第 1 行（表头）：缺少「行业」列/) }),
    ]);
  });

  it('ACL-4 refuses a county EMB’s import with a row of another county (403), writing nothing', async () => {
    const own = usccIn('140902');
    const response = await countyEmb.post<ErrorBody>('/regulator/enterprise-imports', {
      fileName: 'mixed.csv',
      contentBase64: csvOf([
        `${own},忻府丁煤业有限公司,COAL_MINE,140902,254,1175,SMALL`,
        `${usccIn('140981')},原平戊煤业有限公司,COAL_MINE,140981,254,1175,SMALL`,
      ]),
    });
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe('IMPORT_REJECTED');
    expect(response.body.error.details).toEqual([expect.objectContaining({ row: 3, field: 'county', rule: 'ACL-4' })]);
    expect((await countyEmb.get(`/regulator/enterprises/${own}`)).status).toBe(404);
  });
});

describe('the 5,000-enterprise XLSX import (REG-1 acceptance)', () => {
  const seed = readEnterpriseRegister();

  it('imports nothing from a file with 3 bad rows and reports exactly those rows; fixed, it imports all 5,000', async () => {
    expect(seed).toHaveLength(5000);
    const countsBefore = await allCounts();
    const sumBefore = [...countsBefore.values()].reduce((sum, n) => sum + n, 0);

    // Rows 101, 2502 and 5001 of the sheet (the header is row 1): a wrong check character, an unknown industry, no such county.
    const broken = seed.map((row, index) => {
      if (index === 99) return { ...row, uscc: row.uscc.slice(0, 17) + (row.uscc.endsWith('0') ? '1' : '0') };
      if (index === 2500) return { ...row, industry: 'COAL' };
      if (index === 4999) return { ...row, county: '140999' };
      return row;
    });
    const rejected = await cityEmb.post<ErrorBody>('/regulator/enterprise-imports', {
      fileName: '忻州市企业底数.xlsx',
      contentBase64: await xlsxOf(broken),
    });
    expect(rejected.status).toBe(400);
    expect(rejected.body.error.code).toBe('IMPORT_REJECTED');
    expect(rejected.body.error.details?.map(({ row, field, rule }) => ({ row, field, rule }))).toEqual([
      { row: 101, field: 'uscc', rule: 'UW-2' },
      { row: 2502, field: 'industry', rule: 'SCOPE-1' },
      { row: 5001, field: 'county', rule: 'SCOPE-5' },
    ]);
    // Issue 15: each in Chinese, naming the row, the column by its Chinese header, and the rule.
    expect(rejected.body.error.details?.map(({ message }) => message)).toEqual([
      expect.stringMatching(/^第 101 行「统一社会信用代码」：校验位错误：按前 17 位应为 .，文件中为 .（UW-2）$/),
      expect.stringMatching(/^第 2502 行「行业」：「COAL」无法识别，应为以下之一：煤矿、/),
      expect.stringMatching(/^第 5001 行「区县」：「140999」无法识别，应为以下之一：忻府区、/),
    ]);
    expect(rejected.body.error.message).toMatch(/^文件未导入，未写入任何数据：3 行共 3 处问题/);
    expect(await allCounts()).toEqual(countsBefore);
    expect((await cityEmb.get(`/regulator/enterprises/${seed[0]?.uscc}`)).status).toBe(404);

    // The register as the console exports it (Chinese headers and labels, issue 15) imports as it is.
    const fixed = await exportedXlsxOf(seed);
    resetDynamoDbCalls();
    const startedAt = performance.now();
    const imported = await cityEmb.post<ImportResult>('/regulator/enterprise-imports', { fileName: '忻州市企业底数.xlsx', contentBase64: fixed });
    const seconds = (performance.now() - startedAt) / 1000;
    const calls = Object.fromEntries(dynamoDbCalls());
    expect(imported.status, JSON.stringify(imported.body).slice(0, 500)).toBe(201);
    expect(imported.body).toMatchObject({ imported: 5000, created: 5000, updated: 0, unchanged: 0 });
    // ~99 entries per transaction with their counters, plus the import record's two writes; no BatchWriteItem.
    expect(calls.TransactWriteItemsCommand).toBeLessThanOrEqual(Math.ceil(5000 / 90) + 2);
    expect(calls.BatchWriteItemCommand).toBeUndefined();
    expect(calls.BatchGetItemCommand).toBe(50);
    console.info(`5,000-row XLSX import: ${seconds.toFixed(1)} s, DynamoDB calls ${JSON.stringify(calls)}`);

    const countsAfter = await allCounts();
    expect([...countsAfter.values()].reduce((sum, n) => sum + n, 0) - sumBefore).toBe(5000);
    const expected = new Map(countsBefore);
    for (const row of seed) expected.set(`${row.county}#${row.industry}`, (expected.get(`${row.county}#${row.industry}`) ?? 0) + 1);
    expect(countsAfter).toEqual(expected);

    const sample = seed[1234] as RegisterRow;
    const entry = await insurer.get<Entry>(`/register/enterprises/${sample.uscc}`);
    expect(entry.body).toMatchObject({ ...sample, registeredBy: 'emb-city', version: 1 });
    await expect
      .poll(() => test.platform.bus.recent().find((event) => event.type === 'register.enterprise.registered' && event.aggregate.id === imported.body.importId), {
        timeout: 10_000,
      })
      .toMatchObject({ data: { registered: 5000, created: 5000 } });
  }, 90_000);

  it('REG-1 converges: the same file again writes no entry, and the counters stay', async () => {
    const countsBefore = await allCounts();
    resetDynamoDbCalls();
    const again = await cityEmb.post<ImportResult>('/regulator/enterprise-imports', {
      fileName: '忻州市企业底数.csv',
      contentBase64: csvOf(seed.map((row) => HEADER.map((column) => row[column]).join(','))),
    });
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ imported: 5000, created: 0, updated: 0, unchanged: 5000 });
    // Only the import record's RUNNING and DONE writes.
    expect(dynamoDbCalls().get('TransactWriteItemsCommand')).toBe(2);
    expect(await allCounts()).toEqual(countsBefore);
  }, 60_000);
});

describe('the blacklist (BLK-1) through the local gateway', () => {
  it('BLK-1 lets the NFRA list an insurer and lift it; every regulator reads it; the insurer is barred in between', async () => {
    const today = shanghaiDateOf(new Date());
    const listed = await nfra.post<BlacklistView>('/regulator/blacklist', {
      insurerTenantId: piccId,
      reason: '2025年度考核不合格，暂停高危行业承保资格',
      listedOn: '2026-01-01',
    });
    expect(listed.status).toBe(201);
    expect(listed.body).toMatchObject({ insurerTenantId: piccId, listedBy: 'nfra', listedOn: '2026-01-01', version: 1 });
    expect(listed.body.activeToday).toBe(today >= '2026-01-01');

    const seenByCounty = await countyEmb.get<{ items: BlacklistView[] }>(`/regulator/blacklist?insurerTenantId=${piccId}`);
    expect(seenByCounty.body.items.map((entry) => entry.id)).toContain(listed.body.id);
    expect(isBlacklisted(await blacklist.entriesOf(piccId), piccId, '2026-02-01')).toBe(true);
    expect(isBlacklisted(await blacklist.entriesOf(piccId), piccId, '2025-12-31')).toBe(false);

    expect((await countyEmb.post('/regulator/blacklist', { insurerTenantId: piccId, reason: '县级不得列入' })).status).toBe(403);
    expect((await insurer.get('/regulator/blacklist')).status).toBe(403);
    const byCity = await cityEmb.post<ErrorBody>(`/regulator/blacklist/${listed.body.id}/lift`, { reason: '市局代为移出' });
    expect(byCity.status).toBe(403);
    expect(byCity.body.error.message).toMatch(/^BLK-1:/);

    const early = await nfra.post<ErrorBody>(`/regulator/blacklist/${listed.body.id}/lift`, { reason: '整改合格', liftedOn: '2025-12-01' });
    expect(early.status).toBe(400);
    expect(early.body.error.rule).toBe('BLK-1');
    const lifted = await nfra.post<BlacklistView>(`/regulator/blacklist/${listed.body.id}/lift`, { reason: '整改验收合格', liftedOn: '2026-03-01' });
    expect(lifted.status).toBe(200);
    expect(lifted.body).toMatchObject({ liftedOn: '2026-03-01', liftedBy: 'nfra', version: 2 });
    expect(isBlacklisted(await blacklist.entriesOf(piccId), piccId, '2026-02-28')).toBe(true);
    expect(isBlacklisted(await blacklist.entriesOf(piccId), piccId, '2026-03-01')).toBe(false);
    const twice = await nfra.post<ErrorBody>(`/regulator/blacklist/${listed.body.id}/lift`, { reason: '再次移出' });
    expect(twice.status).toBe(409);
    expect(twice.body.error.rule).toBe('BLK-1');
    expect((await nfra.post(`/regulator/blacklist/01nonexistententry00000000/lift`, { reason: '无此条目' })).status).toBe(404);
  });

  it('BLK-1 refuses a listing that ends before it starts, and an insurer the platform does not have', async () => {
    const backwards = await cityEmb.post<ErrorBody>('/regulator/blacklist', {
      insurerTenantId: piccId,
      reason: '通报批评',
      listedOn: '2026-05-01',
      until: '2026-04-30',
    });
    expect(backwards.status).toBe(400);
    expect(backwards.body.error).toMatchObject({ rule: 'BLK-1', details: [{ field: 'until', rule: 'BLK-1' }] });
    const unknown = await cityEmb.post('/regulator/blacklist', { insurerTenantId: '01nonexistenttenant0000000', reason: '通报批评' });
    expect(unknown.status).toBe(404);
    const bounded = await cityEmb.post<BlacklistView>('/regulator/blacklist', {
      insurerTenantId: piccId,
      reason: '通报批评，限期一年',
      listedOn: '2020-01-01',
      until: '2020-12-31',
    });
    expect(bounded.status).toBe(201);
    expect(bounded.body.activeToday).toBe(false);
    expect(isBlacklisted([await blacklist.get(bounded.body.id)].filter((entry) => entry !== undefined), piccId, '2020-12-31')).toBe(true);
  });
});
