import type { IdentityDirectory } from '../../../domain/platform/identity-directory.js';
import type { PlatformRepository, UserOrg } from '../../../domain/platform/platform.repository.js';
import type { Principal } from '../../../domain/identity/principal.js';
import { regulatorIdOf } from '../../../domain/platform/regulator.js';
import { Forbidden } from '../../../domain/kernel/errors.js';
import { identityDirectoryFromEnv } from '../../adapters/auth/identity-directory-from-env.js';
import { sharedDynamoDb, mainTableName } from '../../adapters/dynamodb/client.js';
import { DynamoPlatformRepository } from '../../adapters/dynamodb/platform.repository.js';
import { Store } from '../../adapters/dynamodb/store.js';
import { sharedTenantScopedClients } from '../../adapters/dynamodb/tenant-scoped-client.js';
import { systemClock, type Clock } from '../../adapters/clock.js';
import { newId } from '../../adapters/ids.js';

export interface PlatformDeps {
  readonly repository: PlatformRepository;
  /** Cognito on AWS, nothing more than the table locally (functions/adapters/auth). */
  readonly directory: IdentityDirectory;
  readonly clock: Clock;
  readonly newId: (now: Date) => string;
}

let deps: PlatformDeps | undefined;

/** Built on first use, once per container: no client is made at import time (cold start, bench). */
export function platformDeps(): PlatformDeps {
  if (!deps) {
    const table = mainTableName();
    const store = new Store(sharedDynamoDb().doc, table, systemClock);
    const scoped = sharedTenantScopedClients();
    const tenantStore = async (tenantId: string) => new Store(await scoped.forTenant({ tenantId }), table, systemClock);
    deps = {
      repository: new DynamoPlatformRepository(store, tenantStore),
      directory: identityDirectoryFromEnv(),
      clock: systemClock,
      newId,
    };
  }
  return deps;
}

/** The organisation whose users an administrator manages — from its token, never from the request. */
export function orgOf(principal: Principal): UserOrg {
  if (principal.tenantId) return { kind: 'tenant', tenantId: principal.tenantId };
  if (principal.agency) return { kind: 'regulator', regulatorId: regulatorIdOf(principal.agency, principal.county) };
  if (principal.uscc) return { kind: 'enterprise', uscc: principal.uscc };
  if (principal.role === 'platform-operator') return { kind: 'platform' };
  throw new Forbidden('caller belongs to no organisation');
}
