import type { RegulatorPrincipal } from '../../../domain/identity/principal.js';
import type { Clock } from '../../../domain/kernel/clock.js';
import type { PlatformRepository } from '../../../domain/platform/platform.repository.js';
import type { BlacklistRepository } from '../../../domain/register/blacklist.repository.js';
import type { ProviderRegisterRepository } from '../../../domain/register/provider-registers.js';
import type { RegisterRepository } from '../../../domain/register/register.repository.js';
import type { RuleSetRepository } from '../../../domain/register/rule-set.repository.js';
import type { PaperFilingRepository } from '../../../domain/underwriting/paper-filing.repository.js';
import { systemClock } from '../../adapters/clock.js';
import { DynamoBlacklistRepository } from '../../adapters/dynamodb/blacklist.repository.js';
import { mainTableName, sharedDynamoDb } from '../../adapters/dynamodb/client.js';
import { DynamoPaperFilingRepository } from '../../adapters/dynamodb/paper-filing.repository.js';
import { DynamoPlatformRepository } from '../../adapters/dynamodb/platform.repository.js';
import { DynamoProviderRegisters } from '../../adapters/dynamodb/provider-registers.repository.js';
import { DynamoRegisterRepository } from '../../adapters/dynamodb/register.repository.js';
import { sharedRegulatorReadClients } from '../../adapters/dynamodb/regulator-read-client.js';
import { sharedRuleSets } from '../../adapters/dynamodb/rule-set.repository.js';
import { Store } from '../../adapters/dynamodb/store.js';
import { newId } from '../../adapters/ids.js';

/**
 * What the register context's use cases work with, typed only by the domain's ports. Every item is
 * regulator-owned (`R#…`), reached through the register function's own role.
 */
export interface RegisterCompositionRoot {
  /** REG-1: the enterprise register and its imports. */
  readonly register: RegisterRepository;
  /**
   * REG-1, ACL-4 (issue 21): the register as a regulator reads it — its county listings and counters are keyed by
   * county, so the read-only regulator session of the caller's scope holds a county EMB to its own county's.
   */
  regulatorRegister(regulator: RegulatorPrincipal): Promise<Pick<RegisterRepository, 'get' | 'list'>>;
  /** BLK-1: the blacklist. */
  readonly blacklist: BlacklistRepository;
  /** QUAL-6: the city EMB's records of paper qualification filings. */
  readonly paperFilings: PaperFilingRepository;
  /** Tenant profiles, to check that a listed insurer exists. */
  readonly tenants: Pick<PlatformRepository, 'getTenant'>;
  /** REG-2 / REG-3: the city EMB's service organisations and expert pool. */
  readonly providers: ProviderRegisterRepository;
  /** RULES-1: the rule-set versions, built-in and published. */
  readonly ruleSets: RuleSetRepository;
  readonly clock: Clock;
  readonly newId: (now: Date) => string;
}

let root: RegisterCompositionRoot | undefined;

/** The one composition root of the register Lambda: the DynamoDB adapters are built on first use, once. */
export function registerContext(): RegisterCompositionRoot {
  if (!root) {
    const table = mainTableName();
    const store = new Store(sharedDynamoDb().doc, table, systemClock);
    root = {
      register: new DynamoRegisterRepository(store),
      regulatorRegister: async (regulator) => new DynamoRegisterRepository(new Store(await sharedRegulatorReadClients().client(regulator), table, systemClock)),
      blacklist: new DynamoBlacklistRepository(store),
      paperFilings: new DynamoPaperFilingRepository(store),
      tenants: new DynamoPlatformRepository(store),
      providers: new DynamoProviderRegisters(store),
      ruleSets: sharedRuleSets(),
      clock: systemClock,
      newId,
    };
  }
  return root;
}
