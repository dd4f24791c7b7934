import type { EvaluationFiles } from '../../../domain/evaluations/evaluation-files.port.js';
import { evaluationPdf } from './evaluation-pdf.js';
import { evaluationWorkbook } from './evaluation-workbook.js';

export const EVALUATION_XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const EVALUATION_PDF_CONTENT_TYPE = 'application/pdf';

/**
 * RPT-3: a published evaluation's XLSX and PDF (the EvaluationFiles port). Importing this module loads neither
 * exceljs nor pdfkit; the first render does. The PDF's CJK font is the reports' (report-file/FONT.md).
 */
export const renderEvaluationFiles: EvaluationFiles = {
  async render(evaluation) {
    const [xlsx, pdf] = await Promise.all([evaluationWorkbook(evaluation), evaluationPdf(evaluation)]);
    return { xlsx, pdf };
  },
};
