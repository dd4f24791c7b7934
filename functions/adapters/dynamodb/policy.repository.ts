import type { LocalDate } from '../../../domain/kernel/calendar/local-date.js';
import { Conflict } from '../../../domain/kernel/errors.js';
import type { DomainEvent } from '../../../domain/kernel/events.js';
import type { Policy } from '../../../domain/underwriting/policy.js';
import type { PageRequest, PolicyPage, PolicyRepository, TenantPolicyQuery } from '../../../domain/underwriting/policy.repository.js';
import type { PolicyNumbering } from '../../../domain/underwriting/policy-number.js';
import { keys } from './keys.js';
import { lastSequence, numberCounterWrite } from './number-counter.js';
import { outboxOf, type Store, type Write } from './store.js';
import { entityOf } from './stored-item.js';

/** Policies one Query of a filtered listing evaluates (Store.page's `evaluate`): sparse matches still fill a page. */
const SEARCH_EVALUATE = 500;

/** The policy as the domain knows it: the stored item without keys, indexes and a member copy's projection counter. */
function toDomain(item: Record<string, unknown> | undefined): Policy | undefined {
  return item === undefined ? undefined : entityOf<Policy>(item, ['projections']);
}

/**
 * The lead's policy carries its own index entries, so one write keeps its views in step: the insurer's
 * listing (GSI1), the enterprise's policies with this insurer for UW-9 (GSI2), the enterprise's own view
 * across insurers (GSI3, ACL-5) and the lead's policies by period start for the daily run (GSI4, issue 16).
 */
function toItem(policy: Policy): Record<string, unknown> {
  return {
    ...policy,
    ...keys.policy(policy.tenantId, policy.id),
    kind: 'POLICY',
    GSI1PK: keys.policyListing(policy.tenantId),
    GSI1SK: policy.id,
    GSI2PK: keys.enterprisePoliciesOfTenant(policy.tenantId, policy.enterprise.uscc),
    GSI2SK: `${policy.periodStart}#${policy.id}`,
    GSI3PK: keys.enterprisePolicies(policy.enterprise.uscc),
    GSI3SK: policy.id,
    // Issue 16: the daily run's SVC-2/SVC-4 reminders read the lead's policies by period start.
    GSI4PK: keys.policiesByStart(policy.tenantId),
    GSI4SK: `${policy.periodStart}#${policy.id}`,
  };
}

/**
 * A co-insurance member's read-only copy, in the member's own partition (ACL-1): written by the projection of
 * the lead's events, never by the lead's request, whose tenant-scoped role reaches only the lead's keys.
 */
export function memberCopyOf(policy: Policy, memberTenantId: string): Record<string, unknown> {
  return {
    ...policy,
    ...keys.policy(memberTenantId, policy.id),
    kind: 'POLICY_SHARE',
    GSI1PK: keys.sharedPolicyListing(memberTenantId),
    GSI1SK: policy.id,
    GSI2PK: keys.enterprisePoliciesOfTenant(memberTenantId, policy.enterprise.uscc),
    GSI2SK: `${policy.periodStart}#${policy.id}`,
  };
}

/**
 * ACL-1: the writes of a co-insured policy's read-only copies, one per member other than the lead — for the
 * projection's transaction. An `add` on `projections` creates the copy or refreshes it.
 */
export function memberCopyWrites(policy: Policy): Write[] {
  return policy.members
    .filter((member) => member.tenantId !== policy.tenantId)
    .map((member) => {
      const { PK: _pk, SK: _sk, ...attributes } = memberCopyOf(policy, member.tenantId);
      return { kind: 'add', key: keys.policy(member.tenantId, policy.id), add: { projections: 1 }, set: attributes };
    });
}

/** Policies over the one table, stored whole; every change is one transaction with the events the domain raised. */
export class DynamoPolicyRepository implements PolicyRepository {
  constructor(private readonly store: Store) {}

  async create(policy: Policy, events: readonly DomainEvent[], numbering?: PolicyNumbering): Promise<void> {
    const key = keys.policy(policy.tenantId, policy.id);
    // UW-1 (issue 15): a generated number moves the year's counter in the same transaction; its version is the
    // last sequence taken, so two issues racing for one sequence cannot both commit.
    const counter: Write[] = numbering
      ? [numberCounterWrite({ key: keys.policyNumberCounter(policy.tenantId, numbering.year), kind: 'POLICY_NUMBER_COUNTER', what: 'policy number', rule: 'UW-1' }, numbering)]
      : [];
    await this.store.commit(
      [
        ...counter,
        { kind: 'create', item: toItem(policy) as never, onExists: () => new Conflict(`policy ${policy.id} exists`) },
        {
          kind: 'create',
          item: { ...keys.policyNumber(policy.tenantId, policy.policyNumber), kind: 'POLICY_NUMBER', policyId: policy.id },
          onExists: () => new Conflict(`UW-1: policy number ${policy.policyNumber} is already used by this insurer`, 'UW-1'),
        },
      ],
      events.map((event) => outboxOf(event, key)),
    );
  }

