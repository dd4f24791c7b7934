import { archiveEvents } from '../../../domain/archive/events.js';
import type { FolderEvaluationMaterial, FolderEvaluationReads } from '../../../domain/archive/folder-evaluations.js';
import { periodKeyOf } from '../../../domain/reports/period.js';
import type { DynamoEvaluationRepository } from './evaluation.repository.js';
import type { DynamoReportRepository } from './report.repository.js';
import type { ArchiveFolderReads, FolderArchiveRecords, FolderMaterial, FolderScope } from '../../../domain/archive/folder.js';
import { Conflict } from '../../../domain/kernel/errors.js';
import { citedArchiveIds } from '../../../domain/archive/folder.js';
import type { ArchiveRecord } from '../../../domain/services/archive-record.schema.js';
import type { Hazard } from '../../../domain/services/hazard.js';
import type { ServicePlan } from '../../../domain/services/service-plan.schema.js';
import type { PreventionService } from '../../../domain/services/service.js';
import type { Policy } from '../../../domain/underwriting/policy.js';
import { keys } from './keys.js';
import { archiveItem, strip, toArchiveRecord, toService } from './service-items.js';
import { outboxOf, type Store } from './store.js';
import { entityOf } from './stored-item.js';

/**
 * SVC-10 (issue 18): the enterprise's archive folder from the table. Built over the caller's Store: an
 * insurer's tenant-scoped one (IAM layer 2 keeps it to its own partitions) or the regulators' read-only one.
 * Every read is bounded by the enterprise and its policies: a Query of its policies, per policy a Query of its
 * services (GSI4), one of its archive index (GSI1) and a GetItem of its plan, then BatchGetItem of the hazards
 * and of the records the aggregates cite that the index does not hold (archived before it existed).
 */
export class DynamoArchiveFolderReads implements ArchiveFolderReads {
  constructor(private readonly store: Store) {}

  async policiesOf(scope: FolderScope, uscc: string): Promise<readonly Policy[]> {
    // An insurer: the policies it leads (GSI2, its own partition); a member's read-only copy is the lead's to archive.
    const query =
      scope.kind === 'insurer'
        ? { index: 'GSI2' as const, partition: keys.enterprisePoliciesOfTenant(scope.tenantId, uscc) }
        : { index: 'GSI3' as const, partition: keys.enterprisePolicies(uscc) };
    const items = await this.all(query);
    return items
      .filter((item) => item.kind === 'POLICY' && (scope.kind !== 'insurer' || item.tenantId === scope.tenantId))
      .map((item) => entityOf<Policy>(item, ['projections']));
  }

  async materialOf(policies: readonly Policy[]): Promise<FolderMaterial> {
    const perPolicy = await Promise.all(
      policies.map(async (policy) => {
        const [services, indexed, plan] = await Promise.all([
          this.all({ index: 'GSI4', partition: keys.policyServices(policy.tenantId, policy.id) }),
          this.all({ index: 'GSI1', partition: keys.policyArchive(policy.tenantId, policy.id) }),
          this.store.get<Record<string, unknown>>(keys.servicePlan(policy.tenantId, policy.id)),
        ]);
        return {
          services: services.filter((item) => item.kind === 'SERVICE').map((item) => toService(item) as PreventionService),
          records: indexed.filter((item) => item.kind === 'ARCHIVE').map((item) => toArchiveRecord(item) as ArchiveRecord),
          plan: plan?.kind === 'SERVICE_PLAN' ? (strip<ServicePlan>(plan) as ServicePlan) : undefined,
        };
      }),
    );
    const services = perPolicy.flatMap((part) => part.services);
    const plans = perPolicy.flatMap((part) => (part.plan ? [part.plan] : []));
    const hazardKeys = services.flatMap((service) => service.hazardIds.map((id) => keys.hazard(service.tenantId, id)));
    const hazards = (await this.store.getMany<Record<string, unknown>>(hazardKeys)).map((item) => strip<Hazard>(item) as Hazard);
    const records = perPolicy.flatMap((part) => part.records);
    const known = new Set(records.map((record) => record.archiveId));
    const tenantOf = new Map<string, string>();
    for (const plan of plans) if (plan.archive) tenantOf.set(plan.archive.archiveId, plan.tenantId);
    for (const service of services) if (service.archive) tenantOf.set(service.archive.archiveId, service.tenantId);
    for (const hazard of hazards) tenantOf.set(hazard.notice.archiveId, hazard.tenantId);
    const missing = citedArchiveIds({ services, hazards, plans }).filter((id) => !known.has(id));
    const older = await this.store.getMany<Record<string, unknown>>(missing.map((id) => keys.archiveRecord(tenantOf.get(id) as string, id)));
    return { services, hazards, plans, records: [...records, ...older.map((item) => toArchiveRecord(item) as ArchiveRecord)] };
  }

