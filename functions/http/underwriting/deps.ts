import { shanghaiDateOf, yearOf, type LocalDate } from '../../../domain/kernel/calendar/local-date.js';
import { PUBLISHED_RULE_SETS } from '../../../domain/kernel/rule-set/published.js';
import { selectRuleSet } from '../../../domain/kernel/rule-set/rule-set-registry.js';
import { isBlacklisted } from '../../../domain/register/blacklist.js';
import type { EnterpriseSnapshot } from '../../../domain/underwriting/policy.js';
import {
  evaluateEligibility,
  governingFiling,
  type CoinsuranceRole,
  type EligibilityResult,
  type QualificationFiling,
} from '../../../domain/underwriting/qualification.js';
import { DynamoBlacklistRepository } from '../../adapters/dynamodb/blacklist.repository.js';
import { mainTableName, sharedDynamoDb } from '../../adapters/dynamodb/client.js';
import { DynamoPlatformRepository } from '../../adapters/dynamodb/platform.repository.js';
import { DynamoPolicyRepository } from '../../adapters/dynamodb/policy.repository.js';
import { DynamoQualificationRepository } from '../../adapters/dynamodb/qualification.repository.js';
import { DynamoRegisterRepository } from '../../adapters/dynamodb/register.repository.js';
import { Store } from '../../adapters/dynamodb/store.js';
import { sharedTenantScopedClients } from '../../adapters/dynamodb/tenant-scoped-client.js';
import { systemClock, type Clock } from '../../adapters/clock.js';
import { newId } from '../../adapters/ids.js';

export interface UnderwritingDeps {
  /** A tenant's own policies and filings through tenant-scoped credentials (IAM layer 2). */
  forTenant(tenantId: string): Promise<{ policies: DynamoPolicyRepository; qualifications: DynamoQualificationRepository }>;
  /** ACL-5 and regulators' reads across insurers. */
  readonly views: DynamoPolicyRepository;
  readonly register: DynamoRegisterRepository;
  readonly blacklist: DynamoBlacklistRepository;
  readonly platform: DynamoPlatformRepository;
  readonly clock: Clock;
  readonly newId: (now: Date) => string;
}

let deps: UnderwritingDeps | undefined;

export function underwritingDeps(): UnderwritingDeps {
  if (!deps) {
    const table = mainTableName();
    const store = new Store(sharedDynamoDb().doc, table, systemClock);
    const scoped = sharedTenantScopedClients();
    deps = {
      forTenant: async (tenantId) => {
        const tenantStore = new Store(await scoped.forTenant({ tenantId }), table, systemClock);
        return { policies: new DynamoPolicyRepository(tenantStore), qualifications: new DynamoQualificationRepository(tenantStore) };
      },
      views: new DynamoPolicyRepository(store),
      register: new DynamoRegisterRepository(store),
      blacklist: new DynamoBlacklistRepository(store),
      platform: new DynamoPlatformRepository(store),
      clock: systemClock,
      newId,
    };
  }
  return deps;
}

export const todayOf = (clock: Clock): LocalDate => shanghaiDateOf(clock.now());

/** REG-1: the register's entry as the policy snapshots it (the register's `staff` is UW-3's whole workforce). */
export async function enterpriseSnapshot(uscc: string): Promise<EnterpriseSnapshot | undefined> {
  const entry = await underwritingDeps().register.get(uscc);
  return entry && { uscc: entry.uscc, name: entry.name, industry: entry.industry, size: entry.size, county: entry.county, employees: entry.staff };
}

/**
 * UW-8 / QUAL-1..6 / BLK-1: the insurer's eligibility on a date, computed from its governing filing and the
 * blacklist — never stored, never typed in. Returns the filing too, whose filed product rates the policy (UW-7).
 */
export async function eligibilityOn(
  tenantId: string,
  onDate: LocalDate,
  coinsuranceRole: CoinsuranceRole,
): Promise<{ result: EligibilityResult; filing: QualificationFiling | undefined }> {
  const { forTenant, blacklist } = underwritingDeps();
  const { qualifications } = await forTenant(tenantId);
  const ruleSet = selectRuleSet(PUBLISHED_RULE_SETS, onDate);
  const [filings, listings] = await Promise.all([qualifications.listRecent(tenantId, yearOf(onDate)), blacklist.entriesOf(tenantId)]);
  const filing = governingFiling(filings, onDate, ruleSet);
  const result = evaluateEligibility(filing, { onDate, blacklisted: isBlacklisted(listings, tenantId, onDate), coinsuranceRole, ruleSet });
  return { result, filing };
}