  async policyNumberSequence(tenantId: string, year: number): Promise<number> {
    return lastSequence(this.store, keys.policyNumberCounter(tenantId, year));
  }

  async get(tenantId: string, policyId: string): Promise<Policy | undefined> {
    const item = await this.store.get<Record<string, unknown>>(keys.policy(tenantId, policyId));
    return item?.kind === 'POLICY' ? toDomain(item) : undefined;
  }

  async getByPolicyNumber(tenantId: string, policyNumber: string): Promise<Policy | undefined> {
    const guard = await this.store.get<{ policyId: string }>(keys.policyNumber(tenantId, policyNumber));
    return guard ? this.get(tenantId, guard.policyId) : undefined;
  }

  async listByTenant(tenantId: string, query: TenantPolicyQuery): Promise<PolicyPage> {
    return this.pageOf(keys.policyListing(tenantId), query);
  }

  async listByEnterpriseForTenant(tenantId: string, enterpriseUscc: string, coveringFrom: LocalDate): Promise<readonly Policy[]> {
    const policies: Policy[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.store.page<Record<string, unknown>>({
        index: 'GSI2',
        partition: keys.enterprisePoliciesOfTenant(tenantId, enterpriseUscc),
        limit: 100,
        cursor,
        // Only periods that may still reach `coveringFrom` matter for UW-9.
        filter: { FilterExpression: 'periodEnd >= :from', ExpressionAttributeValues: { ':from': coveringFrom } },
      });
      policies.push(...page.items.map((item) => toDomain(item) as Policy));
      cursor = page.nextCursor;
    } while (cursor);
    return policies;
  }

  /** The tenant's own policy or its read-only copy as a co-insurance member: one GetItem either way. */
  async getVisible(tenantId: string, policyId: string): Promise<Policy | undefined> {
    return toDomain(await this.store.get<Record<string, unknown>>(keys.policy(tenantId, policyId)));
  }

  async listVisibleToMember(tenantId: string, query: TenantPolicyQuery): Promise<PolicyPage> {
    return this.pageOf(keys.sharedPolicyListing(tenantId), query);
  }

  async save(policy: Policy, expectedVersion: number, events: readonly DomainEvent[]): Promise<void> {
    const key = keys.policy(policy.tenantId, policy.id);
    await this.store.commit(
      [{ kind: 'update', item: toItem(policy) as never, expectedVersion, entity: 'policy' }],
      events.map((event) => outboxOf(event, key)),
    );
  }

  /** ACL-5: one enterprise's policies across insurers (GSI3). */
  async listByEnterprise(uscc: string, query: PageRequest): Promise<PolicyPage> {
    const page = await this.store.page<Record<string, unknown>>({
      index: 'GSI3',
      partition: keys.enterprisePolicies(uscc),
      limit: query.limit,
      cursor: query.cursor,
      newestFirst: true,
      withTotal: query.withTotal === true && !query.cursor,
    });
    return { items: page.items.map((item) => toDomain(item) as Policy), nextCursor: page.nextCursor, ...(page.total === undefined ? {} : { total: page.total }) };
  }

  private async pageOf(partition: string, query: TenantPolicyQuery): Promise<PolicyPage> {
    const names: Record<string, string> = {};
    const values: Record<string, unknown> = {};
    const conditions: string[] = [];
    if (query.status) {
      names['#status'] = 'status';
      values[':status'] = query.status;
      conditions.push('#status = :status');
    }
    if (query.industry) {
      names['#enterprise'] = 'enterprise';
      values[':industry'] = query.industry;
      conditions.push('#enterprise.industry = :industry');
    }
    if (query.county) {
      names['#enterprise'] = 'enterprise';
      values[':county'] = query.county;
      conditions.push('#enterprise.county = :county');
    }
    if (query.q) {
      // Issue 15: one box finds a name or a policy number (any part) or a USCC (whole), over the tenant's own
      // listing: a filter whose Query evaluates up to SEARCH_EVALUATE policies per page (Store.page).
      names['#enterprise'] = 'enterprise';
      names['#ename'] = 'name';
      names['#number'] = 'policyNumber';
      values[':q'] = query.q;
      conditions.push('(contains(#enterprise.#ename, :q) OR contains(#number, :q) OR #enterprise.uscc = :q)');
    }
    const page = await this.store.page<Record<string, unknown>>({
      index: 'GSI1',
      partition,
      limit: query.limit,
      cursor: query.cursor,
      newestFirst: true,
      filter: conditions.length
        ? { FilterExpression: conditions.join(' AND '), ExpressionAttributeNames: names, ExpressionAttributeValues: values }
        : undefined,
      evaluate: SEARCH_EVALUATE,
      withTotal: query.withTotal === true && !query.cursor,
    });
    return { items: page.items.map((item) => toDomain(item) as Policy), nextCursor: page.nextCursor, total: page.total };
  }
}
