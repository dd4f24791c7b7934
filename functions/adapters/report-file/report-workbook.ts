import type { ReportFigures } from '../../../domain/reports/report-figures.js';
import type { SelfEvaluation } from '../../../domain/reports/self-evaluation.js';
import { reportHeaderLines, reportTitle, sectionsOf, type ReportValue } from './report-sections.js';

/** Money cells hold yuan (fen ÷ 100, exact back to the fen by Math.round(yuan × 100)) shown with two decimals. */
export const YUAN_FORMAT = '#,##0.00';
/** Ratio cells hold the fraction (basis points ÷ 10,000) shown as a percentage. */
export const PERCENT_FORMAT = '0.00%';

/** Column widths, in characters, for the label column and the value columns. */
const LABEL_WIDTH = 34;
const VALUE_WIDTH = 18;

function cellOf(value: ReportValue): { value: string | number; numFmt?: string } {
  switch (value.kind) {
    case 'count':
      return { value: value.value };
    case 'fen':
      return { value: value.value / 100, numFmt: YUAN_FORMAT };
    case 'bp':
      return { value: value.value / 10_000, numFmt: PERCENT_FORMAT };
    case 'text':
      return { value: value.value };
  }
}

/**
 * RPT-1: the report as an XLSX workbook, one sheet per section (承保情况, 事故预防服务, 预防费用, 投诉处理, 理赔),
 * each opening with the report's title and who reports for which period, then its figures (项目 / 数值) and its
 * tables. Numbers stay numbers — money in 元 with two decimals, ratios as percentages — so the regulator can
 * add them up; the workbook's dates are the report's `generatedAt`, so the same figures give the same cells.
 *
 * exceljs is loaded when the first workbook is written: it is large and only the report files need it.
 */
export async function reportWorkbook(figures: ReportFigures, evaluation?: SelfEvaluation): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const generatedAt = new Date(figures.generatedAt);
  workbook.creator = figures.insurerName;
  workbook.lastModifiedBy = figures.insurerName;
  workbook.title = reportTitle(figures, evaluation);
  workbook.created = generatedAt;
  workbook.modified = generatedAt;

  for (const section of sectionsOf(figures, evaluation)) {
    const sheet = workbook.addWorksheet(section.name);
    const widest = Math.max(2, ...section.tables.map((table) => table.columns.length));
    sheet.columns = Array.from({ length: widest }, (_, index) => ({ width: index === 0 ? LABEL_WIDTH : VALUE_WIDTH }));

    const title = sheet.addRow([reportTitle(figures, evaluation)]);
    title.font = { bold: true, size: 14 };
    for (const line of reportHeaderLines(figures)) sheet.addRow([line]);
    sheet.addRow([]);
    sheet.addRow([section.heading]).font = { bold: true, size: 12 };

    if (section.note !== undefined) sheet.addRow([section.note]);
    if (section.facts.length > 0) {
      sheet.addRow(['项目', '数值']).font = { bold: true };
      for (const [label, value] of section.facts) {
        const row = sheet.addRow([label]);
        const { value: cellValue, numFmt } = cellOf(value);
        const cell = row.getCell(2);
        cell.value = cellValue;
        if (numFmt !== undefined) cell.numFmt = numFmt;
      }
    }
    for (const table of section.tables) {
      sheet.addRow([]);
      sheet.addRow([table.title]).font = { bold: true };
      sheet.addRow(table.columns.map((column) => column.header)).font = { bold: true };
      if (table.rows.length === 0) sheet.addRow([table.whenEmpty]);
      for (const line of table.rows) {
        const row = sheet.addRow([]);
        line.forEach((value, index) => {
          const { value: cellValue, numFmt } = cellOf(value);
          const cell = row.getCell(index + 1);
          cell.value = cellValue;
          if (numFmt !== undefined) cell.numFmt = numFmt;
        });
      }
    }
    // RPT-2: a narrative in one wrapped cell under its item's title, as the insurer wrote it.
    for (const paragraph of section.paragraphs ?? []) {
      sheet.addRow([]);
      sheet.addRow([paragraph.title]).font = { bold: true };
      const row = sheet.addRow([paragraph.text]);
      row.getCell(1).alignment = { wrapText: true, vertical: 'top' };
    }
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
