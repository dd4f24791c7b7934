import { NotFound } from '../../../domain/kernel/errors.js';
import type { ReportRepository } from '../../../domain/reports/report.repository.js';
import type { Report } from '../../../domain/reports/report.js';
import { reportsRoot } from './composition-root.js';

/**
 * RPT-1: the caller's own report, through the tenant's session — another insurer's or a missing one is the same 404
 * (ACL-1). With the repository, for the route's writes and version reads.
 */
export async function loadOwnReport(tenantId: string, reportId: string): Promise<{ readonly report: Report; readonly reports: ReportRepository }> {
  const { reports } = await reportsRoot().forTenant(tenantId);
  const report = await reports.get(tenantId, reportId);
  if (!report) throw new NotFound('report');
  return { report, reports };
}
