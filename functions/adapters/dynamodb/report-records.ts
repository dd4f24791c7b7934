import type { ReportRecords } from '../../../domain/reports/figures.js';
import type { ReportPeriod } from '../../../domain/reports/report-figures.js';
import type { ReportRecordSource } from '../../../domain/reports/report-records.port.js';
import type { LedgerEntry } from '../../../domain/fees/ledger-entry.js';
import type { Claim } from '../../../domain/claims/claim.js';
import type { Complaint } from '../../../domain/complaints/complaint.js';
import type { Hazard } from '../../../domain/services/hazard.js';
import type { PreventionService } from '../../../domain/services/service.js';
import { DynamoClaimRepository } from './claim.repository.js';
import { DynamoComplaintRepository } from './complaint.repository.js';
import { DynamoFeeLedgerRepository } from './fee-ledger.repository.js';
import { DynamoHazardRepository } from './hazards.repository.js';
import { DynamoObligationReads } from './obligation-reads.js';
import { DynamoServiceRepository } from './services.repository.js';
import type { Store } from './store.js';

/** No cap in practice: a report reads every policy of its period (the obligations list caps its own page). */
const ALL_POLICIES = 10_000_000;
const PAGE = 100;

/** Follows a listing's cursors to its end. */
async function everyItem<T>(page: (cursor: string | undefined) => Promise<{ items: readonly T[]; nextCursor?: string }>): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const out = await page(cursor);
    items.push(...out.items);
    cursor = out.nextCursor;
  } while (cursor);
  return items;
}

/**
 * RPT-4: a report's records through the readers the other contexts already use, over the insurer's own
 * tenant-scoped store: the policies starting in the period (GSI4 by period start, as the obligations list),
 * their plans (BatchGetItem), the ledger year (one partition, in sequence order, as the export), and the
 * services, hazards, complaints and claims by their tenant listings.
 */
export class DynamoReportRecords implements ReportRecordSource {
  constructor(private readonly store: Store) {}

  async recordsOf(tenantId: string, period: ReportPeriod): Promise<ReportRecords> {
    const obligations = new DynamoObligationReads(this.store);
    const services = new DynamoServiceRepository(this.store);
    const hazards = new DynamoHazardRepository(this.store);
    const complaints = new DynamoComplaintRepository(this.store);
    const fees = new DynamoFeeLedgerRepository(this.store);
    const claims = new DynamoClaimRepository(this.store);
    const [policyRead, serviceItems, hazardItems, complaintItems, ledger, claimItems] = await Promise.all([
      obligations.policiesStarting(tenantId, period.from, period.to, ALL_POLICIES),
      everyItem<PreventionService>((cursor) => services.listServices(tenantId, { limit: PAGE, cursor })),
      everyItem<Hazard>((cursor) => hazards.listHazards(tenantId, { limit: PAGE, cursor })),
      everyItem<Complaint>((cursor) => complaints.listByTenant(tenantId, { limit: PAGE, cursor })),
      (async () => {
        const entries: LedgerEntry[] = [];
        await fees.eachEntryPage(tenantId, period.year, (page) => {
          entries.push(...page);
        });
        return entries;
      })(),
      everyItem<Claim>((cursor) => claims.listByTenant(tenantId, { limit: PAGE, cursor })),
    ]);
    const plans = await obligations.plansOf(tenantId, policyRead.policies.map((policy) => policy.id));
    return { policies: policyRead.policies, plans: [...plans.values()], services: serviceItems, hazards: hazardItems, ledger, complaints: complaintItems, claims: claimItems };
  }
}
