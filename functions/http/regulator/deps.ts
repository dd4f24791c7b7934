import type { Principal } from '../../../domain/identity/principal.js';
import { Forbidden } from '../../../domain/kernel/errors.js';
import { regulatorIdOf } from '../../../domain/platform/regulator.js';
import type { RegisterActor } from '../../../domain/register/register-entry.js';
import { systemClock, type Clock } from '../../adapters/clock.js';
import { DynamoBlacklistRepository } from '../../adapters/dynamodb/blacklist.repository.js';
import { mainTableName, sharedDynamoDb } from '../../adapters/dynamodb/client.js';
import { DynamoPlatformRepository } from '../../adapters/dynamodb/platform.repository.js';
import { DynamoProviderRegisters } from '../../adapters/dynamodb/provider-registers.repository.js';
import { DynamoRegisterRepository } from '../../adapters/dynamodb/register.repository.js';
import { Store } from '../../adapters/dynamodb/store.js';
import { newId } from '../../adapters/ids.js';

export interface RegulatorDeps {
  /** REG-1: regulator-owned `R#register…` items, through the regulator function's own role. */
  readonly register: DynamoRegisterRepository;
  /** BLK-1: `R#blacklist…` items. */
  readonly blacklist: DynamoBlacklistRepository;
  /** Tenant profiles, to check that a listed insurer exists. */
  readonly platform: DynamoPlatformRepository;
  /** REG-2 / REG-3: `R#service-orgs…` and `R#experts…` items, kept by the city EMB. */
  readonly providers: DynamoProviderRegisters;
  readonly clock: Clock;
  readonly newId: (now: Date) => string;
}

let deps: RegulatorDeps | undefined;

export function regulatorDeps(): RegulatorDeps {
  if (!deps) {
    const store = new Store(sharedDynamoDb().doc, mainTableName(), systemClock);
    deps = {
      register: new DynamoRegisterRepository(store),
      blacklist: new DynamoBlacklistRepository(store),
      platform: new DynamoPlatformRepository(store),
      providers: new DynamoProviderRegisters(store),
      clock: systemClock,
      newId,
    };
  }
  return deps;
}

/**
 * The regulator behind a caller, from its token only: its agency id (`emb-city`, `nfra`,
 * `emb-county-140902`) and, for a county EMB, the county ACL-4 binds it to.
 */
export function actorOf(caller: Principal): RegisterActor {
  if (!caller.agency) throw new Forbidden('only a regulator acts on the regulators’ registers');
  const county = caller.agency === 'EMB_COUNTY' ? caller.county : undefined;
  return { regulatorId: regulatorIdOf(caller.agency, county), ...(county === undefined ? {} : { county }) };
}
