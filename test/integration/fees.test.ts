import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamoDbCalls, dynamoDbClientConfig, resetDynamoDbCalls, toDocumentClient } from '../../functions/adapters/dynamodb/client.js';
import { keys } from '../../functions/adapters/dynamodb/keys.js';
import { archiveItem } from '../../functions/adapters/dynamodb/service-items.js';
import { retainUntilFor } from '../../domain/archive/archive-store.js';
import type { ArchiveRecord } from '../../domain/services/archive-record.schema.js';
import { LEDGER_SHEET, SUMMARY_SHEET, TOTAL_LABEL } from '../../functions/adapters/ledger-file/ledger-workbook.js';
import { feeRoutes } from '../../functions/http/fees/routes.js';
import type { ApiClient } from '../support/api-client.js';
import { startTestPlatform, type TestPlatform } from '../support/test-platform.js';
import { HUTUO, TAIXIN, XINDA, XINGYUAN, fileQualification, policyBody, registerEnterprises, today, year } from '../support/underwriting-fixtures.js';

const DEMO = 'Anze-demo-2026';
/** Ledgers of earlier years: dates there are in the past whatever today is, and under the 2024 rule set. */
const LAST_YEAR = year - 1;
const TWO_YEARS_AGO = year - 2;

interface Entry {
  id: string;
  tenantId: string;
  kind: 'ACCRUAL' | 'EXPENSE' | 'REVERSAL';
  year: number;
  sequence: number;
  date: string;
  amountFen: number;
  advance: boolean;
  recordedBy: string;
  recordedAt: string;
  premiumExTaxFen?: number;
  receiptId?: string;
  policyId?: string;
  reverses?: { entryId: string; sequence: number };
}
interface Receipt {
  id: string;
  amountFen: number;
  premiumExTaxFen: number;
  accrualFen: number;
  entryId: string;
  ruleSetId: string;
}
interface Summary {
  year: number;
  lastSequence: number;
  receivedFen: number;
  premiumExTaxFen: number;
  accruedFen: number;
  spentFen: number;
  balanceFen: number;
  advances: number;
  outstandingAdvanceFen: number;
  ratio: number | null;
  requiredSpendFen: number;
  shortfallFen: number;
  compliant: boolean;
  aboveCeiling: boolean;
  ruleSetId: string;
}
interface ErrorBody {
  error: { code: string; rule?: string; message: string; details?: { field?: string; rule?: string }[] };
}
interface Policy {
  id: string;
  premiumFen: number;
  premiumExTaxFen: number;
}

let test: TestPlatform;
let picc: ApiClient;
let piccStaff: ApiClient;
let pingan: ApiClient;
let piccUserId: string;
let piccId: string;
let xinda: Policy;
let taixin: Policy;
let coinsured: Policy;
let hutuo: Policy;

const expense = (overrides: Record<string, unknown> = {}) => ({
  spentOn: today,
  category: 'OFFLINE_SERVICE',
  amountFen: 100_000,
  description: '体检式精查（第一次）',
  serviceId: 'svc-xinda-1',
  ...overrides,
});

async function issue(client: ApiClient, body: Record<string, unknown>): Promise<Policy> {
  const issued = await client.post<Policy>('/policies', policyBody(body));
  expect(issued.status, JSON.stringify(issued.body)).toBe(201);
  return issued.body;
}

async function summaryOf(client: ApiClient, ofYear: number, half?: 'H1' | 'H2'): Promise<Summary> {
  const answer = await client.get<Summary>(`/fees/summary?year=${ofYear}${half ? `&half=${half}` : ''}`);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body;
}

async function allEntries(client: ApiClient, ofYear: number): Promise<Entry[]> {
  const entries: Entry[] = [];
  let cursor: string | undefined;
  do {
    const page = await client.get<{ items: Entry[]; nextCursor?: string }>(`/fees/ledger?year=${ofYear}&limit=7${cursor ? `&cursor=${cursor}` : ''}`);
    expect(page.status).toBe(200);
    entries.push(...page.body.items);
    cursor = page.body.nextCursor;
  } while (cursor);
  return entries;
}

