import { shanghaiDateOf } from '../kernel/calendar/local-date.js';
import { RuleViolation } from '../kernel/errors.js';
import type { Changed } from '../kernel/events.js';
import { reportEvents } from './events.js';
import { assertCompleteDraft, isLateSubmission } from './period.js';
import type { Report, ReportDraft, ReportVersion } from './report.js';

const payloadOf = (report: Report) => ({
  reportId: report.id,
  tenantId: report.tenantId,
  insurerName: report.insurerName,
  year: report.period.year,
  kind: report.period.kind,
  dueOn: report.period.dueOn,
});

/**
 * RPT-1, RPT-4: a draft generated from the data. The first for a period makes the report; a later one replaces
 * the draft under review, or — after a submission — starts the correction that will be the next version.
 * Submitted versions are not touched: they live apart and are written once.
 */
export function generateReport(
  existing: Report | undefined,
  input: { readonly id: string; readonly draft: ReportDraft; readonly now: Date },
): Changed<Report> {
  const at = input.now.toISOString();
  const { figures } = input.draft;
  const report: Report = existing
    ? { ...existing, insurerName: figures.insurerName, status: 'DRAFT', draft: input.draft, updatedAt: at, version: existing.version + 1 }
    : {
        id: input.id,
        tenantId: figures.tenantId,
        insurerName: figures.insurerName,
        period: figures.period,
        status: 'DRAFT',
        draft: input.draft,
        submittedVersions: 0,
        createdAt: at,
        updatedAt: at,
        version: 1,
      };
  return { state: report, events: [reportEvents.reportGenerated.of({ id: report.id, version: report.version, tenantId: report.tenantId }, payloadOf(report))] };
}

/**
 * RPT-1 (报送): the draft under review becomes version n + 1 — its figures and the very files the insurer
 * reviewed, which the caller archives write-once — late when made after the due day on the platform's clock.
 *
 * @throws RuleViolation (RPT-1, 409) when there is no draft to submit (already submitted: generate a correction),
 *   or the draft was generated before the period was over.
 */
export function submitReport(report: Report, ctx: { readonly now: Date; readonly by: string }): { readonly change: Changed<Report>; readonly version: ReportVersion } {
  const draft = report.draft;
  if (report.status !== 'DRAFT' || draft === undefined) {
    throw new RuleViolation(
      'RPT-1',
      undefined,
      `RPT-1: version ${report.submittedVersions} of this report is submitted and never changes; generate the report again for a correction, then submit that`,
    );
  }
  assertCompleteDraft(report.period, shanghaiDateOf(draft.figures.generatedAt));
  const submittedAt = ctx.now.toISOString();
  const submittedOn = shanghaiDateOf(ctx.now);
  const late = isLateSubmission(report.period, submittedOn);
  const number = report.submittedVersions + 1;
  const version: ReportVersion = {
    reportId: report.id,
    tenantId: report.tenantId,
    insurerName: report.insurerName,
    period: report.period,
    version: number,
    figures: draft.figures,
    files: draft.files,
    submittedAt,
    submittedOn,
    submittedBy: ctx.by,
    late,
  };
  const { draft: _submitted, ...rest } = report;
  const state: Report = {
    ...rest,
    status: 'SUBMITTED',
    submittedVersions: number,
    lastSubmission: { version: number, submittedAt, late },
    updatedAt: submittedAt,
    version: report.version + 1,
  };
  const event = reportEvents.reportSubmitted.of(
    { id: state.id, version: state.version, tenantId: state.tenantId },
    { ...payloadOf(state), version: number, late, submittedAt, xlsxSha256: draft.files.xlsx.sha256, pdfSha256: draft.files.pdf.sha256 },
  );
  return { change: { state, events: [event] }, version };
}
