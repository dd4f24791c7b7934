import type { Complaint } from '../../../domain/complaints/complaint.js';
import type { Hazard } from '../../../domain/services/hazard.schema.js';
import type { Page } from '../../../domain/supervision/supervision-reads.port.js';
import type {
  SupervisedComplaintQuery,
  SupervisedHazardQuery,
  SupervisionRecords,
} from '../../../domain/supervision/supervision-records.port.js';
import { keys } from './keys.js';
import { DynamoRegisterRepository } from './register.repository.js';
import { filledPage } from './supervision-reads.repository.js';
import type { Store } from './store.js';
import { entityOf } from './stored-item.js';

// A county or grade filter fills its page with up to five Queries, as the policies' and services' listings do.

/** `#n0.#n1 = :v0 AND …` over named attribute paths. */
function filterOf(conditions: readonly (readonly [path: string, value: string | undefined])[]) {
  const kept = conditions.filter((condition): condition is readonly [string, string] => condition[1] !== undefined);
  if (kept.length === 0) return undefined;
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const expressions = kept.map(([path, value], index) => {
    const named = path
      .split('.')
      .map((part, at) => {
        names[`#f${index}_${at}`] = part;
        return `#f${index}_${at}`;
      })
      .join('.');
    values[`:f${index}`] = value;
    return `${named} = :f${index}`;
  });
  return { FilterExpression: expressions.join(' AND '), ExpressionAttributeNames: names, ExpressionAttributeValues: values };
}

/** The two passes of the hazard listing, in order; a cursor says which pass it continues. */
const GRADES = ['MAJOR', 'GENERAL'] as const;

/**
 * ACL-2/ACL-4 (issue 14): an insurer's hazards and complaints for the regulators, over the insurer's own GSI1
 * listings (the keys its own pages use), on a Store holding the read-only regulator credentials.
 */
export class DynamoSupervisionRecords implements SupervisionRecords {
  constructor(private readonly store: Store) {}

  async listHazards(tenantId: string, query: SupervisedHazardQuery): Promise<Page<Hazard>> {
    // SVC-7: major first — the MAJOR pass to its end, then the GENERAL one; the cursor is `<pass>.<cursor of that pass>`.
    const dot = query.cursor?.indexOf('.') ?? -1;
    let pass = Math.max(0, GRADES.indexOf((query.cursor?.slice(0, dot) ?? 'MAJOR') as (typeof GRADES)[number]));
    let cursor = query.cursor && dot >= 0 ? query.cursor.slice(dot + 1) || undefined : undefined;
    const items: Hazard[] = [];
    // Issues 14/15: both passes' rows, counted once on the first page.
    const counted = query.cursor || query.withTotal !== true
      ? undefined
      : this.store.count({
          index: 'GSI1',
          partition: keys.hazardListing(tenantId),
          filter: filterOf([
            ['enterprise.county', query.county],
            ['status', query.status],
          ]),
        });
    counted?.catch(() => undefined);
    const total = async () => (counted === undefined ? {} : { total: await counted });
    for (;;) {
      const grade = GRADES[pass] as (typeof GRADES)[number];
      const page = await filledPage(this.store, {
        index: 'GSI1',
        partition: keys.hazardListing(tenantId),
        limit: query.limit - items.length,
        cursor,
        newestFirst: true,
        filter: filterOf([
          ['grade', grade],
          ['enterprise.county', query.county],
          ['status', query.status],
        ]),
      });
      items.push(...page.items.map((item) => entityOf<Hazard>(item)));
      if (page.nextCursor) return { items, nextCursor: `${grade}.${page.nextCursor}`, ...(await total()) };
      if (pass === GRADES.length - 1) return { items, ...(await total()) };
      pass += 1;
      cursor = undefined;
      if (items.length >= query.limit) return { items, nextCursor: `${GRADES[pass]}.`, ...(await total()) };
    }
  }

  async listComplaints(tenantId: string, query: SupervisedComplaintQuery): Promise<Page<Complaint & { enterpriseName?: string }>> {
    const page = await filledPage(this.store, {
      index: 'GSI1',
      partition: keys.complaintListing(tenantId),
      limit: query.limit,
      cursor: query.cursor,
      withTotal: query.withTotal === true,
      newestFirst: true,
      filter: filterOf([
        ['county', query.county],
        ['status', query.status],
      ]),
    });
    const complaints = page.items.map((item) => entityOf<Complaint>(item, ['overdueNotifiedOn']));
    // Names, not ids: a complaint knows its enterprise by USCC; the register (REG-1) names it, one BatchGetItem.
    const names = await new DynamoRegisterRepository(this.store).getMany(complaints.map((complaint) => complaint.enterpriseUscc));
    return {
      items: complaints.map((complaint) => {
        const name = names.get(complaint.enterpriseUscc)?.name;
        return name === undefined ? complaint : { ...complaint, enterpriseName: name };
      }),
      nextCursor: page.nextCursor,
      ...(page.total === undefined ? {} : { total: page.total }),
    };
  }
}
