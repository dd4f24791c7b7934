import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Page } from '../api';
import type { DataTablePageRequest } from './DataTable';
import { fetchAllRows, xlsxOf, type ExportColumn } from './xlsx-export';

interface Row {
  readonly id: number;
  readonly name: string;
  readonly fen: number;
}

const ROWS: readonly Row[] = Array.from({ length: 250 }, (_, index) => ({ id: index + 1, name: `企业${index + 1}`, fen: 1_001 }));

/** An API of 250 rows answering `limit` rows a page with an opaque cursor, and the total on the first page. */
function fakeApi(requests: DataTablePageRequest[]) {
  return async (request: DataTablePageRequest): Promise<Page<Row>> => {
    requests.push(request);
    const from = request.cursor === undefined ? 0 : Number(request.cursor.slice(2));
    const items = ROWS.filter((row) => row.name.includes(request.filters.q ?? '')).slice(from, from + request.limit);
    const next = from + request.limit;
    const matching = ROWS.filter((row) => row.name.includes(request.filters.q ?? '')).length;
    return { items, ...(next < matching ? { nextCursor: `c:${next}` } : {}), ...(request.cursor === undefined ? { total: matching } : {}) };
  };
}

describe('the full-data XLSX export (issue 15)', () => {
  it('reads every page along the cursors with the list’s filters, at the API’s largest page, reporting progress', async () => {
    const requests: DataTablePageRequest[] = [];
    const progress: [number, number | undefined][] = [];
    const rows = await fetchAllRows(fakeApi(requests), { q: '' }, new AbortController().signal, (read, total) => progress.push([read, total]));
    expect(rows).toHaveLength(250);
    expect(requests.map((request) => [request.cursor, request.limit])).toEqual([
      [undefined, 100],
      ['c:100', 100],
      ['c:200', 100],
    ]);
    expect(requests.every((request) => request.filters.q === '')).toBe(true);
    expect(progress).toEqual([
      [100, 250],
      [200, 250],
      [250, 250],
    ]);
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(fetchAllRows(fakeApi([]), {}, controller.signal)).rejects.toThrow();
  });

  it('writes Chinese headers, money as 元 numbers and a 合计 row summing the fen exactly; formula-like text is defused', async () => {
    const columns: ExportColumn<Row>[] = [
      { title: '序号', value: (row) => row.id },
      { title: '企业名称', value: (row) => (row.id === 1 ? '=HYPERLINK("x")' : row.name) },
      { title: '保费（元）', value: (row) => row.fen / 100, fen: (row) => row.fen },
    ];
    const bytes = await xlsxOf('企业底数', columns, ROWS, '合计');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes);
    const sheet = workbook.worksheets[0];
    expect(sheet?.name).toBe('企业底数');
    expect(sheet?.getRow(1).values).toEqual([undefined, '序号', '企业名称', '保费（元）']);
    expect(sheet?.getRow(2).values).toEqual([undefined, 1, `'=HYPERLINK("x")`, 10.01]);
    expect(sheet?.actualRowCount).toBe(252);
    // 250 × 10.01 元 = 2,502.50 元: summed in fen, not in floating 元.
    expect(sheet?.getRow(252).values).toEqual([undefined, '合计', undefined, 2502.5]);
  });
});
