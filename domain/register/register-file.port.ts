import type { ImportFormat } from './register-import.js';
import type { TableRecord } from './register-row.js';

/**
 * REG-1: the port a register file is read through — the records of a CSV (UTF-8) or XLSX (first sheet), its
 * format told apart by the file name and checked against the content. The adapter is
 * functions/adapters/register-file/register-file.ts; the rows are then the domain's (`registerRowsOf`).
 *
 * @example
 * const { format, records } = await files.read('企业底数.xlsx', bytes);
 */
export interface RegisterFileReader {
  /** @throws ValidationFailed (`fileName` / `contentBase64`) when the file cannot be read as what it claims to be. */
  read(fileName: string, bytes: Uint8Array): Promise<{ format: ImportFormat; records: TableRecord[] }>;
}
