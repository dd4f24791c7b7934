import type { Clock } from '../../../domain/kernel/clock.js';
import type { NewId } from '../../../domain/kernel/new-id.port.js';
import type { RuleSetSource } from '../../../domain/kernel/rule-set/rule-set-source.port.js';
import type { PlatformRepository } from '../../../domain/platform/platform.repository.js';
import type { BlacklistRepository } from '../../../domain/register/blacklist.repository.js';
import type { RegisterRepository } from '../../../domain/register/register.repository.js';
import type { CountyCounts } from '../../../domain/register/county-counts.port.js';
import type { ArchiveRecordRepository } from '../../../domain/services/archive-record.repository.js';
import type { CoverageRepository } from '../../../domain/underwriting/coverage.repository.js';
import type { PaperFilingRepository } from '../../../domain/underwriting/paper-filing.repository.js';
import type { PolicyRepository } from '../../../domain/underwriting/policy.repository.js';
import type { QualificationRepository } from '../../../domain/underwriting/qualification.repository.js';
import type { RefusalRepository } from '../../../domain/underwriting/refusal.repository.js';
import { systemClock } from '../../adapters/clock.js';
import { DynamoArchiveRecordRepository } from '../../adapters/dynamodb/archive-records.repository.js';
import { DynamoBlacklistRepository } from '../../adapters/dynamodb/blacklist.repository.js';
import { mainTableName, sharedDynamoDb } from '../../adapters/dynamodb/client.js';
import { DynamoCoverageRepository } from '../../adapters/dynamodb/coverage.repository.js';
import { DynamoCountyCounts } from '../../adapters/dynamodb/county-counts.js';
import { DynamoPaperFilingRepository } from '../../adapters/dynamodb/paper-filing.repository.js';
import { DynamoPlatformRepository } from '../../adapters/dynamodb/platform.repository.js';
import { DynamoPolicyRepository } from '../../adapters/dynamodb/policy.repository.js';
import { DynamoQualificationRepository } from '../../adapters/dynamodb/qualification.repository.js';
import { DynamoRefusalRepository } from '../../adapters/dynamodb/refusal.repository.js';
import { DynamoRegisterRepository } from '../../adapters/dynamodb/register.repository.js';
import { sharedRuleSets } from '../../adapters/dynamodb/rule-set.repository.js';
import { sharedEnterpriseReadClients } from '../../adapters/dynamodb/enterprise-read-client.js';
import { Store } from '../../adapters/dynamodb/store.js';
import { sharedTenantScopedClients } from '../../adapters/dynamodb/tenant-scoped-client.js';
import { newId } from '../../adapters/ids.js';

/** A tenant's own underwriting data, reached through tenant-scoped credentials (IAM layer 2). */
export interface TenantUnderwriting {
  readonly policies: PolicyRepository;
  readonly qualifications: QualificationRepository;
  /** UW-12: the insurer's refusals to insure. */
  readonly refusals: RefusalRepository;
  /** QUAL-4: the insurer's upload tickets and archive records (shared with the services context's archive). */
  readonly archiveRecords: Pick<ArchiveRecordRepository, 'createUpload' | 'getUploads' | 'getArchiveRecord'>;
}

/** What the underwriting Lambda's use cases work with: ports of domain/ only. */
export interface UnderwritingRoot {
  forTenant(tenantId: string): Promise<TenantUnderwriting>;
  /** ACL-5: an enterprise's own policies across insurers (GSI3), in its own read session (IAM: `ENT#<uscc>#*` only, issue 21). */
  forEnterprise(uscc: string): Promise<Pick<PolicyRepository, 'listByEnterprise'>>;
  /** REG-1: the regulators' register — the enterprise a policy is written on, and UW-11's registered base. */
  readonly register: Pick<RegisterRepository, 'get' | 'list' | 'registeredCounts'>;
  /** BLK-1 for eligibility (QUAL-2). */
  readonly blacklist: Pick<BlacklistRepository, 'entriesOf'>;
  /** QUAL-6: the city EMB's paper filing records (regulator-owned, read only here). */
  readonly paperFilings: Pick<PaperFilingRepository, 'get' | 'listRecent'>;
  /** UW-6: the platform's tenants, which co-insurance members must be. */
  readonly platform: Pick<PlatformRepository, 'listTenants' | 'getTenant'>;
  /** UW-11: the pre-aggregated coverage the policy projection keeps (read only here). */
  readonly coverage: Pick<CoverageRepository, 'listCounty' | 'insuredCounts'>;
  /** REG-1, UW-11: registered and insured counters of many counties in batched reads (the city-wide view). */
  readonly countyCounts: CountyCounts;
  /** RULES-1: the rule-set versions, built in and published by the city EMB. */
  readonly ruleSets: RuleSetSource;
  readonly clock: Clock;
  readonly newId: NewId;
}

let root: UnderwritingRoot | undefined;

/** Built on first use, once per container: no client is made at import time (cold start, bench). */
export function underwritingRoot(): UnderwritingRoot {
  if (!root) {
    const table = mainTableName();
    const store = new Store(sharedDynamoDb().doc, table, systemClock);
    const scoped = sharedTenantScopedClients();
    root = {
      forTenant: async (tenantId) => {
        const tenantStore = new Store(await scoped.forTenant({ tenantId }), table, systemClock);
        return {
          policies: new DynamoPolicyRepository(tenantStore),
          qualifications: new DynamoQualificationRepository(tenantStore),
          refusals: new DynamoRefusalRepository(tenantStore),
          archiveRecords: new DynamoArchiveRecordRepository(tenantStore),
        };
      },
      forEnterprise: async (uscc) => new DynamoPolicyRepository(new Store(await sharedEnterpriseReadClients().client(uscc), table, systemClock)),
      register: new DynamoRegisterRepository(store),
      blacklist: new DynamoBlacklistRepository(store),
      paperFilings: new DynamoPaperFilingRepository(store),
      platform: new DynamoPlatformRepository(store),
      coverage: new DynamoCoverageRepository(store),
      countyCounts: new DynamoCountyCounts(store),
      ruleSets: sharedRuleSets(),
      clock: systemClock,
      newId,
    };
  }
  return root;
}
