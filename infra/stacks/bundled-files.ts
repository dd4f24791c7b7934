import { REPORT_FONT_SOURCE } from '../../functions/adapters/report-file/report-font.js';

/**
 * Files (repository-relative) an HTTP function reads at run time rather than imports, by its context's name in
 * BOUNDED_CONTEXTS: the API stack copies them beside the function's bundle (AnzeFunction `bundledFiles`).
 * RPT-1: the function that renders the report PDF needs its CJK font (functions/adapters/report-file/FONT.md);
 * test/functions/adapters/report-file.test.ts checks every function bundling the renderer is listed here.
 */
export const BUNDLED_FILES: Readonly<Record<string, readonly string[]>> = {
  'reports-files': [REPORT_FONT_SOURCE],
  // RPT-3: the published evaluation's PDF is set in the same font.
  'evaluations-files': [REPORT_FONT_SOURCE],
};
