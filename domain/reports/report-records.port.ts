import type { ReportRecords } from './figures.js';
import type { ReportPeriod } from './report-figures.js';

/**
 * RPT-4: where a report's records come from — the insurer's own policies, plans, services, hazards, fee ledger
 * and complaints, through the readers those contexts already have (the adapter is
 * functions/adapters/dynamodb/report-records.ts). It may return more than the period holds; the figures
 * computation (figures.ts) decides what counts.
 */
export interface ReportRecordSource {
  recordsOf(tenantId: string, period: ReportPeriod): Promise<ReportRecords>;
}
