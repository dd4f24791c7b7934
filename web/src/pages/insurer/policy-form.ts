import type { IssuePolicyRequest, OtherSafetyInsuranceKind, PolicyMode, StandardisationGrade } from '../../api';
import { multiplierToBasisPoints, percentToBasisPoints, wholeNumber, yuanToFen } from '../../kit/decimal';

/**
 * The issue form's values. Field paths are the API's (`perPersonDeathLimitFen`, `rating.riskLevelBasisPoints`,
 * `members.1.tenantId`), so a 400 or a 409 naming a field lands under that input; the leaves are what a person
 * types: amounts in 元, factors as multipliers (×1.05), shares in %.
 */
export interface PolicyFormValues {
  readonly enterpriseUscc?: string;
  readonly policyNumber?: string;
  readonly periodStart?: string;
  readonly periodEnd?: string;
  readonly employeesCovered?: string;
  /** 元. */
  readonly perPersonInsuredAmountFen?: string;
  /** 元. */
  readonly perPersonDeathLimitFen?: string;
  readonly rating?: {
    readonly accidentRecordBasisPoints?: string;
    readonly standardisationGrade?: StandardisationGrade;
    readonly standardisationBasisPoints?: string;
    readonly penaltiesBasisPoints?: string;
    readonly riskLevelBasisPoints?: string;
  };
  readonly mode?: PolicyMode;
  /** Shares in %. */
  readonly members?: readonly { readonly tenantId?: string; readonly shareBasisPoints?: string; readonly lead?: boolean }[];
  readonly premiumPaidByEnterprise?: boolean;
  readonly otherSafetyInsurance?: readonly {
    readonly kind?: OtherSafetyInsuranceKind;
    readonly insurer?: string;
    readonly policyNumber?: string;
    readonly convertible?: boolean;
  }[];
}

const trimmed = (text: string | undefined): string => (text ?? '').trim();

/**
 * The `POST /policies` body. Numbers that do not parse are left out of the JSON (the form's own checks stop
 * them first), so the server would name the field. The premium is left out: the server rates it (UW-7).
 */
export function issuePolicyBodyOf(values: PolicyFormValues): IssuePolicyRequest {
  const rating = values.rating ?? {};
  const mode = values.mode ?? 'INDEPENDENT';
  const others = (values.otherSafetyInsurance ?? []).filter((other) => other.kind || trimmed(other.insurer) !== '' || trimmed(other.policyNumber) !== '');
  return {
    enterpriseUscc: trimmed(values.enterpriseUscc).toUpperCase(),
    // UW-1 (issue 15): left empty, the platform generates the number (AZ-<year>-<insurer code>-<seq>).
    ...(trimmed(values.policyNumber) === '' ? {} : { policyNumber: trimmed(values.policyNumber) }),
    periodStart: trimmed(values.periodStart),
    periodEnd: trimmed(values.periodEnd),
    employeesCovered: wholeNumber(values.employeesCovered) as number,
    perPersonInsuredAmountFen: yuanToFen(values.perPersonInsuredAmountFen) as number,
    perPersonDeathLimitFen: yuanToFen(values.perPersonDeathLimitFen) as number,
    rating: {
      accidentRecordBasisPoints: multiplierToBasisPoints(rating.accidentRecordBasisPoints) as number,
      standardisationGrade: rating.standardisationGrade as StandardisationGrade,
      standardisationBasisPoints: multiplierToBasisPoints(rating.standardisationBasisPoints) as number,
      penaltiesBasisPoints: multiplierToBasisPoints(rating.penaltiesBasisPoints) as number,
      riskLevelBasisPoints: multiplierToBasisPoints(rating.riskLevelBasisPoints) as number,
    },
    mode,
    ...(mode === 'COINSURANCE'
      ? {
          members: (values.members ?? []).map((member) => ({
            tenantId: trimmed(member.tenantId),
            shareBasisPoints: percentToBasisPoints(member.shareBasisPoints) as number,
            lead: Boolean(member.lead),
          })),
        }
      : {}),
    premiumPaidByEnterprise: Boolean(values.premiumPaidByEnterprise),
    ...(others.length > 0
      ? {
          otherSafetyInsurance: others.map((other) => ({
            kind: other.kind as OtherSafetyInsuranceKind,
            insurer: trimmed(other.insurer),
            ...(trimmed(other.policyNumber) === '' ? {} : { policyNumber: trimmed(other.policyNumber) }),
            convertible: Boolean(other.convertible),
          })),
        }
      : {}),
  };
}

const dayNumber = (date: string): number => {
  const [year, month, day] = date.split('-').map(Number);
  return Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1);
};

const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** UW-1: a one-year period from `start` ends the day before the same date a year later (2024-07-01 → 2025-06-30). */
export function oneYearEnd(start: string): string {
  const [year, month, day] = start.split('-').map(Number);
  const next = Date.UTC((year ?? 0) + 1, (month ?? 1) - 1, 1);
  const lastDay = new Date(Date.UTC((year ?? 0) + 1, month ?? 1, 0)).getUTCDate();
  // 2024-02-29 + 1 year → 2025-02-28, the last day of that month (as the domain's addMonths clamps).
  const sameDay = next + (Math.min(day ?? 1, lastDay) - 1) * 86_400_000;
  return isoDay(sameDay - 86_400_000);
}

/** Days of a period, both ends included. */
export const periodDays = (start: string, end: string): number => Math.round((dayNumber(end) - dayNumber(start)) / 86_400_000) + 1;
