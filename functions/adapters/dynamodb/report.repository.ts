import { Conflict } from '../../../domain/kernel/errors.js';
import type { Changed } from '../../../domain/kernel/events.js';
import { periodKeyOf } from '../../../domain/reports/period.js';
import type { Report, ReportVersion } from '../../../domain/reports/report.js';
import type { RegulatorReportViews, ReportPage, ReportRepository, SubmittedReportRow } from '../../../domain/reports/report.repository.js';
import { assertKeyPart, keys, type ItemKey, type Owner } from './keys.js';
import { outboxOf, type Store } from './store.js';
import { entityOf } from './stored-item.js';

/**
 * RPT-1's items, all in the insurer's partitions (`T#<tenant>#REPORT…`):
 * - the report `T#<t>#REPORT#<id>` / `PROFILE`, listed on GSI1 (`T#<t>#REPORT` / `<period key>`) and, once
 *   submitted, findable by id for the regulators on GSI3 (`REG#REPORT` / `<id>`);
 * - each submitted version `T#<t>#REPORT#<id>` / `VERSION#<n>`, created once (attribute_not_exists) and never
 *   written again, listed for the regulators on GSI4 (`REG#REPORT-SUBMITTED` / `<period key>#<submittedAt>#<t>`);
 * - the period's guard `T#<t>#REPORT-PERIOD#<period key>` / `PROFILE`: one report per insurer and period.
 */
const owner = (tenantId: string): Owner => ({ kind: 'tenant', tenantId });
const reportKey = (tenantId: string, reportId: string): ItemKey => keys.entity(owner(tenantId), 'REPORT', reportId);
const periodGuardKey = (tenantId: string, periodKey: string): ItemKey => keys.entity(owner(tenantId), 'REPORT-PERIOD', periodKey);
const versionSortKey = (version: number): string => `VERSION#${String(version).padStart(4, '0')}`;
/** Regulator indexes: every insurer's submissions, read with the reports function's own role (no tenant's data else). */
export const REGULATOR_REPORT_INDEX = 'REG#REPORT';
export const REGULATOR_SUBMISSIONS_INDEX = 'REG#REPORT-SUBMITTED';

function reportItem(report: Report): Record<string, unknown> & ItemKey & { version: number } {
  return {
    ...report,
    ...reportKey(report.tenantId, report.id),
    kind: 'REPORT',
    GSI1PK: keys.listing(owner(report.tenantId), 'REPORT'),
    GSI1SK: `${periodKeyOf(report.period)}#${report.id}`,
    ...(report.submittedVersions > 0 ? { GSI3PK: REGULATOR_REPORT_INDEX, GSI3SK: report.id } : {}),
  };
}

function versionItem(version: ReportVersion): Record<string, unknown> & ItemKey {
  return {
    ...version,
    PK: reportKey(version.tenantId, version.reportId).PK,
    SK: versionSortKey(version.version),
    kind: 'REPORT-VERSION',
    GSI4PK: REGULATOR_SUBMISSIONS_INDEX,
    GSI4SK: `${periodKeyOf(version.period)}#${version.submittedAt}#${assertKeyPart(version.tenantId, 'tenantId')}`,
  };
}

const rowOf = (item: Record<string, unknown>): SubmittedReportRow => {
  const version = entityOf<ReportVersion>(item);
  return {
    reportId: version.reportId,
    tenantId: version.tenantId,
    insurerName: version.insurerName,
    period: version.period,
    version: version.version,
    submittedAt: version.submittedAt,
    late: version.late,
  };
};

export class DynamoReportRepository implements ReportRepository, RegulatorReportViews {
  constructor(private readonly store: Store) {}

  async byPeriod(tenantId: string, periodKey: string): Promise<Report | undefined> {
    const guard = await this.store.get<{ reportId: string }>(periodGuardKey(tenantId, periodKey));
    return guard ? this.get(tenantId, guard.reportId) : undefined;
  }

  async get(tenantId: string, reportId: string): Promise<Report | undefined> {
    const item = await this.store.get<Record<string, unknown>>(reportKey(tenantId, reportId));
    return item && entityOf<Report>(item);
  }

  async list(tenantId: string, page: { limit: number; cursor?: string; withTotal?: boolean }): Promise<ReportPage<Report>> {
    const out = await this.store.page<Record<string, unknown>>({
      index: 'GSI1',
      partition: keys.listing(owner(tenantId), 'REPORT'),
      limit: page.limit,
      cursor: page.cursor,
      newestFirst: true,
      withTotal: page.withTotal === true && !page.cursor,
    });
    return { items: out.items.map((item) => entityOf<Report>(item)), nextCursor: out.nextCursor, ...(out.total === undefined ? {} : { total: out.total }) };
  }

