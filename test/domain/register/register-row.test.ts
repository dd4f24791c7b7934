import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { usccCheckCharacter } from '../../../domain/kernel/uscc.js';
import {
  MAX_IMPORT_ROWS,
  registerRowsOf,
  validateRegisterFile,
  validateRegisterRow,
  type NumberedRegisterRow,
  type RegisterRow,
} from '../../../domain/register/register-row.js';
import { readEnterpriseRegister } from '../kernel/enterprise-register.js';
import { SEED_ROW } from './fixtures.js';

const HEADER = { row: 1, cells: ['uscc', 'name', 'industry', 'county', 'staff', 'revenueWan', 'size'] };
const rowsOf = (...rows: RegisterRow[]): NumberedRegisterRow[] => rows.map((cells, index) => ({ row: index + 2, cells }));
const fieldsAndRules = (problems: readonly { field: string; rule: string }[]) => problems.map(({ field, rule }) => ({ field, rule }));

describe('validateRegisterRow', () => {
  it('REG-1 accepts a row of the seed register as it is', () => {
    expect(validateRegisterRow(SEED_ROW, 2)).toEqual([]);
  });

  it('UW-2 refuses a USCC with a wrong check character, naming the row and the field', () => {
    const problems = validateRegisterRow({ ...SEED_ROW, uscc: '91140902100000008B' }, 17);
    expect(problems).toEqual([
      { row: 17, field: 'uscc', rule: 'UW-2', message: '第 17 行「统一社会信用代码」：校验位错误：按前 17 位应为 A，文件中为 B（UW-2）' },
    ]);
  });

  it('UW-2 refuses a missing USCC and one of the wrong shape', () => {
    expect(fieldsAndRules(validateRegisterRow({ ...SEED_ROW, uscc: '' }, 2))).toEqual([{ field: 'uscc', rule: 'UW-2' }]);
    expect(fieldsAndRules(validateRegisterRow({ ...SEED_ROW, uscc: '91140902I0000008A' }, 2))).toEqual([{ field: 'uscc', rule: 'UW-2' }]);
  });

  it('UW-2 catches every single-character change of a valid USCC (property)', () => {
    const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    fc.assert(
      fc.property(fc.nat(17), fc.nat(30), (position, letter) => {
        const replacement = alphabet.charAt(letter);
        fc.pre(SEED_ROW.uscc.charAt(position) !== replacement);
        const uscc = SEED_ROW.uscc.slice(0, position) + replacement + SEED_ROW.uscc.slice(position + 1);
        expect(fieldsAndRules(validateRegisterRow({ ...SEED_ROW, uscc }, 2))).toEqual([{ field: 'uscc', rule: 'UW-2' }]);
      }),
    );
  });

  it('SCOPE-1 refuses an industry outside the notice’s list, in Chinese listing the labels', () => {
    expect(validateRegisterRow({ ...SEED_ROW, industry: 'COAL' }, 3)).toEqual([
      { row: 3, field: 'industry', rule: 'SCOPE-1', message: expect.stringMatching(/^第 3 行「行业」：「COAL」无法识别，应为以下之一：煤矿、非煤矿山、.*（SCOPE-1）$/) },
    ]);
    expect(fieldsAndRules(validateRegisterRow({ ...SEED_ROW, industry: '煤' }, 3))).toEqual([{ field: 'industry', rule: 'SCOPE-1' }]);
  });

  it('SCOPE-5 refuses a county outside Xinzhou and accepts the two management areas', () => {
    expect(fieldsAndRules(validateRegisterRow({ ...SEED_ROW, county: '140900' }, 4))).toEqual([{ field: 'county', rule: 'SCOPE-5' }]);
    expect(fieldsAndRules(validateRegisterRow({ ...SEED_ROW, county: '' }, 4))).toEqual([{ field: 'county', rule: 'SCOPE-5' }]);
    expect(validateRegisterRow({ ...SEED_ROW, county: '140971' }, 4)).toEqual([]);
    expect(validateRegisterRow({ ...SEED_ROW, county: 'XZ-EDZ' }, 4)).toEqual([]);
  });

  it.each([['-1'], ['8.5'], ['八百'], ['1e3'], ['']])('SCOPE-4 refuses staff %j: a whole number, 0 or more', (staff) => {
    expect(fieldsAndRules(validateRegisterRow({ ...SEED_ROW, staff }, 5))).toEqual([{ field: 'staff', rule: 'SCOPE-4' }]);
  });

  it('SCOPE-4 refuses revenue that is not a whole number of 万元, and accepts 0', () => {
    expect(fieldsAndRules(validateRegisterRow({ ...SEED_ROW, revenueWan: '1,11' }, 5))).toEqual([{ field: 'revenueWan', rule: 'SCOPE-4' }]);
    expect(fieldsAndRules(validateRegisterRow({ ...SEED_ROW, revenueWan: '1111.5' }, 5))).toEqual([{ field: 'revenueWan', rule: 'SCOPE-4' }]);
    expect(validateRegisterRow({ ...SEED_ROW, staff: '0', revenueWan: '0', size: 'MICRO' }, 5)).toEqual([]);
  });

  it('SCOPE-4 derives the size when the column is empty, and refuses an unknown size class', () => {
    expect(validateRegisterRow({ ...SEED_ROW, size: '' }, 6)).toEqual([]);
    expect(fieldsAndRules(validateRegisterRow({ ...SEED_ROW, size: 'HUGE' }, 6))).toEqual([{ field: 'size', rule: 'SCOPE-4' }]);
  });

  it('SCOPE-4 needs a reason for a size other than the derived one', () => {
    expect(validateRegisterRow({ ...SEED_ROW, size: 'MEDIUM' }, 7)).toEqual([
      {
        row: 7,
        field: 'sizeOverrideReason',
        rule: 'SCOPE-4',
        message: '第 7 行「规模调整理由」：企业规模填为中型，按从业人员 825 人、营业收入 1111 万元测算为小型；与测算不同时须在「规模调整理由」列说明理由（SCOPE-4）',
      },
    ]);
    expect(validateRegisterRow({ ...SEED_ROW, size: 'MEDIUM', sizeOverrideReason: '集团统一核定' }, 7)).toEqual([]);
  });

  it('SCOPE-4 judges the override even when another field of the row is wrong', () => {
    expect(fieldsAndRules(validateRegisterRow({ ...SEED_ROW, uscc: '91140902100000008B', size: 'LARGE' }, 8))).toEqual([
      { field: 'uscc', rule: 'UW-2' },
      { field: 'sizeOverrideReason', rule: 'SCOPE-4' },
    ]);
  });

  it('REG-1 needs a name, and reports every problem of a row at once', () => {
    expect(fieldsAndRules(validateRegisterRow({ ...SEED_ROW, name: '' }, 9))).toEqual([{ field: 'name', rule: 'REG-1' }]);
    const all = validateRegisterRow({ uscc: 'x', name: '', industry: 'x', county: 'x', staff: 'x', revenueWan: 'x', size: 'x' }, 9);
    expect(new Set(all.map((problem) => problem.field))).toEqual(
      new Set(['uscc', 'name', 'industry', 'county', 'staff', 'revenueWan', 'size']),
    );
    expect(all.every((problem) => problem.row === 9 && /^[A-Z]+-\d+$/.test(problem.rule))).toBe(true);
  });
});

