import * as z from 'zod/mini';
import { localDateSchema } from '../calendar/local-date.js';
import type { LocalDate } from '../calendar/local-date.js';
import { monthDaySchema } from '../calendar/month-day.js';
import type { MonthDay } from '../calendar/month-day.js';
import { ENTERPRISE_SIZES } from '../enterprise-size.js';
import type { EnterpriseSize } from '../enterprise-size.js';
import { OBLIGATION_INDUSTRIES } from '../industry.js';
import type { ObligationIndustry } from '../industry.js';
import type { Fen } from '../money.js';

/** SVC-1: the minimum services per policy year. `deepInspections` (体检式精查) are part of `hazardInspections`. */
export interface SvcMinimums {
  riskAssessments: number;
  hazardInspections: number;
  deepInspections: number;
}

/**
 * SVC-1: one cell of the obligations table — fixed minimums, or 'PER_PLAN' where the notice leaves the
 * services to the agreed service plan (small and micro enterprises, other industries).
 */
export type SvcObligation = SvcMinimums | 'PER_PLAN';

/** SVC-1: obligations by industry (TAILINGS_POND reads the NON_COAL_MINE row) and size. */
export type SvcObligationTable = Record<ObligationIndustry, Record<EnterpriseSize, SvcObligation>>;

/**
 * RULES-1: every figure the notice makes configurable, as one versioned set. The city EMB changes a figure by
 * publishing a new version with an effective date; each decision records the `id` and `version` it used, so
 * that an old decision can be explained by the figures in force at the time.
 */
export interface RuleSet {
  /** The series this version belongs to, e.g. 'xinzhou-2024'. */
  id: string;
  /** 1, 2, … in order of publication. */
  version: number;
  /** The first day (Asia/Shanghai) the version governs. */
  effectiveFrom: LocalDate;
  /** GB/T 2260 code of the region the set governs, e.g. '140900' for 忻州市. */
  region: string;
  /** UW-4: lowest death limit per person. */
  deathLimitFloorFen: Fen;
  /** UW-1, UW-5: default VAT rate on premium, in basis points. */
  vatRateBasisPoints: number;
  /** FEE-1: lowest prevention fee as a share of premium received ex-tax. */
  preventionFeeFloorBasisPoints: number;
  /** FEE-5: highest prevention spending as a share of premium. */
  preventionFeeCeilingBasisPoints: number;
  /** QUAL-6: the day each year's qualification filing is due. */
  qualificationFilingDue: MonthDay;
  /** SVC-2: months after policy start by which the first service must be completed. */
  firstServiceMonths: number;
  /** SVC-8: working days after a service within which the follow-up is due. */
  followUpWorkingDays: number;
  /** SVC-9: working days after a service within which the record is complete and archived. */
  archiveWorkingDays: number;
  /** CMP-2: working days after receipt within which a complaint is answered. */
  complaintReplyWorkingDays: number;
  /** CMP-3: working days after receipt when facts need further verification. */
  complaintVerificationWorkingDays: number;
  /** CMP-4: the one extension's maximum, in calendar days added to the working-day due date. */
  complaintMaxExtensionDays: number;
  /** CMP-8: whether the notice's working-day clock (CMP-2..4) applies. */
  workingDayClockEnabled: boolean;
  /** CMP-8: whether the NFRA's calendar-day clock applies. */
  nfraClockEnabled: boolean;
  /** CMP-8: calendar days after receipt for the NFRA decision. */
  nfraDecisionCalendarDays: number;
  /** CMP-8: calendar days after receipt once the first extension is granted ("可延长至30日"). */
  nfraExtensionCalendarDays: number;
  /** CMP-8: calendar days after receipt once the second, higher-approved extension is granted (the maximum). */
  nfraMaxTotalCalendarDays: number;
  /** RPT-1: the half-year report is due on this day of the same year. */
  halfYearReportDue: MonthDay;
  /** RPT-1: the full-year report is due on this day of the following year. */
  yearReportDue: MonthDay;
  /** RPT-3: the regulators' evaluation of the previous year is due on this day. */
  regulatorEvaluationDue: MonthDay;
  /** SVC-10: years an archive is kept write-once. */
  archiveRetentionYears: number;
  /** SVC-1: services per policy year by industry and size. */
  svcObligations: SvcObligationTable;
}

const countSchema = z.int().check(z.gte(0));
const positiveCountSchema = z.int().check(z.gte(1));
const basisPointsSchema = z.int().check(z.gte(0), z.lte(10_000));

