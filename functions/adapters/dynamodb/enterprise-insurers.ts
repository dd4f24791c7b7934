import type { EnterpriseInsurers } from '../../../domain/identity/enterprise-insurers.port.js';
import { keys } from './keys.js';
import type { Store } from './store.js';

/** The tenant a partition key belongs to: `T#<tenantId>#…`, the prefix IAM binds to the writer's session tag. */
const tenantOfPartition = (pk: unknown): string | undefined => (typeof pk === 'string' ? /^T#([A-Za-z0-9_-]+)#/.exec(pk)?.[1] : undefined);

/** One enterprise's policies are few (a handful a year): its GSI3 partition is read a page of 100 at a time. */
const PAGE = 100;

/**
 * ACL-5, issue 21: the enterprise's policies (GSI3 `ENT#<uscc>#POLICY`, the USCC from its token) name the
 * insurers it may write to. The tenant is read from each policy item's partition key, not from its `tenantId`
 * attribute: a tenant's session can write only under `T#<its id>#` (layer 2), so no insurer can make a policy
 * appear as another's; an item whose attribute disagrees with its key is ignored.
 */
export class DynamoEnterpriseInsurers implements EnterpriseInsurers {
  constructor(private readonly store: Store) {}

  async insurerOfPolicy(uscc: string, policyId: string): Promise<string | undefined> {
    const page = await this.store.page<Record<string, unknown>>({
      index: 'GSI3',
      partition: keys.enterprisePolicies(uscc),
      sortKey: { equals: policyId },
      limit: 10,
    });
    return page.items.map((item) => this.insurerOf(item, uscc)).find((tenantId) => tenantId !== undefined);
  }

  async insures(uscc: string, tenantId: string): Promise<boolean> {
    let cursor: string | undefined;
    do {
      const page = await this.store.page<Record<string, unknown>>({ index: 'GSI3', partition: keys.enterprisePolicies(uscc), limit: PAGE, cursor });
      if (page.items.some((item) => this.insurerOf(item, uscc) === tenantId)) return true;
      cursor = page.nextCursor;
    } while (cursor);
    return false;
  }

  private insurerOf(item: Record<string, unknown>, uscc: string): string | undefined {
    const tenantId = tenantOfPartition(item.PK);
    const enterprise = item.enterprise as { uscc?: unknown } | undefined;
    if (!tenantId || item.tenantId !== tenantId || enterprise?.uscc !== uscc) return undefined;
    return tenantId;
  }
}
