import type { ReportFigures } from './report-figures.js';
import type { SelfEvaluation } from './self-evaluation.js';

/**
 * RPT-1: a report's two files, rendered from its figures alone (the adapter is functions/adapters/report-file/,
 * `renderReportFiles`). Rendering the same figures twice must give the same figures back in the files; the
 * bytes themselves may differ (PDF metadata), which is why a submitted version's bytes are archived and hashed
 * at submission rather than rendered again on each download.
 */
export interface ReportFiles {
  /** RPT-2: with an evaluation, the files are its written report, the year's figures after it. */
  render(figures: ReportFigures, evaluation?: SelfEvaluation): Promise<{ xlsx: Uint8Array; pdf: Uint8Array }>;
}
