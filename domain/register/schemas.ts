import * as z from 'zod/mini';
import { areaCodeSchema } from '../kernel/area.js';
import { localDateSchema } from '../kernel/calendar/local-date.js';
import { ENTERPRISE_SIZES, enterpriseSizeSchema } from '../kernel/enterprise-size.js';
import { INDUSTRIES, industrySchema } from '../kernel/industry.js';
import { usccSchema } from '../kernel/uscc.js';
import { BLACKLIST_TEXT_MAX_LENGTH } from './blacklist.js';
import type { BlacklistEntry } from './blacklist.js';
import { ENTERPRISE_NAME_MAX_LENGTH, SIZE_OVERRIDE_REASON_MAX_LENGTH } from './register-entry.js';
import type { RegisterEntry } from './register-entry.js';
import { requiredText, strictObject } from '../kernel/schema-parts.js';

// Messages that apply a rule start with its id (`SCOPE-4: …`): the HTTP layer and the import's row report copy
// that id into `rule`, so a regulator can go from a refused row back to DOMAIN.md.


/** UW-2, with a message of its own when the field is missing altogether. */
const enterpriseUsccSchema = z.string('UW-2: uscc is required: the enterprise’s 18-character 统一社会信用代码').check(
  z.superRefine((code, ctx) => {
    const result = usccSchema.safeParse(code);
    if (!result.success) {
      for (const issue of result.error.issues) ctx.issues.push({ code: 'custom', message: issue.message, input: code });
    }
  }),
);

/** SCOPE-4: staff and revenue are what the size is derived from: whole, non-negative numbers. */
const figure = (field: string, unit: string) =>
  z
    .int(`SCOPE-4: ${field} must be a whole number${unit}, 0 or more`)
    .check(z.gte(0, `SCOPE-4: ${field} must be a whole number${unit}, 0 or more`));

/**
 * REG-1: the fields a regulator states about an enterprise — the same for `POST /regulator/enterprises` and
 * for each row of an import, so both answer with the same messages. The size override (SCOPE-4) is checked
 * across fields by `resolveSize` once these pass.
 */
export const registerEntryFields = {
  uscc: enterpriseUsccSchema,
  name: requiredText("REG-1: name is required: the enterprise's registered name", ENTERPRISE_NAME_MAX_LENGTH),
  industry: industrySchema,
  county: areaCodeSchema,
  staff: figure('staff', ''),
  revenueWan: figure('revenueWan', ' of 万元'),
  size: z.optional(enterpriseSizeSchema),
  sizeOverrideReason: z.optional(
    requiredText('SCOPE-4: sizeOverrideReason must say why the size differs from the derived one', SIZE_OVERRIDE_REASON_MAX_LENGTH),
  ),
};


/** One row of a register file, its fields typed (REG-1); the import converts cells before parsing. */
export const registerRowSchema = strictObject(registerEntryFields);
export type RegisterRowFields = z.output<typeof registerRowSchema>;

/**
 * REG-1: `POST /regulator/enterprises` — add or update one entry. `version` is the version the client last
 * read: with it, a change made by someone else meanwhile is refused (412); without it the last writer wins.
 *
 * @example
 * registerEntryBody.parse({ uscc: '91140902100079190P', name: '忻府忻达煤业有限责任公司', industry: 'COAL_MINE',
 *   county: '140902', staff: 254, revenueWan: 1175 });
 */
export const registerEntryBody = strictObject({
  ...registerEntryFields,
  version: z.optional(z.int('version must be a whole number').check(z.gte(1, 'version must be 1 or more'))),
});
export type RegisterEntryBody = z.output<typeof registerEntryBody>;

/** Largest register file accepted, as base64 characters (≈ 4.5 MB of file, under Lambda's 6 MB payload). */
export const IMPORT_CONTENT_MAX_LENGTH = 6_000_000;

/**
 * REG-1: `POST /regulator/enterprise-imports` — a CSV (UTF-8) or XLSX file, told apart by `fileName`'s
 * extension, with the header `uscc,name,industry,county,staff,revenueWan,size` (and optionally
 * `sizeOverrideReason`).
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

/** REG-1: a register entry as the API returns it and as the repository maps it back from storage. */
export const registerEntrySchema = z.object({
  uscc: z.string(),
  name: z.string(),
  industry: z.enum(INDUSTRIES),
  county: areaCodeSchema,
  staff: z.int(),
  revenueWan: z.int(),
  size: z.enum(ENTERPRISE_SIZES),
  sizeOverrideReason: z.optional(z.string()),
  registeredBy: z.string(),
  updatedAt: z.string(),
  version: z.int(),
});

/** What an import answers once every row is written. */
export const registerImportResultSchema = z.object({
  importId: z.string(),
  /** Rows in the file, each now registered as stated. */
  imported: z.int(),
  created: z.int(),
  updated: z.int(),
  /** Rows that already said exactly this: nothing was written for them (a re-run of the same file). */
  unchanged: z.int(),
});

/**
 * BLK-1: `POST /regulator/blacklist` — the city EMB or the NFRA lists an insurer (联合惩戒黑名单 / 通报).
 * `listedOn` defaults to today (Asia/Shanghai); `until`, when given, is the last day of the listing.
 *
 * @example
 * blacklistEntryBody.parse({ insurerTenantId: '01j…', reason: '2025年度考核不合格，暂停高危行业承保资格', until: '2027-12-31' });
 */
export const blacklistEntryBody = strictObject({
  insurerTenantId: z.string('BLK-1: insurerTenantId is required: the insurer (tenant id) to list').check(
    z.regex(/^[A-Za-z0-9_-]{1,64}$/, 'BLK-1: insurerTenantId must be a tenant id'),
  ),
  reason: requiredText('BLK-1: reason is required: why the insurer is listed, as published', BLACKLIST_TEXT_MAX_LENGTH),
  listedOn: z.optional(localDateSchema),
  until: z.optional(localDateSchema),
});
export type BlacklistEntryBody = z.output<typeof blacklistEntryBody>;

/** BLK-1: `POST /regulator/blacklist/{entryId}/lift` — `liftedOn` (default today) is the first day off the list. */
export const liftBlacklistEntryBody = strictObject({
  reason: requiredText('BLK-1: reason is required: why the listing is lifted', BLACKLIST_TEXT_MAX_LENGTH),
  liftedOn: z.optional(localDateSchema),
});
export type LiftBlacklistEntryBody = z.output<typeof liftBlacklistEntryBody>;

/** BLK-1: a blacklist entry as stored and returned. */
export const blacklistEntrySchema = z.object({
  id: z.string(),
  insurerTenantId: z.string(),
  reason: z.string(),
  listedOn: localDateSchema,
  until: z.optional(localDateSchema),
  liftedOn: z.optional(localDateSchema),
  liftedReason: z.optional(z.string()),
  liftedBy: z.optional(z.string()),
  listedBy: z.string(),
  createdAt: z.string(),
  version: z.int(),
});

/** BLK-1: an entry as the API shows it, with whether it bars the insurer today (Asia/Shanghai). */
export const blacklistEntryViewSchema = z.extend(blacklistEntrySchema, { activeToday: z.boolean() });

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

// Fail to compile when a schema and its interface drift apart: the interface documents each field, the schema
// validates and describes it (OpenAPI), and both must say the same thing.
const entryMatches: Same<z.output<typeof registerEntrySchema>, RegisterEntry> = true;
const blacklistMatches: Same<z.output<typeof blacklistEntrySchema>, BlacklistEntry> = true;
void entryMatches;
void blacklistMatches;
