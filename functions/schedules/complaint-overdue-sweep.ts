import { shanghaiDateOf } from '../../domain/kernel/calendar/local-date.js';
import { StaleVersion } from '../../domain/kernel/errors.js';
import type { DynamoComplaintRepository } from '../adapters/dynamodb/complaint.repository.js';
import type { DynamoPlatformRepository } from '../adapters/dynamodb/platform.repository.js';
import { forEachTenant } from './each-tenant.js';

/**
 * CMP-2..4/CMP-8: each day, complaints whose binding due date has passed without a reply are reported once
 * (`complaints.complaint.overdue`). It reads each tenant's sparse due-date index below today, so its cost grows
 * with the tenants and what is overdue, not with all complaints ever received.
 */
export async function sweepOverdueComplaints(
  platform: DynamoPlatformRepository,
  complaintsOf: (tenantId: string) => Promise<DynamoComplaintRepository>,
  now: Date,
): Promise<number> {
  const today = shanghaiDateOf(now);
  let reported = 0;
  await forEachTenant(platform, async (tenantId) => {
    const repository = await complaintsOf(tenantId);
    let cursor: string | undefined;
    do {
      const due = await repository.dueBefore(tenantId, today, 100, cursor);
      for (const complaint of due.items) {
        try {
          await repository.recordOverdue(complaint, today);
          reported += 1;
        } catch (error) {
          // Changed since it was read (a reply just landed, or another sweep marked it): nothing to report.
          if (!(error instanceof StaleVersion)) throw error;
        }
      }
      cursor = due.nextCursor;
    } while (cursor);
  });
  return reported;
}
