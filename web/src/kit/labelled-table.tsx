import type { TableHTMLAttributes } from 'react';

type TableElement = (props: TableHTMLAttributes<HTMLTableElement>) => React.JSX.Element;
const byLabel = new Map<string, TableElement>();

/**
 * For antd `<Table components={{ table: labelledTable(name) }}>`: the `<table>` with an accessible name. One
 * component per name, kept, so a re-render does not remount the table.
 */
export function labelledTable(label: string): TableElement {
  let element = byLabel.get(label);
  if (!element) {
    element = (props) => <table {...props} aria-label={label} />;
    byLabel.set(label, element);
  }
  return element;
}
