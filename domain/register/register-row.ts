import { isXinzhouArea } from '../kernel/area.js';
import { classifyEnterpriseSize, type EnterpriseSize } from '../kernel/enterprise-size.js';
import { ENTERPRISE_NAME_MAX_LENGTH, SIZE_OVERRIDE_REASON_MAX_LENGTH } from './register-entry.js';
import type { RegisterActor, RegisterEntry, RegisterEntryInput } from './register-entry.js';
import { resolveSize } from './register-entry.rules.js';
import { registerRowSchema } from './register-entry.schema.js';
import { usccCheckCharacter } from '../kernel/uscc.js';
import {
  choiceCodeOf,
  cleanCode,
  cleanText,
  labelOf,
  registerColumn,
  registerColumnKeyOf,
  REGISTER_FILE_COLUMNS,
  SIZE_CHOICES,
  type RegisterColumnKey,
} from './register-columns.js';
import { headerMessage, IMPORT_TEXTS, rowMessage } from './register-import-messages.js';

/** REG-1: the columns every register file has (any order); their headers are in register-columns.ts. */
export const REGISTER_COLUMNS = REGISTER_FILE_COLUMNS.filter((column) => column.required).map((column) => column.key);
/** SCOPE-4: 企业规模 (derived when blank or absent) and 规模调整理由 (for an override) may be left out; the seed register has no reason column. */
export const OPTIONAL_REGISTER_COLUMNS = REGISTER_FILE_COLUMNS.filter((column) => !column.required).map((column) => column.key);
type Column = RegisterColumnKey;

/** How far down a sheet its header is looked for, under a title or a note. */
const HEADER_SEARCH_ROWS = 5;

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

/** A problem of one cell: its Chinese message names the row, the column's header and the rule. */
const cellProblem = (row: number, field: Column, text: string, rule: string = registerColumn(field).rule): RowProblem => ({
  row,
  field,
  message: rowMessage(row, field, text, rule),
  rule,
});
/** A problem of the header (`field`: the column key, or the unknown header as written). */
const headerProblem = (row: number, field: string, text: string): RowProblem => ({ row, field, message: headerMessage(row, text), rule: 'REG-1' });
/** A problem of the file as a whole, placed at `row`. */
const fileProblem = (row: number, text: string): RowProblem => ({ row, field: 'file', message: `第 ${row} 行：${text}（REG-1）`, rule: 'REG-1' });

/**
 * REG-1 (issue 15): the rows of a register file from its records, the first being the header. Each header
 * cell names a column of register-columns.ts by its Chinese header (统一社会信用代码 …, what the template and the
 * export write), a common alias (营业收入, 所属区县 …) or its code key (uscc …), in any order, each once; every
 * required column must be there, so a file whose columns are shifted or misspelt is refused as a whole rather
 * than read wrongly. Blank rows are skipped; cells are trimmed, because a stray space copied from another sheet
 * is not a different value.
 *
 * @example
 * registerRowsOf([{ row: 1, cells: ['统一社会信用代码', '企业名称', '行业', '区县', '从业人员', '营业收入（万元）', '企业规模'] },
 *   { row: 2, cells: ['91140902100000008A', '忻府昌华商贸股份有限公司', '其他', '忻府区', '825', '1111', '小型'] }]);
 * // { rows: [{ row: 2, cells: { uscc: '91140902100000008A', industry: '其他', … } }], problems: [] }
 */
