import type { BookingContext } from '../../../domain/fees/ledger.rules.js';
import type { Principal } from '../../../domain/identity/principal.js';
import type { RecordedRuleSet } from '../../../domain/kernel/rule-set/rule-set-source.port.js';
import { callerOf } from '../../middleware/route.js';
import { feesRoot } from './composition-root.js';

/**
 * What every booking (a receipt, an expense, a reversal) starts from: the insurer's caller, its ledger and
 * policies, and the context of one attempt — who books, when and under which rules (FEE-2). `attempt()` is
 * called on every round of `untilBooked`, so each round decides at its own instant with a fresh id tail.
 */
export async function openBooking(input: { readonly principal: Principal | undefined }) {
  const caller = callerOf(input, 'insurer');
  const { forTenant, clock, newId, entryIdSuffix, ruleSets } = feesRoot();
  const { fees, policies, documents } = await forTenant(caller.tenantId);
  let versions = await ruleSets.versions();
  const attempt = (): BookingContext => {
    const now = clock.now();
    return { tenantId: caller.tenantId, by: caller.userId, now, idSuffix: entryIdSuffix(now), ruleSets: versions };
  };
  /** RULES-1: make sure the version a policy recorded at issue is among the versions, however recently published. */
  const withRecorded = async (recorded: RecordedRuleSet): Promise<void> => {
    versions = await ruleSets.versions(recorded);
  };
  return { tenantId: caller.tenantId, fees, policies, documents, newId: () => newId(clock.now()), attempt, withRecorded };
}