beforeAll(async () => {
  test = await startTestPlatform({ demo: true });
  picc = await test.signIn('picc-admin', DEMO);
  piccStaff = await test.signIn('picc-staff', DEMO);
  pingan = await test.signIn('pingan-admin', DEMO);
  const cityEmb = await test.signIn('emb-city', DEMO);
  await registerEnterprises(cityEmb, [XINDA, TAIXIN, XINGYUAN, HUTUO]);
  expect((await fileQualification(picc)).body.eligibility.eligible).toBe(true);
  expect((await fileQualification(pingan)).body.eligibility.eligible).toBe(true);
  const users = await picc.get<{ items: { id: string; tenantId: string; username: string }[] }>('/users');
  piccUserId = users.body.items.find((user) => user.username === 'picc-admin')?.id as string;
  piccId = users.body.items[0]?.tenantId as string;
  const pinganId = (await pingan.get<{ items: { tenantId: string }[] }>('/users')).body.items[0]?.tenantId as string;
  xinda = await issue(picc, {});
  // FEE-1: 0 is the rule set's documented exemption, the one rate besides 6% a policy may be written at.
  taixin = await issue(picc, { enterpriseUscc: TAIXIN.uscc, employeesCovered: TAIXIN.staff, vatRateBasisPoints: 0 });
  coinsured = await issue(picc, {
    enterpriseUscc: XINGYUAN.uscc,
    employeesCovered: XINGYUAN.staff,
    mode: 'COINSURANCE',
    members: [
      { tenantId: piccId, shareBasisPoints: 6000, lead: true },
      { tenantId: pinganId, shareBasisPoints: 4000, lead: false },
    ],
  });
  hutuo = await issue(pingan, { enterpriseUscc: HUTUO.uscc, employeesCovered: HUTUO.staff });
});
afterAll(async () => test?.stop());

describe('premium receipts and the accrual (FEE-1, UW-5)', () => {
  it('FEE-1 UW-5 a receipt of 106,000.00 CNY at 6% VAT books premium ex-tax 100,000.00 and an accrual of 15,000.00', async () => {
    const received = await piccStaff.post<{ receipt: Receipt; entry: Entry }>('/fees/premium-receipts', {
      policyId: xinda.id,
      receivedOn: today,
      amountFen: 10_600_000,
    });
    expect(received.status, JSON.stringify(received.body)).toBe(201);
    expect(received.body.receipt).toMatchObject({ amountFen: 10_600_000, premiumExTaxFen: 10_000_000, accrualFen: 1_500_000, ruleSetId: 'xinzhou-2024' });
    expect(received.body.entry).toMatchObject({ kind: 'ACCRUAL', year, sequence: 1, amountFen: 1_500_000, premiumExTaxFen: 10_000_000, policyId: xinda.id });
    expect(received.body.entry.receiptId).toBe(received.body.receipt.id);
    expect(await summaryOf(picc, year)).toMatchObject({ receivedFen: 10_600_000, premiumExTaxFen: 10_000_000, accruedFen: 1_500_000, spentFen: 0, balanceFen: 1_500_000 });
  });

  it('FEE-1 UW-5 takes partial receipts up to the premium, with the policy’s VAT rate, and refuses one fen more', async () => {
    const premium = taixin.premiumFen;
    const first = await picc.post<{ receipt: Receipt }>('/fees/premium-receipts', { policyId: taixin.id, receivedOn: today, amountFen: 300_000 });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body.receipt.premiumExTaxFen).toBe(300_000); // exempt (0%, FEE-1's documented exemption): ex-tax is the premium
    const rest = await picc.post('/fees/premium-receipts', { policyId: taixin.id, receivedOn: today, amountFen: premium - 300_000 });
    expect(rest.status).toBe(201);
    const over = await picc.post<ErrorBody>('/fees/premium-receipts', { policyId: taixin.id, receivedOn: today, amountFen: 1 });
    expect(over.status).toBe(409);
    expect(over.body.error).toMatchObject({ rule: 'FEE-1', details: [{ field: 'amountFen', rule: 'FEE-1' }] });
    const receipts = await picc.get<{ receivedFen: number; receivedExTaxFen: number; outstandingFen: number; items: Receipt[] }>(`/fees/premium-receipts?policyId=${taixin.id}`);
    // The parts add up to exactly the policy's own premium ex-tax: no fen lost to rounding.
    expect(receipts.body).toMatchObject({ receivedFen: premium, receivedExTaxFen: taixin.premiumExTaxFen, outstandingFen: 0 });
    expect(receipts.body.items).toHaveLength(2);
  });

  it('FEE-1 refuses an accrual below 15% and premium not yet received', async () => {
    const low = await picc.post<ErrorBody>('/fees/premium-receipts', { policyId: xinda.id, receivedOn: today, amountFen: 100, accrualBasisPoints: 1000 });
    expect(low.status).toBe(400);
    expect(low.body.error.details?.[0]).toMatchObject({ field: 'accrualBasisPoints', rule: 'FEE-1' });
    const future = await picc.post<ErrorBody>('/fees/premium-receipts', { policyId: xinda.id, receivedOn: `${year + 1}-01-01`, amountFen: 100 });
    expect(future.status).toBe(400);
    expect(future.body.error.details?.[0]).toMatchObject({ field: 'receivedOn', rule: 'FEE-1' });
  });

  it('FEE-1 UW-6 lets a co-insurance member receive its own share of the premium only', async () => {
    await expect.poll(async () => (await pingan.get(`/policies/${coinsured.id}`)).status, { timeout: 10_000 }).toBe(200);
    const share = Math.floor((coinsured.premiumFen * 4000 + 5000) / 10_000);
    const over = await pingan.post<ErrorBody>('/fees/premium-receipts', { policyId: coinsured.id, receivedOn: today, amountFen: share + 1 });
    expect(over.status).toBe(409);
    expect(over.body.error.rule).toBe('FEE-1');
    const exact = await pingan.post<{ entry: Entry }>('/fees/premium-receipts', { policyId: coinsured.id, receivedOn: today, amountFen: share });
    expect(exact.status, JSON.stringify(exact.body)).toBe(201);
    expect(exact.body.entry.sequence).toBe(1);
  });
});