export function registerRowsOf(records: readonly TableRecord[]): { rows: NumberedRegisterRow[]; problems: RowProblem[] } {
  // A sheet may carry a title or a note above its header (忻州市企业底数 …): the header is the first of the
  // first rows that names three columns or more; without one, the first row, so that its problems are told.
  const titled = records.slice(0, HEADER_SEARCH_ROWS).findIndex((record) => record.cells.filter((cell) => registerColumnKeyOf(cell) !== undefined).length >= 3);
  const [header, ...data] = titled > 0 ? records.slice(titled) : records;
  if (header === undefined) return { rows: [], problems: [headerProblem(1, 'header', IMPORT_TEXTS.emptyFile)] };
  const problems: RowProblem[] = [];
  const indexOf = new Map<Column, number>();
  header.cells.forEach((cell, index) => {
    const name = cleanText(cell);
    if (name === '') return;
    const key = registerColumnKeyOf(name);
    if (key === undefined) problems.push(headerProblem(header.row, name, IMPORT_TEXTS.unknownColumn(name)));
    else if (indexOf.has(key)) problems.push(headerProblem(header.row, key, IMPORT_TEXTS.duplicateColumn(name)));
    else indexOf.set(key, index);
  });
  for (const column of REGISTER_COLUMNS) {
    if (!indexOf.has(column)) problems.push(headerProblem(header.row, column, IMPORT_TEXTS.missingColumn(column)));
  }
  if (problems.length > 0) return { rows: [], problems };

  const cell = (record: TableRecord, column: Column): string => {
    const index = indexOf.get(column);
    return index === undefined ? '' : cleanText(record.cells[index] ?? '');
  };
  const rows: NumberedRegisterRow[] = [];
  for (const record of data) {
    if (record.cells.every((value) => cleanText(value) === '')) continue;
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
  if (rows.length === 0) return { rows, problems: [fileProblem(header.row + 1, IMPORT_TEXTS.noRows)] };
  const beyond = rows[MAX_IMPORT_ROWS];
  if (beyond !== undefined) return { rows: [], problems: [fileProblem(beyond.row, IMPORT_TEXTS.tooManyRows(MAX_IMPORT_ROWS))] };
  return { rows, problems: [] };
}

/**
 * A whole number as a spreadsheet shows it — plainly (825), with full-width digits (８２５) or with thousands
 * separators as the console displays it (1,175) — or the text itself so that the schema reports it.
 */
const wholeNumberCell = (text: string): number | string | undefined => {
  const plain = cleanCode(text);
  if (plain === '') return undefined;
  const digits = /^\d{1,3}(,\d{3})+$/.test(plain) ? plain.replace(/,/g, '') : plain;
  return /^\d{1,15}$/.test(digits) ? Number(digits) : text;
};

/** An enumerated cell as its code (煤矿 → COAL_MINE, 忻府区 → 140902, 大型 → LARGE), or as written when it is none. */
const choiceCell = (key: Column, text: string): string => choiceCodeOf(key, text) ?? text;

const USCC_SHAPE = /^[0-9A-HJ-NP-RT-UW-Y]{18}$/;

/** The Chinese text for what the schema found wrong with `field` of `row` (the row's cells as written). */
function cellText(field: Column, row: RegisterRow, uscc: string): string {
  switch (field) {
    case 'uscc':
      if (uscc === '') return IMPORT_TEXTS.usccMissing;
      if (!USCC_SHAPE.test(uscc)) return IMPORT_TEXTS.usccShape;
      return IMPORT_TEXTS.usccCheck(uscc.charAt(17), usccCheckCharacter(uscc.slice(0, 17)));
    case 'name':
      return row.name === '' ? IMPORT_TEXTS.nameMissing : IMPORT_TEXTS.tooLong(ENTERPRISE_NAME_MAX_LENGTH);
    case 'industry':
    case 'county':
    case 'size':
      return IMPORT_TEXTS.choiceUnknown(field, row[field]);
    case 'staff':
      return IMPORT_TEXTS.wholeNumber(row.staff, '（人）');
    case 'revenueWan':
      return IMPORT_TEXTS.wholeNumber(row.revenueWan, '（万元）');
    case 'sizeOverrideReason':
      return cleanText(row.sizeOverrideReason ?? '') === '' ? IMPORT_TEXTS.reasonEmpty : IMPORT_TEXTS.tooLong(SIZE_OVERRIDE_REASON_MAX_LENGTH);
  }
}

/** SCOPE-4: the size stated differs from the derived one and no reason says why. */
const sizeProblem = (rowNumber: number, stated: EnterpriseSize, figures: { staff: number; revenueWan: number }): RowProblem =>
  cellProblem(
    rowNumber,
    'sizeOverrideReason',
    IMPORT_TEXTS.sizeNeedsReason(labelOf(SIZE_CHOICES, stated), labelOf(SIZE_CHOICES, classifyEnterpriseSize(figures)), figures.staff, figures.revenueWan),
  );

/**
 * One row checked on its own: its problems and, when it has none, what it registers. Enumerated cells are read
 * as labels or codes, numbers and the USCC without full-width forms or stray spaces (register-columns.ts).
 * Shared by {@link validateRegisterRow} and {@link validateRegisterFile}.
 */
export function checkRegisterRow(row: RegisterRow, rowNumber: number): { input?: RegisterEntryInput; problems: RowProblem[] } {
  const uscc = cleanCode(row.uscc).toUpperCase();
  const size = row.size === '' ? undefined : choiceCell('size', row.size);
  const result = registerRowSchema.safeParse({
    uscc,
    name: row.name,
    industry: choiceCell('industry', row.industry),
    county: choiceCell('county', row.county),
    staff: wholeNumberCell(row.staff),
    revenueWan: wholeNumberCell(row.revenueWan),
    size,
    sizeOverrideReason: row.sizeOverrideReason === '' ? undefined : row.sizeOverrideReason,
  });
  if (!result.success) {
    const fields = new Set<Column>();
    for (const issue of result.error.issues) {
      const field = issue.path[0];
      if (typeof field === 'string' && registerColumnKeyOf(field) === field) fields.add(field as Column);
    }
    const problems = [...fields].map((field) => cellProblem(rowNumber, field, cellText(field, row, uscc)));
    // The size override can still be judged when the fields it depends on are fine.
    const sizeFields: readonly Column[] = ['staff', 'revenueWan', 'size', 'sizeOverrideReason'];
    if (!sizeFields.some((field) => fields.has(field))) {
      const figures = { staff: Number(wholeNumberCell(row.staff)), revenueWan: Number(wholeNumberCell(row.revenueWan)) };
      const stated = size as EnterpriseSize | undefined; // no problem with `size`: a valid class
      if ('problem' in resolveSize(figures, stated, row.sizeOverrideReason) && stated !== undefined) problems.push(sizeProblem(rowNumber, stated, figures));
    }
    return { problems };
  }
  const { size: stated, sizeOverrideReason, ...fields } = result.data;
  const resolved = resolveSize(fields, stated, sizeOverrideReason);
  if ('problem' in resolved) return { problems: [sizeProblem(rowNumber, stated as EnterpriseSize, fields)] };
  return { input: { ...fields, ...resolved }, problems: [] };
}

/**
 * REG-1: everything wrong with one row of a register file, each problem naming the row, the column (its
 * Chinese header) and the rule: UW-2 (USCC check character), SCOPE-1 (industry), SCOPE-5 (county), SCOPE-4
 * (staff and revenue are whole non-negative numbers; a size other than the derived one needs a reason), REG-1
 * (a name). Pure.
 *
 * @example
 * validateRegisterRow({ uscc: '91140902100000008B', name: '某公司', industry: '煤', county: '忻府区',
 *   staff: '-3', revenueWan: '10', size: '' }, 7);
 * // [{ row: 7, field: 'uscc', rule: 'UW-2', message: '第 7 行「统一社会信用代码」：校验位错误：…（UW-2）' },
 * //  { row: 7, field: 'industry', rule: 'SCOPE-1', … }, { row: 7, field: 'staff', rule: 'SCOPE-4', … }]
 */
export function validateRegisterRow(row: RegisterRow, rowNumber: number): RowProblem[] {
  return checkRegisterRow(row, rowNumber).problems;
}

/**
 * ACL-4 for an import: the problem of a row a county EMB may not write — a row of another county, or (with the
 * enterprise's `current` entry) an enterprise registered in another county — or `undefined`.
 */
export function countyScopeRowProblem(
  rowNumber: number,
  actor: Pick<RegisterActor, 'county'>,
  county: string,
  current: Pick<RegisterEntry, 'county'> | undefined,
): RowProblem | undefined {
  if (actor.county === undefined) return undefined;
  if (county !== actor.county) return cellProblem(rowNumber, 'county', IMPORT_TEXTS.otherCounty(actor.county, county), 'ACL-4');
  if (current !== undefined && current.county !== actor.county) {
    return cellProblem(rowNumber, 'county', IMPORT_TEXTS.registeredElsewhere(current.county), 'ACL-4');
  }
  return undefined;
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
    const uscc = cleanCode(cells.uscc).toUpperCase();
    if (uscc !== '') {
      const first = firstRowOf.get(uscc);
      if (first === undefined) firstRowOf.set(uscc, row);
      else problems.push(cellProblem(row, 'uscc', IMPORT_TEXTS.usccTwice(first), 'REG-1'));
    }
    // ACL-4 is judged on the county cell alone, so a row of another county says so even when it has other problems.
    const county = choiceCell('county', cells.county);
    const outside = isXinzhouArea(county) ? countyScopeRowProblem(row, actor, county, undefined) : undefined;
    if (outside !== undefined) problems.push(outside);
    else if (checked.input !== undefined) inputs.push({ row, input: checked.input });
  }
  return { inputs, problems };
}
