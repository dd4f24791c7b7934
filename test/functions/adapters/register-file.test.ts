import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ValidationFailed } from '../../../domain/kernel/errors.js';
import { csvRecords } from '../../../functions/adapters/register-file/csv-records.js';
import { readRegisterFile } from '../../../functions/adapters/register-file/register-file.js';

const utf8 = (text: string) => Buffer.from(text, 'utf8');

describe('csvRecords', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, CRLF or LF, numbering rows by their first line', () => {
    expect(csvRecords('\uFEFFa,b\r\n"x, y","say ""hi"""\n"two\nlines",z\n\nlast,')).toEqual([
      { row: 1, cells: ['a', 'b'] },
      { row: 2, cells: ['x, y', 'say "hi"'] },
      { row: 3, cells: ['two\nlines', 'z'] },
      { row: 5, cells: [''] },
      { row: 6, cells: ['last', ''] },
    ]);
  });

  it('REG-1 refuses a quote left open, naming in Chinese where it opened', () => {
    expect(() => csvRecords('a,b\r\n1,"open\r\n2,3\r\n')).toThrow(ValidationFailed);
    expect(() => csvRecords('a,b\r\n1,"open')).toThrow(/第 2 行的引号没有闭合/);
  });
});

describe('readRegisterFile', () => {
  it('reads a UTF-8 CSV by its extension', async () => {
    const file = await readRegisterFile('企业底数.CSV', utf8('uscc,name\r\n91140902100000008A,忻府昌华商贸股份有限公司\r\n'));
    expect(file).toEqual({ format: 'CSV', records: [{ row: 1, cells: ['uscc', 'name'] }, { row: 2, cells: ['91140902100000008A', '忻府昌华商贸股份有限公司'] }] });
  });

  it('REG-1 refuses a CSV that is not UTF-8 (GBK, as Excel saves it by default in China), saying so in Chinese, rather than garble the names', async () => {
    const gbk = Buffer.from([0x75, 0x73, 0x63, 0x63, 0x0d, 0x0a, 0xd0, 0xc3, 0xb8, 0xae]); // "uscc\r\n忻府" in GBK
    await expect(readRegisterFile('a.csv', gbk)).rejects.toThrow(/不是 UTF-8 编码/);
  });

  it('refuses a file whose content is not what its name says', async () => {
    await expect(readRegisterFile('a.xlsx', utf8('uscc,name\r\n'))).rejects.toThrow(/内容不是 XLSX 工作簿/);
    await expect(readRegisterFile('a.xlsx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).rejects.toThrow(/无法读取该 XLSX 工作簿/);
    await expect(readRegisterFile('a.txt', utf8('x'))).rejects.toThrow(ValidationFailed);
  });

  it('reads the first sheet of an XLSX: numbers as written, text cells as text, sheet row numbers kept', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('企业底数');
    workbook.addWorksheet('说明').addRow(['not read']);
    sheet.addRow(['uscc', 'staff', 'revenueWan', 'name']);
    sheet.addRow(['91140902100000008A', 825, 1111.5, { richText: [{ text: '忻府' }, { text: '昌华' }] }]);
    sheet.addRow([]);
    sheet.addRow(['91140902100079190P', 254, 1175, '忻府忻达煤业有限责任公司']);
    const file = await readRegisterFile('a.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(file).toEqual({
      format: 'XLSX',
      records: [
        { row: 1, cells: ['uscc', 'staff', 'revenueWan', 'name'] },
        { row: 2, cells: ['91140902100000008A', '825', '1111.5', '忻府昌华'] },
        { row: 4, cells: ['91140902100079190P', '254', '1175', '忻府忻达煤业有限责任公司'] },
      ],
    });
  });
});
