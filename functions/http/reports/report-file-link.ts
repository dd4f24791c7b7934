import type { ArchiveStore, Sha256Hex } from '../../../domain/archive/archive-store.js';
import type { Clock } from '../../../domain/kernel/clock.js';
import { NotFound } from '../../../domain/kernel/errors.js';
import { documentNameOf, periodNameOf } from '../../../domain/reports/period.js';
import type { ReportFormat, ReportFile } from '../../../domain/reports/report.js';
import type { ReportPeriod } from '../../../domain/reports/report-figures.js';

/** A download link lives five minutes: enough to start the download, short enough not to be passed around. */
export const REPORT_LINK_SECONDS = 300;

/** A file of a report: its XLSX or PDF, or (RPT-2) the third party's evaluation it submits. */
export type ReportFileFormat = ReportFormat | 'third-party';

/** 2026年上半年安责险报告（第1版）.pdf — what the file is saved as; 2026年度第三方评估报告（第1版）.pdf (RPT-2). */
export function reportFileNameOf(period: ReportPeriod, format: ReportFileFormat, version?: number): string {
  const edition = version === undefined ? '草稿' : `第${version}版`;
  if (format === 'third-party') return `${periodNameOf(period)}第三方评估报告（${edition}）.pdf`;
  return `${periodNameOf(period)}${documentNameOf(period)}（${edition}）.${format}`;
}

/**
 * RPT-1, RPT-2: which archived file a download names — the XLSX, the PDF, or the third party's evaluation of a
 * self-evaluation submitted as THIRD_PARTY (404 where there is none).
 */
export function reportFileOf(files: { readonly xlsx: ReportFile; readonly pdf: ReportFile }, evaluation: { readonly mode: string; readonly thirdParty?: { readonly file: ReportFile } } | undefined, format: ReportFileFormat): ReportFile {
  if (format !== 'third-party') return files[format];
  if (evaluation?.mode !== 'THIRD_PARTY' || !evaluation.thirdParty) throw new NotFound('third-party evaluation');
  return evaluation.thirdParty.file;
}

/**
 * RPT-1, SVC-10: a report file handed out as a short-lived link straight to the archive (never through the
 * function's body, whatever its size), after reading it back and hashing it against the SHA-256 recorded when
 * it was written: `verified` says whether the stored bytes are still the ones recorded.
 */
export async function reportFileLink(
  deps: { readonly archive: ArchiveStore; readonly sha256: Sha256Hex; readonly clock: Clock },
  file: ReportFile,
  name: { readonly period: ReportPeriod; readonly format: ReportFileFormat; readonly version?: number },
) {
  const stored = await deps.archive.get(file.key);
  if (!stored) throw new NotFound('report file');
  const fileName = reportFileNameOf(name.period, name.format, name.version);
  const now = deps.clock.now();
  const ticket = await deps.archive.presignDownload({ key: file.key, fileName, now, expiresInSeconds: REPORT_LINK_SECONDS });
  return {
    fileName,
    contentType: file.contentType,
    size: file.size,
    sha256: file.sha256,
    ...(name.version === undefined ? {} : { version: name.version }),
    verified: deps.sha256(stored.body) === file.sha256,
    url: ticket.url,
    expiresAt: ticket.expiresAt,
  };
}
