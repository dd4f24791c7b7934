import { shanghaiDateOf } from '../kernel/calendar/local-date.js';
import { RuleViolation } from '../kernel/errors.js';
import type { Changed } from '../kernel/events.js';
import { reportEvents } from './events.js';
import { assertCompleteDraft, isLateSubmission } from './period.js';
import type { Report, ReportDraft, ReportVersion } from './report.js';
import { submittedEvaluationOf } from './self-evaluation.js';

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
  // RPT-2: a self-evaluation goes with a narrative for every item, or with the third party's file.
  const evaluation = report.period.kind === 'SELF_EVALUATION' ? submittedEvaluationOf(draft.evaluation) : undefined;
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
    ...(evaluation ? { evaluation } : {}),
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

/**
 * RPT-2: the evaluation form of the draft under review, which the insurer writes on.
 *
 * @throws RuleViolation (RPT-2, 409) when the report is not a self-evaluation or has no draft under review.
 */
export function evaluationFormOf(report: Report): { readonly draft: ReportDraft; readonly form: NonNullable<ReportDraft['evaluation']> } {
  if (report.period.kind !== 'SELF_EVALUATION') {
    throw new RuleViolation('RPT-2', undefined, 'RPT-2: only a SELF_EVALUATION report has an evaluation to write; half-year and year reports are never typed (RPT-4)');
  }
  if (report.status !== 'DRAFT' || report.draft?.evaluation === undefined) {
    throw new RuleViolation('RPT-2', undefined, `RPT-2: version ${report.submittedVersions} is submitted and never changes; generate the evaluation again for a correction, then write it`);
  }
  return { draft: report.draft, form: report.draft.evaluation };
}

/**
 * RPT-2: the insurer wrote its self-evaluation (or attached a third party's) on the draft under review; the
 * files rendered again from it replace the draft's. A submitted version is untouched: after a submission the
 * report is generated again first (the correction), then written.
 *
 * @throws RuleViolation (RPT-2, 409) when the report is not a self-evaluation or has no draft under review.
 */
export function writeEvaluation(
  report: Report,
  input: { readonly evaluation: NonNullable<ReportDraft['evaluation']>; readonly files: ReportDraft['files']; readonly now: Date },
): Changed<Report> {
  const { draft } = evaluationFormOf(report);
  const at = input.now.toISOString();
  const state: Report = { ...report, draft: { ...draft, evaluation: input.evaluation, files: input.files }, updatedAt: at, version: report.version + 1 };
  return {
    state,
    events: [reportEvents.evaluationWritten.of({ id: state.id, version: state.version, tenantId: state.tenantId }, { ...payloadOf(state), mode: input.evaluation.mode })],
  };
}
