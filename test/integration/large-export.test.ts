import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { archiveExport, EXPORT_LINK_SECONDS } from '../../domain/archive/folder-export.js';
import { bookExpense } from '../../domain/fees/expense.rules.js';
import type { LedgerEntry } from '../../domain/fees/ledger-entry.js';
import type { YearLedger } from '../../domain/fees/year-ledger.js';
import { PUBLISHED_RULE_SETS } from '../../domain/kernel/rule-set/published.js';
import { S3ArchiveStore } from '../../functions/adapters/archive/s3-archive-store.js';
import { sha256Hex } from '../../functions/adapters/archive/sha256.js';
import type { FeeLedgerRepository } from '../../domain/fees/fee-ledger.repository.js';
import { XlsxLedgerFileWriter } from '../../functions/adapters/ledger-file/ledger-workbook.js';
import { ledgerExportAnswer, MAX_EXPORT_BYTES } from '../../functions/http/fees/export-ledger.js';
import type { ApiClient } from '../support/api-client.js';
import { tenantBody } from '../support/fixtures.js';
import { startTestPlatform, type TestPlatform } from '../support/test-platform.js';

/**
 * Issue 18 (Large files through the archive): an export above what a Lambda can answer (6 MB) is written to the
 * archive and handed out by a short-lived pre-signed link; no export is refused for its size. The acceptance
 * case: a 100,000-entry ledger year.
 */

const ENTRIES = 100_000;
/** A past year under the 2024 rule set (in force from 2024-05-09): the entries are dated June to December. */
const YEAR = 2025;

interface LedgerExportAnswer {
  fileName: string;
  contentType: string;
  contentBase64?: string;
  download?: { url: string; method: 'GET'; expiresAt: string };
  bytes: number;
  entries: number;
  totals: { spentFen: number };
}

