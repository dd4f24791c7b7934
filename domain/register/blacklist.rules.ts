import { compareLocalDates, type LocalDate } from '../kernel/calendar/local-date.js';
import { Conflict, Forbidden, RuleViolation } from '../kernel/errors.js';
import type { DomainEvent } from '../kernel/events.js';
import type { BlacklistEntry } from './blacklist.js';
import type { BlacklistEntryBody, LiftBlacklistEntryBody } from './blacklist.schema.js';
import { blacklistEntryLifted, blacklistEntryListed } from './events.js';

/** What listing an insurer needs besides the body: the new id, the agency, the day and the time. */
export interface ListingContext {
  readonly id: string;
  readonly listedBy: string;
  readonly today: LocalDate;
  readonly now: Date;
}

/**
 * BLK-1: a new listing, from `listedOn` (default `today`) through `until` when given.
 *
 * @throws RuleViolation (BLK-1, `until`, 400) when `until` is before `listedOn`.
 * @example
 * listInsurer({ insurerTenantId: 't-1', reason: '考核不合格' }, { id: 'b-1', listedBy: 'nfra', today: '2026-03-02', now });
 */
export function listInsurer(
  body: BlacklistEntryBody,
  context: ListingContext,
): BlacklistEntry {
  const listedOn = body.listedOn ?? context.today;
  if (body.until !== undefined && compareLocalDates(body.until, listedOn) < 0) {
    throw new RuleViolation('BLK-1', 'until', `BLK-1: until ${body.until} is before listedOn ${listedOn}`, 400);
  }
  return {
    id: context.id,
    insurerTenantId: body.insurerTenantId,
    reason: body.reason,
    listedOn,
    ...(body.until === undefined ? {} : { until: body.until }),
    listedBy: context.listedBy,
    createdAt: context.now.toISOString(),
    version: 1,
  };
}

/**
 * BLK-1: the listing lifted from `liftedOn` (default `today`) on. Only the agency that listed an insurer lifts
 * the listing — the city EMB and the NFRA each answer for their own sanctions.
 *
 * @throws Forbidden (BLK-1) when `by` is not the listing agency.
 * @throws Conflict (BLK-1, 409) when already lifted, or when the listing ended before `liftedOn`.
 * @throws RuleViolation (BLK-1, `liftedOn`, 400) when `liftedOn` is before `listedOn`.
 * @example
 * liftListing(entry, { reason: '整改验收合格' }, { by: 'emb-city', today: '2026-09-01' }).liftedOn; // '2026-09-01'
 */
export function liftListing(
  entry: BlacklistEntry,
  body: LiftBlacklistEntryBody,
  context: { by: string; today: LocalDate },
): BlacklistEntry {
  if (entry.listedBy !== context.by) {
    throw new Forbidden(`BLK-1: only the agency that listed this entry (${entry.listedBy}) may lift it`);
  }
  if (entry.liftedOn !== undefined) {
    throw new Conflict(`BLK-1: the listing was already lifted from ${entry.liftedOn}`, 'BLK-1');
  }
  const liftedOn = body.liftedOn ?? context.today;
  if (compareLocalDates(liftedOn, entry.listedOn) < 0) {
    throw new RuleViolation('BLK-1', 'liftedOn', `BLK-1: liftedOn ${liftedOn} is before listedOn ${entry.listedOn}`, 400);
  }
  if (entry.until !== undefined && compareLocalDates(entry.until, liftedOn) < 0) {
    throw new Conflict(`BLK-1: the listing ended on ${entry.until}; there is nothing to lift on ${liftedOn}`, 'BLK-1');
  }
  return { ...entry, liftedOn, liftedReason: body.reason, liftedBy: context.by, version: entry.version + 1 };
}

/**
 * BLK-1: what a listing's change tells the platform — `register.blacklist_entry.listed` for a new listing
 * (`previous` absent), `register.blacklist_entry.lifted` once {@link liftListing} lifted it.
 *
 * @example
 * const entry = listInsurer(body, context);
 * await blacklist.create(entry, blacklistEvents(undefined, entry));
 */
export function blacklistEvents(previous: BlacklistEntry | undefined, entry: BlacklistEntry): DomainEvent[] {
  if (entry === previous) return [];
  const data = {
    entryId: entry.id,
    insurerTenantId: entry.insurerTenantId,
    listedOn: entry.listedOn,
    until: entry.until,
    liftedOn: entry.liftedOn,
    listedBy: entry.listedBy,
    liftedBy: entry.liftedBy,
  };
  if (previous === undefined) return [blacklistEntryListed.of(entry, data)];
  return entry.liftedOn !== undefined && previous.liftedOn === undefined ? [blacklistEntryLifted.of(entry, data)] : [];
}
