import * as z from 'zod/mini';
import { localDateSchema } from '../../../domain/kernel/calendar/local-date.js';
import { strictObject } from '../../../domain/kernel/schema-parts.js';
import { FIRST_REPORT_YEAR, LAST_REPORT_YEAR } from '../../../domain/reports/period.js';
import { reportFiguresSchema, reportPeriodSchema } from '../../../domain/reports/report-figures.js';
import { REPORT_STATUSES, type Report, type ReportFile, type ReportVersion } from '../../../domain/reports/report.js';
import type { SelfEvaluation } from '../../../domain/reports/self-evaluation.js';
import { idParam, pageOf, pageQuery } from '../zod.js';

const YEAR_MESSAGE = `RPT-1: year must be a year from ${FIRST_REPORT_YEAR} to ${LAST_REPORT_YEAR}`;
const KIND_MESSAGE =
  'RPT-1: kind must be HALF_YEAR (January–June, due July 31), YEAR (due January 31 of the next year) or SELF_EVALUATION (RPT-2: the year’s service-quality evaluation, due with the year report)';
const reportYear = z.int(YEAR_MESSAGE).check(z.gte(FIRST_REPORT_YEAR, YEAR_MESSAGE), z.lte(LAST_REPORT_YEAR, YEAR_MESSAGE));
const reportKind = z.enum(['HALF_YEAR', 'YEAR', 'SELF_EVALUATION'], KIND_MESSAGE);

/** RPT-1: `POST /reports` — which period to generate; everything else comes from the data (RPT-4). */
export const generateReportBody = strictObject({ year: reportYear, kind: reportKind });

export const reportParams = z.object({ reportId: idParam });
export const reportFileParams = z.object({
  reportId: idParam,
  format: z.enum(['xlsx', 'pdf', 'third-party'], 'RPT-1: format must be xlsx or pdf (RPT-2: or third-party, a third party’s evaluation)'),
});

const versionNumber = z.coerce.number('RPT-1: version must be a version number (1, 2, …)').check(
  z.int('RPT-1: version must be a version number (1, 2, …)'),
  z.gte(1, 'RPT-1: version must be a version number (1, 2, …)'),
  z.lte(9999, 'RPT-1: version must be a version number (1, 2, …)'),
);
/** Left out: the draft under review (the insurer), else the latest submitted version. */
export const reportFileQuery = z.object({ version: z.optional(versionNumber) });

export const regulatorReportsQuery = z
  .object({
    ...pageQuery,
    year: z.optional(z.coerce.number(YEAR_MESSAGE).check(z.int(YEAR_MESSAGE), z.gte(FIRST_REPORT_YEAR, YEAR_MESSAGE), z.lte(LAST_REPORT_YEAR, YEAR_MESSAGE))),
    kind: z.optional(reportKind),
  })
  .check(
    z.refine((query) => query.kind === undefined || query.year !== undefined, { message: 'RPT-1: kind narrows a year: give year with it', path: ['year'] }),
  );

const fileView = z.object({ sha256: z.string(), size: z.int() });
const filesView = z.object({ xlsx: fileView, pdf: fileView });

/** RPT-2: the evaluation as the console and the regulators read it (the third party's file by its digest, never its key). */
const evaluationView = z.object({
  mode: z.enum(['SELF', 'THIRD_PARTY']),
  items: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      measures: z.string(),
      facts: z.array(z.object({ label: z.string(), unit: z.enum(['COUNT', 'BP', 'FEN', 'SCORE']), value: z.nullable(z.int()) })),
      narrative: z.string(),
      evidence: z.array(z.object({ archiveId: z.string(), kind: z.string(), enterpriseUscc: z.string(), fileName: z.string(), sha256: z.string() })),
    }),
  ),
  thirdParty: z.optional(z.object({ organisation: z.object({ id: z.string(), name: z.string() }), fileName: z.string(), file: fileView })),
});
const lastSubmission = z.object({ version: z.int(), submittedAt: z.string(), late: z.boolean() });

