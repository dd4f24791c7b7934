/**
 * Shapes of the underwriting (QUAL, UW) and register (REG-1, BLK-1, UW-11) routes, as the API answers them
 * (domain/underwriting/schemas.ts, domain/register/schemas.ts). Kept by hand like types.ts; the constants
 * are mirrored in `reference/` and compared with the domain's by a unit test.
 */
import type { Industry, RiskRating, StandardisationGrade } from '../reference/underwriting';
import type { LocalDate } from './types';

export type { Industry, RiskRating, StandardisationGrade } from '../reference/underwriting';
export type EnterpriseSize = 'LARGE' | 'MEDIUM' | 'SMALL' | 'MICRO';
export type PolicyStatus = 'ISSUED' | 'CANCELLED';
export type PolicyMode = 'INDEPENDENT' | 'COINSURANCE';
export type OtherSafetyInsuranceKind = 'EMPLOYER_LIABILITY' | 'GROUP_ACCIDENT' | 'PUBLIC_LIABILITY' | 'OTHER';
export type EligibilityRule = 'QUAL-1' | 'QUAL-2' | 'QUAL-3' | 'QUAL-4' | 'QUAL-5' | 'QUAL-6' | 'BLK-1';

// Qualification (QUAL-1..6) --------------------------------------------------------------------------

/** SVC-10: a document in the write-once archive, named by its id and the SHA-256 recorded when archived. */
export interface ArchiveRef {
  readonly archiveId: string;
  readonly sha256: string;
  readonly name: string;
}

export interface Licence {
  readonly number: string;
  /** The last valid day; null when the document states no end (长期). */
  readonly expiresOn: LocalDate | null;
}

export interface FactorBounds {
  readonly minBasisPoints: number;
  readonly maxBasisPoints: number;
}

export interface FactorBoundsTable {
  readonly accidentRecord: FactorBounds;
  readonly standardisation: Readonly<Record<StandardisationGrade, FactorBounds>>;
  readonly penalties: FactorBounds;
  readonly riskLevel: FactorBounds;
}

export interface FiledProduct {
  readonly filingNumber: string;
  readonly name?: string;
  /** Parts per million of the per-person insured amount (3500 = 3.5‰). */
  readonly baseRatesPpm: Readonly<Partial<Record<Industry, number>>>;
  readonly factorBounds: FactorBoundsTable;
}

/** `PUT /qualification/{year}`: the whole filing; every part may be left out while it is a draft. */
export interface PutQualificationRequest {
  readonly branch?: { readonly name: string; readonly cityLevelBranchInXinzhou: boolean; readonly writesPropertyInsurance: boolean };
  readonly businessLicence?: Licence;
  readonly insurancePermit?: Licence;
  readonly majorViolations?: readonly { readonly decidedOn: LocalDate; readonly authority: string; readonly description: string }[];
  readonly solvency?: { readonly comprehensiveRatioBasisPoints: number; readonly riskRating: RiskRating };
  readonly prevention?: {
    readonly systemDocument?: ArchiveRef;
    readonly planTemplate?: ArchiveRef;
    readonly riskControlTeam?: readonly { readonly name: string; readonly role?: string }[];
    readonly evidence?: readonly ArchiveRef[];
  };
  readonly filedProduct?: FiledProduct;
  readonly annex1?: Readonly<Partial<Record<string, readonly ArchiveRef[]>>>;
  readonly commitmentLetter?: { readonly signedBy: string; readonly signedOn: LocalDate };
  readonly filedOn?: LocalDate;
}

export interface QualificationFiling extends Omit<PutQualificationRequest, 'majorViolations' | 'prevention' | 'annex1'> {
  readonly tenantId: string;
  readonly year: number;
  readonly majorViolations: NonNullable<PutQualificationRequest['majorViolations']>;
  readonly prevention: {
    readonly systemDocument?: ArchiveRef;
    readonly planTemplate?: ArchiveRef;
    readonly riskControlTeam: readonly { readonly name: string; readonly role?: string }[];
    readonly evidence: readonly ArchiveRef[];
  };
  readonly annex1: Readonly<Partial<Record<string, readonly ArchiveRef[]>>>;
  readonly filedOnSource?: 'PLATFORM' | 'DECLARED';
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly updatedBy: string;
  readonly version: number;
}