describe('the ledger (FEE-2, FEE-3)', () => {
  it('FEE-3 refuses an "internal management" expense, naming FEE-3, and any pre-accrued one', async () => {
    const refused = await picc.post<ErrorBody>('/fees/expenses', expense({ category: 'INTERNAL_MANAGEMENT', description: '分公司办公经费' }));
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ code: 'RULE_VIOLATION', rule: 'FEE-3', details: [{ field: 'category', rule: 'FEE-3' }] });
    expect(refused.body.error.message).toContain('内部的管理费用');
    const preAccrued = await picc.post<ErrorBody>('/fees/expenses', expense({ spentOn: `${year + 1}-01-01` }));
    expect(preAccrued.body.error).toMatchObject({ rule: 'FEE-3', details: [{ field: 'spentOn' }] });
    const unknown = await picc.post<ErrorBody>('/fees/expenses', expense({ category: 'BANQUET' }));
    expect(unknown.body.error.rule).toBe('FEE-3');
  });

  it('FEE-2 books an expense with its number, the user, the time and the link; a reversal restores the balance exactly', async () => {
    const before = await summaryOf(picc, year);
    const booked = await picc.post<Entry>('/fees/expenses', expense({ amountFen: 333_333 }));
    expect(booked.status, JSON.stringify(booked.body)).toBe(201);
    expect(booked.body).toMatchObject({ kind: 'EXPENSE', year, sequence: before.lastSequence + 1, recordedBy: piccUserId, serviceId: 'svc-xinda-1', advance: false });
    expect((await summaryOf(picc, year)).balanceFen).toBe(before.balanceFen - 333_333);

    const reversed = await picc.post<Entry>(`/fees/entries/${booked.body.id}/reverse`, { reason: '金额录入错误' });
    expect(reversed.status, JSON.stringify(reversed.body)).toBe(201);
    expect(reversed.body).toMatchObject({ kind: 'REVERSAL', sequence: before.lastSequence + 2, amountFen: 333_333, reverses: { entryId: booked.body.id } });
    const after = await summaryOf(picc, year);
    expect([after.balanceFen, after.spentFen, after.accruedFen]).toEqual([before.balanceFen, before.spentFen, before.accruedFen]);

    // The correction: the right entry, booked anew.
    const corrected = await picc.post<Entry>('/fees/expenses', expense({ amountFen: 333_300 }));
    expect(corrected.body.sequence).toBe(before.lastSequence + 3);
    const view = await picc.get<{ entry: Entry; reversedBy?: { entryId: string } }>(`/fees/entries/${booked.body.id}`);
    expect(view.body.reversedBy?.entryId).toBe(reversed.body.id);
  });

  it('FEE-2 refuses a second reversal and the reversal of a reversal; staff may not reverse at all', async () => {
    const booked = await piccStaff.post<Entry>('/fees/expenses', expense({ amountFen: 1_000 }));
    expect(booked.status).toBe(201);
    expect((await piccStaff.post(`/fees/entries/${booked.body.id}/reverse`, { reason: '员工冲销' })).status).toBe(403);
    const reversal = await picc.post<Entry>(`/fees/entries/${booked.body.id}/reverse`, { reason: '重复登记' });
    const again = await picc.post<ErrorBody>(`/fees/entries/${booked.body.id}/reverse`, { reason: '再次冲销' });
    expect(again.status).toBe(409);
    expect(again.body.error.rule).toBe('FEE-2');
    const ofReversal = await picc.post<ErrorBody>(`/fees/entries/${reversal.body.id}/reverse`, { reason: '冲销冲销' });
    expect(ofReversal.status).toBe(409);
    expect(ofReversal.body.error.rule).toBe('FEE-2');
  });

  it('FEE-2 a retried booking with the same Idempotency-Key books once and answers the first entry again', async () => {
    const before = await summaryOf(picc, year);
    const key = { 'idempotency-key': `fee-retry-${Date.now()}` };
    const first = await picc.post<Entry>('/fees/expenses', expense({ amountFen: 2_500 }), key);
    const retry = await picc.post<Entry>('/fees/expenses', expense({ amountFen: 2_500 }), key);
    expect([first.status, retry.status]).toEqual([201, 201]);
    expect(retry.body.id).toBe(first.body.id);
    expect(await summaryOf(picc, year)).toMatchObject({ lastSequence: before.lastSequence + 1, spentFen: before.spentFen + 2_500 });
  });

  it('FEE-2 has no route that updates or deletes an entry', async () => {
    expect(feeRoutes.map((route) => route.method).filter((method) => method !== 'GET' && method !== 'POST')).toEqual([]);
    const entry = (await allEntries(picc, year))[0] as Entry;
    for (const method of ['PUT', 'PATCH', 'DELETE']) {
      expect((await picc.request(method, `/fees/entries/${entry.id}`, method === 'DELETE' ? undefined : { amountFen: 1 })).status).toBe(404);
    }
    expect((await picc.get<{ entry: Entry }>(`/fees/entries/${entry.id}`)).body.entry).toEqual(entry);
  });

  it('FEE-2 refuses an expense beyond the balance unless booked as an advance, which the summary reports', async () => {
    const refused = await picc.post<ErrorBody>('/fees/expenses', expense({ spentOn: `${TWO_YEARS_AGO}-12-01`, amountFen: 50_000 }));
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ rule: 'FEE-2', details: [{ field: 'amountFen' }] });
    const advance = await picc.post<Entry>('/fees/expenses', expense({ spentOn: `${TWO_YEARS_AGO}-12-01`, amountFen: 50_000, advance: true }));
    expect(advance.status).toBe(201);
    expect(advance.body).toMatchObject({ advance: true, sequence: 1 });
    expect(await summaryOf(picc, TWO_YEARS_AGO)).toMatchObject({ balanceFen: -50_000, advances: 1, outstandingAdvanceFen: 50_000 });
    await picc.post(`/fees/entries/${advance.body.id}/reverse`, { reason: '垫支撤回' });
    expect(await summaryOf(picc, TWO_YEARS_AGO)).toMatchObject({ balanceFen: 0, advances: 0, outstandingAdvanceFen: 0, lastSequence: 2 });
  });

  it('FEE-2 reversing an accrual gives its receipt back to the policy', async () => {
    const receipt = await picc.post<{ receipt: Receipt; entry: Entry }>('/fees/premium-receipts', { policyId: xinda.id, receivedOn: `${TWO_YEARS_AGO}-12-02`, amountFen: 1_060_000 });
    const before = await picc.get<{ receivedFen: number }>(`/fees/premium-receipts?policyId=${xinda.id}`);
    const reversed = await picc.post<Entry>(`/fees/entries/${receipt.body.entry.id}/reverse`, { reason: '保费到账信息有误' });
    expect(reversed.status, JSON.stringify(reversed.body)).toBe(201);
    const after = await picc.get<{ receivedFen: number }>(`/fees/premium-receipts?policyId=${xinda.id}`);
    expect(after.body.receivedFen).toBe(before.body.receivedFen - 1_060_000);
    expect(await summaryOf(picc, TWO_YEARS_AGO)).toMatchObject({ receivedFen: 0, premiumExTaxFen: 0, accruedFen: 0 });
  });

  it('FEE-2 lists a year by sequence number, oldest first or newest first, page by page', async () => {
    const entries = await allEntries(picc, year);
    expect(entries.map((entry) => entry.sequence)).toEqual(entries.map((_, index) => index + 1));
    const newest = await picc.get<{ items: Entry[] }>(`/fees/ledger?year=${year}&order=desc&limit=3`);
    expect(newest.body.items.map((entry) => entry.sequence)).toEqual([entries.length, entries.length - 1, entries.length - 2]);
  });

  it('ACL-1 another insurer’s entries, ledger and policies stay invisible: 404, like missing ones', async () => {
    const entry = (await allEntries(picc, year))[0] as Entry;
    expect((await pingan.get<ErrorBody>(`/fees/entries/${entry.id}`)).status).toBe(404);
    expect((await pingan.post<ErrorBody>(`/fees/entries/${entry.id}/reverse`, { reason: '越权冲销' })).status).toBe(404);
    expect((await pingan.post<ErrorBody>('/fees/premium-receipts', { policyId: xinda.id, receivedOn: today, amountFen: 100 })).status).toBe(404);
    expect((await pingan.get<ErrorBody>(`/fees/premium-receipts?policyId=${xinda.id}`)).status).toBe(404);
    expect((await pingan.get<{ items: Entry[] }>(`/fees/ledger?year=${year}`)).body.items.every((item) => item.tenantId !== entry.tenantId)).toBe(true);
  });
});

