import { ValidationFailed } from '../../../domain/kernel/errors.js';
import { IMPORT_TEXTS } from '../../../domain/register/register-import-messages.js';
import type { TableRecord } from '../../../domain/register/register-row.js';

/**
 * The records of a CSV file (RFC 4180): fields separated by commas, optionally in double quotes (which may
 * then hold commas, line breaks and doubled quotes), lines ended by CRLF or LF, a UTF-8 byte-order mark
 * ignored. Each record keeps the line it starts on, so a problem names the row an editor shows.
 *
 * @throws ValidationFailed (`contentBase64`) for a quote left open at the end of the file.
 * @example
 * csvRecords('uscc,name\r\n91140902100000008A,"忻府昌华商贸股份有限公司"\r\n');
 * // [{ row: 1, cells: ['uscc', 'name'] }, { row: 2, cells: ['91140902100000008A', '忻府昌华商贸股份有限公司'] }]
 */
export function csvRecords(text: string): TableRecord[] {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const records: TableRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let quoteLine = 1;
  for (let i = 0; i < source.length; i += 1) {
    const char = source.charAt(i);
    if (quoted) {
      if (char === '"') {
        if (source.charAt(i + 1) === '"') {
          cell += '"';
          i += 1;
        } else {
          quoted = false;
        }
      } else {
        if (char === '\n') line += 1;
        cell += char;
      }
    } else if (char === '"' && cell === '') {
      quoted = true;
      quoteLine = line;
    } else if (char === ',') {
      cells.push(cell);
      cell = '';
    } else if (char === '\r' || char === '\n') {
      if (char === '\r' && source.charAt(i + 1) === '\n') i += 1;
      cells.push(cell);
      records.push({ row: recordLine, cells });
      cells = [];
      cell = '';
      line += 1;
      recordLine = line;
    } else {
      cell += char;
    }
  }
  if (quoted) {
    throw new ValidationFailed([{ field: 'contentBase64', message: IMPORT_TEXTS.csvOpenQuote(quoteLine), rule: 'REG-1' }]);
  }
  if (cell !== '' || cells.length > 0) records.push({ row: recordLine, cells: [...cells, cell] });
  return records;
}
