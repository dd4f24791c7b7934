import * as z from 'zod/mini';
import { localDateSchema } from '../calendar/local-date.js';
import { monthDaySchema } from '../calendar/month-day.js';
import { ENTERPRISE_SIZES } from '../enterprise-size.js';
import { INDUSTRIES, OBLIGATION_INDUSTRIES } from '../industry.js';
import { evaluationScoreSheetSchema } from './evaluation-score-sheet.js';

const countSchema = z.int().check(z.gte(0));
const positiveCountSchema = z.int().check(z.gte(1));
const basisPointsSchema = z.int().check(z.gte(0), z.lte(10_000));

/** MON-2: a data kind's limits; a reading at or beyond one opens (or extends) an alarm of that severity. */
const monitoringThresholdSchema = z.strictObject({
  direction: z.enum(['ABOVE', 'BELOW']),
  warning: z.optional(z.number()),
  major: z.optional(z.number()),
});
const monitoringFiguresSchema = z.strictObject({
  readingRetentionDays: positiveCountSchema,
  lateAfterMinutes: positiveCountSchema,
  slaMinutes: z.strictObject({ MAJOR: positiveCountSchema, WARNING: positiveCountSchema }),
  thresholds: z.record(z.string().check(z.regex(/^[A-Z0-9_]{1,32}$/)), monitoringThresholdSchema),
});

/** SVC-1: the minimum services per policy year. `deepInspections` (体检式精查) are part of `hazardInspections`. */
const svcMinimumsSchema = z.strictObject({
  riskAssessments: countSchema,
  hazardInspections: countSchema,
  deepInspections: countSchema,
});

/**
 * FEE-1, UW-5: one VAT rate a policy may be written at, with why it applies (the tax rule; for an exemption,
 * which exemption and the document that grants it). The ex-tax base of the FEE-1 floor divides by
 * (1 + rate), so a rate the insurer could type freely would shrink the prevention fee (100% halves it).
 */
const vatRateSchema = z.strictObject({
  basisPoints: basisPointsSchema,
  basis: z.string().check(z.minLength(1), z.maxLength(500), z.describe('Why this rate applies: the tax rule, or the exemption and how it is documented.')),
  exemption: z.boolean().check(z.describe('true for a documented exemption (免税), whose `basis` names it.')),
});

const pointsSchema = z.int().check(z.gte(-100), z.lte(100));

/**
 * SVC-12: the risk-grade score sheet. The notice (and 322号) name the inputs — industry, accident record, open
 * hazards, monitoring alarms — but no formula; the sheet is the platform's, and as rule-set data the city EMB
 * can change it by publishing a version.
 */
const riskScoreSheetSchema = z.strictObject({
  industryPoints: z.record(z.enum(INDUSTRIES), pointsSchema).check(z.describe('Points for the enterprise\'s industry.')),
  sizePoints: z.record(z.enum(ENTERPRISE_SIZES), pointsSchema).check(z.describe('Points for its size (people exposed).')),
  accidentPointsMin: pointsSchema.check(z.describe('ACCIDENT_RECORD: 1 point per 1% of the UW-7 factor above ×1.00 (off below), at least this.')),
  accidentPointsMax: pointsSchema.check(z.describe('ACCIDENT_RECORD: at most this.')),
  generalHazardPoints: pointsSchema.check(z.describe('OPEN_HAZARDS: per open general hazard.')),
  generalHazardMax: pointsSchema.check(z.describe('OPEN_HAZARDS: at most this for general hazards.')),
  majorHazardPoints: pointsSchema.check(z.describe('OPEN_HAZARDS: per open major hazard.')),
  majorHazardMax: pointsSchema.check(z.describe('OPEN_HAZARDS: at most this for major hazards.')),
  alarmPoints: pointsSchema.check(z.describe('MONITORING_ALARMS: per alarm in the period looked at.')),
  alarmMax: pointsSchema.check(z.describe('MONITORING_ALARMS: at most this.')),
  highFrom: pointsSchema.check(z.describe('Grade HIGH from this score.')),
  mediumFrom: pointsSchema.check(z.describe('Grade MEDIUM from this score (LOW below).')),
});

/**
 * RPT-2 (notice 第二十条): one item of the insurer's yearly evaluation of service quality — what it is named, what
 * it measures, and which of the platform's figures are shown beside the insurer's narrative (`prefill`; none for
 * an item only the insurer can describe).
 */
const selfEvaluationItemSchema = z.strictObject({
  code: z.string().check(z.regex(/^[A-Z][A-Z_]{0,31}$/)),
  name: z.string().check(z.minLength(1), z.maxLength(40)),
  measures: z.string().check(z.minLength(1), z.maxLength(300)),
  prefill: z.optional(z.enum(['PLAN_EXECUTION', 'EFFECT', 'SATISFACTION', 'FEE_USE', 'COMPLAINTS'])),
});

