import * as z from 'zod/mini';
import { localDateSchema } from '../kernel/calendar/local-date.js';
import { reportFiguresSchema, reportPeriodSchema } from './report-figures.js';
import { selfEvaluationSchema } from './self-evaluation.js';

/** The two files of a report (RPT-1: XLSX and PDF). */
export const REPORT_FORMATS = ['xlsx', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const REPORT_CONTENT_TYPES: Readonly<Record<ReportFormat, string>> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

/** RPT-1: DRAFT while the insurer reviews what it generated; SUBMITTED once 报送 (until a correction is generated). */
export const REPORT_STATUSES = ['DRAFT', 'SUBMITTED'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** One archived file: where it is (never shown), its digest and size (SVC-10). */
export const reportFileSchema = z.object({
  key: z.string(),
  sha256: z.string(),
  size: z.int(),
  contentType: z.string(),
});
export type ReportFile = z.output<typeof reportFileSchema>;

const filesSchema = z.object({ xlsx: reportFileSchema, pdf: reportFileSchema });
export type ReportFilePair = z.output<typeof filesSchema>;

/** What was generated and is under review: the figures and the files rendered from them. */
export const reportDraftSchema = z.object({
  figures: reportFiguresSchema,
  files: filesSchema,
  generatedBy: z.string(),
  /** RPT-2: a SELF_EVALUATION's form — the items with their figures, the insurer's narratives, or the third party's file. */
  evaluation: z.optional(selfEvaluationSchema),
});
export type ReportDraft = z.output<typeof reportDraftSchema>;

/**
 * RPT-1, RPT-4: one insurer's report for one period (`2026-H1`, `2026-Y`) — the aggregate. Its submitted
 * versions are kept apart ({@link ReportVersion}), each written once; the aggregate holds the draft under
 * review and how many versions were submitted.
 */
export const reportSchema = z.object({
  id: z.string(),
  tenantId: z.string(),
  insurerName: z.string(),
  period: reportPeriodSchema,
  status: z.enum(REPORT_STATUSES),
  draft: z.optional(reportDraftSchema),
  submittedVersions: z.int(),
  lastSubmission: z.optional(z.object({ version: z.int(), submittedAt: z.string(), late: z.boolean() })),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.int(),
});
export type Report = z.output<typeof reportSchema>;

/**
 * RPT-1: one submission (报送), never changed: the figures as submitted, the files archived write-once with
 * their SHA-256, and whether it came after the due day. A correction is the next version.
 */
export const reportVersionSchema = z.object({
  reportId: z.string(),
  tenantId: z.string(),
  insurerName: z.string(),
  period: reportPeriodSchema,
  version: z.int(),
  figures: reportFiguresSchema,
  files: filesSchema,
  submittedAt: z.string(),
  submittedOn: localDateSchema,
  submittedBy: z.string(),
  late: z.boolean(),
  /** RPT-2: the evaluation as submitted (a third party's file archived with the version's own files). */
  evaluation: z.optional(selfEvaluationSchema),
});
export type ReportVersion = z.output<typeof reportVersionSchema>;
