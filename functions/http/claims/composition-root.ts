import type { ClaimRepository, ClaimViews } from '../../../domain/claims/claim.repository.js';
import type { RegulatorPrincipal } from '../../../domain/identity/principal.js';
import type { ArchiveRecordRepository } from '../../../domain/services/archive-record.repository.js';
import type { Clock } from '../../../domain/kernel/clock.js';
import type { NewId } from '../../../domain/kernel/new-id.port.js';
import type { PlatformRepository } from '../../../domain/platform/platform.repository.js';
import type { PolicyRepository } from '../../../domain/underwriting/policy.repository.js';
import { systemClock } from '../../adapters/clock.js';
import { DynamoArchiveRecordRepository } from '../../adapters/dynamodb/archive-records.repository.js';
import { DynamoClaimRepository } from '../../adapters/dynamodb/claim.repository.js';
import { mainTableName, sharedDynamoDb } from '../../adapters/dynamodb/client.js';
import { DynamoPlatformRepository } from '../../adapters/dynamodb/platform.repository.js';
import { DynamoPolicyRepository } from '../../adapters/dynamodb/policy.repository.js';
import { sharedRegulatorReadClients } from '../../adapters/dynamodb/regulator-read-client.js';
import { sharedEnterpriseReadClients } from '../../adapters/dynamodb/enterprise-read-client.js';
import { Store } from '../../adapters/dynamodb/store.js';
import { sharedTenantScopedClients } from '../../adapters/dynamodb/tenant-scoped-client.js';
import { newId } from '../../adapters/ids.js';

/** One insurer's claims and the policies they are made on, through its tenant-scoped credentials (IAM layer 2). */
export interface TenantClaims {
  readonly claims: ClaimRepository;
  /** CLM-1: the policy a claim is on; `get` answers the tenant's own (lead) policies only (ACL-1). */
  readonly policies: Pick<PolicyRepository, 'get'>;
  /** CLM-1: the upload tickets of the claim documents (the write-once archive's upload items, SVC-13's mechanism). */
  readonly uploads: Pick<ArchiveRecordRepository, 'createUpload' | 'getUploads'>;
}

/** What the claims Lambda's use cases work with: ports of domain/ only. */
export interface ClaimsRoot {
  forTenant(tenantId: string): Promise<TenantClaims>;
  /** ACL-5: the enterprise's claims across insurers (GSI3), in its own read session (IAM: `ENT#<uscc>#*` only, issue 21). */
  forEnterprise(uscc: string): Promise<Pick<ClaimViews, 'getForEnterprise' | 'listByEnterprise'>>;
  /** CLM-1, ACL-4 (issue 21): the declines (GSI4, by county) in the read-only regulator session of the caller's scope. */
  regulatorViews(regulator: RegulatorPrincipal): Promise<Pick<ClaimViews, 'listDeclined'>>;
  /** The insurers' names, for the regulators' list. */
  readonly platform: PlatformRepository;
  readonly clock: Clock;
  readonly newId: NewId;
}

let root: ClaimsRoot | undefined;

/** Built on first use, once per container: no client is made at import time (cold start, bench). */
export function claimsRoot(): ClaimsRoot {
  if (!root) {
    const table = mainTableName();
    const store = new Store(sharedDynamoDb().doc, table, systemClock);
    const scoped = sharedTenantScopedClients();
    root = {
      async forTenant(tenantId) {
        const tenantStore = new Store(await scoped.forTenant({ tenantId }), table, systemClock);
        return { claims: new DynamoClaimRepository(tenantStore), policies: new DynamoPolicyRepository(tenantStore), uploads: new DynamoArchiveRecordRepository(tenantStore) };
      },
      forEnterprise: async (uscc) => new DynamoClaimRepository(new Store(await sharedEnterpriseReadClients().client(uscc), table, systemClock)),
      regulatorViews: async (regulator) => new DynamoClaimRepository(new Store(await sharedRegulatorReadClients().client(regulator), table, systemClock)),
      platform: new DynamoPlatformRepository(store),
      clock: systemClock,
      newId,
    };
  }
  return root;
}
