import type { EnterpriseSize } from '../enterprise-size.js';
import type { RuleSet, SvcObligation } from './rule-set.js';
import { XINZHOU_2024_EVALUATION_SCORE_SHEET } from './evaluation-score-sheet.js';

function sameForEverySize(obligation: SvcObligation): Record<EnterpriseSize, SvcObligation> {
  return { LARGE: obligation, MEDIUM: obligation, SMALL: obligation, MICRO: obligation };
}

const MINE = { riskAssessments: 2, hazardInspections: 2, deepInspections: 1 } as const;
/** Annex 3 art. 9 item 3: large and medium HAZCHEM, FIREWORKS, METAL_SMELTING enterprises; item 4 for the rest. */
const HIGH_RISK_BY_SIZE: Record<EnterpriseSize, SvcObligation> = {
  LARGE: { riskAssessments: 1, hazardInspections: 1, deepInspections: 0 },
  MEDIUM: { riskAssessments: 1, hazardInspections: 1, deepInspections: 0 },
  SMALL: 'PER_PLAN',
  MICRO: 'PER_PLAN',
};
const PER_PLAN = sameForEverySize('PER_PLAN');

/** Cells are shared between rows, so one careless write would change many; freezing makes it throw instead. */
function deepFreeze<T extends object>(value: T): T {
  for (const nested of Object.values(value)) {
    if (typeof nested === 'object' && nested !== null) deepFreeze(nested);
  }
  return Object.freeze(value);
}

/**
 * RULES-1: the figures of 忻应急发〔2024〕71号 (with its Annex 3, 忻州市安全生产责任保险事故预防服务规范), version 1.
 *
 * `effectiveFrom` is 2024-05-09, the date the notice was signed and issued (印发); Annex 3 art. 23 puts the
 * service rules in force 自发布之日起. Policies written earlier in 2024 fall under no rule set of this platform.
 *
 * Figures that are not in the notice: the 21% ceiling (FEE-5) comes from 应急厅函〔2024〕322号, the NFRA
 * clock (CMP-8) from 《银行业保险业消费投诉处理管理办法》(2020), the 6% VAT rate from the VAT rules for property
 * insurance. The daily run's reminder lead (3 working days) is the platform's own: the notice sets deadlines,
 * not reminders.
 */
