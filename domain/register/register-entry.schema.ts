import * as z from 'zod/mini';
import { areaCodeSchema } from '../kernel/area.js';
import { ENTERPRISE_SIZES, enterpriseSizeSchema } from '../kernel/enterprise-size.js';
import { INDUSTRIES, industrySchema } from '../kernel/industry.js';
import { requiredText, strictObject } from '../kernel/schema-parts.js';
import { ENTERPRISE_NAME_MAX_LENGTH, SIZE_OVERRIDE_REASON_MAX_LENGTH } from './register-entry.js';
import { described, usccField } from './register-fields.js';

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
  uscc: usccField('UW-2: uscc is required: the enterprise’s 18-character 统一社会信用代码'),
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

/**
 * REG-1: one enterprise of the regulators' register (企业底数), the base of the coverage gap (UW-11), as the
 * API returns it and as the repository maps it back from storage.
 *
 * The register is city-wide and keyed by USCC: an enterprise has one entry whichever EMB wrote it, and
 * ACL-4 decides by the entry's `county` which county EMB may change or see it. `size` is derived from staff
 * and revenue (SCOPE-4) unless `sizeOverrideReason` records why a regulator set it otherwise.
 */
export const registerEntrySchema = z.object({
  uscc: described(z.string(), 'UW-2: the enterprise’s 统一社会信用代码, the key of its entry'),
  name: described(z.string(), 'The registered name'),
  industry: described(z.enum(INDUSTRIES), 'SCOPE-1: the industry'),
  county: described(areaCodeSchema, 'SCOPE-5: the area the enterprise belongs to; ACL-4 scopes county EMBs by it'),
  staff: described(z.int(), 'Employees (从业人员), a whole number'),
  revenueWan: described(z.int(), 'Yearly operating revenue in 万元, a whole number'),
  size: described(z.enum(ENTERPRISE_SIZES), 'SCOPE-4: the size class'),
  sizeOverrideReason: z.optional(described(z.string(), 'SCOPE-4: present exactly when `size` differs from what staff and revenue give')),
  registeredBy: described(z.string(), 'The regulator (agency id, e.g. emb-city, emb-county-140902) that last wrote the entry'),
  updatedAt: described(z.string(), 'ISO instant of the last change'),
  version: described(z.int(), 'The entry’s version; a change may quote it (412 when stale)'),
});
