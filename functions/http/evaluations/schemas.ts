import * as z from 'zod/mini';
import { EVALUATION_FORMATS, EVALUATION_STATUSES, evaluationItemSchema, type Evaluation } from '../../../domain/evaluations/evaluation.js';
import { EVALUATION_REASON_MAX_LENGTH } from '../../../domain/evaluations/evaluation.rules.js';
import { EVALUATION_TERMS, FIRST_EVALUATION_YEAR, LAST_EVALUATION_YEAR, evaluationPeriodSchema } from '../../../domain/evaluations/period.js';
import { localDateSchema } from '../../../domain/kernel/calendar/local-date.js';
import { idField, requiredText, strictObject } from '../../../domain/kernel/schema-parts.js';
import { BLACKLIST_TEXT_MAX_LENGTH } from '../../../domain/register/blacklist.js';
import { idParam, pageOf, pageQuery } from '../zod.js';

const YEAR_MESSAGE = `RPT-3: year must be a year from ${FIRST_EVALUATION_YEAR} to ${LAST_EVALUATION_YEAR}`;
const TERM_MESSAGE = 'RPT-3: term must be H1 (January–June), H2 (July–December) or YEAR (the year, due March 31 of the next)';
const year = z.int(YEAR_MESSAGE).check(z.gte(FIRST_EVALUATION_YEAR, YEAR_MESSAGE), z.lte(LAST_EVALUATION_YEAR, YEAR_MESSAGE));
const term = z.enum(EVALUATION_TERMS, TERM_MESSAGE);

/** RPT-3: `POST /regulator/evaluations` — which insurer and period; the computed items come from the data. */
export const createEvaluationBody = strictObject({ tenantId: idField('tenantId', 'RPT-3'), year, term });

const manualScore = strictObject(
  {
    code: z.string('RPT-3: code is required: the manual item scored').check(z.regex(/^[A-Z][A-Z_]{0,31}$/, 'RPT-3: code must be an item code of the score sheet')),
    score: z.int('RPT-3: score must be a whole number of points').check(z.gte(0, 'RPT-3: score must be 0 or more'), z.lte(100, 'RPT-3: score must be at most 100')),
    reason: requiredText('RPT-3: reason is required: why the item gets its points', EVALUATION_REASON_MAX_LENGTH),
  },
  'an item',
);

/** RPT-3: `PATCH` — manual items scored with their reasons, and/or the computed items recomputed from today's data. */
export const patchEvaluationBody = strictObject({
  items: z.optional(z.array(manualScore).check(z.maxLength(20, 'RPT-3: at most 20 items'))),
  recompute: z.optional(z.boolean('RPT-3: recompute must be true or false')),
});

/** BLK-1: `POST /regulator/evaluations/{id}/notice` — the 通报 that follows a failed evaluation, with its reason. */
export const evaluationNoticeBody = strictObject({
  reason: requiredText('BLK-1: reason is required: why the insurer is listed, as published', BLACKLIST_TEXT_MAX_LENGTH),
  until: z.optional(localDateSchema),
});

export const evaluationParams = z.object({ evaluationId: idParam });
export const evaluationFileParams = z.object({ evaluationId: idParam, format: z.enum(EVALUATION_FORMATS, 'RPT-3: format must be xlsx or pdf') });

export const evaluationsQuery = z
  .object({
    ...pageQuery,
    year: z.optional(z.coerce.number(YEAR_MESSAGE).check(z.int(YEAR_MESSAGE), z.gte(FIRST_EVALUATION_YEAR, YEAR_MESSAGE), z.lte(LAST_EVALUATION_YEAR, YEAR_MESSAGE))),
    term: z.optional(term),
  })
  .check(z.refine((query) => query.term === undefined || query.year !== undefined, { message: 'RPT-3: term narrows a year: give year with it', path: ['year'] }));
export const insurerEvaluationsQuery = z.object(pageQuery);

const fileView = z.object({ sha256: z.string(), size: z.int() });

/** An evaluation in a list: whose, which period, where it stands and, once published, its result. */
export const evaluationSummarySchema = z.object({
  id: z.string(),
  tenantId: z.string(),
  insurerName: z.string(),
  period: evaluationPeriodSchema,
  revision: z.int(),
  status: z.enum(EVALUATION_STATUSES),
  total: z.int().check(z.meta({ description: 'Points so far (a draft), or the published total' })),
  passMark: z.int(),
  published: z.optional(z.object({ on: localDateSchema, passed: z.boolean(), late: z.boolean() })),
});

export const evaluationDetailSchema = z.extend(evaluationSummarySchema, {
  corrects: z.optional(z.string()),
  ruleSetVersion: z.string(),
  computedAt: z.string(),
  items: z.array(evaluationItemSchema),
  files: z.optional(z.object({ xlsx: fileView, pdf: fileView })),
  /** BLK-1: the 通报 that followed it (regulators only). */
  notices: z.optional(z.array(z.object({ id: z.string(), listedOn: localDateSchema, reason: z.string(), activeToday: z.boolean() }))),
});

export const evaluationPageSchema = pageOf(evaluationSummarySchema);

export const evaluationFileLinkSchema = z.object({
  fileName: z.string(),
  contentType: z.string(),
  size: z.int(),
  sha256: z.string(),
  verified: z.boolean().check(z.meta({ description: 'SVC-10: the archived bytes hash to the SHA-256 recorded at publication' })),
  url: z.string(),
  expiresAt: z.string(),
});

const verification = z.object({ sha256: z.string(), verified: z.boolean(), size: z.int() });
export const evaluationVerificationSchema = z.object({ evaluationId: z.string(), xlsx: verification, pdf: verification });

export function evaluationSummaryOf(evaluation: Evaluation) {
  const total = evaluation.published?.total ?? evaluation.items.reduce((sum, item) => sum + (item.score ?? 0), 0);
  return {
    id: evaluation.id,
    tenantId: evaluation.tenantId,
    insurerName: evaluation.insurerName,
    period: evaluation.period,
    revision: evaluation.revision,
    status: evaluation.status,
    total,
    passMark: evaluation.passMark,
    ...(evaluation.published ? { published: { on: evaluation.published.on, passed: evaluation.published.passed, late: evaluation.published.late } } : {}),
  };
}

export function evaluationDetailOf(evaluation: Evaluation, notices?: readonly { id: string; listedOn: string; reason: string; activeToday: boolean }[]) {
  const files = evaluation.published?.files;
  return {
    ...evaluationSummaryOf(evaluation),
    ...(evaluation.corrects ? { corrects: evaluation.corrects } : {}),
    ruleSetVersion: evaluation.ruleSetVersion,
    computedAt: evaluation.computedAt,
    items: evaluation.items,
    ...(files ? { files: { xlsx: { sha256: files.xlsx.sha256, size: files.xlsx.size }, pdf: { sha256: files.pdf.sha256, size: files.pdf.size } } } : {}),
    ...(notices ? { notices: [...notices] } : {}),
  };
}