/** `count` expenses of one year, booked by the domain's own transition in turn (advances: nothing was received). */
function expensesOf(tenantId: string, count: number): { entries: LedgerEntry[]; ledger: YearLedger } {
  const now = new Date(`${YEAR + 1}-01-10T02:00:00Z`);
  const entries: LedgerEntry[] = [];
  let ledger: YearLedger | undefined;
  for (let i = 0; i < count; i += 1) {
    const month = 6 + Math.floor((i / count) * 7);
    const change = bookExpense(
      {
        spentOn: `${YEAR}-${String(month).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
        category: 'OFFLINE_SERVICE',
        amountFen: 1_000 + (i % 997),
        description: `事故预防服务第 ${i + 1} 项`,
        serviceId: `svc-${i}`,
        advance: true,
      },
      { tenantId, by: 'seed', now, idSuffix: String(i).padStart(10, '0'), ruleSets: PUBLISHED_RULE_SETS, ledger },
    );
    ledger = change.ledger;
    entries.push(change.entry);
  }
  return { entries, ledger: ledger as YearLedger };
}

/**
 * The year's entries as the repository hands them to the export — page by page, in sequence order — held in
 * memory: DynamoDB Local is the bottleneck — 100,000 entries loaded the fastest way the repository has
 * (`loadYear`: BatchWriteItem, 8 concurrent requests of 25, items from the adapter's own key builder) took
 * 257 s on the two-core CI machine under load (2026-12-06), one booking at a time 114 s. The route reads them
 * from the table the same way (`eachEntryPage`); the file, the archive and the link are the real ones.
 */
function yearOf(entries: readonly LedgerEntry[], ledger: YearLedger): Pick<FeeLedgerRepository, 'year' | 'eachEntryPage'> {
  return {
    year: async () => ledger,
    async eachEntryPage(_tenantId, _year, visit) {
      for (let start = 0; start < entries.length; start += 1_000) await visit(entries.slice(start, start + 1_000));
    },
  };
}

let test: TestPlatform;
let admin: ApiClient;
let tenantId: string;

beforeAll(async () => {
  test = await startTestPlatform();
  const operator = await test.operator();
  const onboarding = tenantBody('Export');
  const created = await operator.post<{ id: string }>('/platform/tenants', onboarding);
  expect(created.status).toBe(201);
  tenantId = created.body.id;
  admin = await test.signIn(onboarding.admin.username, onboarding.admin.password);
});

afterAll(async () => {
  await test?.stop();
});

describe('issue 18: large exports go through the archive', () => {
  it('issue 18 FEE-2: a 100,000-entry ledger year exports through a pre-signed link, and the link gives the workbook', async () => {
    const { entries, ledger } = expensesOf(tenantId, ENTRIES);
    const now = new Date();
    const answer = await ledgerExportAnswer(
      { fees: yearOf(entries, ledger), ledgerFiles: new XlsxLedgerFileWriter(), archive: test.platform.archive, exportId: `e${now.getTime()}`, now },
      tenantId,
      YEAR,
      PUBLISHED_RULE_SETS,
    );
    expect(answer.entries).toBe(ENTRIES);
    expect(answer.bytes).toBeGreaterThan(MAX_EXPORT_BYTES);
    expect(answer.contentBase64).toBeUndefined();
    expect(answer.totals.spentFen).toBe(entries.reduce((sum, entry) => sum + entry.amountFen, 0));
    const link = answer.download;
    expect(link?.method).toBe('GET');
    // Short-lived: 15 minutes (the local link counts whole seconds).
    expect(Date.parse(link?.expiresAt ?? '') - now.getTime()).toBeGreaterThan((EXPORT_LINK_SECONDS - 1) * 1000);
    expect(Date.parse(link?.expiresAt ?? '') - now.getTime()).toBeLessThanOrEqual(EXPORT_LINK_SECONDS * 1000);

    // Locally the link is the local server's signed one: it answers the workbook as an attachment.
    const file = await fetch(link?.url ?? '');
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toMatch(/^attachment;.*filename\*=UTF-8''/);
    const bytes = new Uint8Array(await file.arrayBuffer());
    expect(bytes.length).toBe(answer.bytes);
    // An XLSX is a zip: it starts "PK".
    expect(Buffer.from(bytes.subarray(0, 2)).toString('latin1')).toBe('PK');
    // The link dies: a tampered expiry is refused.
    const forged = new URL(link?.url ?? '');
    forged.searchParams.set('expires', String(Number(forged.searchParams.get('expires') ?? 0) + 3600));
    expect((await fetch(forged)).status).toBe(403);
  }, 60_000);

  it('issue 18: through the route, a small year is still answered inline (base64), without a link', async () => {
    const answer = await admin.get<LedgerExportAnswer>(`/fees/ledger/export?year=${YEAR}`);
    expect(answer.status).toBe(200);
    expect(answer.body.download).toBeUndefined();
    expect(typeof answer.body.contentBase64).toBe('string');
  });
});

describe('issue 18: on AWS the export is an object-locked S3 object handed out by a pre-signed GET', () => {
  const s3 = mockClient(S3Client);
  afterAll(() => s3.restore());

  it('issue 18 SVC-10: writes write-once under the tenant prefix with its SHA-256, then presigns a 15-minute attachment GET', async () => {
    s3.reset();
    s3.on(PutObjectCommand).resolves({});
    const client = new S3Client({ region: 'cn-north-1', credentials: { accessKeyId: 'AKIAFAKEFAKEFAKE', secretAccessKey: 'fake-secret' } });
    const now = new Date('2026-12-06T08:00:00.000Z');
    const body = new TextEncoder().encode('PK…a large workbook');
    const link = await archiveExport(new S3ArchiveStore('anze-test-archive', client), {
      tenantId: 't1',
      exportId: 'e1',
      fileName: '事故预防费用台账-2025.xlsx',
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      body,
      now,
    });
    const put = s3.commandCalls(PutObjectCommand)[0]?.args[0].input;
    expect(put).toMatchObject({
      Bucket: 'anze-test-archive',
      Key: 'tenants/t1/exports/e1/export.xlsx',
      ObjectLockMode: 'COMPLIANCE',
      IfNoneMatch: '*',
      ChecksumSHA256: Buffer.from(sha256Hex(body), 'hex').toString('base64'),
    });
    expect(put?.ObjectLockRetainUntilDate).toEqual(new Date('2026-12-07T08:00:00.000Z'));
    const url = new URL(link.url);
    expect(url.pathname).toBe('/tenants/t1/exports/e1/export.xlsx');
    expect(url.searchParams.get('X-Amz-Expires')).toBe(String(EXPORT_LINK_SECONDS));
    expect(url.searchParams.get('response-content-disposition')).toMatch(/^attachment; .*filename\*=UTF-8''%E4%BA%8B/);
    expect(link).toMatchObject({ method: 'GET', expiresAt: '2026-12-06T08:15:00.000Z' });
    // Presigning sends nothing: the one call to S3 was the write.
    expect(s3.calls()).toHaveLength(1);
    expect(s3.commandCalls(GetObjectCommand)).toHaveLength(0);
  });
});
