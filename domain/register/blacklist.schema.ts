import * as z from 'zod/mini';
import { localDateSchema } from '../kernel/calendar/local-date.js';
import { requiredText, strictObject } from '../kernel/schema-parts.js';
import { BLACKLIST_TEXT_MAX_LENGTH } from './blacklist.js';
import { described } from './register-fields.js';

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

/**
 * BLK-1: one listing of an insurer on the joint-punishment blacklist (联合惩戒黑名单), kept by the city EMB
 * and the NFRA, as stored and returned. A listing bars the insurer from `listedOn` through `until` (inclusive;
 * open-ended without it) unless lifted: from `liftedOn` on it no longer does. Entries are never deleted — a
 * lifted listing stays, with who lifted it and why, because QUAL-2 asks about the past three years.
 */
export const blacklistEntrySchema = z.object({
  id: described(z.string(), 'The listing'),
  insurerTenantId: described(z.string(), 'The insurer (tenant id) listed'),
  reason: described(z.string(), 'Why the insurer is listed, as published'),
  listedOn: described(localDateSchema, 'First day of the listing (Asia/Shanghai)'),
  until: z.optional(described(localDateSchema, 'Last day of the listing, when the notice fixes one')),
  liftedOn: z.optional(described(localDateSchema, 'First day the listing no longer applies, once lifted')),
  liftedReason: z.optional(described(z.string(), 'Why the listing was lifted')),
  liftedBy: z.optional(described(z.string(), 'The agency (regulator id) that lifted it')),
  listedBy: described(z.string(), 'The agency (regulator id, emb-city or nfra) that listed it'),
  evaluationId: z.optional(described(z.string(), 'RPT-3: the published evaluation the listing (通报) follows')),
  createdAt: described(z.string(), 'ISO instant of the listing'),
  version: described(z.int(), 'The listing’s version'),
});

/** BLK-1: an entry as the API shows it, with whether it bars the insurer today (Asia/Shanghai). */
export const blacklistEntryViewSchema = z.extend(blacklistEntrySchema, {
  activeToday: described(z.boolean(), 'BLK-1: whether the listing bars the insurer today (Asia/Shanghai)'),
});
