import { compareLocalDates, type LocalDate } from '../kernel/calendar/local-date.js';
import type * as z from 'zod/mini';
import type { blacklistEntrySchema } from './blacklist.schema.js';

/** Longest reason (listing or lifting), in characters. */
export const BLACKLIST_TEXT_MAX_LENGTH = 2000;

/**
 * BLK-1: one listing of an insurer on the joint-punishment blacklist (联合惩戒黑名单), kept by the city EMB
 * and the NFRA; its fields are documented on {@link blacklistEntrySchema}. Entries are never deleted — a
 * lifted listing stays, with who lifted it and why, because QUAL-2 asks about the past three years, not only today.
 *
 * @example
 * const entry: BlacklistEntry = { id: 'b-1', insurerTenantId: 't-1', reason: '考核不合格', listedOn: '2026-01-01',
 *   until: '2027-12-31', listedBy: 'emb-city', createdAt: '2026-01-01T02:00:00.000Z', version: 1 };
 */
export type BlacklistEntry = Readonly<z.output<typeof blacklistEntrySchema>>;

/**
 * BLK-1: whether `entry` bars its insurer on `onDate` (Asia/Shanghai): listed by then, not past `until`, not
 * yet lifted.
 */
export function isActiveOn(entry: BlacklistEntry, onDate: LocalDate): boolean {
  return (
    compareLocalDates(entry.listedOn, onDate) <= 0 &&
    (entry.until === undefined || compareLocalDates(onDate, entry.until) <= 0) &&
    (entry.liftedOn === undefined || compareLocalDates(onDate, entry.liftedOn) < 0)
  );
}

/**
 * BLK-1: whether the insurer `tenantId` is on the blacklist on `onDate` by any of `entries` — what QUAL-2 asks
 * when eligibility is computed (a blacklisted insurer is ineligible).
 *
 * @example
 * isBlacklisted(entries, 't-1', '2026-06-01'); // true while a listing of t-1 covers that day
 */
export function isBlacklisted(entries: readonly BlacklistEntry[], tenantId: string, onDate: LocalDate): boolean {
  return entries.some((entry) => entry.insurerTenantId === tenantId && isActiveOn(entry, onDate));
}
