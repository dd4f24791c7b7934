import { isXinzhouArea } from '../kernel/area.js';
import type { EnterpriseSize } from '../kernel/enterprise-size.js';
import { countyScopeProblem, resolveSize } from './register-entry.rules.js';
import type { RegisterActor, RegisterEntryInput } from './register-entry.js';
import { registerRowSchema } from './register-entry.schema.js';

/**
 * REG-1: the columns of a register file, in the order of the seed register
 * (`infra/local/seed/enterprises-xinzhou-5000.csv`). A file may order them differently; all must be there.
 */
export const REGISTER_COLUMNS = ['uscc', 'name', 'industry', 'county', 'staff', 'revenueWan', 'size'] as const;
/** SCOPE-4: a file that overrides sizes adds this column; the seed register has none. */
export const OPTIONAL_REGISTER_COLUMNS = ['sizeOverrideReason'] as const;
type Column = (typeof REGISTER_COLUMNS)[number] | (typeof OPTIONAL_REGISTER_COLUMNS)[number];

/** Most rows one file may hold: an import must finish inside one API request (about 30 s on AWS). */
export const MAX_IMPORT_ROWS = 10_000;

/** One data row of a register file, every cell as the text it shows (a spreadsheet's numbers included). */
export interface RegisterRow {
  readonly uscc: string;
  readonly name: string;
  readonly industry: string;
  readonly county: string;
  readonly staff: string;
  readonly revenueWan: string;
  readonly size: string;
  readonly sizeOverrideReason?: string;
}

/** A row and its number as the regulator sees it in the file: the header is row 1. */
export interface NumberedRegisterRow {
  readonly row: number;
  readonly cells: RegisterRow;
}

/** One thing wrong with one row of a file: the row, the column, why, and the rule it breaks. */
export interface RowProblem {
  readonly row: number;
  readonly field: string;
  readonly message: string;
  readonly rule: string;
}

/** A valid row, ready to be registered. */
export interface NumberedRegisterInput {
  readonly row: number;
  readonly input: RegisterEntryInput;
}

/** A file's cells before they are rows: one record per line of a CSV or row of a sheet. */
export interface TableRecord {
  readonly row: number;
  readonly cells: readonly string[];
}

const RULE_PREFIX = /^([A-Z]+-\d+):/;
const ruleOf = (message: string): string => RULE_PREFIX.exec(message)?.[1] ?? 'REG-1';
const problem = (row: number, field: string, message: string): RowProblem => ({ row, field, message, rule: ruleOf(message) });

/**
 * REG-1: the rows of a register file from its records, the first being the header. The header must name
 * every column of {@link REGISTER_COLUMNS} (any order, each once; `sizeOverrideReason` allowed), so a file
 * whose columns are shifted or misspelt is refused as a whole rather than read wrongly. Blank rows are skipped;
 * cells are trimmed, because a stray space copied from another sheet is not a different value.
 *
 * @example
 * registerRowsOf([{ row: 1, cells: ['uscc', 'name', 'industry', 'county', 'staff', 'revenueWan', 'size'] },
 *   { row: 2, cells: ['91140902100000008A', '忻府昌华商贸股份有限公司', 'OTHER', '140902', '825', '1111', 'SMALL'] }]);
 * // { rows: [{ row: 2, cells: { uscc: '91140902100000008A', … } }], problems: [] }
 */
export function registerRowsOf(records: readonly TableRecord[]): { rows: NumberedRegisterRow[]; problems: RowProblem[] } {
  const [header, ...data] = records;
  const expected = `expected the header ${REGISTER_COLUMNS.join(',')}`;
  if (header === undefined) return { rows: [], problems: [problem(1, 'header', `REG-1: the file is empty; ${expected}`)] };
  const names = header.cells.map((cell, index) => (index === 0 ? cell.replace(/^\uFEFF/, '') : cell).trim());
  const problems: RowProblem[] = [];
  const known: readonly string[] = [...REGISTER_COLUMNS, ...OPTIONAL_REGISTER_COLUMNS];
  const indexOf = new Map<Column, number>();
  names.forEach((name, index) => {
    if (name === '') return;
    if (!known.includes(name)) problems.push(problem(header.row, name, `REG-1: unknown column ${JSON.stringify(name)}; ${expected}`));
    else if (indexOf.has(name as Column)) problems.push(problem(header.row, name, `REG-1: column ${name} appears twice`));
    else indexOf.set(name as Column, index);
  });
  for (const column of REGISTER_COLUMNS) {
    if (!indexOf.has(column)) problems.push(problem(header.row, column, `REG-1: the header lacks the column ${column}; ${expected}`));
  }
  if (problems.length > 0) return { rows: [], problems };

  const cell = (record: TableRecord, column: Column): string => {
    const index = indexOf.get(column);
    return index === undefined ? '' : (record.cells[index] ?? '').trim();
  };
  const rows: NumberedRegisterRow[] = [];
  for (const record of data) {
    if (record.cells.every((value) => value.trim() === '')) continue;
    const reason = cell(record, 'sizeOverrideReason');
    rows.push({
      row: record.row,
      cells: {
        uscc: cell(record, 'uscc'),
        name: cell(record, 'name'),
        industry: cell(record, 'industry'),
        county: cell(record, 'county'),
        staff: cell(record, 'staff'),
        revenueWan: cell(record, 'revenueWan'),
        size: cell(record, 'size'),
        ...(reason === '' ? {} : { sizeOverrideReason: reason }),
      },
    });
  }
  if (rows.length === 0) return { rows, problems: [problem(header.row + 1, 'file', 'REG-1: the file has no rows under its header')] };
  const beyond = rows[MAX_IMPORT_ROWS];
  if (beyond !== undefined) {
    return { rows: [], problems: [problem(beyond.row, 'file', `REG-1: at most ${MAX_IMPORT_ROWS} rows per file; split the file`)] };
  }
  return { rows, problems: [] };
}

