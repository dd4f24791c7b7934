import type { BookingContext } from '../../../domain/fees/ledger.rules.js';
import type { Principal } from '../../../domain/identity/principal.js';
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
  const attempt = (): BookingContext => {
    const now = clock.now();
    return { tenantId: caller.tenantId, by: caller.userId, now, idSuffix: entryIdSuffix(now), ruleSets };
  };
  return { tenantId: caller.tenantId, fees, policies, documents, newId: () => newId(clock.now()), attempt };
}
