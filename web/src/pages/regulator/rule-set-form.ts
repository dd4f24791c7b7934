import type { PublishRuleSetRequest, RuleSetVersion } from '../../api';

type RuleSet = RuleSetVersion['ruleSet'];
type Cell = NonNullable<RuleSet['svcObligations'][string]['LARGE']>;

export const SIZES = ['LARGE', 'MEDIUM', 'SMALL', 'MICRO'] as const;

/** RULES-1: the publish form's values — figures in the units people use (%, 元, MM-DD), the SVC-1 cells as text. */
export interface RuleSetForm {
  readonly effectiveFrom: string;
  readonly note: string;
  readonly floorPercent: number;
  readonly ceilingPercent: number;
  readonly deathLimitYuan: number;
  readonly vatRateBasisPoints: number;
  readonly filingDue: string;
  readonly firstServiceMonths: number;
  readonly followUpWorkingDays: number;
  readonly archiveWorkingDays: number;
  readonly complaintReplyWorkingDays: number;
  readonly complaintVerificationWorkingDays: number;
  readonly complaintMaxExtensionDays: number;
  readonly archiveRetentionYears: number;
  readonly svc: Readonly<Record<string, Readonly<Record<(typeof SIZES)[number], string>>>>;
}

/**
 * SVC-1: a cell as text — `风险评估/隐患排查/其中精查` (e.g. `2/2/1`), or the per-plan word.
 *
 * @example cellText({ riskAssessments: 2, hazardInspections: 2, deepInspections: 1 }, '按方案'); // '2/2/1'
 */
export function cellText(cell: Cell | undefined, perPlan: string): string {
  if (cell === undefined) return '—';
  return cell === 'PER_PLAN' ? perPlan : `${cell.riskAssessments}/${cell.hazardInspections}/${cell.deepInspections}`;
}

/** The cell a text stands for, or undefined when it is neither the per-plan word nor `a/b/c` with c ≤ b. */
export function parseCell(text: string | undefined, perPlan: string): Cell | undefined {
  const value = (text ?? '').trim();
  if (value === perPlan || value === 'PER_PLAN') return 'PER_PLAN';
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{1,2})$/.exec(value);
  if (!match) return undefined;
  const [riskAssessments, hazardInspections, deepInspections] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return deepInspections <= hazardInspections ? { riskAssessments, hazardInspections, deepInspections } : undefined;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The form as it opens: a copy of `latest`, effective date left for the city EMB to choose. */
export function formValuesOf(latest: RuleSet, perPlan: string): Omit<RuleSetForm, 'effectiveFrom' | 'note'> {
  return {
    floorPercent: latest.preventionFeeFloorBasisPoints / 100,
    ceilingPercent: latest.preventionFeeCeilingBasisPoints / 100,
    deathLimitYuan: latest.deathLimitFloorFen / 100,
    vatRateBasisPoints: latest.vatRateBasisPoints,
    filingDue: `${pad(latest.qualificationFilingDue.month)}-${pad(latest.qualificationFilingDue.day)}`,
    firstServiceMonths: latest.firstServiceMonths,
    followUpWorkingDays: latest.followUpWorkingDays,
    archiveWorkingDays: latest.archiveWorkingDays,
    complaintReplyWorkingDays: latest.complaintReplyWorkingDays,
    complaintVerificationWorkingDays: latest.complaintVerificationWorkingDays,
    complaintMaxExtensionDays: latest.complaintMaxExtensionDays,
    archiveRetentionYears: latest.archiveRetentionYears,
    svc: Object.fromEntries(
      Object.entries(latest.svcObligations).map(([industry, cells]) => [
        industry,
        Object.fromEntries(SIZES.map((size) => [size, cellText(cells[size], perPlan)])) as Record<(typeof SIZES)[number], string>,
      ]),
    ),
  };
}

/**
 * The figures sent: `latest`'s, with what the form edits replaced. Everything the form does not show (VAT
 * rates and their bases, report due days, the NFRA clock) is carried over unchanged; the server checks the
 * whole set again (RULES-1) and names any field it refuses.
 */
export function figuresFrom(latest: RuleSet, values: RuleSetForm, perPlan: string): PublishRuleSetRequest['figures'] {
  const { id: _id, version: _version, region: _region, ...figures } = latest;
  const [month, day] = values.filingDue.split('-').map(Number);
  const svcObligations = Object.fromEntries(
    Object.entries(latest.svcObligations).map(([industry, cells]) => [
      industry,
      Object.fromEntries(SIZES.map((size) => [size, parseCell(values.svc[industry]?.[size], perPlan) ?? cells[size]]).filter(([, cell]) => cell !== undefined)),
    ]),
  ) as RuleSet['svcObligations'];
  return {
    ...figures,
    effectiveFrom: values.effectiveFrom,
    preventionFeeFloorBasisPoints: Math.round(values.floorPercent * 100),
    preventionFeeCeilingBasisPoints: Math.round(values.ceilingPercent * 100),
    deathLimitFloorFen: Math.round(values.deathLimitYuan * 100),
    vatRateBasisPoints: values.vatRateBasisPoints,
    qualificationFilingDue: { month: month ?? latest.qualificationFilingDue.month, day: day ?? latest.qualificationFilingDue.day },
    firstServiceMonths: values.firstServiceMonths,
    followUpWorkingDays: values.followUpWorkingDays,
    archiveWorkingDays: values.archiveWorkingDays,
    complaintReplyWorkingDays: values.complaintReplyWorkingDays,
    complaintVerificationWorkingDays: values.complaintVerificationWorkingDays,
    complaintMaxExtensionDays: values.complaintMaxExtensionDays,
    archiveRetentionYears: values.archiveRetentionYears,
    svcObligations,
  };
}