export interface EligibilityCriterion {
  readonly rule: EligibilityRule;
  readonly passed: boolean;
  /** Plain English from the server, shown as is. */
  readonly reason: string;
  readonly waived?: true;
}

export interface EligibilityResult {
  readonly eligible: boolean;
  readonly onDate: LocalDate;
  readonly coinsuranceRole: 'INDEPENDENT' | 'LEAD' | 'MEMBER';
  readonly filingYear?: number;
  readonly filingVersion?: number;
  readonly ruleSetId: string;
  readonly ruleSetVersion: number;
  readonly criteria: readonly EligibilityCriterion[];
}

/** `GET|PUT /qualification/{year}`: the year's filing (absent before the first save) and today's eligibility. */
export interface QualificationAnswer {
  readonly year: number;
  readonly filing?: QualificationFiling;
  readonly eligibility: EligibilityResult;
}

// Policies (UW-1..10) ------------------------------------------------------------------------------------

export interface RatingFactorsRequest {
  readonly accidentRecordBasisPoints: number;
  readonly standardisationGrade: StandardisationGrade;
  readonly standardisationBasisPoints: number;
  readonly penaltiesBasisPoints: number;
  readonly riskLevelBasisPoints: number;
}

export interface CoinsuranceMember {
  readonly tenantId: string;
  readonly shareBasisPoints: number;
  readonly lead: boolean;
}

export interface OtherSafetyInsurance {
  readonly kind: OtherSafetyInsuranceKind;
  readonly insurer: string;
  readonly policyNumber?: string;
  readonly convertible: boolean;
}

/** `POST /policies`: industry, size, county and staff come from the register (REG-1), not from the insurer. */
export interface IssuePolicyRequest {
  readonly enterpriseUscc: string;
  readonly policyNumber: string;
  readonly periodStart: LocalDate;
  readonly periodEnd: LocalDate;
  readonly employeesCovered: number;
  readonly perPersonInsuredAmountFen: number;
  readonly perPersonDeathLimitFen: number;
  /** Left out: the rated premium (UW-7). */
  readonly premiumFen?: number;
  readonly vatRateBasisPoints?: number;
  readonly rating: RatingFactorsRequest;
  readonly mode: PolicyMode;
  readonly members?: readonly CoinsuranceMember[];
  readonly premiumPaidByEnterprise: boolean;
  readonly otherSafetyInsurance?: readonly OtherSafetyInsurance[];
}

export interface EndorsePolicyRequest {
  readonly employeesCovered?: number;
  readonly perPersonInsuredAmountFen?: number;
  readonly perPersonDeathLimitFen?: number;
  readonly periodEnd?: LocalDate;
  readonly reason: string;
}

export interface CancelPolicyRequest {
  /** The first day no longer covered. */
  readonly on: LocalDate;
  readonly reason: string;
}

export interface AppliedFactor {
  readonly basisPoints: number;
  readonly minBasisPoints: number;
  readonly maxBasisPoints: number;
}

interface Change<T> {
  readonly from: T;
  readonly to: T;
}

export interface Endorsement {
  readonly sequence: number;
  readonly effectiveOn: LocalDate;
  readonly reason: string;
  readonly changes: {
    readonly employeesCovered?: Change<number>;
    readonly perPersonInsuredAmountFen?: Change<number>;
    readonly perPersonDeathLimitFen?: Change<number>;
    readonly periodEnd?: Change<LocalDate>;
  };
  readonly premiumDeltaFen: number;
  readonly premiumFen: number;
  readonly recordedAt: string;
  readonly recordedBy: string;
}

