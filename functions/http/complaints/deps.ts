import type { ComplaintRules } from '../../../domain/complaints/deadlines.js';
import type { Complaint } from '../../../domain/complaints/complaint.js';
import { PUBLISHED_RULE_SETS } from '../../../domain/kernel/rule-set/published.js';
import { currentCalendar } from '../../adapters/calendar-provider.js';
import { isXinzhouArea } from '../../../domain/kernel/area.js';
import { NotFound } from '../../../domain/kernel/errors.js';
import { mainTableName, sharedDynamoDb } from '../../adapters/dynamodb/client.js';
import { DynamoComplaintRepository } from '../../adapters/dynamodb/complaint.repository.js';
import { DynamoPlatformRepository } from '../../adapters/dynamodb/platform.repository.js';
import { Store } from '../../adapters/dynamodb/store.js';
import { sharedTenantScopedClients } from '../../adapters/dynamodb/tenant-scoped-client.js';
import { systemClock, type Clock } from '../../adapters/clock.js';
import { newId } from '../../adapters/ids.js';

export interface ComplaintDeps {
  /** A tenant's complaints through tenant-scoped credentials (IAM layer 2). */
  forTenant(tenantId: string): Promise<DynamoComplaintRepository>;
  /** Cross-tenant reads through the enterprise (GSI3) and regulator (GSI4) views. */
  readonly views: DynamoComplaintRepository;
  readonly platform: DynamoPlatformRepository;
  /** RULES-1 versions and the current calendar (built-in plus loaded years, CAL-2). */
  rules(): Promise<ComplaintRules>;
  readonly clock: Clock;
  readonly newId: (now: Date) => string;
}

/** The published rule-set versions (RULES-1). */
export const RULE_SETS = PUBLISHED_RULE_SETS;

let deps: ComplaintDeps | undefined;

export function complaintDeps(): ComplaintDeps {
  if (!deps) {
    const table = mainTableName();
    const store = new Store(sharedDynamoDb().doc, table, systemClock);
    const scoped = sharedTenantScopedClients();
    deps = {
      forTenant: async (tenantId) => new DynamoComplaintRepository(new Store(await scoped.forTenant({ tenantId }), table, systemClock)),
      views: new DynamoComplaintRepository(store),
      platform: new DynamoPlatformRepository(store),
      // RULES-1: every published version; each complaint uses the one in force on its day of receipt.
      rules: async () => ({ ruleSets: RULE_SETS, calendar: await currentCalendar() }),
      clock: systemClock,
      newId,
    };
  }
  return deps;
}

/**
 * ACL-4: the enterprise's county. Until the enterprise register (REG-1) is in place, the area is read from
 * the USCC's registration-authority division code (characters 3–8, GB 32100-2015), when it is one of
 * Xinzhou's; otherwise unknown, and only city-level regulators see the complaint.
 */
export function countyOf(uscc: string): string | undefined {
  const division = uscc.slice(2, 8);
  return isXinzhouArea(division) ? division : undefined;
}

/** A tenant's complaint, or the same 404 whether it is missing or another tenant's. */
export async function loadComplaint(tenantId: string, complaintId: string): Promise<{ repository: DynamoComplaintRepository; complaint: Complaint }> {
  const repository = await complaintDeps().forTenant(tenantId);
  const complaint = await repository.get(tenantId, complaintId);
  if (!complaint) throw new NotFound('complaint');
  return { repository, complaint };
}
