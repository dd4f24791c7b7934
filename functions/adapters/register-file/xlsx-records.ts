import type { Cell } from 'exceljs';
import { ValidationFailed } from '../../../domain/kernel/errors.js';
import { IMPORT_TEXTS } from '../../../domain/register/register-import-messages.js';
import type { TableRecord } from '../../../domain/register/register-row.js';

const unreadable = (message: string) => new ValidationFailed([{ field: 'contentBase64', message, rule: 'REG-1' }]);

/** What a cell shows: numbers as written (825, not 825.0), rich text joined, a formula's result. */
function cellText(cell: Cell): string {
  const value = cell.value;
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(0) : String(value);
  return cell.text;
}

/**
 * The records of an XLSX workbook's first sheet, read with exceljs, each with its sheet row number.
 *
 * exceljs is loaded here, on the first import a process serves, not when the function starts: it is most of
 * the regulator function's bundle, and every other route of the function has no use for it.
 *
 * @throws ValidationFailed (`contentBase64`) when the bytes are not a workbook, or it has no sheet.
 */
export async function xlsxRecords(bytes: Buffer): Promise<TableRecord[]> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types its input as its own `Buffer extends ArrayBuffer`; a copied ArrayBuffer is that exactly.
    await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  } catch {
    throw unreadable(IMPORT_TEXTS.unreadableXlsx);
  }
  const sheet = workbook.worksheets[0];
  if (sheet === undefined) throw unreadable(IMPORT_TEXTS.noSheet);
  const records: TableRecord[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let column = 1; column <= row.cellCount; column += 1) cells.push(cellText(row.getCell(column)));
    records.push({ row: rowNumber, cells });
  });
  return records;
}
