// First, so Powertools is quiet before any handler module is evaluated (as in `npm start`).
import '../../infra/local/local-env.js';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { bookExpense } from '../../domain/fees/expense.rules.js';
import { receivePremium } from '../../domain/fees/premium-receipt.rules.js';
import { reverseEntry } from '../../domain/fees/reversal.rules.js';
import type { LedgerEntry } from '../../domain/fees/ledger-entry.js';
import type { PolicyReceipts, PolicyTerms } from '../../domain/fees/premium-receipt.js';
import type { YearLedger } from '../../domain/fees/year-ledger.js';
import { PUBLISHED_RULE_SETS } from '../../domain/kernel/rule-set/published.js';
import { XINZHOU_2024 } from '../../domain/kernel/rule-set/xinzhou-2024.js';
import { systemClock } from '../../functions/adapters/clock.js';
import { sharedDynamoDb } from '../../functions/adapters/dynamodb/client.js';
import { DynamoFeeLedgerRepository } from '../../functions/adapters/dynamodb/fee-ledger.repository.js';
import { Store } from '../../functions/adapters/dynamodb/store.js';
import { newId } from '../../functions/adapters/ids.js';
import { LEDGER_SHEET, TOTAL_LABEL, XlsxLedgerFileWriter } from '../../functions/adapters/ledger-file/ledger-workbook.js';
import { exportLedger, MAX_EXPORT_BYTES } from '../../functions/http/fees/export-ledger.js';
import { startDynamoDbLocal } from '../../infra/local/dynamodb-local.js';
import { REPO_ROOT, startPlatform } from '../../infra/local/platform.js';
import { RATE_LIMITS, scaleRateLimits } from '../../infra/rate-limits.js';
import { ApiClient, type ApiResponse } from '../support/api-client.js';
import { tenantBody } from '../support/fixtures.js';
import { callsPerRequest, describeCalls, resetCalls, type CallsPerRequest } from './dynamodb-calls.js';
import { median } from './stats.js';
import { markdownTable, ms } from './table.js';
import { signInWithTotp } from '../support/totp-sign-in.js';

/**
 * FEE-4's acceptance: the summary of a year with 100,000 ledger entries costs the same DynamoDB reads as one with
 * 10, and the year's XLSX export totals match the summary to the fen.
 *
 * It runs in a process of its own (run.ts spawns it; `npx tsx test/bench/fees-summary.ts` runs it alone): the
 * handlers' DynamoDB client is made once per process for one endpoint, and this section wants a DynamoDB Local
 * in memory — the latency section's on-disk one writes ~500 items/s, this one ~3,000, and 100,000 entries at
 * the slower rate would take minutes.
 *
 * The 100,000 entries are made by the domain's own transitions (receipts, expenses, reversals, one after
 * another, as the API would book them) and written through the repository's bulk load, which stores the year's
 * counters recomputed from exactly those entries; the HTTP booking path is the integration test's subject.
 */

const OPERATOR_PASSWORD = 'Bench-fees-operator-2026';
const SMALL_YEAR = 2024;
const LARGE_YEAR = 2025;
const SIZES: Readonly<Record<number, number>> = { [SMALL_YEAR]: 10, [LARGE_YEAR]: 100_000 };
const SUMMARY_RUNS = 25;

export interface FeeSummaryRun {
  readonly year: number;
  readonly entries: number;
  readonly calls: CallsPerRequest;
  readonly p50Ms: number;
}

export interface FeeSummarySection {
  readonly generateSeconds: number;
  readonly loadSeconds: number;
  readonly loadedItems: number;
  readonly summaries: readonly FeeSummaryRun[];
  readonly export: {
    readonly entries: number;
    readonly bytes: number;
    readonly seconds: number;
    readonly readBackSeconds: number;
    /** Field → [the XLSX totals row, the summary], in fen. */
    readonly figures: Readonly<Record<string, readonly [number, number]>>;
    readonly httpStatus: number;
    readonly httpNote: string;
  };
  readonly check: { readonly seconds: number; readonly calls: CallsPerRequest; readonly consistent: boolean; readonly entriesRead: number };
  readonly seconds: number;
}

const progress = (line: string): void => void process.stderr.write(`… fees  ${line}\n`);

function expectStatus<T>(response: ApiResponse<T>, status: number, what: string): ApiResponse<T> {
  if (response.status !== status) throw new Error(`${what} answered ${response.status}: ${JSON.stringify(response.body).slice(0, 300)}`);
  return response;
}

