import type { ComplaintDeadlineSweeps } from '../../domain/complaints/complaint.repository.js';
import { reportOverdue } from '../../domain/complaints/deadlines.js';
import { shanghaiDateOf } from '../../domain/kernel/calendar/local-date.js';
import type { PlatformRepository } from '../../domain/platform/platform.repository.js';
import { forEachDueItem } from './each-tenant.js';

/**
 * CMP-2..4/CMP-8: each day, complaints whose binding due date has passed without a reply are reported once
 * (`complaints.complaint.overdue`). It reads each tenant's sparse due-date index below today, so its cost grows
 * with the tenants and what is overdue, not with all complaints ever received.
 */
export async function sweepOverdueComplaints(
  platform: PlatformRepository,
  complaintsOf: (tenantId: string) => Promise<ComplaintDeadlineSweeps>,
  now: Date,
): Promise<number> {
  const today = shanghaiDateOf(now);
  return forEachDueItem(
    platform,
    async (tenantId, page) => (await complaintsOf(tenantId)).dueBefore(tenantId, today, page),
    async (complaint, tenantId) => {
      const report = reportOverdue(complaint, today);
      if (report === undefined) return false;
      await (await complaintsOf(tenantId)).recordOverdue(report, complaint.version, today);
      return true;
    },
  );
}