describe('validateRegisterFile', () => {
  it('REG-1 accepts all 5,000 rows of the seed register', () => {
    const rows = readEnterpriseRegister().map((row, index) => ({
      row: index + 2,
      cells: { ...row, staff: String(row.staff), revenueWan: String(row.revenueWan) },
    }));
    const { inputs, problems } = validateRegisterFile(rows);
    expect(problems).toEqual([]);
    expect(inputs).toHaveLength(5000);
  });

  it('REG-1 flags a USCC the file already registers, on the later row', () => {
    const { problems } = validateRegisterFile(rowsOf(SEED_ROW, { ...SEED_ROW, name: '另一名称' }, SEED_ROW));
    expect(problems).toEqual([
      { row: 3, field: 'uscc', rule: 'REG-1', message: '第 3 行「统一社会信用代码」：与第 2 行重复，同一企业只能登记一次（REG-1）' },
      { row: 4, field: 'uscc', rule: 'REG-1', message: '第 4 行「统一社会信用代码」：与第 2 行重复，同一企业只能登记一次（REG-1）' },
    ]);
  });

  it('ACL-4 lets a county EMB’s file hold its own county’s rows only, whatever else is wrong with a row', () => {
    const other = `91140981100000001${usccCheckCharacter('91140981100000001')}`;
    const { inputs, problems } = validateRegisterFile(
      rowsOf(SEED_ROW, { ...SEED_ROW, uscc: other, county: '140981' }, { ...SEED_ROW, uscc: '1', county: '140922' }),
      { county: '140902' },
    );
    expect(inputs.map((input) => input.row)).toEqual([2]);
    expect(fieldsAndRules(problems)).toEqual([
      { field: 'county', rule: 'ACL-4' },
      { field: 'uscc', rule: 'UW-2' },
      { field: 'county', rule: 'ACL-4' },
    ]);
    expect(validateRegisterFile(rowsOf({ ...SEED_ROW, county: '140981' })).problems).toEqual([]);
  });
});

describe('registerRowsOf', () => {
  it('REG-1 reads a header in any order, with the optional sizeOverrideReason, skipping blank rows', () => {
    const { rows, problems } = registerRowsOf([
      { row: 1, cells: ['\uFEFFsize', 'county', 'uscc', 'name', 'industry', 'staff', 'revenueWan', 'sizeOverrideReason'] },
      { row: 2, cells: [' MEDIUM ', '140902', SEED_ROW.uscc, SEED_ROW.name, 'OTHER', '825', '1111', '集团核定'] },
      { row: 3, cells: ['', '', '', '', '', '', '', ''] },
    ]);
    expect(problems).toEqual([]);
    expect(rows).toEqual([{ row: 2, cells: { ...SEED_ROW, size: 'MEDIUM', sizeOverrideReason: '集团核定' } }]);
  });

  it('REG-1 refuses a header with a missing, unknown or repeated column, as row 1', () => {
    const { rows, problems } = registerRowsOf([
      { row: 1, cells: ['uscc', 'name', 'industry', 'county', 'staff', 'revenue', 'size', 'size'] },
      { row: 2, cells: [SEED_ROW.uscc] },
    ]);
    expect(rows).toEqual([]);
    expect(problems.map(({ row, field, rule }) => ({ row, field, rule }))).toEqual([
      { row: 1, field: 'revenue', rule: 'REG-1' },
      { row: 1, field: 'size', rule: 'REG-1' },
      { row: 1, field: 'revenueWan', rule: 'REG-1' },
    ]);
  });

  it('REG-1 refuses an empty file, a file with a header only, and more rows than one import takes', () => {
    expect(registerRowsOf([]).problems[0]).toMatchObject({ row: 1, field: 'header', rule: 'REG-1' });
    expect(registerRowsOf([HEADER]).problems[0]).toMatchObject({ row: 2, field: 'file', rule: 'REG-1' });
    const many = Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, index) => ({ row: index + 2, cells: ['x'] }));
    expect(registerRowsOf([HEADER, ...many]).problems).toEqual([
      expect.objectContaining({ row: MAX_IMPORT_ROWS + 2, field: 'file', rule: 'REG-1' }),
    ]);
  });
});
