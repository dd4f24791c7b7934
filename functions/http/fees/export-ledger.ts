import type * as z from 'zod/mini';
import { tenantArchive, type ArchiveStore } from '../../../domain/archive/archive-store.js';
import { archiveExport } from '../../../domain/archive/folder-export.js';
import { ruleSetForYear, summarizeYear } from '../../../domain/fees/compliance.js';
import type { FeeLedgerRepository } from '../../../domain/fees/fee-ledger.repository.js';
import type { LedgerFileWriter } from '../../../domain/fees/ledger-file.port.js';
import { ledgerExportSchema } from '../../../domain/fees/summary.schema.js';
import type { YearTotals } from '../../../domain/fees/year-ledger.js';
import { FEE_BOOKING } from '../../../domain/identity/access.js';
import type { RuleSet } from '../../../domain/kernel/rule-set/rule-set.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { feeFilesRoot } from './files-composition-root.js';
import { ledgerYearOf } from './ledger-year.js';
import { yearQuery } from './schemas.js';

/**
 * Largest workbook the route answers inline. A Lambda (and API Gateway) answer is at most 6 MB, and base64
 * makes a file a third bigger: 4 MB of XLSX is 5.3 MB of JSON. A bigger workbook goes to the archive and the
 * answer carries a short-lived link to it instead (issue 18: no export is refused for its size).
 */
export const MAX_EXPORT_BYTES = 4 * 1024 * 1024;
export interface LedgerExport {
  readonly fileName: string;
  readonly contentType: string;
  readonly bytes: Buffer;
  readonly entries: number;
  readonly totals: YearTotals;
}

/**
 * FEE-2, FEE-4: the year's ledger as a file (XLSX through the composition root) — shared by the route and the
 * benchmark.
 */
export async function exportLedger(
  { fees, ledgerFiles }: { readonly fees: Pick<FeeLedgerRepository, 'year' | 'eachEntryPage'>; readonly ledgerFiles: LedgerFileWriter },
  tenantId: string,
  year: number,
  ruleSets: readonly RuleSet[],
): Promise<LedgerExport> {
  const summary = summarizeYear(await fees.year(tenantId, year), { tenantId, year, ruleSet: ruleSetForYear(ruleSets, year) });
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
 * Issue 18: Lambda's 6 MB answer limit caps an inline workbook at {@link MAX_EXPORT_BYTES} — about 38,000
 * entries at the ~110 bytes an entry the benchmark measures. A bigger one is written to the tenant's prefix of
 * the archive (`tenants/<tenantId>/exports/…`, through the tenant's own credentials) and answered as
 * `download`, a pre-signed GET that saves it as an attachment, valid 15 minutes (domain/archive/folder-export.ts).
 */
export const exportLedgerRoute = defineRoute({
  method: 'GET',
  path: '/api/v1/fees/ledger/export',
  access: FEE_BOOKING,
  summary: "A year's prevention-fee ledger as XLSX — base64 in JSON, or a short-lived link when large (FEE-2, FEE-4)",
  tags: ['fees'],
  query: yearQuery,
  response: ledgerExportSchema,
  async handle(input) {
    const { tenantId } = callerOf(input, 'insurer');
    const { forTenant, ledgerFiles, clock, ruleSets, archive, newId } = feeFilesRoot();
    const year = ledgerYearOf(input.query.year, clock);
    const { fees } = await forTenant(tenantId);
    const now = clock.now();
    return { body: await ledgerExportAnswer({ fees, ledgerFiles, archive: archive(tenantArchive(tenantId)), exportId: newId(now), now }, tenantId, year, await ruleSets.versions()) };
  },
});

/**
 * Issue 18: the route's answer — the workbook inline up to {@link MAX_EXPORT_BYTES}, else written to the
 * archive and answered as a link (domain/archive/folder-export.ts). Apart from the route so a test can give it
 * a year of 100,000 entries without loading them into DynamoDB Local first.
 */
export async function ledgerExportAnswer(
  deps: Parameters<typeof exportLedger>[0] & { readonly archive: ArchiveStore; readonly exportId: string; readonly now: Date },
  tenantId: string,
  year: number,
  ruleSets: readonly RuleSet[],
): Promise<z.output<typeof ledgerExportSchema>> {
  const exported = await exportLedger(deps, tenantId, year, ruleSets);
  const about = { fileName: exported.fileName, contentType: exported.contentType, bytes: exported.bytes.length, entries: exported.entries, totals: exported.totals };
  if (exported.bytes.length <= MAX_EXPORT_BYTES) return { ...about, contentBase64: exported.bytes.toString('base64') };
  const { fileName, contentType, bytes: body } = exported;
  const link = await archiveExport(deps.archive, { tenantId, exportId: deps.exportId, fileName, contentType, body, now: deps.now });
  return { ...about, download: { url: link.url, method: link.method, expiresAt: link.expiresAt } };
}
