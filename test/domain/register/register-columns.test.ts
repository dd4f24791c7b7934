import { describe, expect, it } from 'vitest';
import {
  choiceCodeOf,
  REGISTER_FILE_COLUMNS,
  REGISTER_FILE_HEADERS,
  REGISTER_TEMPLATE_EXAMPLE,
  registerColumnKeyOf,
  registerFileRow,
} from '../../../domain/register/register-columns.js';
import { registerRowsOf, validateRegisterFile, type NumberedRegisterRow } from '../../../domain/register/register-row.js';
import { ImportRejected } from '../../../domain/register/import-rejected.js';
import { readEnterpriseRegister } from '../kernel/enterprise-register.js';
import { entryOf, INPUT } from './fixtures.js';

const CHINESE_HEADER = { row: 1, cells: ['统一社会信用代码', '企业名称', '行业', '区县', '从业人员', '营业收入（万元）', '企业规模'] };

/** Rows of a file through the parser and the row checks, as the import runs them. */
function parse(...records: { row: number; cells: string[] }[]) {
  const table = registerRowsOf(records);
  if (table.problems.length > 0) return { inputs: [], problems: table.problems };
  return validateRegisterFile(table.rows as NumberedRegisterRow[]);
}

describe('the register file columns (REG-1, issue 15)', () => {
  it('REG-1 reads a file with Chinese headers and Chinese labels for industry, county and size', () => {
    const { inputs, problems } = parse(CHINESE_HEADER, {
      row: 2,
      cells: ['91140902100079190P', '忻府忻达煤业有限责任公司', '煤矿', '忻府区', '254', '1175', '小型'],
    });
    expect(problems).toEqual([]);
    expect(inputs).toEqual([{ row: 2, input: INPUT }]);
  });

  it('REG-1 reads code headers with codes, and any mix of the two, in any order (SCOPE-1, SCOPE-4, SCOPE-5)', () => {
    const { inputs, problems } = parse(
      { row: 1, cells: ['size', '区县', 'uscc', '企业名称', 'industry', '从业人员', 'revenueWan'] },
      { row: 2, cells: ['SMALL', '140902', '91140902100079190P', '忻府忻达煤业有限责任公司', '煤矿', '254', '1175'] },
      { row: 3, cells: ['大型', '原平市', '911409811000000012', '原平某化工有限公司', 'CHEMICAL', '1200', '45000'] },
    );
    expect(problems).toEqual([]);
    expect(inputs.map(({ input }) => [input.industry, input.county, input.size])).toEqual([
      ['COAL_MINE', '140902', 'SMALL'],
      ['CHEMICAL', '140981', 'LARGE'],
    ]);
  });

  it('REG-1 trims spaces and reads full-width codes, digits and brackets; a name keeps its full-width brackets', () => {
    const { inputs, problems } = parse(
      { row: 1, cells: [' 统一社会信用代码 ', '企业名称', '行业', '区县', '从业人员', '营业收入(万元)', '企业规模 '] },
      { row: 2, cells: ['\u3000９１１４０９０２１０００７９１９０Ｐ', ' 忻府忻达（集团）煤业有限责任公司\u3000', ' 煤 矿', '１４０９０２', '２５４', '1,175', '小型企业'] },
    );
    expect(problems).toEqual([]);
    expect(inputs[0]?.input).toEqual({ ...INPUT, name: '忻府忻达（集团）煤业有限责任公司' });
  });

  it('SCOPE-4 derives the size of a file without a 企业规模 column', () => {
    const { inputs, problems } = parse(
      { row: 1, cells: CHINESE_HEADER.cells.slice(0, 6) },
      { row: 2, cells: ['91140902100079190P', '忻府忻达煤业有限责任公司', '煤矿', '忻府区', '254', '1175'] },
    );
    expect(problems).toEqual([]);
    expect(inputs).toEqual([{ row: 2, input: INPUT }]);
  });

  it('REG-1 finds the header under a title row, as a sheet often has one', () => {
    const { inputs, problems } = parse(
      { row: 1, cells: ['忻州市企业底数（2026 年）'] },
      { row: 2, cells: CHINESE_HEADER.cells },
      { row: 3, cells: ['91140902100079190P', '忻府忻达煤业有限责任公司', '煤矿', '忻府区', '254', '1175', '小型'] },
    );
    expect(problems).toEqual([]);
    expect(inputs).toEqual([{ row: 3, input: INPUT }]);
  });

  it('REG-1 accepts the short forms people write: 忻府, 忻州市忻府区, 开发区, 危化品, coal_mine', () => {
    expect(choiceCodeOf('county', '忻府')).toBe('140902');
    expect(choiceCodeOf('county', '忻州市忻府区')).toBe('140902');
    expect(choiceCodeOf('county', '开发区')).toBe('XZ-EDZ');
    expect(choiceCodeOf('county', '五台山')).toBe('140971');
    expect(choiceCodeOf('county', '五台')).toBe('140922');
    expect(choiceCodeOf('industry', '危化品')).toBe('HAZCHEM');
    expect(choiceCodeOf('industry', 'coal_mine')).toBe('COAL_MINE');
    expect(choiceCodeOf('size', '微型')).toBe('MICRO');
    expect(choiceCodeOf('industry', '煤')).toBeUndefined();
  });

  it('REG-1 refuses an unknown column in Chinese, naming the column and the headers it expects', () => {
    const { problems } = parse(
      { row: 1, cells: ['统一社会信用代码X', '企业名称', '行业', '区县', '从业人员', '营业收入（万元）', '企业规模'] },
      { row: 2, cells: ['91140902100079190P'] },
    );
    expect(problems).toEqual([
      {
        row: 1,
        field: '统一社会信用代码X',
        rule: 'REG-1',
        message: expect.stringMatching(/^第 1 行（表头）：无法识别的列「统一社会信用代码X」；可用的列：统一社会信用代码、企业名称、.*（REG-1）$/),
      },
      { row: 1, field: 'uscc', rule: 'REG-1', message: expect.stringMatching(/^第 1 行（表头）：缺少「统一社会信用代码」列/) },
    ]);
    // The whole file's answer (400 IMPORT_REJECTED) says it in Chinese too.
    const refused = new ImportRejected(problems);
    expect(refused.status).toBe(400);
    expect(refused.message).toMatch(/^文件未导入，未写入任何数据：1 行共 2 处问题，第一处：第 1 行（表头）：无法识别的列「统一社会信用代码X」/);
  });

  it('REG-1 names every row problem in Chinese with the row, the Chinese header and the rule (UW-2, SCOPE-1, SCOPE-4, SCOPE-5)', () => {
    const { problems } = parse(CHINESE_HEADER, {
      row: 12,
      cells: ['91140902100079190Q', '忻府忻达煤业有限责任公司', '煤', '太原', '二百', '1175', '超大'],
    });
    expect(problems.map((problem) => problem.message)).toEqual([
      '第 12 行「统一社会信用代码」：校验位错误：按前 17 位应为 P，文件中为 Q（UW-2）',
      expect.stringMatching(/^第 12 行「行业」：「煤」无法识别，应为以下之一：煤矿、.*（SCOPE-1）$/),
      expect.stringMatching(/^第 12 行「区县」：「太原」无法识别，应为以下之一：忻府区、.*（SCOPE-5）$/),
      '第 12 行「从业人员」：「二百」不是不小于 0 的整数（人）（SCOPE-4）',
      '第 12 行「企业规模」：「超大」无法识别，应为以下之一：大型、中型、小型、微型（SCOPE-4）',
    ]);
    // No English word in any of them: the regulator reads Chinese (issue 15).
    for (const problem of problems) expect(problem.message.replace(/（[A-Z]+-\d+）$/, '')).not.toMatch(/[A-Za-z]{2,}/);
  });

  it('REG-1 reads its own export: every seed enterprise written as the export writes it imports as it was', () => {
    const seed = readEnterpriseRegister();
    const entries = seed.map((row) => entryOf({ ...row, industry: row.industry as never, county: row.county as never, size: row.size as never }));
    const records = [{ row: 1, cells: [...REGISTER_FILE_HEADERS] }, ...entries.map((entry, index) => ({ row: index + 2, cells: registerFileRow(entry).map(String) }))];
    expect(records[1]?.cells.slice(2, 4)).toEqual(['其他', '忻府区']);
    const { inputs, problems } = parse(...records);
    expect(problems).toEqual([]);
    expect(inputs.map(({ input }) => input)).toEqual(seed);
  });

  it('REG-1 template: headers, and an example row that imports as it is', () => {
    expect(REGISTER_FILE_COLUMNS.map((column) => column.key)).toEqual(['uscc', 'name', 'industry', 'county', 'staff', 'revenueWan', 'size', 'sizeOverrideReason']);
    expect(REGISTER_FILE_HEADERS.map((header) => registerColumnKeyOf(header))).toEqual(REGISTER_FILE_COLUMNS.map((column) => column.key));
    const { inputs, problems } = parse({ row: 1, cells: [...REGISTER_FILE_HEADERS] }, { row: 2, cells: REGISTER_TEMPLATE_EXAMPLE.map(String) });
    expect(problems).toEqual([]);
    expect(inputs[0]?.input).toEqual(INPUT);
  });
});