  /** Every item of one index partition, page by page (bounded by the enterprise or the policy it names). */
  private async all(query: { index: 'GSI1' | 'GSI2' | 'GSI3' | 'GSI4'; partition: string }): Promise<Record<string, unknown>[]> {
    const items: Record<string, unknown>[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.store.page<Record<string, unknown>>({ ...query, limit: 100, cursor });
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return items;
  }
}

/**
 * SVC-10, RPT-2, RPT-3: an insurer's evaluation files of a year for the folder — its self-evaluation report's
 * submitted versions through the caller's scoped session (the insurer's tenant role, or the read-only regulator
 * role: both read `T#<tenant>#REPORT…`), its published evaluations through the services function's own role
 * (`R#evaluations#PUBLISHED#<tenant>`, read-only). Three reads per insurer and year at most, none per enterprise.
 */
export class DynamoFolderEvaluationReads implements FolderEvaluationReads {
  constructor(
    private readonly reports: Pick<DynamoReportRepository, 'submittedVersionsOf'>,
    private readonly evaluations: Pick<DynamoEvaluationRepository, 'publishedOfYear'>,
  ) {}

  async evaluationsOf(tenantId: string, year: number): Promise<FolderEvaluationMaterial> {
    const [selfEvaluations, evaluations] = await Promise.all([
      this.reports.submittedVersionsOf(tenantId, periodKeyOf({ year, kind: 'SELF_EVALUATION' })),
      this.evaluations.publishedOfYear(tenantId, year),
    ]);
    return { tenantId, year, selfEvaluations, evaluations };
  }
}

/**
 * SVC-10 (issue 18): the folder's own documents' records (the policy, a complaint, a ledger extract) in the
 * insurer's partition, each with its policy's archive index entry (archiveItem) and, in the same transaction,
 * `archive.document.archived` in the record's partition.
 */
export class DynamoFolderArchiveRecords implements FolderArchiveRecords {
  constructor(private readonly store: Store) {}

  async record(tenantId: string, archiveId: string) {
    return toArchiveRecord(await this.store.get(keys.archiveRecord(tenantId, archiveId)));
  }

  async create(record: ArchiveRecord): Promise<boolean> {
    const key = keys.archiveRecord(record.tenantId, record.archiveId);
    const event = archiveEvents.documentArchived.of(
      { id: record.archiveId, version: 1, tenantId: record.tenantId },
      {
        archiveId: record.archiveId,
        kind: record.kind,
        policyId: record.policyId,
        enterpriseUscc: record.enterpriseUscc,
        subject: record.subject,
        sha256: record.sha256,
        retainUntil: record.retainUntil,
      },
    );
    try {
      await this.store.commit([{ kind: 'create', item: { ...archiveItem(record), ...key }, onExists: () => new Conflict(`archive ${record.archiveId} exists`) }], [outboxOf(event, key)]);
      return true;
    } catch (error) {
      // A replay of the event that archived it: the record stands, write-once.
      if (error instanceof Conflict) return false;
      throw error;
    }
  }
}