/**
 * SVC-1: one cell of the obligations table — fixed minimums, or 'PER_PLAN' where the notice leaves the
 * services to the agreed service plan (small and micro enterprises, other industries).
 */
const svcObligationSchema = z.union([
  z.literal('PER_PLAN'),
  svcMinimumsSchema.check(
    z.refine((minimums) => minimums.deepInspections <= minimums.hazardInspections, {
      message: 'SVC-1: deep inspections are counted within hazard inspections, so cannot exceed them',
      path: ['deepInspections'],
    }),
  ),
]);

/** SVC-1: obligations by industry (TAILINGS_POND reads the NON_COAL_MINE row) and size. */
const svcObligationTableSchema = z.record(
  z.enum(OBLIGATION_INDUSTRIES),
  z.record(z.enum(ENTERPRISE_SIZES), svcObligationSchema),
);

/**
 * RULES-1: every figure the notice makes configurable, as one versioned set. The city EMB changes a figure by
 * publishing a new version with an effective date; each decision records the `id` and `version` it used, so
 * that an old decision can be explained by the figures in force at the time.
 *
 * As the city EMB publishes it. Unknown keys are refused (a misspelt figure would otherwise
 * be dropped silently and the old value kept), every industry and size must have an SVC-1 cell, and figures
 * that bound each other must be in order.
 */
const figuresShape = {
  effectiveFrom: localDateSchema.check(z.describe('The first day (Asia/Shanghai) the version governs.')),
  deathLimitFloorFen: z.int().check(z.gte(1), z.describe('UW-4: lowest death limit per person.')),
  vatRateBasisPoints: basisPointsSchema.check(z.describe('UW-1, UW-5: default VAT rate on premium, in basis points.')),
  vatRates: z.array(vatRateSchema).check(z.minLength(1), z.describe('FEE-1, UW-5: the only VAT rates a policy may be written at; the default is one of them.')),
  preventionFeeFloorBasisPoints: basisPointsSchema.check(z.describe('FEE-1: lowest prevention fee as a share of premium received ex-tax.')),
  preventionFeeCeilingBasisPoints: basisPointsSchema.check(z.describe('FEE-5: highest prevention spending as a share of premium.')),
  qualificationFilingDue: monthDaySchema.check(z.describe('QUAL-6: the day each year\'s qualification filing is due.')),
  firstServiceMonths: positiveCountSchema.check(z.describe('SVC-2: months after policy start by which the first service must be completed.')),
  followUpWorkingDays: positiveCountSchema.check(z.describe('SVC-8: working days after a service within which the follow-up is due.')),
  archiveWorkingDays: positiveCountSchema.check(z.describe('SVC-9: working days after a service within which the record is complete and archived.')),
  complaintReplyWorkingDays: positiveCountSchema.check(z.describe('CMP-2: working days after receipt within which a complaint is answered.')),
  complaintVerificationWorkingDays: positiveCountSchema.check(z.describe('CMP-3: working days after receipt when facts need further verification.')),
  complaintMaxExtensionDays: countSchema.check(z.describe('CMP-4: the one extension\'s maximum, in calendar days added to the working-day due date.')),
  workingDayClockEnabled: z.boolean().check(z.describe('CMP-8: whether the notice\'s working-day clock (CMP-2..4) applies.')),
  nfraClockEnabled: z.boolean().check(z.describe('CMP-8: whether the NFRA\'s calendar-day clock applies.')),
  nfraDecisionCalendarDays: positiveCountSchema.check(z.describe('CMP-8: calendar days after receipt for the NFRA decision.')),
  nfraExtensionCalendarDays: positiveCountSchema.check(z.describe('CMP-8: calendar days after receipt once the first extension is granted ("可延长至30日").')),
  nfraMaxTotalCalendarDays: positiveCountSchema.check(z.describe('CMP-8: calendar days after receipt once the second, higher-approved extension is granted (the maximum).')),
  halfYearReportDue: monthDaySchema.check(z.describe('RPT-1: the half-year report is due on this day of the same year.')),
  yearReportDue: monthDaySchema.check(z.describe('RPT-1: the full-year report is due on this day of the following year.')),
  regulatorEvaluationDue: monthDaySchema.check(z.describe('RPT-3: the regulators\' evaluation of the previous year is due on this day.')),
  archiveRetentionYears: positiveCountSchema.check(z.describe('SVC-10: years an archive is kept write-once.')),
  // Optional: versions published before the daily run's reminders existed do not carry it (REMINDER_LEAD_DEFAULT).
  reminderLeadWorkingDays: z.optional(
    positiveCountSchema.check(z.describe('SVC-7..9, CMP-2: working days before a due date when the daily run reminds who must act (3 when absent).')),
  ),
  // Optional: versions published before issue 19's monitoring do not carry it (MONITORING_DEFAULTS, domain/monitoring/kinds.ts).
  monitoring: z.optional(monitoringFiguresSchema.check(z.describe('MON-2: reading retention (days), late window (minutes), acknowledgement SLA (minutes) by severity, thresholds by data kind.'))),
  // Optional: versions published before RPT-2 do not carry it (the reports context falls back to the Xinzhou 2024 list).
  selfEvaluationItems: z.optional(
    z.array(selfEvaluationItemSchema).check(z.minLength(1), z.maxLength(20), z.describe('RPT-2: the items of the yearly self-evaluation of service quality, in order.')),
  ),
  svcObligations: svcObligationTableSchema.check(z.describe('SVC-1: services per policy year by industry and size.')),
  riskScoreSheet: riskScoreSheetSchema.check(z.describe('SVC-12: the risk-grade score sheet (the platform\'s formula).')),
  // Optional: versions published before RPT-3's evaluations do not carry it (XINZHOU_2024_EVALUATION_SCORE_SHEET).
  evaluationScoreSheet: z.optional(evaluationScoreSheetSchema.check(z.describe('RPT-3: the regulators\' score sheet for evaluating each insurer (items, weights, computed or manual, pass mark).'))),
};