/** A whole number written plainly ('825'), or the text itself so that the schema reports it. */
const wholeNumberCell = (text: string): number | string | undefined =>
  text === '' ? undefined : /^\d{1,15}$/.test(text) ? Number(text) : text;

/**
 * One row checked on its own: its problems and, when it has none, what it registers. Shared by
 * {@link validateRegisterRow} and {@link validateRegisterFile}.
 */
export function checkRegisterRow(row: RegisterRow, rowNumber: number): { input?: RegisterEntryInput; problems: RowProblem[] } {
  const result = registerRowSchema.safeParse({
    uscc: row.uscc,
    name: row.name,
    industry: row.industry,
    county: row.county,
    staff: wholeNumberCell(row.staff),
    revenueWan: wholeNumberCell(row.revenueWan),
    size: row.size === '' ? undefined : row.size,
    sizeOverrideReason: row.sizeOverrideReason === '' ? undefined : row.sizeOverrideReason,
  });
  if (!result.success) {
    const problems = result.error.issues.map((issue) => problem(rowNumber, String(issue.path[0] ?? 'row'), issue.message));
    // The size override can still be judged when the fields it depends on are fine.
    const sizeFields = ['staff', 'revenueWan', 'size', 'sizeOverrideReason'];
    if (!problems.some((found) => sizeFields.includes(found.field))) {
      const staff = Number(row.staff);
      const revenueWan = Number(row.revenueWan);
      const stated = row.size === '' ? undefined : (row.size as EnterpriseSize); // no problem with `size`: a valid class
      const size = resolveSize({ staff, revenueWan }, stated, row.sizeOverrideReason);
      if ('problem' in size) problems.push(problem(rowNumber, 'sizeOverrideReason', size.problem));
    }
    return { problems };
  }
  const { size: stated, sizeOverrideReason, ...fields } = result.data;
  const size = resolveSize(fields, stated, sizeOverrideReason);
  if ('problem' in size) return { problems: [problem(rowNumber, 'sizeOverrideReason', size.problem)] };
  return { input: { ...fields, ...size }, problems: [] };
}

/**
 * REG-1: everything wrong with one row of a register file, each problem naming the row, the column and the
 * rule: UW-2 (USCC check character), SCOPE-1 (industry), SCOPE-5 (county), SCOPE-4 (staff and revenue are
 * whole non-negative numbers; a size other than the derived one needs a reason), REG-1 (a name). Pure.
 *
 * @example
 * validateRegisterRow({ uscc: '91140902100000008B', name: '某公司', industry: 'COAL', county: '140902',
 *   staff: '-3', revenueWan: '10', size: '' }, 7);
 * // [{ row: 7, field: 'uscc', rule: 'UW-2', … }, { row: 7, field: 'industry', rule: 'SCOPE-1', … },
 * //  { row: 7, field: 'staff', rule: 'SCOPE-4', … }]
 */
export function validateRegisterRow(row: RegisterRow, rowNumber: number): RowProblem[] {
  return checkRegisterRow(row, rowNumber).problems;
}

/**
 * REG-1: every row of a file checked before anything is written — each row on its own
 * ({@link validateRegisterRow}), a USCC that an earlier row already registers (REG-1: one entry per
 * enterprise, so the file would contradict itself), and, for a county EMB, a row of another county (ACL-4).
 * The import writes only when `problems` is empty.
 *
 * @example
 * const { inputs, problems } = validateRegisterFile(rows, { regulatorId: 'emb-county-140902', county: '140902' });
 */
export function validateRegisterFile(
  rows: readonly NumberedRegisterRow[],
  actor: Pick<RegisterActor, 'county'> = {},
): { inputs: NumberedRegisterInput[]; problems: RowProblem[] } {
  const inputs: NumberedRegisterInput[] = [];
  const problems: RowProblem[] = [];
  const firstRowOf = new Map<string, number>();
  for (const { row, cells } of rows) {
    const checked = checkRegisterRow(cells, row);
    problems.push(...checked.problems);
    if (cells.uscc !== '') {
      const first = firstRowOf.get(cells.uscc);
      if (first === undefined) firstRowOf.set(cells.uscc, row);
      else problems.push(problem(row, 'uscc', `REG-1: USCC ${cells.uscc} is already registered by row ${first} of this file`));
    }
    // ACL-4 is judged on the county cell alone, so a row of another county says so even when it has other problems.
    const outside = isXinzhouArea(cells.county) ? countyScopeProblem(actor, { county: cells.county }, undefined) : undefined;
    if (outside !== undefined) problems.push(problem(row, 'county', outside));
    else if (checked.input !== undefined) inputs.push({ row, input: checked.input });
  }
  return { inputs, problems };
}