  async versions(tenantId: string, reportId: string): Promise<readonly ReportVersion[]> {
    const versions: ReportVersion[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.store.page<Record<string, unknown>>({
        partition: reportKey(tenantId, reportId).PK,
        sortKey: { beginsWith: 'VERSION#' },
        limit: 100,
        cursor,
        consistent: true,
      });
      versions.push(...page.items.map((item) => entityOf<ReportVersion>(item)));
      cursor = page.nextCursor;
    } while (cursor);
    return versions;
  }

  /**
   * SVC-10, RPT-2: the submitted versions of the insurer's report of one period (`2026-SE`) — one Query of its
   * report listing (GSI1) and, once submitted, one of the report's versions; none before any submission.
   */
  async submittedVersionsOf(tenantId: string, periodKey: string): Promise<readonly ReportVersion[]> {
    const page = await this.store.page<Record<string, unknown>>({
      index: 'GSI1',
      partition: keys.listing(owner(tenantId), 'REPORT'),
      sortKey: { beginsWith: `${assertKeyPart(periodKey, 'period')}#` },
      limit: 1,
    });
    const report = page.items[0] && entityOf<Report>(page.items[0]);
    return report && report.submittedVersions > 0 ? this.versions(tenantId, report.id) : [];
  }

  async create({ state, events }: Changed<Report>): Promise<void> {
    const key = reportKey(state.tenantId, state.id);
    const periodKey = periodKeyOf(state.period);
    await this.store.commit(
      [
        { kind: 'create', item: { ...periodGuardKey(state.tenantId, periodKey), kind: 'REPORT-PERIOD', reportId: state.id }, onExists: () => new Conflict(`RPT-1: the report of ${periodKey} was generated meanwhile; reload it`, 'RPT-1') },
        { kind: 'create', item: reportItem(state), onExists: () => new Conflict(`report ${state.id} exists`) },
      ],
      events.map((event) => outboxOf(event, key)),
    );
  }

  async save({ state, events }: Changed<Report>, expectedVersion: number): Promise<void> {
    const key = reportKey(state.tenantId, state.id);
    await this.store.commit([{ kind: 'update', item: reportItem(state), expectedVersion, entity: 'report' }], events.map((event) => outboxOf(event, key)));
  }

  async submit({ state, events }: Changed<Report>, expectedVersion: number, version: ReportVersion): Promise<void> {
    const key = reportKey(state.tenantId, state.id);
    await this.store.commit(
      [
        { kind: 'update', item: reportItem(state), expectedVersion, entity: 'report' },
        { kind: 'create', item: versionItem(version), onExists: () => new Conflict(`RPT-1: version ${version.version} of this report is submitted and never changes`, 'RPT-1') },
      ],
      events.map((event) => outboxOf(event, key)),
    );
  }

  async listSubmitted(query: { periodPrefix?: string; limit: number; cursor?: string; withTotal?: boolean }): Promise<ReportPage<SubmittedReportRow>> {
    const out = await this.store.page<Record<string, unknown>>({
      index: 'GSI4',
      partition: REGULATOR_SUBMISSIONS_INDEX,
      ...(query.periodPrefix === undefined ? {} : { sortKey: { beginsWith: query.periodPrefix } }),
      limit: query.limit,
      cursor: query.cursor,
      newestFirst: true,
      withTotal: query.withTotal === true && !query.cursor,
    });
    return { items: out.items.map(rowOf), nextCursor: out.nextCursor, ...(out.total === undefined ? {} : { total: out.total }) };
  }

  async findSubmitted(reportId: string): Promise<{ report: Report; versions: readonly ReportVersion[] } | undefined> {
    const page = await this.store.page<Record<string, unknown>>({ index: 'GSI3', partition: REGULATOR_REPORT_INDEX, sortKey: { equals: reportId }, limit: 1 });
    const tenantId = page.items[0]?.['tenantId'];
    if (typeof tenantId !== 'string') return undefined;
    const report = await this.get(tenantId, reportId);
    if (!report || report.submittedVersions === 0) return undefined;
    const { draft: _underReview, ...submitted } = report;
    return { report: submitted, versions: await this.versions(tenantId, reportId) };
  }
}
