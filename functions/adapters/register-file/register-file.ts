import { ValidationFailed } from '../../../domain/kernel/errors.js';
import { IMPORT_TEXTS } from '../../../domain/register/register-import-messages.js';
import type { RegisterFileReader } from '../../../domain/register/register-file.port.js';
import type { ImportFormat } from '../../../domain/register/register-import.js';
import type { TableRecord } from '../../../domain/register/register-row.js';
import { csvRecords } from './csv-records.js';
import { xlsxRecords } from './xlsx-records.js';

/** The ZIP signature every XLSX starts with. */
const ZIP_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/**
 * REG-1: the records of a register file — CSV (UTF-8) or XLSX (its first sheet), told apart by the file
 * name's extension and checked against the content, so a CSV saved as GBK or a renamed file is refused with
 * a plain reason instead of being read as garbage.
 *
 * @throws ValidationFailed (`fileName` / `contentBase64`) when the file cannot be read as what it claims to be.
 * @example
 * const { format, records } = await readRegisterFile('企业底数.xlsx', Buffer.from(body.contentBase64, 'base64'));
 */
export async function readRegisterFile(fileName: string, bytes: Buffer): Promise<{ format: ImportFormat; records: TableRecord[] }> {
  const isZip = bytes.subarray(0, ZIP_SIGNATURE.length).equals(ZIP_SIGNATURE);
  if (/\.xlsx$/i.test(fileName)) {
    if (!isZip) throw new ValidationFailed([{ field: 'contentBase64', message: IMPORT_TEXTS.notXlsx, rule: 'REG-1' }]);
    return { format: 'XLSX', records: await xlsxRecords(bytes) };
  }
  if (/\.csv$/i.test(fileName)) {
    if (isZip) throw new ValidationFailed([{ field: 'contentBase64', message: IMPORT_TEXTS.csvIsWorkbook, rule: 'REG-1' }]);
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw new ValidationFailed([
        // A GBK file would garble every name.
        { field: 'contentBase64', message: IMPORT_TEXTS.csvNotUtf8, rule: 'REG-1' },
      ]);
    }
    return { format: 'CSV', records: csvRecords(text) };
  }
  throw new ValidationFailed([{ field: 'fileName', message: IMPORT_TEXTS.badExtension, rule: 'REG-1' }]);
}

/** The register-file port (domain/register/register-file.port.ts) over {@link readRegisterFile}. */
export const registerFileReader: RegisterFileReader = {
  read: (fileName, bytes) => readRegisterFile(fileName, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)),
};
