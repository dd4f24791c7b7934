import type { Changed } from '../kernel/events.js';
import type { Report, ReportVersion } from './report.js';

export interface ReportPage<T> {
  readonly items: readonly T[];
  readonly nextCursor?: string;
  readonly total?: number;
}

/**
 * RPT-1: an insurer's reports, scoped by tenant (ACL-1: the tenant comes from the token). One report per period;
 * its submitted versions are separate items, each created once and never written again.
 */
export interface ReportRepository {
  /** The report of a period (`2026-H1`), or `undefined` before its first generation. */
  byPeriod(tenantId: string, periodKey: string): Promise<Report | undefined>;
  get(tenantId: string, reportId: string): Promise<Report | undefined>;
  /** Newest period first. */
  list(tenantId: string, page: { readonly limit: number; readonly cursor?: string; readonly withTotal?: boolean }): Promise<ReportPage<Report>>;
  /** The submitted versions, oldest first. */
  versions(tenantId: string, reportId: string): Promise<readonly ReportVersion[]>;
  /** A first generation; `Conflict` when the period's report was made meanwhile. */
  create(change: Changed<Report>): Promise<void>;
  /** `StaleVersion` when the report changed meanwhile. */
  save(change: Changed<Report>, expectedVersion: number): Promise<void>;
  /**
   * RPT-1: the report, its new version and the event in one transaction; the version item is created only if
   * absent, so a submitted version is never overwritten (`Conflict`), and a lost race is `StaleVersion`.
   */
  submit(change: Changed<Report>, expectedVersion: number, version: ReportVersion): Promise<void>;
}

/** One submission as the regulators' list shows it. */
export interface SubmittedReportRow {
  readonly reportId: string;
  readonly tenantId: string;
  readonly insurerName: string;
  readonly period: ReportVersion['period'];
  readonly version: number;
  readonly submittedAt: string;
  readonly late: boolean;
}

/** RPT-1: the submissions across insurers, for the city EMB and the NFRA (ACL-2; a county EMB is not an addressee). */
export interface RegulatorReportViews {
  /** Newest period first, then newest submission; `periodPrefix` (`2026-`, `2026-H1#`) narrows to a year or a period. */
  listSubmitted(query: { readonly periodPrefix?: string; readonly limit: number; readonly cursor?: string; readonly withTotal?: boolean }): Promise<ReportPage<SubmittedReportRow>>;
  /** A report with at least one submission, by id alone, with its versions; never the insurer's draft. */
  findSubmitted(reportId: string): Promise<{ readonly report: Report; readonly versions: readonly ReportVersion[] } | undefined>;
}
