import type { Evaluation } from '../../../domain/evaluations/evaluation.js';
import { ITEM_HEADERS, evaluationTitle, headerLines, itemRow, resultLine } from './evaluation-lines.js';

/**
 * RPT-3: the published evaluation as an XLSX workbook (one sheet, 考核评估): title, header, the score sheet with
 * weights and points as numbers (so they can be added up), and the result.
 */
export async function evaluationWorkbook(evaluation: Evaluation): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const at = new Date(evaluation.published?.at ?? evaluation.updatedAt);
  workbook.creator = '忻州市应急管理局';
  workbook.lastModifiedBy = '忻州市应急管理局';
  workbook.title = evaluationTitle(evaluation);
  workbook.created = at;
  workbook.modified = at;
  const sheet = workbook.addWorksheet('考核评估');
  sheet.columns = [{ width: 22 }, { width: 8 }, { width: 14 }, { width: 8 }, { width: 80 }];
  sheet.addRow([evaluationTitle(evaluation)]).font = { bold: true, size: 14 };
  for (const line of headerLines(evaluation)) sheet.addRow([line]);
  sheet.addRow([]);
  sheet.addRow([...ITEM_HEADERS]).font = { bold: true };
  for (const item of evaluation.items) {
    const [name, , how, , basis] = itemRow(item);
    sheet.addRow([name, item.weight, how, item.score ?? 0, basis]);
  }
  sheet.addRow([]);
  sheet.addRow(['总分', 100, '', evaluation.published?.total ?? 0, resultLine(evaluation)]).font = { bold: true };
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
