import type { ReactNode } from 'react';
import { formatInstant } from '../i18n/format';
import type { CsvValue } from './csv';
import { DateTime, fenToYuanDecimal, Money } from './format-cells';

/**
 * A column of a {@link DataTable}: one definition drives the cell, the header and the CSV export.
 * @example
 * const columns: DataColumn<Tenant>[] = [
 *   { key: 'name', title: t('tenant.name'), value: (tenant) => tenant.name },
 *   dateTimeColumn('createdAt', t('tenant.createdAt'), (tenant) => tenant.createdAt),
 * ];
 */
export interface DataColumn<Row> {
  readonly key: string;
  readonly title: string;
  /** The plain value: the cell's text unless `render` is given, and the CSV value unless `csv` is. */
  readonly value?: (row: Row) => CsvValue;
  /** A rich cell (links, tags, buttons). */
  readonly render?: (row: Row) => ReactNode;
  /** The exported value when it differs from `value`; `false` leaves the column out of the export. */
  readonly csv?: false | ((row: Row) => CsvValue);
  /** Money in integer fen: the export writes it as a number of 元 and sums it in a totals row (issue 15). */
  readonly fen?: (row: Row) => number | null | undefined;
  readonly width?: number | string;
  readonly align?: 'left' | 'right' | 'center';
  readonly ellipsis?: boolean;
}

/** Money in integer fen: shown `1,234.56 元`, exported as `1234.56`. */
export function moneyColumn<Row>(key: string, title: string, fen: (row: Row) => number | null | undefined): DataColumn<Row> {
  return {
    key,
    title,
    align: 'right',
    render: (row) => <Money fen={fen(row)} />,
    csv: (row) => fenToYuanDecimal(fen(row)),
    fen,
  };
}

/** An ISO instant: shown and exported as `YYYY-MM-DD HH:mm` in Asia/Shanghai. */
export function dateTimeColumn<Row>(key: string, title: string, instant: (row: Row) => string | null | undefined): DataColumn<Row> {
  return {
    key,
    title,
    width: 150,
    render: (row) => <DateTime value={instant(row)} />,
    csv: (row) => formatInstant(instant(row)),
  };
}

/** The CSV value of a cell: `csv`, else `value`; columns with neither are not exported. */
export function csvValueOf<Row>(column: DataColumn<Row>, row: Row): CsvValue {
  if (column.csv) return column.csv(row);
  return column.value?.(row);
}

export function isExported<Row>(column: DataColumn<Row>): boolean {
  return column.csv !== false && (column.csv !== undefined || column.value !== undefined);
}