type Figures = z.output<z.ZodMiniObject<typeof figuresShape>>;

/** Figures that bound each other must be in order, and the default VAT rate is one of those listed. */
function figuresInOrder(ruleSet: Figures, ctx: z.core.$RefinementCtx<Figures>): void {
  const rates = ruleSet.vatRates.map((rate) => rate.basisPoints);
  if (!rates.includes(ruleSet.vatRateBasisPoints)) {
    ctx.issues.push({
      code: 'custom',
      message: 'FEE-1: the default VAT rate must be one of vatRates',
      path: ['vatRateBasisPoints'],
      input: ruleSet.vatRateBasisPoints,
    });
  }
  if (ruleSet.riskScoreSheet.mediumFrom > ruleSet.riskScoreSheet.highFrom) {
    ctx.issues.push({ code: 'custom', message: 'SVC-12: the MEDIUM threshold cannot be above the HIGH one', path: ['riskScoreSheet', 'mediumFrom'], input: ruleSet.riskScoreSheet.mediumFrom });
  }
  if (ruleSet.riskScoreSheet.accidentPointsMin > ruleSet.riskScoreSheet.accidentPointsMax) {
    ctx.issues.push({ code: 'custom', message: 'SVC-12: the accident-record minimum cannot be above its maximum', path: ['riskScoreSheet', 'accidentPointsMin'], input: ruleSet.riskScoreSheet.accidentPointsMin });
  }
  if (new Set(rates).size !== rates.length) {
    ctx.issues.push({ code: 'custom', message: 'FEE-1: each VAT rate is listed once', path: ['vatRates'], input: rates });
  }
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
}

export const ruleSetSchema = z
  .strictObject({
    id: z.string().check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens'), z.describe('The series this version belongs to, e.g. \'xinzhou-2024\'.')),
    version: positiveCountSchema.check(z.describe('1, 2, … in order of publication.')),
    region: z.string().check(z.regex(/^\d{6}$/, 'must be a 6-digit GB/T 2260 code'), z.describe('GB/T 2260 code of the region the set governs, e.g. \'140900\' for 忻州市.')),
    ...figuresShape,
  })
  .check(z.superRefine(figuresInOrder));

/**
 * RULES-1: the figures of a version without its series id and number, which the platform assigns when the
 * city EMB publishes (`POST /regulator/rule-sets`). Checked as `ruleSetSchema` checks them.
 */
export const ruleSetFiguresSchema = z.strictObject(figuresShape).check(z.superRefine(figuresInOrder));
export type RuleSetFigures = z.output<typeof ruleSetFiguresSchema>;

/** RULES-1: one published version of the rule set; each field's meaning is in its schema's description. */
export type RuleSet = z.output<typeof ruleSetSchema>;
export type VatRate = z.output<typeof vatRateSchema>;
export type RiskScoreSheet = z.output<typeof riskScoreSheetSchema>;
export type SvcMinimums = z.output<typeof svcMinimumsSchema>;
export type SelfEvaluationItem = z.output<typeof selfEvaluationItemSchema>;
export type SvcObligation = z.output<typeof svcObligationSchema>;
export type SvcObligationTable = z.output<typeof svcObligationTableSchema>;
