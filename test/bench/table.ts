/** A cell is text; numbers are formatted by the caller so each column says its own unit and precision. */
export type Row = readonly string[];

/**
 * A GitHub-flavoured Markdown table, padded so it also reads well in a terminal. Columns whose header
 * ends in a unit or is numeric-looking are right-aligned when `numeric` names them.
 */
export function markdownTable(headers: readonly string[], rows: readonly Row[], numeric: readonly number[] = []): string {
  const widths = headers.map((header, column) =>
    Math.max(3, header.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const cell = (text: string, column: number) =>
    numeric.includes(column) ? text.padStart(widths[column] ?? 0) : text.padEnd(widths[column] ?? 0);
  const line = (cells: readonly string[]) => `| ${cells.map((text, column) => cell(text, column)).join(' | ')} |`;
  const rule = `| ${widths.map((width, column) => (numeric.includes(column) ? `${'-'.repeat(width - 1)}:` : '-'.repeat(width))).join(' | ')} |`;
  return [line(headers), rule, ...rows.map((row) => line(headers.map((_, column) => row[column] ?? '')))].join('\n');
}

export const ms = (value: number): string => (value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2));
export const ratio = (value: number): string => `${value.toFixed(2)}×`;
export const kib = (bytes: number): string => (bytes / 1024).toFixed(1);
export const mib = (bytes: number): string => (bytes / (1024 * 1024)).toFixed(0);

/** Met, missed, or too close to call given the noise of the measurement (`undefined`). */
export type Outcome = boolean | undefined;

/** ✓, ✗ or ? beside a target, so a pasted table reads at a glance. */
export const verdict = (met: Outcome): string => (met === undefined ? '? within noise' : met ? '✓ met' : '✗ missed');