describe('concurrency on one insurer-year (FEE-2)', () => {
  it('FEE-2 50 concurrent expenses all land, numbered 1..50 without a gap, and no update is lost', async () => {
    const amounts = Array.from({ length: 50 }, (_, index) => (index + 1) * 100);
    const started = performance.now();
    const answers = await Promise.all(
      amounts.map((amountFen, index) =>
        pingan.post<Entry>('/fees/expenses', expense({ spentOn: `${TWO_YEARS_AGO}-06-01`, amountFen, advance: true, serviceId: `svc-${index}` })),
      ),
    );
    const seconds = (performance.now() - started) / 1000;
    expect(answers.map((answer) => answer.status)).toEqual(amounts.map(() => 201));
    expect(answers.map((answer) => answer.body.sequence).sort((a, b) => a - b)).toEqual(amounts.map((_, index) => index + 1));
    const summary = await summaryOf(pingan, TWO_YEARS_AGO);
    expect(summary).toMatchObject({ lastSequence: 50, expenses: 50, spentFen: amounts.reduce((sum, amount) => sum + amount, 0) });
    const listed = await allEntries(pingan, TWO_YEARS_AGO);
    expect(listed.map((entry) => entry.sequence)).toEqual(amounts.map((_, index) => index + 1));
    expect(new Set(listed.map((entry) => entry.id))).toEqual(new Set(answers.map((answer) => answer.body.id)));
    const check = await pingan.get<{ consistent: boolean; differences: unknown[] }>(`/fees/summary/check?year=${TWO_YEARS_AGO}`);
    expect(check.body).toMatchObject({ consistent: true, differences: [] });
    console.info(`50 concurrent expenses on one insurer-year: ${seconds.toFixed(2)} s`);
  });

  it('FEE-2 concurrent expenses never overdraw the balance: exactly as many land as it covers', async () => {
    const receipt = await pingan.post<{ entry: Entry }>('/fees/premium-receipts', { policyId: hutuo.id, receivedOn: `${LAST_YEAR}-03-01`, amountFen: 10_600_000 });
    expect(receipt.status, JSON.stringify(receipt.body)).toBe(201);
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, index) => pingan.post<ErrorBody>('/fees/expenses', expense({ spentOn: `${LAST_YEAR}-03-02`, amountFen: 100_000, serviceId: `svc-c${index}` }))),
    );
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(15); // 15,000.00 ÷ 1,000.00
    expect(answers.filter((answer) => answer.status === 409).every((answer) => answer.body.error.rule === 'FEE-2')).toBe(true);
    expect(await summaryOf(pingan, LAST_YEAR)).toMatchObject({ balanceFen: 0, spentFen: 1_500_000, lastSequence: 16, advances: 0 });
  });
});

