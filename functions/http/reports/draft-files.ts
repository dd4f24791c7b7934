import type { ArchiveStore } from '../../../domain/archive/archive-store.js';
import { periodKeyOf } from '../../../domain/reports/period.js';
import { REPORT_CONTENT_TYPES, REPORT_FORMATS, type ReportFilePair, type ReportFile } from '../../../domain/reports/report.js';
import type { ReportPeriod } from '../../../domain/reports/report-figures.js';

/**
 * A draft's files are under review, not yet a record: kept write-once like every archive object, but only for
 * this long. Submission copies them to the version's own keys, kept the rule set's years (SVC-10).
 */
export const DRAFT_RETENTION_DAYS = 30;

/** RPT-1, RPT-2: a draft's XLSX and PDF put in the archive under a key of their own (a draft is never overwritten). */
export async function storeDraftFiles(
  archive: ArchiveStore,
  input: { readonly tenantId: string; readonly reportId: string; readonly draftId: string; readonly period: ReportPeriod; readonly rendered: { xlsx: Uint8Array; pdf: Uint8Array }; readonly now: Date },
): Promise<ReportFilePair> {
  const retainUntil = new Date(input.now.getTime() + DRAFT_RETENTION_DAYS * 86_400_000);
  const stored = {} as Record<(typeof REPORT_FORMATS)[number], ReportFile>;
  for (const format of REPORT_FORMATS) {
    const key = `tenants/${input.tenantId}/reports/${input.reportId}/draft-${input.draftId}/${periodKeyOf(input.period)}.${format}`;
    const object = await archive.put({ key, body: input.rendered[format], contentType: REPORT_CONTENT_TYPES[format], retainUntil, now: input.now });
    stored[format] = { key, sha256: object.sha256, size: object.size, contentType: object.contentType };
  }
  return stored;
}
