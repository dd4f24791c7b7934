import type { ArchiveStoreFor, Sha256Hex } from '../../../domain/archive/archive-store.js';
import type { ReportFiles } from '../../../domain/reports/report-files.port.js';
import { archiveStoreFor } from '../../adapters/archive/archive-store-from-env.js';
import { sha256Hex } from '../../adapters/archive/sha256.js';
import { reportsRoot, type ReportsRoot } from './composition-root.js';

/**
 * RPT-1, RPT-2: the report routes that make, archive or hand out report files run in a function of their own
 * ({@link reportFileRoutes}): the renderers (exceljs, pdfkit with fontkit and the CJK font) and the S3 client are
 * most of two megabytes, and only those routes need them, so the reports function that lists and reads does not
 * carry them (issue 20).
 */
export interface ReportFilesRoot extends ReportsRoot {
  /** SVC-10: report files, write-once; reached through the tenant role of each key's tenant. */
  readonly archive: ArchiveStoreFor;
  readonly files: ReportFiles;
  readonly sha256: Sha256Hex;
}

let root: ReportFilesRoot | undefined;

/** The composition root of the reports' file function: the reports', the archive and the renderers. */
export function reportFilesRoot(): ReportFilesRoot {
  root ??= {
    ...reportsRoot(),
    archive: (session) => archiveStoreFor(session),
    // The renderers (PDF with its CJK font, XLSX) load on the first render, not on every cold start.
    files: { render: async (figures, evaluation) => (await import('../../adapters/report-file/render.js')).renderReportFiles.render(figures, evaluation) },
    sha256: sha256Hex,
  };
  return root;
}
