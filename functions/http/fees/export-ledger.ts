import { ruleSetForYear, summarizeYear } from '../../../domain/fees/compliance.js';
import type { FeeLedgerRepository } from '../../../domain/fees/fee-ledger.repository.js';
import type { LedgerFileWriter } from '../../../domain/fees/ledger-file.port.js';
import { ledgerExportSchema } from '../../../domain/fees/summary.schema.js';
import type { YearTotals } from '../../../domain/fees/year-ledger.js';
import { FEE_BOOKING } from '../../../domain/identity/access.js';
import type { RuleSet } from '../../../domain/kernel/rule-set/rule-set.js';
import { HttpProblem } from '../../middleware/error-envelope.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { feeFilesRoot } from './files-composition-root.js';
import { ledgerYearOf } from './ledger-year.js';
import { yearQuery } from './schemas.js';

/**
 * Largest workbook the route answers. A Lambda (and API Gateway) answer is at most 6 MB, and base64 makes a
 * file a third bigger: 4 MB of XLSX is 5.3 MB of JSON. A bigger year is refused (413) with its size rather
 * than failing at the edge; see the route's note.
 */
export const MAX_EXPORT_BYTES = 4 * 1024 * 1024;
/**
 * No ledger row takes fewer bytes of XLSX than this (the benchmark measures ~110 bytes an entry): a year with
 * more than MAX_EXPORT_BYTES ÷ this many entries is refused before its entries are read.
 */
const MIN_XLSX_BYTES_PER_ENTRY = 64;

const tooLarge = (year: number, entries: number, detail: string) =>
  new HttpProblem(
    413,
    'EXPORT_TOO_LARGE',
    `the ${year} ledger (${entries} entries) ${detail}; an answer carries at most ${MAX_EXPORT_BYTES / 1048576} MB of workbook`,
  );

export interface LedgerExport {
  readonly fileName: string;
  readonly contentType: string;
  readonly bytes: Buffer;
  readonly entries: number;
  readonly totals: YearTotals;
}

/**
 * FEE-2, FEE-4: the year's ledger as a file (XLSX through the composition root) — shared by the route and the
 * benchmark. `maxEntries` refuses a year with more entries (413) before reading them.
 */
export async function exportLedger(
  { fees, ledgerFiles }: { readonly fees: FeeLedgerRepository; readonly ledgerFiles: LedgerFileWriter },
  tenantId: string,
  year: number,
  ruleSets: readonly RuleSet[],
  maxEntries = Number.POSITIVE_INFINITY,
): Promise<LedgerExport> {
  const summary = summarizeYear(await fees.year(tenantId, year), { tenantId, year, ruleSet: ruleSetForYear(ruleSets, year) });
  if (summary.lastSequence > maxEntries) throw tooLarge(year, summary.lastSequence, 'cannot fit');
  const file = await ledgerFiles.write(summary, (visit) => fees.eachEntryPage(tenantId, year, visit));
  return {
    fileName: ledgerFiles.fileNameOf(year),
    contentType: ledgerFiles.contentType,
    bytes: Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength),
    entries: file.entries,
    totals: file.totals,
  };
}

/**
 * FEE-2, FEE-4: the ledger of a year as an XLSX workbook (a summary sheet from the counters, the ledger sheet
 * with a totals row summed from the entries), answered as `{fileName, contentBase64}` JSON — every answer of
 * this API is JSON, as the register import's upload is.
 *
 * Lambda's 6 MB answer limit caps this at {@link MAX_EXPORT_BYTES} of XLSX — about 38,000 entries at the
 * ~110 bytes an entry the benchmark measures. A year beyond that is refused with 413 and its size: such a year
 * needs the workbook written to the tenant's archive prefix in S3 and a pre-signed link answered instead,
 * which waits for the archive adapter to be wired into the HTTP functions.
 */
export const exportLedgerRoute = defineRoute({
  method: 'GET',
  path: '/api/v1/fees/ledger/export',
  access: FEE_BOOKING,
  summary: "A year's prevention-fee ledger as XLSX, base64 in JSON, totals equal to the summary (FEE-2, FEE-4)",
  tags: ['fees'],
  query: yearQuery,
  response: ledgerExportSchema,
  async handle(input) {
    const { tenantId } = callerOf(input, 'insurer');
    const { forTenant, ledgerFiles, clock, ruleSets } = feeFilesRoot();
    const year = ledgerYearOf(input.query.year, clock);
    const { fees } = await forTenant(tenantId);
    const maxEntries = Math.floor(MAX_EXPORT_BYTES / MIN_XLSX_BYTES_PER_ENTRY);
    const exported = await exportLedger({ fees, ledgerFiles }, tenantId, year, await ruleSets.versions(), maxEntries);
    if (exported.bytes.length > MAX_EXPORT_BYTES) {
      throw tooLarge(year, exported.entries, `makes a ${(exported.bytes.length / 1048576).toFixed(1)} MB workbook`);
    }
    return {
      body: {
        fileName: exported.fileName,
        contentType: exported.contentType,
        contentBase64: exported.bytes.toString('base64'),
        bytes: exported.bytes.length,
        entries: exported.entries,
        totals: exported.totals,
      },
    };
  },
});
