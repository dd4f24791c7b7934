import type { ComplaintRepository, ComplaintViews } from '../../../domain/complaints/complaint.repository.js';
import type { ComplaintRules } from '../../../domain/complaints/deadlines.js';
import type { RegulatorPrincipal } from '../../../domain/identity/principal.js';
import type { EnterpriseInsurers } from '../../../domain/identity/enterprise-insurers.port.js';
import type { Clock } from '../../../domain/kernel/clock.js';
import type { NewId } from '../../../domain/kernel/new-id.port.js';
import type { RuleSetSource } from '../../../domain/kernel/rule-set/rule-set-source.port.js';
import type { CalendarSource } from '../../../domain/platform/calendar-source.port.js';
import type { PlatformRepository } from '../../../domain/platform/platform.repository.js';
import { sharedCalendarSource } from '../../adapters/calendar-provider.js';
import { systemClock } from '../../adapters/clock.js';
import { mainTableName, sharedDynamoDb } from '../../adapters/dynamodb/client.js';
import { DynamoComplaintRepository } from '../../adapters/dynamodb/complaint.repository.js';
import { DynamoEnterpriseInsurers } from '../../adapters/dynamodb/enterprise-insurers.js';
import { DynamoPlatformRepository } from '../../adapters/dynamodb/platform.repository.js';
import { sharedRegulatorReadClients } from '../../adapters/dynamodb/regulator-read-client.js';
import { sharedRuleSets } from '../../adapters/dynamodb/rule-set.repository.js';
import { sharedEnterpriseReadClients } from '../../adapters/dynamodb/enterprise-read-client.js';
import { Store } from '../../adapters/dynamodb/store.js';
import { sharedTenantScopedClients } from '../../adapters/dynamodb/tenant-scoped-client.js';
import { newId } from '../../adapters/ids.js';

/** What an enterprise user reads of its complaints across insurers (ACL-5). */
export interface EnterpriseComplaintViews {
  readonly complaints: Pick<ComplaintViews, 'getForEnterprise' | 'listByEnterprise'>;
  readonly insurers: EnterpriseInsurers;
}

/** What the complaints Lambda's use cases work with: ports of domain/ only. */
export interface ComplaintsRoot {
  /** A tenant's complaints through tenant-scoped credentials (IAM layer 2). */
  forTenant(tenantId: string): Promise<ComplaintRepository>;
  /**
   * ACL-5: the enterprise's complaints across insurers (GSI3), and the insurers it holds a policy with — the only
   * ones its writes may go to (issue 21) — in its own read session (IAM: `ENT#<uscc>#*` only).
   */
  forEnterprise(uscc: string): Promise<EnterpriseComplaintViews>;
  /** CMP-6, ACL-4 (issue 21): the escalations (GSI4, by county) in the read-only regulator session of the caller's scope. */
  regulatorViews(regulator: RegulatorPrincipal): Promise<Pick<ComplaintViews, 'listEscalated'>>;
  /** The insurers on the platform, which an enterprise addresses a complaint to. */
  readonly platform: PlatformRepository;
  /** RULES-1 versions and the current calendar (built-in plus loaded years, CAL-2). */
  rules(): Promise<ComplaintRules>;
  readonly clock: Clock;
  readonly newId: NewId;
}

/** Everything the rules need besides the complaint: every published rule set and the calendar of now. */
export async function complaintRulesFrom(calendar: CalendarSource, ruleSets: RuleSetSource): Promise<ComplaintRules> {
  // RULES-1: every version, built in or published by the city EMB; each complaint uses the one in force on its day of receipt.
  const [versions, current] = await Promise.all([ruleSets.versions(), calendar.current()]);
  return { ruleSets: versions, calendar: current };
}

let root: ComplaintsRoot | undefined;

/** Built on first use, once per container: no client is made at import time (cold start, bench). */
export function complaintsRoot(): ComplaintsRoot {
  if (!root) {
    const table = mainTableName();
    const store = new Store(sharedDynamoDb().doc, table, systemClock);
    const scoped = sharedTenantScopedClients();
    root = {
      forTenant: async (tenantId) => new DynamoComplaintRepository(new Store(await scoped.forTenant({ tenantId }), table, systemClock)),
      forEnterprise: async (uscc) => {
        const enterpriseStore = new Store(await sharedEnterpriseReadClients().client(uscc), table, systemClock);
        return { complaints: new DynamoComplaintRepository(enterpriseStore), insurers: new DynamoEnterpriseInsurers(enterpriseStore) };
      },
      regulatorViews: async (regulator) => new DynamoComplaintRepository(new Store(await sharedRegulatorReadClients().client(regulator), table, systemClock)),
      platform: new DynamoPlatformRepository(store),
      rules: () => complaintRulesFrom(sharedCalendarSource, sharedRuleSets()),
      clock: systemClock,
      newId,
    };
  }
  return root;
}
