import { shanghaiDateOf, type LocalDate } from '../../../domain/kernel/calendar/local-date.js';
import { Conflict, StaleVersion } from '../../../domain/kernel/errors.js';
import { PUBLISHED_RULE_SETS } from '../../../domain/kernel/rule-set/published.js';
import type { RuleSet } from '../../../domain/kernel/rule-set/rule-set.js';
import { mainTableName } from '../../adapters/dynamodb/client.js';
import { DynamoFeeLedgerRepository } from '../../adapters/dynamodb/fee-ledger.repository.js';
import { DynamoPolicyRepository } from '../../adapters/dynamodb/policy.repository.js';
import { Store } from '../../adapters/dynamodb/store.js';
import { sharedTenantScopedClients } from '../../adapters/dynamodb/tenant-scoped-client.js';
import { systemClock, type Clock } from '../../adapters/clock.js';
import { newId } from '../../adapters/ids.js';

export interface FeeDeps {
  /**
   * The tenant's fee ledger and its policies (the receipts are taken against them), both through tenant-scoped
   * credentials (IAM layer 2): everything this context touches is the tenant's own data.
   */
  forTenant(tenantId: string): Promise<{ fees: DynamoFeeLedgerRepository; policies: DynamoPolicyRepository }>;
  /** RULES-1: the published versions; an accrual uses its policy's, an expense the one in force on its day. */
  readonly ruleSets: readonly RuleSet[];
  readonly clock: Clock;
  readonly newId: (now: Date) => string;
}

let deps: FeeDeps | undefined;

export function feeDeps(): FeeDeps {
  if (!deps) {
    const table = mainTableName();
    const scoped = sharedTenantScopedClients();
    deps = {
      forTenant: async (tenantId) => {
        const store = new Store(await scoped.forTenant({ tenantId }), table, systemClock);
        return { fees: new DynamoFeeLedgerRepository(store), policies: new DynamoPolicyRepository(store) };
      },
      ruleSets: PUBLISHED_RULE_SETS,
      clock: systemClock,
      newId,
    };
  }
  return deps;
}

export const todayOf = (clock: Clock): LocalDate => shanghaiDateOf(clock.now());

/** The random tail of a new entry id: the last 10 of the 16 random characters of a fresh id. */
export const entryIdSuffix = (now: Date): string => newId(now).slice(-10);

/**
 * How often a booking that lost the race for its year's next number reads and decides again. Each round one
 * contender wins, so N simultaneous bookings of one insurer-year need up to N rounds for the last of them;
 * 100 leaves room for far more than the 50 at once the HTTP test sends.
 */
export const MAX_BOOKING_ATTEMPTS = 100;
/** Backoff cap between rounds: small, because a round is one GetItem and one transaction. */
const MAX_BACKOFF_MS = 100;

/** A lost optimistic race: the counters changed since they were read, or DynamoDB cancelled for a conflict. */
const lostRace = (error: unknown): boolean =>
  error instanceof StaleVersion || (error instanceof Conflict && error.ruleId === undefined);

/**
 * FEE-2: runs read → decide → commit until the commit wins. Sequence numbers come from the year's counters
 * under optimistic locking, so a booking that lost the race to another reads the counters again and takes the
 * next number: numbers stay gap-free and ordered, counters exact, and every rule is decided on the state it is
 * committed against (the balance rule included). Refusals (a rule, a missing object) end the loop at once.
 *
 * @throws Conflict when the ledger stayed too busy for {@link MAX_BOOKING_ATTEMPTS} rounds.
 */
export async function untilBooked<T>(attempt: () => Promise<T>): Promise<T> {
  for (let round = 1; ; round += 1) {
    try {
      return await attempt();
    } catch (error) {
      if (!lostRace(error)) throw error;
      if (round >= MAX_BOOKING_ATTEMPTS) throw new Conflict('FEE-2: the ledger is too busy right now; try again', 'FEE-2');
      // Full jitter: contenders spread out instead of colliding again in step.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(MAX_BACKOFF_MS, 5 * 2 ** round)));
    }
  }
}
