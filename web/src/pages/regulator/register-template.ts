import type { DataValidation, Worksheet } from 'exceljs';
import { REGISTER_FILE_COLUMNS, REGISTER_TEMPLATE_EXAMPLE } from '../../reference/domain';

/** The template's file name (REG-1). */
export const REGISTER_TEMPLATE_FILE_NAME = '企业底数导入模板.xlsx';

/** Rows of the template that offer the drop-down lists: one import holds at most 10,000 (MAX_IMPORT_ROWS). */
const LIST_ROWS = 10_001;

/** exceljs writes a range's validation once (its typings only know the per-cell form). */
type RangeValidations = { dataValidations: { add(range: string, validation: DataValidation): void } };

const columnLetter = (index: number): string => String.fromCharCode('A'.charCodeAt(0) + index);

/**
 * REG-1 (issue 15): the register import template as an XLSX — the columns of register-columns.ts (the same as
 * the register's export, so an exported file imports again), one example row, the USCC column as text (a long
 * number would lose its last digits in Excel), and a drop-down list of the Chinese labels on every enumerated
 * column (行业, 区县, 企业规模). exceljs is loaded only when the template is asked for: it is no part of the
 * console's first visit.
 */
export async function registerTemplateXlsx(): Promise<ArrayBuffer> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const sheet: Worksheet = workbook.addWorksheet('企业底数', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = REGISTER_FILE_COLUMNS.map((column) => ({
    header: column.header,
    key: column.key,
    width: column.width,
    ...(column.key === 'uscc' ? { style: { numFmt: '@' } } : {}),
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.addRow([...REGISTER_TEMPLATE_EXAMPLE]);
  REGISTER_FILE_COLUMNS.forEach((column, index) => {
    if (!column.choices) return;
    const letter = columnLetter(index);
    const labels = column.choices.map((choice) => choice.label).join(',');
    (sheet as unknown as RangeValidations).dataValidations.add(`${letter}2:${letter}${LIST_ROWS}`, {
      type: 'list',
      allowBlank: true,
      formulae: [`"${labels}"`],
      showErrorMessage: true,
      errorStyle: 'error',
      errorTitle: column.header,
      error: `请从列表中选择${column.header}`,
    });
  });
  return (await workbook.xlsx.writeBuffer()) as ArrayBuffer;
}