export const XINZHOU_2024: RuleSet = deepFreeze({
  id: 'xinzhou-2024',
  version: 1,
  effectiveFrom: '2024-05-09',
  region: '140900',
  deathLimitFloorFen: 30_000_000,
  vatRateBasisPoints: 600,
  vatRates: [
    {
      basisPoints: 600,
      basis: '财产保险服务（安责险属责任保险）按金融服务缴纳增值税，税率6%（财税〔2016〕36号）',
      exemption: false,
    },
    {
      basisPoints: 0,
      basis: '免征增值税：仅限税务机关认定免税的保费收入（财税〔2016〕36号附件3所列项目），保单须附免税认定文书',
      exemption: true,
    },
  ],
  preventionFeeFloorBasisPoints: 1500,
  preventionFeeCeilingBasisPoints: 2100,
  qualificationFilingDue: { month: 6, day: 15 },
  firstServiceMonths: 3,
  followUpWorkingDays: 10,
  archiveWorkingDays: 20,
  complaintReplyWorkingDays: 10,
  complaintVerificationWorkingDays: 30,
  complaintMaxExtensionDays: 30,
  workingDayClockEnabled: true,
  nfraClockEnabled: true,
  nfraDecisionCalendarDays: 15,
  nfraExtensionCalendarDays: 30,
  nfraMaxTotalCalendarDays: 60,
  halfYearReportDue: { month: 7, day: 31 },
  yearReportDue: { month: 1, day: 31 },
  regulatorEvaluationDue: { month: 3, day: 31 },
  // RPT-3: the regulators' score sheet (the notice gives no weights; domain/kernel/rule-set/evaluation-score-sheet.ts).
  evaluationScoreSheet: XINZHOU_2024_EVALUATION_SCORE_SHEET,
  archiveRetentionYears: 5,
  reminderLeadWorkingDays: 3,
  // MON-2 (issue 19): the platform's defaults and the 煤矿安全规程 limits they rest on — domain/monitoring/kinds.ts.
  monitoring: {
    readingRetentionDays: 90,
    lateAfterMinutes: 10,
    slaMinutes: { MAJOR: 15, WARNING: 60 },
    thresholds: {
      GAS_CH4: { direction: 'ABOVE', warning: 0.8, major: 1.0 },
      CO: { direction: 'ABOVE', warning: 20, major: 24 },
      O2: { direction: 'BELOW', warning: 20, major: 18.5 },
      WIND_SPEED: { direction: 'ABOVE', warning: 6, major: 8 },
      TEMPERATURE: { direction: 'ABOVE', warning: 26, major: 30 },
    },
  },
  svcObligations: {
    COAL_MINE: sameForEverySize(MINE),
    NON_COAL_MINE: sameForEverySize(MINE),
    HAZCHEM: HIGH_RISK_BY_SIZE,
    FIREWORKS: HIGH_RISK_BY_SIZE,
    METAL_SMELTING: HIGH_RISK_BY_SIZE,
    CHEMICAL: PER_PLAN,
    DUST_EXPLOSION: PER_PLAN,
    GAS_GENERATOR: PER_PLAN,
    CONFINED_SPACE: PER_PLAN,
    MASS_CASUALTY_OTHER: PER_PLAN,
    OTHER: PER_PLAN,
  },
  // RPT-2: 第二十条's contents of the yearly evaluation, in its order; the platform's figures beside five of them.
  selfEvaluationItems: [
    { code: 'PLAN_EXECUTION', name: '服务计划执行', measures: '服务方案实施情况：各类事故预防服务计划次数、已完成次数及完成率，回访和归档是否按时', prefill: 'PLAN_EXECUTION' },
    { code: 'EFFECT', name: '服务效果', measures: '发现的事故隐患、已整改隐患及整改率、重大事故隐患', prefill: 'EFFECT' },
    { code: 'SATISFACTION', name: '企业满意度', measures: '投保单位对服务的满意度：回访满意度评分（1至5分）的平均分', prefill: 'SATISFACTION' },
    { code: 'FEE_USE', name: '费用使用', measures: '事故预防服务费用支出情况：支出占实收保费（不含税）比例，是否达到最低比例', prefill: 'FEE_USE' },
    { code: 'PROVIDER_CAPABILITY', name: '服务机构能力', measures: '服务机构和服务人员的专业能力：资质、人员配备、专家参与情况' },
    { code: 'COMPLAINTS', name: '投诉处理', measures: '投诉处理情况：收到投诉件数、按时答复件数及按时答复率', prefill: 'COMPLAINTS' },
    { code: 'IMPROVEMENTS', name: '存在问题及改进措施', measures: '服务中存在的问题及下一年度的改进措施' },
  ],
  // SVC-12: the platform's score sheet (the notice names the inputs, not a formula); see domain/services/risk-grade.ts.
  riskScoreSheet: {
    industryPoints: {
      COAL_MINE: 40,
      NON_COAL_MINE: 40,
      TAILINGS_POND: 40,
      HAZCHEM: 30,
      FIREWORKS: 30,
      METAL_SMELTING: 30,
      CHEMICAL: 20,
      DUST_EXPLOSION: 20,
      GAS_GENERATOR: 20,
      CONFINED_SPACE: 20,
      MASS_CASUALTY_OTHER: 20,
      OTHER: 5,
    },
    sizePoints: { LARGE: 10, MEDIUM: 5, SMALL: 0, MICRO: 0 },
    accidentPointsMin: -10,
    accidentPointsMax: 30,
    generalHazardPoints: 3,
    generalHazardMax: 15,
    majorHazardPoints: 20,
    majorHazardMax: 40,
    alarmPoints: 2,
    alarmMax: 20,
    highFrom: 60,
    mediumFrom: 30,
  },
});
