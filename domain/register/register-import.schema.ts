import * as z from 'zod/mini';
import { strictObject } from '../kernel/schema-parts.js';
import { described } from './register-fields.js';

/** Largest register file accepted, as base64 characters (≈ 4.5 MB of file, under Lambda's 6 MB payload). */
export const IMPORT_CONTENT_MAX_LENGTH = 6_000_000;

/**
 * REG-1: `POST /regulator/enterprise-imports` — a CSV (UTF-8) or XLSX file, told apart by `fileName`'s
 * extension, with the columns of register-columns.ts: the Chinese headers of the template and the export
 * (统一社会信用代码, 企业名称, 行业, 区县, 从业人员, 营业收入（万元）, 企业规模, optionally 规模调整理由) or the code keys
 * `uscc,name,industry,county,staff,revenueWan,size` (`sizeOverrideReason`).
 */
export const registerImportBody = strictObject({
  fileName: z.string('fileName is required, ending in .csv or .xlsx').check(
    z.trim(),
    z.maxLength(255, 'fileName: at most 255 characters'),
    z.regex(/\.(csv|xlsx)$/i, 'fileName must end in .csv or .xlsx'),
  ),
  contentBase64: z.string('contentBase64 is required: the file, base64-encoded').check(
    z.minLength(1, 'contentBase64 is required: the file, base64-encoded'),
    z.maxLength(IMPORT_CONTENT_MAX_LENGTH, `contentBase64: at most ${IMPORT_CONTENT_MAX_LENGTH} characters; split the file`),
    z.regex(/^[A-Za-z0-9+/\r\n]*={0,2}\s*$/, 'contentBase64 must be base64'),
  ),
});
export type RegisterImportBody = z.output<typeof registerImportBody>;

/** What an import answers once every row is written. */
export const registerImportResultSchema = z.object({
  importId: described(z.string(), 'The import record'),
  imported: described(z.int(), 'Rows in the file, each now registered as stated'),
  created: described(z.int(), 'Entries that are new'),
  updated: described(z.int(), 'Entries that changed'),
  unchanged: described(z.int(), 'Rows that already said exactly this: nothing was written for them (a re-run of the same file)'),
});
