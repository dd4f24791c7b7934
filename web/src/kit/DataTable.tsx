import { Alert, Button, Empty, Flex, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { keepPreviousData, useQuery, type QueryKey } from '@tanstack/react-query';
import { useCallback, useMemo, useState, type ReactNode, type TableHTMLAttributes } from 'react';
import type { Page } from '../api';
import { useI18n } from '../i18n/useI18n';
import { CursorPager } from './CursorPager';
import type { DataColumn } from './data-column';
import { describeApiError } from './describeApiError';
import { ExportButton } from './ExportButton';
import { exportColumnsOf, type ExportColumn } from './xlsx-export';
import { FilterBar } from './FilterBar';
import type { FilterField } from './filter-field';
import { currentCursor, firstPage, forQuery, nextPage, previousPage } from './cursor-stack';
import { useUrlFilters, useUrlPageSize, type FilterValues } from './useUrlFilters';

export interface DataTablePageRequest {
  readonly cursor?: string;
  readonly limit: number;
  /** The current filter values by name, `''` when unset. */
  readonly filters: FilterValues;
}

export interface DataTableProps<Row> {
  /** The table's accessible name (read by screen readers; also a good test handle). */
  readonly caption: string;
  readonly columns: readonly DataColumn<Row>[];
  readonly rowKey: (row: Row) => string;
  /**
   * The list's query key: its context's prefix and the path (`[...queryKeys.complaints, '/api/v1/complaints']`);
   * filters, page size and cursor are appended. Invalidating the prefix after a change reloads the page shown.
   */
  readonly queryKey: QueryKey;
  /** Loads one page; pass `signal` to the API so superseded requests are cancelled. */
  readonly fetchPage: (request: DataTablePageRequest, signal: AbortSignal) => Promise<Page<Row>>;
  /** Filters shown above the table and kept in the URL. */
  readonly filters?: readonly FilterField[];
  /** Base name of the exported XLSX file (default: the caption). */
  readonly exportName?: string;
  /**
   * The exported columns when they are not the table's own (the register exports its import template's columns,
   * so an exported file imports again).
   */
  readonly exportColumns?: readonly ExportColumn<Row>[];
  /** Extra buttons at the right of the toolbar ("新建…"). */
  readonly toolbar?: ReactNode;
  readonly pageSizes?: readonly number[];
  readonly defaultPageSize?: number;
}

const DEFAULT_PAGE_SIZES = [10, 20, 50, 100] as const;
const NO_FILTERS: readonly FilterField[] = [];
const UNSIZED_COLUMN_WIDTH = 150;

/**
 * The console's list view: server-side cursor pagination, URL-synced filters and page size, loading,
 * empty and error states, the number of rows matching the filters, and an XLSX export of all of them (issue 15).
 * See web/README.md for a full example.
 */
export function DataTable<Row extends object>({
  caption,
  columns,
  rowKey,
  queryKey,
  fetchPage,
  filters: filterFields = NO_FILTERS,
  exportName,
  exportColumns,
  toolbar,
  pageSizes = DEFAULT_PAGE_SIZES,
  defaultPageSize = 20,
}: DataTableProps<Row>) {
  const { t } = useI18n();
  const filterNames = useMemo(() => filterFields.map((field) => field.name), [filterFields]);
  const { filters, active, setFilters, clearFilters } = useUrlFilters(filterNames);
  const [pageSize, setPageSize] = useUrlPageSize(pageSizes, defaultPageSize);

  const pages = useCursorPages(queryKey, filters, pageSize, fetchPage);

  const antdColumns = useMemo<ColumnsType<Row>>(
    () =>
      columns.map((column) => ({
        key: column.key,
        title: column.title,
        width: column.width,
        align: column.align,
        ellipsis: column.ellipsis,
        // The row's actions stay in view on a narrow screen while the other columns scroll (issue 15).
        fixed: column.key === 'actions' ? ('right' as const) : undefined,
        render: (_: unknown, row: Row) => (column.render ? column.render(row) : column.value?.(row)),
      })),
    [columns],
  );

  // The columns' own widths (a column without one counts as 150 px): below that, the table scrolls sideways.
  const scrollWidth = useMemo(
    () => columns.reduce((sum, column) => sum + (typeof column.width === 'number' ? column.width : UNSIZED_COLUMN_WIDTH), 0),
    [columns],
  );

  const exported = useMemo(() => exportColumns ?? exportColumnsOf(columns), [exportColumns, columns]);

  const emptyText = pages.loading ? (
    <div style={{ height: 64 }} />
  ) : pages.error ? (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('table.loadError')} />
  ) : (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={active ? t('table.emptyFiltered') : t('table.empty')}>
      {active && <Button onClick={clearFilters}>{t('table.clearFilters')}</Button>}
    </Empty>
  );

  const TableElement = useCallback(
    (props: TableHTMLAttributes<HTMLTableElement>) => <table {...props} aria-label={caption} />,
    [caption],
  );

  return (
    <Flex vertical gap={8}>
      <Flex justify="space-between" align="flex-start" gap={8} wrap>
        {filterFields.length > 0 ? (
          <FilterBar fields={filterFields} values={filters} onSearch={setFilters} onReset={clearFilters} />
        ) : (
          <span />
        )}
        <Flex gap={8} wrap>
          <Button onClick={pages.reload}>{t('table.refresh')}</Button>
          <ExportButton<Row>
            fetchPage={fetchPage}
            filters={filters}
            columns={exported}
            fileName={exportName ?? caption}
            sheetName={caption}
            disabled={pages.loading || pages.rows.length === 0}
          />
          {toolbar}
        </Flex>
      </Flex>
      {Boolean(pages.error) && (
        <Alert
          type="error"
          showIcon
          title={t('table.loadError')}
          description={describeApiError(pages.error, t)}
          action={
            <Button size="small" onClick={pages.reload}>
              {t('table.retry')}
            </Button>
          }
        />
      )}
      <Table<Row>
        rowKey={rowKey}
        columns={antdColumns}
        dataSource={pages.rows as Row[]}
        loading={pages.loading}
        pagination={false}
        size="small"
        bordered
        components={{ table: TableElement }}
        // Wide tables scroll inside their card instead of widening the whole page; narrower ones fill it.
        scroll={{ x: scrollWidth }}
        locale={{ emptyText }}
        aria-busy={pages.loading}
      />
      <CursorPager
        pageIndex={pages.pageIndex}
        rowCount={pages.rows.length}
        total={pages.total}
        hasPrevious={pages.hasPrevious}
        hasNext={pages.hasNext}
        onPrevious={pages.previous}
        onNext={pages.next}
        pageSize={pageSize}
        pageSizes={pageSizes}
        onPageSizeChange={setPageSize}
      />
    </Flex>
  );
}