describe('summary, compliance, consistency and export (FEE-4, FEE-5)', () => {
  it('FEE-4 FEE-5 judges spending against the 15% floor and flags it above the 21% ceiling', async () => {
    await picc.post('/fees/premium-receipts', { policyId: xinda.id, receivedOn: `${LAST_YEAR}-12-01`, amountFen: 10_600_000 });
    await picc.post('/fees/expenses', expense({ spentOn: `${LAST_YEAR}-12-02`, amountFen: 1_499_999 }));
    expect(await summaryOf(picc, LAST_YEAR)).toMatchObject({ premiumExTaxFen: 10_000_000, requiredSpendFen: 1_500_000, shortfallFen: 1, compliant: false, aboveCeiling: false });
    await picc.post('/fees/expenses', expense({ spentOn: `${LAST_YEAR}-12-03`, amountFen: 1 }));
    expect(await summaryOf(picc, LAST_YEAR)).toMatchObject({ ratio: 0.15, compliant: true, balanceFen: 0 });
    const topUp = await picc.post<Entry>('/fees/expenses', expense({ spentOn: `${LAST_YEAR}-12-04`, amountFen: 600_001, advance: true, category: 'THIRD_PARTY_SERVICE' }));
    expect(topUp.body.advance).toBe(true);
    expect(await summaryOf(picc, LAST_YEAR)).toMatchObject({ spentFen: 2_100_001, aboveCeiling: true, compliant: true, outstandingAdvanceFen: 600_001, ruleSetId: 'xinzhou-2024' });
  });

  it('FEE-4 the summary is one GetItem, for 50 entries as for 1', async () => {
    // Background work (the projections of the policy and fee events made above) shares the counter, and on a loaded
    // machine it still runs after the setup: measure once the process has made no call for 300 ms (at most 60 s).
    const settle = async () => {
      for (let waited = 0; waited < 60_000; waited += 300) {
        resetDynamoDbCalls();
        await new Promise((resolve) => setTimeout(resolve, 300));
        if (dynamoDbCalls().size === 0) return;
      }
    };
    const reads = async (client: ApiClient, ofYear: number, half?: 'H1' | 'H2') => {
      await settle();
      resetDynamoDbCalls();
      await summaryOf(client, ofYear, half);
      return Object.fromEntries(dynamoDbCalls());
    };
    // And still take the quietest of five, by the number of calls (a background GetItem adds to the same command's count).
    const total = (counts: Record<string, number>) => Object.values(counts).reduce((sum, count) => sum + count, 0);
    const quietest = async (client: ApiClient, ofYear: number, half?: 'H1' | 'H2') => {
      const counts: Record<string, number>[] = [];
      for (let attempt = 0; attempt < 5; attempt += 1) counts.push(await reads(client, ofYear, half));
      return counts.sort((a, b) => total(a) - total(b))[0];
    };
    expect(await quietest(pingan, TWO_YEARS_AGO)).toEqual({ GetItemCommand: 1 });
    expect(await quietest(pingan, year)).toEqual({ GetItemCommand: 1 });
    // RPT-1: a half's summary too — its totals are kept in the same counters item.
    expect(await quietest(pingan, TWO_YEARS_AGO, 'H1')).toEqual({ GetItemCommand: 1 });
  });

  it('RPT-1 FEE-4 ?half=H1|H2 answers the half alone from the counters (H1 + H2 = the year), recomputes it for a counters item without halves, and refuses any other half naming the query parameter half', async () => {
    const money = (summary: Summary) => [summary.receivedFen, summary.premiumExTaxFen, summary.accruedFen, summary.spentFen, summary.balanceFen];
    // PING AN's year before last: 50 expenses of June 1 — all H1. PICC's last year: everything in December — all H2.
    const pinganYear = await summaryOf(pingan, TWO_YEARS_AGO);
    expect(await summaryOf(pingan, TWO_YEARS_AGO, 'H1')).toMatchObject({ year: TWO_YEARS_AGO, spentFen: pinganYear.spentFen, expenses: 50, lastSequence: 50 });
    expect(money(await summaryOf(pingan, TWO_YEARS_AGO, 'H2'))).toEqual([0, 0, 0, 0, 0]);
    expect(money(await summaryOf(picc, LAST_YEAR, 'H1'))).toEqual([0, 0, 0, 0, 0]);
    expect(money(await summaryOf(picc, LAST_YEAR, 'H2'))).toEqual(money(await summaryOf(picc, LAST_YEAR)));
    // PING AN's last year: a March receipt and its expenses (H1), then one expense of July 1 (H2), on advance.
    const july = await pingan.post<Entry>('/fees/expenses', expense({ spentOn: `${LAST_YEAR}-07-01`, amountFen: 100, advance: true, serviceId: 'svc-july' }));
    expect(july.status, JSON.stringify(july.body)).toBe(201);
    const whole = await summaryOf(pingan, LAST_YEAR);
    const [h1, h2] = [await summaryOf(pingan, LAST_YEAR, 'H1'), await summaryOf(pingan, LAST_YEAR, 'H2')];
    expect(h1).toMatchObject({ premiumExTaxFen: whole.premiumExTaxFen, accruedFen: whole.accruedFen, spentFen: whole.spentFen - 100, ruleSetId: whole.ruleSetId });
    expect(h2).toMatchObject({ premiumExTaxFen: 0, spentFen: 100, expenses: 1, advances: 1, balanceFen: -100 });
    expect(money(h1).map((fen, index) => fen + (money(h2)[index] as number))).toEqual(money(whole));
    // A counters item written before halves were kept (none stored): the halves come from the entries, the same.
    await toDocumentClient(new DynamoDBClient(dynamoDbClientConfig())).send(
      new UpdateCommand({ TableName: test.platform.tables.main, Key: keys.feeYear(july.body.tenantId, LAST_YEAR), UpdateExpression: 'REMOVE halves' }),
    );
    expect([await summaryOf(pingan, LAST_YEAR, 'H1'), await summaryOf(pingan, LAST_YEAR, 'H2')]).toEqual([h1, h2]);

    for (const bad of ['H3', 'h1', '']) {
      const refused = await picc.get<ErrorBody>(`/fees/summary?year=${LAST_YEAR}&half=${bad}`);
      expect(refused.status, JSON.stringify(refused.body)).toBe(400);
      // The error envelope names a query parameter by its name, as every route's: `half`, with the rule.
      expect(refused.body.error.details).toEqual([expect.objectContaining({ field: 'half', rule: 'RPT-1' })]);
    }
  });

  it('FEE-4 the consistency check recomputes the counters from the entries and reports any difference', async () => {
    const clean = await picc.get<{ consistent: boolean; entriesRead: number; problems: string[] }>(`/fees/summary/check?year=${year}`);
    expect(clean.body).toMatchObject({ consistent: true, problems: [] });
    const tenantId = (await allEntries(picc, year))[0]?.tenantId as string;
    const doc = toDocumentClient(new DynamoDBClient(dynamoDbClientConfig()));
    const tamper = (delta: number) =>
      doc.send(new UpdateCommand({ TableName: test.platform.tables.main, Key: keys.feeYear(tenantId, year), UpdateExpression: 'ADD spentFen :d', ExpressionAttributeValues: { ':d': delta } }));
    await tamper(1);
    try {
      const broken = await picc.get<{ consistent: boolean; differences: { field: string; stored: number; recomputed: number }[] }>(`/fees/summary/check?year=${year}`);
      expect(broken.body.consistent).toBe(false);
      expect(broken.body.differences).toEqual([expect.objectContaining({ field: 'spentFen' })]);
      const difference = broken.body.differences[0];
      expect((difference?.stored ?? 0) - (difference?.recomputed ?? 0)).toBe(1);
    } finally {
      await tamper(-1);
    }
  });

  it('FEE-2 FEE-4 exports the year as XLSX whose totals match the summary to the fen', async () => {
    const summary = await summaryOf(picc, year);
    const exported = await picc.get<{ fileName: string; contentBase64: string; entries: number; totals: { spentFen: number } }>(`/fees/ledger/export?year=${year}`);
    expect(exported.status).toBe(200);
    expect(exported.body.fileName).toBe(`事故预防费用台账-${year}.xlsx`);
    expect(exported.body.entries).toBe(summary.lastSequence);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(Buffer.from(exported.body.contentBase64, 'base64')).buffer);
    const ledger = workbook.getWorksheet(LEDGER_SHEET);
    expect(ledger?.rowCount).toBe(summary.lastSequence + 2); // header, entries, totals
    const totals = ledger?.getRow(ledger.rowCount);
    expect(totals?.getCell(1).value).toBe(TOTAL_LABEL);
    const fen = (column: number) => Math.round(Number(totals?.getCell(column).value) * 100);
    expect({ receivedFen: fen(7), premiumExTaxFen: fen(8), accruedFen: fen(9), spentFen: fen(10), balanceFen: fen(11) }).toEqual({
      receivedFen: summary.receivedFen,
      premiumExTaxFen: summary.premiumExTaxFen,
      accruedFen: summary.accruedFen,
      spentFen: summary.spentFen,
      balanceFen: summary.balanceFen,
    });
    const overview = workbook.getWorksheet(SUMMARY_SHEET);
    expect(Math.round(Number(overview?.getRow(7).getCell(2).value) * 100)).toBe(summary.spentFen);
  });

  it('events: fees.premium.received, fees.entry.booked and fees.entry.reversed reach the bus', async () => {
    await expect
      .poll(
        () => {
          const types = new Set(test.platform.bus.recent().filter((event) => event.type.startsWith('fees.')).map((event) => event.type));
          return [...types].sort();
        },
        { timeout: 10_000 },
      )
      .toEqual(['fees.entry.booked', 'fees.entry.reversed', 'fees.premium.received']);
    const received = test.platform.bus.recent().find((event) => event.type === 'fees.premium.received' && event.data.policyId === xinda.id);
    expect(received?.data).toMatchObject({ amountFen: 10_600_000, premiumExTaxFen: 10_000_000, accrualFen: 1_500_000 });
    await expect
      .poll(() => test.platform.bus.recent().filter((event) => event.type === 'fees.entry.booked' && event.aggregate.id.endsWith(`-${TWO_YEARS_AGO}`)).length, { timeout: 10_000 })
      .toBeGreaterThanOrEqual(50);
  });
});