export interface Policy {
  readonly id: string;
  readonly tenantId: string;
  readonly policyNumber: string;
  readonly enterprise: {
    readonly uscc: string;
    readonly name: string;
    readonly industry: Industry;
    readonly size: EnterpriseSize;
    readonly county: string;
    readonly employees: number;
  };
  readonly periodStart: LocalDate;
  readonly periodEnd: LocalDate;
  readonly employeesCovered: number;
  readonly perPersonInsuredAmountFen: number;
  readonly perPersonDeathLimitFen: number;
  readonly premiumFen: number;
  readonly vatRateBasisPoints: number;
  readonly premiumExTaxFen: number;
  readonly rating: {
    readonly filingNumber: string;
    readonly baseRatePpm: number;
    readonly factors: {
      readonly accidentRecord: AppliedFactor;
      readonly standardisation: AppliedFactor & { readonly grade: StandardisationGrade };
      readonly penalties: AppliedFactor;
      readonly riskLevel: AppliedFactor;
    };
    readonly basePremiumFen: number;
    readonly ratedPremiumFen: number;
    readonly ratedPeriodDays: number;
  };
  readonly mode: PolicyMode;
  readonly members: readonly CoinsuranceMember[];
  readonly premiumPaidByEnterprise: true;
  readonly otherSafetyInsurance: readonly OtherSafetyInsurance[];
  readonly status: PolicyStatus;
  readonly endorsements: readonly Endorsement[];
  readonly cancellation?: { readonly on: LocalDate; readonly reason: string; readonly recordedAt: string; readonly recordedBy: string };
  readonly ruleSetId: string;
  readonly ruleSetVersion: number;
  readonly qualificationFilingYear: number;
  readonly qualificationFilingVersion: number;
  readonly issuedOn: LocalDate;
  readonly issuedBy: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly version: number;
}

// Register (REG-1), coverage (UW-11), blacklist (BLK-1) ----------------------------------------------------

export interface RegisterEntry {
  readonly uscc: string;
  readonly name: string;
  readonly industry: Industry;
  readonly county: string;
  readonly staff: number;
  readonly revenueWan: number;
  readonly size: EnterpriseSize;
  readonly sizeOverrideReason?: string;
  readonly registeredBy: string;
  readonly updatedAt: string;
  readonly version: number;
}

/** `POST /regulator/enterprises`: add (201) or update (200); `version` refuses a stale edit (412). */
export interface RegisterEntryRequest {
  readonly uscc: string;
  readonly name: string;
  readonly industry: Industry;
  readonly county: string;
  readonly staff: number;
  readonly revenueWan: number;
  readonly size?: EnterpriseSize;
  readonly sizeOverrideReason?: string;
  readonly version?: number;
}

export interface RegisterImportRequest {
  readonly fileName: string;
  readonly contentBase64: string;
}

export interface RegisterImportResult {
  readonly importId: string;
  readonly imported: number;
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
}

/** One problem of a refused import (`IMPORT_REJECTED`): the header is row 1. */
export interface ImportRowProblem {
  readonly row: number;
  readonly field: string;
  readonly message: string;
  readonly rule: string;
}

export interface CoverageGapGroup {
  readonly county: string;
  readonly industry: Industry;
  readonly registered: number;
  /** USCCs, sorted. */
  readonly uninsured: readonly string[];
}

export interface CoverageGap {
  readonly onDate: LocalDate;
  /** SCOPE-2: findings (应保未保). */
  readonly mandatory: readonly CoverageGapGroup[];
  /** SCOPE-3: advisory. */
  readonly advisory: readonly CoverageGapGroup[];
}

export interface CoverageCounts {
  readonly onDate: LocalDate;
  readonly items: readonly {
    readonly county: string;
    readonly industry: Industry;
    readonly scope: 'MANDATORY' | 'PROMOTED';
    readonly registered: number;
    readonly insured: number;
    readonly uninsured: number;
  }[];
}

export interface BlacklistEntry {
  readonly id: string;
  readonly insurerTenantId: string;
  readonly reason: string;
  readonly listedOn: LocalDate;
  readonly until?: LocalDate;
  readonly liftedOn?: LocalDate;
  readonly liftedReason?: string;
  readonly liftedBy?: string;
  readonly listedBy: string;
  readonly createdAt: string;
  readonly version: number;
  /** Whether the listing bars its insurer today (Asia/Shanghai). */
  readonly activeToday: boolean;
}

export interface BlacklistRequest {
  readonly insurerTenantId: string;
  readonly reason: string;
  readonly listedOn?: LocalDate;
  readonly until?: LocalDate;
}

export interface LiftBlacklistRequest {
  readonly reason: string;
  readonly liftedOn?: LocalDate;
}
