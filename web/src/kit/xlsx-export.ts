import type { Page } from '../api';
import { downloadFile, XLSX_MIME } from './download';
import type { CsvValue } from './csv';
import type { DataTablePageRequest } from './DataTable';
import { csvValueOf, isExported, type DataColumn } from './data-column';
import type { FilterValues } from './useUrlFilters';

/**
 * One column of an exported workbook. Money is given in integer fen (`fen`): written as a number of 元 with two
 * decimals and summed in the totals row, so the sheet adds up the way the ledger does.
 */
export interface ExportColumn<Row> {
  readonly title: string;
  readonly value: (row: Row) => CsvValue;
  readonly fen?: (row: Row) => number | null | undefined;
  /** Width in characters. */
  readonly width?: number;
  /** Written as text even when it looks like a number (USCCs, policy numbers: Excel would round them). */
  readonly text?: boolean;
}

/** The export columns of a table: every column with a plain value, under its header, money as money. */
export function exportColumnsOf<Row>(columns: readonly DataColumn<Row>[]): ExportColumn<Row>[] {
  return columns.filter(isExported).map((column) => ({
    title: column.title,
    value: (row: Row) => csvValueOf(column, row),
    ...(column.fen ? { fen: column.fen } : {}),
    ...(typeof column.width === 'number' ? { width: Math.max(8, Math.round(column.width / 7)) } : {}),
  }));
}

/** Rows asked per request while exporting: the API's largest page. */
export const EXPORT_PAGE_SIZE = 100;

/**
 * Issue 15: every row matching the filters, page by page along the API's cursors (the same request the table
 * makes, at the largest page size). `onProgress` hears the rows read so far after each page.
 */
export async function fetchAllRows<Row>(
  fetchPage: (request: DataTablePageRequest, signal: AbortSignal) => Promise<Page<Row>>,
  filters: FilterValues,
  signal: AbortSignal,
  onProgress: (read: number, total: number | undefined) => void = () => undefined,
): Promise<Row[]> {
  const rows: Row[] = [];
  let cursor: string | undefined;
  let total: number | undefined;
  do {
    signal.throwIfAborted();
    const page = await fetchPage({ cursor, limit: EXPORT_PAGE_SIZE, filters }, signal);
    if (cursor === undefined) total = page.total;
    rows.push(...page.items);
    cursor = page.nextCursor;
    onProgress(rows.length, total);
  } while (cursor);
  return rows;
}

/** Spreadsheet apps run cells starting with these as formulas: text cells starting so are written with a `'`. */
const FORMULA_START = /^[=+\-@\t\r]/;

const cellOf = (value: CsvValue, text: boolean | undefined): string | number | boolean | null => {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return text ? String(value) : value;
  if (typeof value === 'string' && FORMULA_START.test(value)) return `'${value}`;
  return value;
};

/**
 * The workbook of `rows`: one sheet, the Chinese headers in bold and frozen, money columns as numbers of 元
 * (`#,##0.00`), and — when the list has money — a last row `totalLabel` with each money column's sum. exceljs
 * is imported here, on demand, so it is no part of the console's first visit.
 */
export async function xlsxOf<Row>(
  sheetName: string,
  columns: readonly ExportColumn<Row>[],
  rows: readonly Row[],
  totalLabel: string,
): Promise<ArrayBuffer> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  // Excel refuses sheet names over 31 characters or with []:*?/\ in them.
  const sheet = workbook.addWorksheet(sheetName.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Sheet1', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((column, index) => ({
    header: column.title,
    key: `c${index}`,
    width: column.width ?? Math.min(40, Math.max(10, column.title.length * 2 + 2)),
    ...(column.fen ? { style: { numFmt: '#,##0.00' } } : column.text ? { style: { numFmt: '@' } } : {}),
  }));
  sheet.getRow(1).font = { bold: true };
  const sums = columns.map(() => 0);
  for (const row of rows) {
    sheet.addRow(
      columns.map((column, index) => {
        if (column.fen) {
          const fen = column.fen(row);
          if (fen === null || fen === undefined) return null;
          sums[index] = (sums[index] ?? 0) + fen;
          return fen / 100;
        }
        return cellOf(column.value(row), column.text);
      }),
    );
  }
  if (columns.some((column) => column.fen)) {
    const labelAt = Math.max(0, columns.findIndex((column) => !column.fen));
    const totals = sheet.addRow(columns.map((column, index) => (column.fen ? (sums[index] ?? 0) / 100 : index === labelAt ? totalLabel : null)));
    totals.font = { bold: true };
  }
  return (await workbook.xlsx.writeBuffer()) as ArrayBuffer;
}

/** Hands a workbook to the browser as a download. */
export function downloadXlsx(fileName: string, bytes: ArrayBuffer): void {
  downloadFile(fileName, bytes, XLSX_MIME);
}
