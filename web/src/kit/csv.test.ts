import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';

describe('toCsv', () => {
  it('starts with a UTF-8 BOM and ends lines with CRLF, so Excel opens Chinese text correctly', () => {
    expect(toCsv(['机构名称', '状态'], [['人保财险忻州分公司', '正常']])).toBe('\uFEFF机构名称,状态\r\n人保财险忻州分公司,正常\r\n');
  });

  it('quotes commas, quotes and line breaks', () => {
    expect(toCsv(['a'], [['x,y'], ['say "hi"'], ['two\nlines']])).toBe('\uFEFFa\r\n"x,y"\r\n"say ""hi"""\r\n"two\nlines"\r\n');
  });

  it('defuses cells that a spreadsheet would run as formulas, but keeps negative numbers', () => {
    expect(toCsv(['a'], [['=HYPERLINK("x")'], ['@SUM(1)'], ['-12.50'], [-3]])).toBe(
      '\uFEFFa\r\n"\'=HYPERLINK(""x"")"\r\n\'@SUM(1)\r\n-12.50\r\n-3\r\n',
    );
  });

  it('leaves empty cells for null and undefined', () => {
    expect(toCsv(['a', 'b', 'c'], [[null, undefined, false]])).toBe('\uFEFFa,b,c\r\n,,false\r\n');
  });
});
