import type { Complaint } from '../../../domain/complaints/complaint.js';
import type {
  ComplaintDeadlineSweeps,
  ComplaintPage,
  ComplaintRepository,
  ComplaintViews,
  EnterpriseComplaintQuery,
  EscalatedComplaintQuery,
  PageRequest,
  TenantComplaintQuery,
} from '../../../domain/complaints/complaint.repository.js';
import { awaitsReply } from '../../../domain/complaints/deadlines.js';
import type { LocalDate } from '../../../domain/kernel/calendar/local-date.js';
import { Conflict } from '../../../domain/kernel/errors.js';
import type { Changed } from '../../../domain/kernel/events.js';
import { countyShardedPage, NO_COUNTY } from './county-sharded-page.js';
import { keys } from './keys.js';
import { outboxOf } from './store.js';
import type { OutboxEvent, Store } from './store.js';
import { entityOf } from './stored-item.js';

function toDomain(item: Record<string, unknown> | undefined): Complaint | undefined {
  return item && entityOf<Complaint>(item, ['overdueNotifiedOn']);
}

/**
 * The stored complaint carries its own index entries, so one write keeps every view in step:
 * the insurer's listing (GSI1), the due-date index while a reply is awaited (GSI2, sparse), the enterprise's
 * view across insurers (GSI3) and, once escalated, the regulators' view by county (GSI4, sparse).
 */
function toItem(complaint: Complaint): Record<string, unknown> {
  const awaiting = awaitsReply(complaint);
  return {
    ...complaint,
    ...keys.complaint(complaint.tenantId, complaint.id),
    kind: 'COMPLAINT',
    GSI1PK: keys.complaintListing(complaint.tenantId),
    GSI1SK: complaint.id,
    ...(awaiting
      ? { GSI2PK: keys.complaintsDue(complaint.tenantId), GSI2SK: `${complaint.deadlines.binding.dueOn}#${complaint.id}` }
      : {}),
    GSI3PK: keys.enterpriseComplaints(complaint.enterpriseUscc),
    GSI3SK: complaint.id,
    ...(complaint.escalation
      ? { GSI4PK: keys.escalatedComplaints(complaint.county ?? NO_COUNTY), GSI4SK: `${complaint.escalation.at}#${complaint.id}` }
      : {}),
  };
}

/** The events a change raised, each in the complaint's partition (ordered with it on the stream). */
const outboxOfChange = ({ state, events }: Changed<Complaint>): OutboxEvent[] =>
  events.map((event) => outboxOf(event, keys.complaint(state.tenantId, state.id)));

const pageOfItems = (page: { items: Record<string, unknown>[]; nextCursor?: string; total?: number }): ComplaintPage => ({
  items: page.items.map((item) => toDomain(item) as Complaint),
  nextCursor: page.nextCursor,
  ...(page.total === undefined ? {} : { total: page.total }),
});

/** Complaints over the one table; every change is one transaction with the events it raised. */
export class DynamoComplaintRepository implements ComplaintRepository, ComplaintViews, ComplaintDeadlineSweeps {
  constructor(private readonly store: Store) {}

  async create(change: Changed<Complaint>): Promise<void> {
    const complaint = change.state;
    await this.store.commit(
      [{ kind: 'create', item: toItem(complaint) as never, onExists: () => new Conflict(`complaint ${complaint.id} exists`) }],
      outboxOfChange(change),
    );
  }

  async get(tenantId: string, complaintId: string): Promise<Complaint | undefined> {
    return toDomain(await this.store.get(keys.complaint(tenantId, complaintId)));
  }

  /** One enterprise's complaint by id, whichever insurer it is against (GSI3, exact key). */
  async getForEnterprise(uscc: string, complaintId: string): Promise<Complaint | undefined> {
    const page = await this.store.page<Record<string, unknown>>({
      index: 'GSI3',
      partition: keys.enterpriseComplaints(uscc),
      sortKey: { equals: complaintId },
      limit: 1,
    });
    return toDomain(page.items[0]);
  }

