import { compareLocalDates, type LocalDate } from '../kernel/calendar/local-date.js';
import { Conflict, Forbidden, RuleViolation } from '../kernel/errors.js';
import type { Changed, DomainEvent } from '../kernel/events.js';
import type { BlacklistEntry } from './blacklist.js';
import type { BlacklistEntryBody, LiftBlacklistEntryBody } from './blacklist.schema.js';
import { blacklistEntryLifted, blacklistEntryListed } from './events.js';

/** What listing an insurer needs besides the body: the new id, the agency, the day and the time. */
export interface ListingContext {
  readonly id: string;
  readonly listedBy: string;
  readonly today: LocalDate;
  readonly now: Date;
  /** RPT-3: the failed evaluation this listing (通报) follows, when it follows one. */
  readonly evaluationId?: string;
}

/** BLK-1: what a listing's events carry: the listing as it is after the change. */
const listingPayloadOf = (entry: BlacklistEntry) => ({
  entryId: entry.id,
  insurerTenantId: entry.insurerTenantId,
  listedOn: entry.listedOn,
  until: entry.until,
  liftedOn: entry.liftedOn,
  listedBy: entry.listedBy,
  liftedBy: entry.liftedBy,
  evaluationId: entry.evaluationId,
});

/**
 * BLK-1: a new listing, from `listedOn` (default `today`) through `until` when given, with
 * `register.blacklist_entry.listed`.
 *
 * @throws RuleViolation (BLK-1, `until`, 400) when `until` is before `listedOn`.
 * @example
 * const { state: entry, events } = listInsurer({ insurerTenantId: 't-1', reason: '考核不合格' }, { id: 'b-1', listedBy: 'nfra', today: '2026-03-02', now });
 * await blacklist.create(entry, events);
 */
export function listInsurer(
  body: BlacklistEntryBody,
  context: ListingContext,
): Changed<BlacklistEntry> {
  const listedOn = body.listedOn ?? context.today;
  if (body.until !== undefined && compareLocalDates(body.until, listedOn) < 0) {
    throw new RuleViolation('BLK-1', 'until', `BLK-1: until ${body.until} is before listedOn ${listedOn}`, 400);
  }
  const entry: BlacklistEntry = {
    id: context.id,
    insurerTenantId: body.insurerTenantId,
    reason: body.reason,
    listedOn,
    ...(body.until === undefined ? {} : { until: body.until }),
    listedBy: context.listedBy,
    ...(context.evaluationId === undefined ? {} : { evaluationId: context.evaluationId }),
    createdAt: context.now.toISOString(),
    version: 1,
  };
  const events: DomainEvent[] = [blacklistEntryListed.of(entry, listingPayloadOf(entry))];
  return { state: entry, events };
}

/**
 * BLK-1: the listing lifted from `liftedOn` (default `today`) on. Only the agency that listed an insurer lifts
 * the listing — the city EMB and the NFRA each answer for their own sanctions. Raises
 * `register.blacklist_entry.lifted`.
 *
 * @throws Forbidden (BLK-1) when `by` is not the listing agency.
 * @throws Conflict (BLK-1, 409) when already lifted, or when the listing ended before `liftedOn`.
 * @throws RuleViolation (BLK-1, `liftedOn`, 400) when `liftedOn` is before `listedOn`.
 * @example
 * liftListing(entry, { reason: '整改验收合格' }, { by: 'emb-city', today: '2026-09-01' }).state.liftedOn; // '2026-09-01'
 */
export function liftListing(
  entry: BlacklistEntry,
  body: LiftBlacklistEntryBody,
  context: { by: string; today: LocalDate },
): Changed<BlacklistEntry> {
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
  const lifted: BlacklistEntry = { ...entry, liftedOn, liftedReason: body.reason, liftedBy: context.by, version: entry.version + 1 };
  return { state: lifted, events: [blacklistEntryLifted.of(lifted, listingPayloadOf(lifted))] };
}
