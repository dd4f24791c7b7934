import * as z from 'zod/mini';
import { localDateSchema } from '../kernel/calendar/local-date.js';

/**
 * RPT-1, RPT-4: what a half-year or year report says, computed from the platform's records and never typed.
 * Money in integer fen, ratios in basis points; every `…Name` is the Chinese label a reader sees, so the
 * renderers (functions/adapters/report-file/) need no lookup of their own. Extend only by adding optional fields:
 * a submitted version's figures are stored as they were and must still parse.
 */

/**
 * RPT-1: H1 is January 1–June 30, due July 31; YEAR is the calendar year, due January 31 of the next year.
 * RPT-2: SELF_EVALUATION is the year's evaluation of service quality (自评 or 第三方评估), due with the year report.
 */
export const reportKindSchema = z.enum(['HALF_YEAR', 'YEAR', 'SELF_EVALUATION']);
export type ReportKind = z.infer<typeof reportKindSchema>;

export const reportPeriodSchema = z.object({
  year: z.int(),
  kind: reportKindSchema,
  from: localDateSchema,
  to: localDateSchema,
  dueOn: localDateSchema,
});
export type ReportPeriod = z.infer<typeof reportPeriodSchema>;

const count = z.int().check(z.gte(0));
const fen = z.int();

export const reportFiguresSchema = z.object({
  tenantId: z.string(),
  insurerName: z.string(),
  period: reportPeriodSchema,
  generatedAt: z.string(),
  ruleSetVersion: z.string(),
  underwriting: z.object({
    policies: count,
    enterprises: count,
    employees: count,
    premiumFen: fen,
    premiumExTaxFen: fen,
    byCountyIndustry: z.array(
      z.object({
        county: z.string(),
        countyName: z.string(),
        industry: z.string(),
        industryName: z.string(),
        policies: count,
        enterprises: count,
        employees: count,
        premiumFen: fen,
      }),
    ),
  }),
  services: z.object({
    byCategory: z.array(z.object({ category: z.string(), categoryName: z.string(), planned: count, performed: count })),
    followUps: z.object({ onTime: count, late: count }),
    archives: z.object({ onTime: count, late: count }),
    hazards: z.object({ found: count, rectified: count, major: count }),
  }),
  fees: z.object({
    receivedExTaxFen: fen,
    accruedFen: fen,
    spentFen: fen,
    spentByCategory: z.array(z.object({ category: z.string(), categoryName: z.string(), fen })),
    ratioBp: z.int(),
    /** FEE-4 floor (15% in the Xinzhou 2024 rule set) and FEE-5 ceiling (21%), from the rule set in force. */
    minimumRatioBp: z.int(),
    targetRatioBp: z.int(),
  }),
  complaints: z.object({ received: count, answeredOnTime: count, answeredLate: count, escalated: count }),
  /** Only when the insurer has claims on the platform. */
  claims: z.optional(z.object({ registered: count, paid: count, declined: count, paidFen: fen })),
});
export type ReportFigures = z.infer<typeof reportFiguresSchema>;
