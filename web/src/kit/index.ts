/** The shared table/form kit of the console; see web/README.md. */
export { DataTable, type DataTableProps, type DataTablePageRequest } from './DataTable';
export { dateTimeColumn, moneyColumn, type DataColumn } from './data-column';
export type { FilterField } from './filter-field';
export { useApiForm, type ApiForm, type ApiFormOptions, type FormFailure } from './useApiForm';
export { FormFailureAlert } from './FormFailureAlert';
export { Money, DateTime, fenToYuanDecimal } from './format-cells';
export { useUrlFilters, useUrlPageSize, type FilterValues } from './useUrlFilters';
export { toCsv, downloadCsv, type CsvValue } from './csv';
export { describeApiError } from './describeApiError';
export { mapFieldIssues, fieldPathOf } from './field-issues';
export { PageHeading } from './PageHeading';
export { describeFieldIssue, ruleText } from './rule-message';
export * from './decimal';
export { labelledTable } from './labelled-table';
export { useDocumentTitle } from './useDocumentTitle';
export { useInvalidate } from './useInvalidate';
export { SectionCard, SectionTitle } from './SectionCard';
export { decimalRule } from './form-rules';