  async listByTenant(tenantId: string, query: TenantComplaintQuery): Promise<ComplaintPage> {
    // Overdue: the sparse due-date index below today — cost grows with what is overdue, not with all complaints.
    const page = query.overdueOn
      ? await this.store.page<Record<string, unknown>>({
          index: 'GSI2',
          partition: keys.complaintsDue(tenantId),
          sortKey: { lessThan: query.overdueOn },
          limit: query.limit,
          cursor: query.cursor,
          withTotal: query.withTotal === true && !query.cursor,
          filter: statusFilter(query.status),
        })
      : await this.store.page<Record<string, unknown>>({
          index: 'GSI1',
          partition: keys.complaintListing(tenantId),
          limit: query.limit,
          cursor: query.cursor,
          withTotal: query.withTotal === true && !query.cursor,
          newestFirst: true,
          filter: statusFilter(query.status),
        });
    return pageOfItems(page);
  }

  async listByEnterprise(enterpriseUscc: string, query: EnterpriseComplaintQuery): Promise<ComplaintPage> {
    const page = await this.store.page<Record<string, unknown>>({
      index: 'GSI3',
      partition: keys.enterpriseComplaints(enterpriseUscc),
      limit: query.limit,
      cursor: query.cursor,
      withTotal: query.withTotal === true && !query.cursor,
      newestFirst: true,
      filter: statusFilter(query.status),
    });
    return pageOfItems(page);
  }

  /**
   * CMP-6, ACL-4 (issue 21): the escalated complaints, one partition per county, read through the regulator
   * session of the caller's scope (county-sharded-page.ts): a county EMB's its county's only.
   */
  async listEscalated(query: EscalatedComplaintQuery): Promise<ComplaintPage> {
    const page = await countyShardedPage<Record<string, unknown>>(this.store, {
      view: 'REG#COMPLAINT-ESCALATED',
      index: 'GSI4',
      partitionOf: keys.escalatedComplaints,
      county: query.county,
      extraShards: [NO_COUNTY],
      limit: query.limit,
      cursor: query.cursor,
      withTotal: query.withTotal,
      filter: query.to
        ? { FilterExpression: 'escalation.#to = :to', ExpressionAttributeNames: { '#to': 'to' }, ExpressionAttributeValues: { ':to': query.to } }
        : undefined,
    });
    return pageOfItems(page);
  }

  async save(change: Changed<Complaint>, expectedVersion: number): Promise<void> {
    await this.store.commit(
      [{ kind: 'update', item: toItem(change.state) as never, expectedVersion, entity: 'complaint' }],
      outboxOfChange(change),
    );
  }

  /**
   * The daily sweep's mark: the complaint went past its binding due date without a reply. The marker keeps
   * it out of `dueBefore` from then on, and the version condition keeps two sweeps from both reporting it.
   */
  async recordOverdue(report: Changed<Complaint>, expectedVersion: number, today: LocalDate): Promise<void> {
    await this.store.commit(
      [{ kind: 'update', item: { ...toItem(report.state), overdueNotifiedOn: today } as never, expectedVersion, entity: 'complaint' }],
      outboxOfChange(report),
    );
  }

  /** CAL-2: complaints awaiting a reply with any due date still provisional. */
  async provisionalDue(tenantId: string, { limit, cursor }: PageRequest): Promise<ComplaintPage> {
    const page = await this.store.page<Record<string, unknown>>({
      index: 'GSI2',
      partition: keys.complaintsDue(tenantId),
      limit,
      cursor,
      filter: {
        FilterExpression:
          'deadlines.binding.provisional = :yes OR deadlines.workingDay.provisional = :yes OR deadlines.nfra.provisional = :yes',
        ExpressionAttributeValues: { ':yes': true },
      },
    });
    return pageOfItems(page);
  }

  /** Complaints of a tenant whose binding due date is before `today` and not yet reported overdue. */
  async dueBefore(tenantId: string, today: LocalDate, { limit, cursor }: PageRequest): Promise<ComplaintPage> {
    const page = await this.store.page<Record<string, unknown>>({
      index: 'GSI2',
      partition: keys.complaintsDue(tenantId),
      sortKey: { lessThan: today },
      limit,
      cursor,
      filter: { FilterExpression: 'attribute_not_exists(overdueNotifiedOn)' },
    });
    return pageOfItems(page);
  }
}

function statusFilter(status: string | undefined) {
  return status
    ? { FilterExpression: '#status = :status', ExpressionAttributeNames: { '#status': 'status' }, ExpressionAttributeValues: { ':status': status } }
    : undefined;
}