describe('compliance corrections (issue 13)', () => {
  it('FEE-1 refuses a policy whose VAT rate the rule set does not list: 100% would halve the prevention fee', async () => {
    for (const vatRateBasisPoints of [10_000, 300]) {
      const refused = await picc.post<ErrorBody>('/policies', policyBody({ enterpriseUscc: HUTUO.uscc, employeesCovered: HUTUO.staff, vatRateBasisPoints }));
      expect(refused.status, JSON.stringify(refused.body)).toBe(400);
      expect(refused.body.error).toMatchObject({ rule: 'FEE-1', details: [{ field: 'vatRateBasisPoints' }] });
      expect(refused.body.error.message).toContain('6%');
    }
  });

  it('FEE-2 an expense citing a document cites one in the insurer’s own archive with its digest; a made-up id or an all-zero digest is refused', async () => {
    const before = await summaryOf(picc, year);
    const madeUp = await picc.post<ErrorBody>('/fees/expenses', expense({ serviceId: undefined, document: { archiveId: 'demo-made-up', sha256: '0'.repeat(64), name: '发票.pdf' } }));
    expect(madeUp.status, JSON.stringify(madeUp.body)).toBe(409);
    expect(madeUp.body.error).toMatchObject({ rule: 'FEE-2', details: [{ field: 'document.archiveId' }] });

    // An invoice in PICC's write-once archive, as the services context archives documents: the bytes in the
    // store, the record with their digest in the tenant's partition.
    const archiveId = `fee2-${Date.now()}`;
    const key = `tenants/${piccId}/archives/${archiveId}/invoice.pdf`;
    const now = new Date();
    const stored = await test.platform.archive.put({ key, body: new TextEncoder().encode('%PDF 发票'), contentType: 'application/pdf', retainUntil: retainUntilFor(now, 5), now });
    const sha256 = stored.sha256;
    const record: ArchiveRecord = {
      archiveId, tenantId: piccId, kind: 'SERVICE_RECORD', key, sha256, size: stored.size, contentType: 'application/pdf',
      subject: { kind: 'SERVICE', id: 'svc-xinda-1' }, policyId: xinda.id, enterpriseUscc: XINDA.uscc,
      retainUntil: stored.retainUntil, archivedAt: now.toISOString(), archivedBy: piccUserId,
    };
    await toDocumentClient(new DynamoDBClient(dynamoDbClientConfig())).send(new PutCommand({ TableName: test.platform.tables.main, Item: archiveItem(record) }));
    const zeroDigest = await picc.post<ErrorBody>('/fees/expenses', expense({ document: { archiveId, sha256: '0'.repeat(64), name: '服务记录.pdf' } }));
    expect(zeroDigest.status, JSON.stringify(zeroDigest.body)).toBe(409);
    expect(zeroDigest.body.error).toMatchObject({ rule: 'FEE-2', details: [{ field: 'document.sha256' }] });
    // Another insurer's archive id is not found in its own archive.
    const foreign = await pingan.post<ErrorBody>('/fees/expenses', expense({ spentOn: `${LAST_YEAR}-05-05`, document: { archiveId, sha256, name: '服务记录.pdf' }, advance: true }));
    expect(foreign.status, JSON.stringify(foreign.body)).toBe(409);
    expect(foreign.body.error).toMatchObject({ rule: 'FEE-2', details: [{ field: 'document.archiveId' }] });
    expect((await summaryOf(picc, year)).lastSequence).toBe(before.lastSequence);

    const cited = await picc.post<Entry & { document?: { archiveId: string } }>('/fees/expenses', expense({ amountFen: 1, document: { archiveId, sha256, name: '服务记录.pdf' } }));
    expect(cited.status, JSON.stringify(cited.body)).toBe(201);
    expect(cited.body.document).toMatchObject({ archiveId });
  });
});
