import type { ReportFiles } from '../../../domain/reports/report-files.port.js';
import { reportPdf } from './report-pdf.js';
import { reportWorkbook } from './report-workbook.js';

/** The files' content types, for a download's `Content-Type` and the archive object. */
export const REPORT_XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const REPORT_PDF_CONTENT_TYPE = 'application/pdf';

/**
 * RPT-1, RPT-4: a report's XLSX and PDF, rendered from its figures alone (the ReportFiles port). Importing
 * this module loads neither exceljs nor pdfkit; the first render does.
 *
 * @example
 * const { xlsx, pdf } = await renderReportFiles.render(figures);
 */
export const renderReportFiles: ReportFiles = {
  async render(figures, evaluation) {
    const [xlsx, pdf] = await Promise.all([reportWorkbook(figures, evaluation), reportPdf(figures, evaluation)]);
    return { xlsx, pdf };
  },
};