/**
 * Server-side pagination over the API's opaque cursors (see cursor-stack.ts), one query per page keyed by
 * (list, filters, page size, cursor): "previous" steps back over the cursors already seen, "next" pushes the
 * answer's `nextCursor`; new filters or a new page size start again at the first page. The rows shown stay
 * while the next page loads.
 */
function useCursorPages<Row>(
  listKey: QueryKey,
  filters: FilterValues,
  limit: number,
  fetchPage: (request: DataTablePageRequest, signal: AbortSignal) => Promise<Page<Row>>,
) {
  const stackKey = JSON.stringify([listKey, filters, limit]);
  const [position, setPosition] = useState(() => firstPage(stackKey));
  // A new query resets the stack during render, so no request goes out for a stale cursor.
  const current = forQuery(position, stackKey);
  if (current !== position) setPosition(current);
  const cursor = currentCursor(current);

  const query = useQuery({
    queryKey: [...listKey, { filters, limit, cursor }],
    queryFn: ({ signal }) => fetchPage({ cursor, limit, filters }, signal),
    placeholderData: keepPreviousData,
  });
  const loading = query.isFetching;
  // The API counts the rows with the first page only: the count stays while the user pages on.
  const [counted, setCounted] = useState<{ readonly key: string; readonly total: number | undefined }>();
  const firstTotal = current.index === 0 && !query.isPlaceholderData && query.data ? query.data.total : undefined;
  if (firstTotal !== undefined && (counted?.key !== stackKey || counted.total !== firstTotal)) setCounted({ key: stackKey, total: firstTotal });
  const total = counted?.key === stackKey ? counted.total : undefined;
  const nextCursor = query.isPlaceholderData ? undefined : query.data?.nextCursor;
  const rows: readonly Row[] = query.isError ? [] : (query.data?.items ?? []);

  const next = useCallback(() => {
    if (!nextCursor || loading) return;
    setPosition((stack) => nextPage(stack, nextCursor));
  }, [nextCursor, loading]);
  const previous = useCallback(() => setPosition(previousPage), []);
  const { refetch } = query;
  const reload = useCallback(() => void refetch(), [refetch]);

  return {
    rows,
    total,
    loading,
    error: query.error,
    pageIndex: current.index,
    hasPrevious: current.index > 0,
    hasNext: Boolean(nextCursor) && !loading,
    next,
    previous,
    reload,
  };
}