/** A report in a list: where it stands, without its figures. */
export const reportSummarySchema = z.object({
  id: z.string(),
  period: reportPeriodSchema,
  status: z.enum(REPORT_STATUSES),
  submittedVersions: z.int(),
  lastSubmission: z.optional(lastSubmission),
  generatedAt: z.optional(z.string().check(z.meta({ description: 'When the draft under review was generated' }))),
  updatedAt: z.string(),
});

export const reportVersionViewSchema = z.object({
  version: z.int(),
  submittedAt: z.string(),
  submittedOn: localDateSchema,
  submittedBy: z.string(),
  late: z.boolean().check(z.meta({ description: 'RPT-1: submitted after the due day (Asia/Shanghai)' })),
  files: filesView,
  figures: reportFiguresSchema,
  evaluation: z.optional(evaluationView),
});

/** `GET /reports/{reportId}` and the regulators' view: the report, its draft (insurer only) and every submitted version. */
export const reportDetailSchema = z.object({
  report: z.extend(reportSummarySchema, {
    insurerName: z.string(),
    tenantId: z.string(),
    draft: z.optional(z.object({ figures: reportFiguresSchema, files: filesView, generatedBy: z.string(), evaluation: z.optional(evaluationView) })),
  }),
  versions: z.array(reportVersionViewSchema),
});

export const reportPageSchema = pageOf(reportSummarySchema);

export const submittedReportPageSchema = pageOf(
  z.object({
    reportId: z.string(),
    tenantId: z.string(),
    insurerName: z.string(),
    period: reportPeriodSchema,
    version: z.int(),
    submittedAt: z.string(),
    late: z.boolean(),
  }),
);

/** A report file handed out by a short-lived link to the archive (never through the function's body). */
export const reportFileLinkSchema = z.object({
  fileName: z.string(),
  contentType: z.string(),
  size: z.int(),
  sha256: z.string(),
  version: z.optional(z.int().check(z.meta({ description: 'The submitted version; absent for the draft' }))),
  verified: z.boolean().check(z.meta({ description: 'SVC-10: the archived bytes hash to the SHA-256 recorded at generation' })),
  url: z.string(),
  expiresAt: z.string(),
});

const fileViewOf = (file: ReportFile) => ({ sha256: file.sha256, size: file.size });
const filesViewOf = (files: { xlsx: ReportFile; pdf: ReportFile }) => ({ xlsx: fileViewOf(files.xlsx), pdf: fileViewOf(files.pdf) });
const evaluationViewOf = (evaluation: SelfEvaluation | undefined) =>
  evaluation === undefined
    ? {}
    : {
        evaluation: {
          mode: evaluation.mode,
          items: evaluation.items,
          ...(evaluation.thirdParty ? { thirdParty: { ...evaluation.thirdParty, file: fileViewOf(evaluation.thirdParty.file) } } : {}),
        },
      };

export function reportSummaryOf(report: Report) {
  return {
    id: report.id,
    period: report.period,
    status: report.status,
    submittedVersions: report.submittedVersions,
    ...(report.lastSubmission ? { lastSubmission: report.lastSubmission } : {}),
    ...(report.draft ? { generatedAt: report.draft.figures.generatedAt } : {}),
    updatedAt: report.updatedAt,
  };
}

export function reportDetailOf(report: Report, versions: readonly ReportVersion[]) {
  return {
    report: {
      ...reportSummaryOf(report),
      insurerName: report.insurerName,
      tenantId: report.tenantId,
      ...(report.draft
        ? { draft: { figures: report.draft.figures, files: filesViewOf(report.draft.files), generatedBy: report.draft.generatedBy, ...evaluationViewOf(report.draft.evaluation) } }
        : {}),
    },
    versions: versions.map((version) => ({
      version: version.version,
      submittedAt: version.submittedAt,
      submittedOn: version.submittedOn,
      submittedBy: version.submittedBy,
      late: version.late,
      files: filesViewOf(version.files),
      figures: version.figures,
      ...evaluationViewOf(version.evaluation),
    })),
  };
}
