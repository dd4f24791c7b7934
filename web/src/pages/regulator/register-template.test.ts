import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { INDUSTRY_NAMES_ZH } from '../../../../domain/kernel/industry';
import { registerRowsOf, validateRegisterFile } from '../../../../domain/register/register-row';
import { xlsxRecords } from '../../../../functions/adapters/register-file/xlsx-records';
import { registerTemplateXlsx } from './register-template';

describe('the register import template (REG-1, issue 15)', () => {
  it('REG-1 template: the Chinese headers of the export, an example row the import accepts, drop-down lists of labels', async () => {
    const bytes = Buffer.from(await registerTemplateXlsx());

    const records = await xlsxRecords(bytes);
    expect(records[0]?.cells).toEqual(['统一社会信用代码', '企业名称', '行业', '区县', '从业人员', '营业收入（万元）', '企业规模', '规模调整理由']);
    const table = registerRowsOf(records);
    expect(table.problems).toEqual([]);
    const { inputs, problems } = validateRegisterFile(table.rows);
    expect(problems).toEqual([]);
    expect(inputs.map(({ input }) => [input.industry, input.county, input.size])).toEqual([['COAL_MINE', '140902', 'SMALL']]);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(bytes).buffer);
    const sheet = workbook.worksheets[0];
    expect(sheet?.getCell('C2').dataValidation).toMatchObject({ type: 'list', formulae: [`"${Object.values(INDUSTRY_NAMES_ZH).join(',')}"`] });
    expect(sheet?.getCell('D5000').dataValidation?.formulae?.[0]).toMatch(/^"忻府区,定襄县,.*忻州经济开发区"$/);
    expect(sheet?.getCell('G10001').dataValidation?.formulae).toEqual(['"大型,中型,小型,微型"']);
    expect(sheet?.getCell('A2').numFmt).toBe('@');
  });
});
