import * as z from 'zod/mini';
import { localDateSchema } from '../kernel/calendar/local-date.js';
import { EVALUATION_METRICS } from '../kernel/rule-set/evaluation-score-sheet.js';
import { evaluationPeriodSchema } from './period.js';

export const EVALUATION_STATUSES = ['DRAFT', 'PUBLISHED'] as const;
export const EVALUATION_FORMATS = ['xlsx', 'pdf'] as const;
export type EvaluationFormat = (typeof EVALUATION_FORMATS)[number];

const evidenceSchema = z.object({ label: z.string(), value: z.number(), unit: z.enum(['count', 'fen', 'bp']) });

/** One line of the score sheet as evaluated: the sheet's item, its points and why (evidence or reason). */
export const evaluationItemSchema = z.object({
  code: z.string(),
  name: z.string(),
  weight: z.int(),
  howMeasured: z.string(),
  measure: z.enum(['COMPUTED', 'MANUAL']),
  metric: z.optional(z.enum(EVALUATION_METRICS)),
  /** Points given: computed, or the evaluator's; absent for a manual item not yet scored. */
  score: z.optional(z.int()),
  /** RPT-3: why a manual item got its points (mandatory with a score). */
  reason: z.optional(z.string()),
  scoredBy: z.optional(z.string()),
  /** Computed items: the rate achieved (basis points), the figures counted, and where to see the records. */
  rateBp: z.optional(z.int()),
  notMeasurable: z.optional(z.boolean()),
  evidence: z.optional(z.array(evidenceSchema)),
  link: z.optional(z.string()),
});
export type EvaluationItem = z.infer<typeof evaluationItemSchema>;

export const evaluationFileSchema = z.object({ key: z.string(), sha256: z.string(), size: z.int(), contentType: z.string() });
export type EvaluationFile = z.infer<typeof evaluationFileSchema>;

export const evaluationSchema = z.object({
  id: z.string(),
  /** The insurer evaluated. */
  tenantId: z.string(),
  insurerName: z.string(),
  period: evaluationPeriodSchema,
  /** 1, then one more per correction (a published evaluation never changes). */
  revision: z.int(),
  corrects: z.optional(z.string()),
  status: z.enum(EVALUATION_STATUSES),
  passMark: z.int(),
  ruleSetVersion: z.string(),
  items: z.array(evaluationItemSchema),
  computedAt: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.int(),
  published: z.optional(
    z.object({
      at: z.string(),
      on: localDateSchema,
      by: z.string(),
      total: z.int(),
      passed: z.boolean(),
      late: z.boolean(),
      files: z.object({ xlsx: evaluationFileSchema, pdf: evaluationFileSchema }),
    }),
  ),
});
export type Evaluation = z.infer<typeof evaluationSchema>;

/** RPT-3: the total so far — computed items and the manual items scored. */
export const totalOf = (items: readonly EvaluationItem[]): number => items.reduce((sum, item) => sum + (item.score ?? 0), 0);