const svcMinimumsSchema = z.strictObject({
  riskAssessments: countSchema,
  hazardInspections: countSchema,
  deepInspections: countSchema,
});

const svcObligationSchema = z.union([
  z.literal('PER_PLAN'),
  svcMinimumsSchema.check(
    z.refine((minimums) => minimums.deepInspections <= minimums.hazardInspections, {
      message: 'SVC-1: deep inspections are counted within hazard inspections, so cannot exceed them',
      path: ['deepInspections'],
    }),
  ),
]);

const svcObligationTableSchema = z.record(
  z.enum(OBLIGATION_INDUSTRIES),
  z.record(z.enum(ENTERPRISE_SIZES), svcObligationSchema),
);

/**
 * RULES-1: a rule set as the city EMB publishes it. Unknown keys are refused (a misspelt figure would otherwise
 * be dropped silently and the old value kept), every industry and size must have an SVC-1 cell, and figures
 * that bound each other must be in order.
 */
export const ruleSetSchema = z
  .strictObject({
    id: z.string().check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens')),
    version: positiveCountSchema,
    effectiveFrom: localDateSchema,
    region: z.string().check(z.regex(/^\d{6}$/, 'must be a 6-digit GB/T 2260 code')),
    deathLimitFloorFen: z.int().check(z.gte(1)),
    vatRateBasisPoints: basisPointsSchema,
    preventionFeeFloorBasisPoints: basisPointsSchema,
    preventionFeeCeilingBasisPoints: basisPointsSchema,
    qualificationFilingDue: monthDaySchema,
    firstServiceMonths: positiveCountSchema,
    followUpWorkingDays: positiveCountSchema,
    archiveWorkingDays: positiveCountSchema,
    complaintReplyWorkingDays: positiveCountSchema,
    complaintVerificationWorkingDays: positiveCountSchema,
    complaintMaxExtensionDays: countSchema,
    workingDayClockEnabled: z.boolean(),
    nfraClockEnabled: z.boolean(),
    nfraDecisionCalendarDays: positiveCountSchema,
    nfraExtensionCalendarDays: positiveCountSchema,
    nfraMaxTotalCalendarDays: positiveCountSchema,
    halfYearReportDue: monthDaySchema,
    yearReportDue: monthDaySchema,
    regulatorEvaluationDue: monthDaySchema,
    archiveRetentionYears: positiveCountSchema,
    svcObligations: svcObligationTableSchema,
  })
  .check(
    z.superRefine((ruleSet, ctx) => {
      if (ruleSet.preventionFeeCeilingBasisPoints < ruleSet.preventionFeeFloorBasisPoints) {
        ctx.issues.push({
          code: 'custom',
          message: 'FEE-5: the prevention-fee ceiling cannot be below the FEE-1 floor',
          path: ['preventionFeeCeilingBasisPoints'],
          input: ruleSet.preventionFeeCeilingBasisPoints,
        });
      }
      if (ruleSet.complaintVerificationWorkingDays < ruleSet.complaintReplyWorkingDays) {
        ctx.issues.push({
          code: 'custom',
          message: 'CMP-3: the verification period cannot be shorter than the CMP-2 reply period',
          path: ['complaintVerificationWorkingDays'],
          input: ruleSet.complaintVerificationWorkingDays,
        });
      }
      if (ruleSet.nfraExtensionCalendarDays < ruleSet.nfraDecisionCalendarDays) {
        ctx.issues.push({
          code: 'custom',
          message: 'CMP-8: the extended NFRA period cannot be shorter than the decision period',
          path: ['nfraExtensionCalendarDays'],
          input: ruleSet.nfraExtensionCalendarDays,
        });
      }
      if (ruleSet.nfraMaxTotalCalendarDays < ruleSet.nfraExtensionCalendarDays) {
        ctx.issues.push({
          code: 'custom',
          message: 'CMP-8: the NFRA maximum cannot be shorter than the extended period',
          path: ['nfraMaxTotalCalendarDays'],
          input: ruleSet.nfraMaxTotalCalendarDays,
        });
      }
    }),
  );

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

// Fails to compile when the schema and RuleSet drift apart: the interface is where each figure is documented,
// the schema is what validates a published version, and both must describe the same thing.
const schemaMatchesInterface: Same<z.output<typeof ruleSetSchema>, RuleSet> = true;
void schemaMatchesInterface;