/** A policy large enough that a year of receipts never reaches its premium. */
const policyOf = (tenantId: string): PolicyTerms => ({
  id: 'bench-policy',
  tenantId,
  policyNumber: 'PZAA-BENCH-0001',
  premiumFen: 900_000_000_000_000,
  vatRateBasisPoints: 600,
  mode: 'INDEPENDENT',
  members: [{ tenantId, shareBasisPoints: 10_000, lead: true }],
  ruleSetId: XINZHOU_2024.id,
  ruleSetVersion: XINZHOU_2024.version,
});

/**
 * `count` entries of one year booked by the domain's transitions in turn: about one receipt in five, one
 * reversal in twenty (of a random earlier entry), expenses otherwise — booked as advances where the balance
 * runs out, as the rules allow.
 */
function bookYear(tenantId: string, year: number, count: number): LedgerEntry[] {
  const now = new Date(`${year + 1}-01-10T02:00:00Z`);
  const policy = policyOf(tenantId);
  const entries: LedgerEntry[] = [];
  const reversed = new Set<number>();
  let ledger: YearLedger | undefined;
  let received: PolicyReceipts | undefined;
  let seed = year;
  const random = (n: number) => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed % n;
  };
  // June to December: inside the 2024 rule set's span (from 2024-05-09) for either year.
  const dateOf = (i: number) => {
    const month = 6 + Math.min(6, Math.floor((i / count) * 7));
    return `${year}-${String(month).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
  };
  const base = { tenantId, by: 'bench-user', now, ruleSets: PUBLISHED_RULE_SETS };
  for (let i = 0; entries.length < count; i += 1) {
    const idSuffix = newId(now).slice(-10);
    const kind = i % 20;
    if (kind === 19 && entries.length > 0) {
      const pick = random(entries.length);
      const target = entries[pick] as LedgerEntry;
      if (target.kind === 'REVERSAL' || reversed.has(pick)) continue;
      const change = reverseEntry(target, { reason: '冲销（基准数据）', advance: true }, {
        ...base,
        idSuffix,
        ledger: ledger as YearLedger,
        reversedBy: undefined,
        ...(target.kind === 'ACCRUAL' && received ? { received } : {}),
      });
      reversed.add(pick);
      if (change.received) received = change.received;
      ledger = change.ledger;
      entries.push(change.entry);
    } else if (kind < 4) {
      const change = receivePremium(
        { policyId: policy.id, receivedOn: dateOf(i), amountFen: 10_000 + random(2_000_000) },
        { ...base, idSuffix, receiptId: newId(now), policy, received, ledger },
      );
      received = change.received;
      ledger = change.ledger;
      entries.push(change.entry);
    } else {
      const change = bookExpense(
        {
          spentOn: dateOf(i),
          category: (['OFFLINE_SERVICE', 'ONLINE_SERVICE', 'THIRD_PARTY_SERVICE', 'TRAINING_MATERIALS', 'INFORMATION_SYSTEM'] as const)[random(5)] ?? 'OFFLINE_SERVICE',
          amountFen: 1_000 + random(300_000),
          description: `事故预防服务（基准数据）第 ${i} 项`,
          serviceId: `svc-${i}`,
          advance: true,
        },
        { ...base, idSuffix, ledger },
      );
      ledger = change.ledger;
      entries.push(change.entry);
    }
  }
  return entries;
}

/** The totals row of the ledger sheet, in fen, read back from the file with exceljs. */
async function totalsRowOf(bytes: Buffer): Promise<Record<string, number>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  const sheet = workbook.getWorksheet(LEDGER_SHEET);
  const row = sheet?.getRow(sheet.rowCount);
  if (!sheet || row?.getCell(1).value !== TOTAL_LABEL) throw new Error('the ledger sheet has no totals row');
  const fen = (column: number) => Math.round(Number(row.getCell(column).value) * 100);
  return { receivedFen: fen(7), premiumExTaxFen: fen(8), accruedFen: fen(9), spentFen: fen(10), balanceFen: fen(11) };
}

export async function measureFeeSummary(): Promise<FeeSummarySection> {
  const startedAt = performance.now();
  const dataDir = mkdtempSync(join(tmpdir(), 'anze-bench-fees-'));
  progress('starting DynamoDB Local (in memory) and the platform');
  const dynamo = await startDynamoDbLocal({});
  const platform = await startPlatform({
    dataDir,
    port: 0,
    // Thousands of requests from one address on purpose: the gateway's rate limits times 1000.
    rateLimits: scaleRateLimits(RATE_LIMITS, 1000),
    dynamoDbEndpoint: dynamo.endpoint,
    demo: false,
    scheduler: false,
    operatorPassword: OPERATOR_PASSWORD,
  });
  try {
    const anonymous = new ApiClient(platform.url);
    const signIn = async (username: string, password: string) =>
      anonymous.withToken(expectStatus(await signInWithTotp(platform.url, username, password), 200, `sign-in of ${username}`).body.accessToken as string);
    const operator = await signIn('operator', OPERATOR_PASSWORD);
    const onboarding = tenantBody('Fees');
    const tenantId = expectStatus(await operator.post<{ id: string }>('/platform/tenants', onboarding), 201, 'onboarding').body.id;
    const admin = await signIn(onboarding.admin.username, onboarding.admin.password);
    const fees = new DynamoFeeLedgerRepository(new Store(sharedDynamoDb().doc, platform.tables.main, systemClock));

    progress(`booking ${SIZES[LARGE_YEAR]?.toLocaleString('en')} + ${SIZES[SMALL_YEAR]} entries with the domain's transitions`);
    const generating = performance.now();
    const years = Object.entries(SIZES).map(([year, count]) => ({ year: Number(year), entries: bookYear(tenantId, Number(year), count) }));
    const generateSeconds = (performance.now() - generating) / 1000;

    // The outbox relay would read every one of these items back off the table's stream, for no event: a bulk
    // load writes none. It is stopped here rather than made to compete for the two cores.
    await platform.relay.stop();
    progress('bulk-loading them through the repository (BatchWriteItem, 8 in flight)');
    const loading = performance.now();
    let loadedItems = 0;
    for (const { year, entries } of years) {
      await fees.loadYear(tenantId, year, entries, new Date().toISOString());
      loadedItems += entries.length + entries.filter((entry) => entry.kind === 'REVERSAL').length + 1;
    }
    const loadSeconds = (performance.now() - loading) / 1000;

    progress('GET /fees/summary for each year, counting DynamoDB calls');
    const summaries: FeeSummaryRun[] = [];
    for (const { year } of years) {
      for (let warmUp = 0; warmUp < 5; warmUp += 1) expectStatus(await admin.get(`/fees/summary?year=${year}`), 200, 'summary');
    }
    for (const { year, entries } of years) {
      const times: number[] = [];
      let calls: CallsPerRequest = {};
      for (let run = 0; run < SUMMARY_RUNS; run += 1) {
        resetCalls();
        const started = performance.now();
        expectStatus(await admin.get(`/fees/summary?year=${year}`), 200, 'summary');
        times.push(performance.now() - started);
        calls = callsPerRequest(1);
      }
      summaries.push({ year, entries: entries.length, calls, p50Ms: median(times) });
    }

    progress(`exporting the ${LARGE_YEAR} ledger as XLSX and reading its totals back`);
    const summary = expectStatus(await admin.get<Record<string, number>>(`/fees/summary?year=${LARGE_YEAR}`), 200, 'summary').body;
    const exporting = performance.now();
    const exported = await exportLedger({ fees, ledgerFiles: new XlsxLedgerFileWriter() }, tenantId, LARGE_YEAR, PUBLISHED_RULE_SETS);
    const exportSeconds = (performance.now() - exporting) / 1000;
    const reading = performance.now();
    const totals = await totalsRowOf(exported.bytes);
    const readBackSeconds = (performance.now() - reading) / 1000;
    const figures = Object.fromEntries(Object.entries(totals).map(([field, fen]) => [field, [fen, summary[field] as number] as const]));
    const http = await admin.get<{ error?: { code: string; message: string }; bytes?: number; download?: unknown }>(`/fees/ledger/export?year=${LARGE_YEAR}`);
    const answered = http.body.download ? 'as a pre-signed link to the archive (issue 18)' : 'as base64 JSON';
    const httpNote = http.status === 200 ? `answered ${http.body.bytes} bytes ${answered}` : `${http.body.error?.code}: ${http.body.error?.message}`;

    progress(`GET /fees/summary/check for the ${LARGE_YEAR} ledger`);
    resetCalls();
    const checking = performance.now();
    const check = expectStatus(await admin.get<{ consistent: boolean; entriesRead: number }>(`/fees/summary/check?year=${LARGE_YEAR}`), 200, 'check');
    const checkSeconds = (performance.now() - checking) / 1000;

    return {
      generateSeconds,
      loadSeconds,
      loadedItems,
      summaries,
      export: {
        entries: exported.entries,
        bytes: exported.bytes.length,
        seconds: exportSeconds,
        readBackSeconds,
        figures,
        httpStatus: http.status,
        httpNote,
      },
      check: { seconds: checkSeconds, calls: callsPerRequest(1), consistent: check.body.consistent, entriesRead: check.body.entriesRead },
      seconds: (performance.now() - startedAt) / 1000,
    };
  } finally {
    await platform.stop();
    await dynamo.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const yuan = (fen: number): string => (fen / 100).toLocaleString('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export function feeSummaryTables(section: FeeSummarySection): string {
  const reads = markdownTable(
    ['ledger year', 'entries', 'GET /fees/summary: DynamoDB calls', `p50 ms (${SUMMARY_RUNS} runs)`],
    section.summaries.map((run) => [String(run.year), run.entries.toLocaleString('en'), describeCalls(run.calls), ms(run.p50Ms)]),
    [1, 3],
  );
  const fieldsMatch = Object.values(section.export.figures).every(([xlsx, summary]) => xlsx === summary);
  const totals = markdownTable(
    ['figure', 'XLSX totals row (CNY)', 'GET /fees/summary (CNY)', 'equal to the fen'],
    Object.entries(section.export.figures).map(([field, [xlsx, summary]]) => [field, yuan(xlsx), yuan(summary), xlsx === summary ? '✓' : '✗'] as const),
    [1, 2],
  );
  const sameReads = new Set(section.summaries.map((run) => describeCalls(run.calls))).size === 1;
  return [
    reads,
    `${sameReads ? '✓' : '✗'} the same reads for ${section.summaries.map((run) => run.entries.toLocaleString('en')).join(' and ')} entries: the summary is one GetItem of the year's counters.`,
    totals,
    `${fieldsMatch ? '✓' : '✗'} the ${LARGE_YEAR} export (${section.export.entries.toLocaleString('en')} entries, ${(section.export.bytes / 1048576).toFixed(1)} MB of XLSX, ` +
      `built in ${section.export.seconds.toFixed(1)} s; read back with exceljs in ${section.export.readBackSeconds.toFixed(1)} s) totals the summary to the fen. ` +
      `Over HTTP: ${section.export.httpStatus} ${section.export.httpNote} (inline up to ${MAX_EXPORT_BYTES / 1048576} MB, Lambda answers ≤ 6 MB; larger through the archive).`,
    `Consistency check of the ${LARGE_YEAR} ledger (GET /fees/summary/check): ${section.check.consistent ? 'consistent' : 'INCONSISTENT'}, ` +
      `${section.check.entriesRead.toLocaleString('en')} entries read in ${section.check.seconds.toFixed(1)} s with ${describeCalls(section.check.calls)}.`,
    `Data: ${section.loadedItems.toLocaleString('en')} items (entries, reversal marks, counters) booked by the domain in ${section.generateSeconds.toFixed(1)} s ` +
      `and bulk-loaded in ${section.loadSeconds.toFixed(1)} s into DynamoDB Local in memory. Whole section: ${section.seconds.toFixed(0)} s.`,
  ].join('\n\n');
}

/**
 * For run.ts: this section in a child process (see the note at the top), its result as JSON on the child's
 * stdout; progress goes through to stderr.
 */
export function runFeeSummaryInChild(): FeeSummarySection {
  const child = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--json'], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 16 * 1024 * 1024,
  });
  if (child.status !== 0) throw new Error(`the prevention-fee bench failed (exit ${child.status})`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '{}') as FeeSummarySection;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  measureFeeSummary().then(
    (section) => {
      process.stdout.write(process.argv.includes('--json') ? `${JSON.stringify(section)}\n` : `## Prevention-fee summary (FEE-4) at 10 and 100,000 entries\n\n${feeSummaryTables(section)}\n`);
      process.exit(0);
    },
    (error: unknown) => {
      console.error(`fees bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      process.exit(1);
    },
  );
}
