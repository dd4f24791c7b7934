import type { ArchiveRef, FactorBounds, PutQualificationRequest, QualificationFiling } from '../../api';
import {
  basisPointsToMultiplierText,
  basisPointsToPercentText,
  multiplierToBasisPoints,
  percentToBasisPoints,
  permilleToPpm,
  ppmToPermilleText,
} from '../../kit/decimal';
import type { Industry, RiskRating, StandardisationGrade } from '../../api';
import { ANNEX_1_ITEMS, INDUSTRY_CODES, STANDARDISATION_GRADES } from '../../reference/underwriting';

/**
 * The qualification form's values. Field paths are the API's (`solvency.comprehensiveRatioBasisPoints`,
 * `annex1.FILED_PRODUCT.0.sha256`), so a 400's details land under the right inputs; only the leaves differ:
 * numbers are the decimal text a person types (a ratio in %, rates in ‰, factors as ×1.00).
 */
export interface DocumentValues {
  readonly name?: string;
  readonly archiveId?: string;
  readonly sha256?: string;
}

export interface BoundsValues {
  /** A multiplier, e.g. `0.80`. */
  readonly minBasisPoints?: string;
  readonly maxBasisPoints?: string;
}

export interface QualificationFormValues {
  readonly branch?: { readonly name?: string; readonly cityLevelBranchInXinzhou?: boolean; readonly writesPropertyInsurance?: boolean };
  /** `expiresOn` empty: 长期 (no end). */
  readonly businessLicence?: { readonly number?: string; readonly expiresOn?: string };
  readonly insurancePermit?: { readonly number?: string; readonly expiresOn?: string };
  readonly majorViolations?: readonly { readonly decidedOn?: string; readonly authority?: string; readonly description?: string }[];
  /** The ratio in %. */
  readonly solvency?: { readonly comprehensiveRatioBasisPoints?: string; readonly riskRating?: RiskRating };
  readonly prevention?: {
    readonly systemDocument?: DocumentValues;
    readonly planTemplate?: DocumentValues;
    readonly riskControlTeam?: readonly { readonly name?: string; readonly role?: string }[];
    readonly evidence?: readonly DocumentValues[];
  };
  readonly filedProduct?: {
    readonly filingNumber?: string;
    readonly name?: string;
    /** ‰ per industry; empty: the product has no rate for it. */
    readonly baseRatesPpm?: Partial<Record<Industry, string>>;
    readonly factorBounds?: {
      readonly accidentRecord?: BoundsValues;
      readonly standardisation?: Partial<Record<StandardisationGrade, BoundsValues>>;
      readonly penalties?: BoundsValues;
      readonly riskLevel?: BoundsValues;
    };
  };
  readonly annex1?: Readonly<Record<string, readonly DocumentValues[] | undefined>>;
  readonly commitmentLetter?: { readonly signedBy?: string; readonly signedOn?: string };
}

const blank = (text: string | undefined | null): boolean => text === undefined || text === null || text.trim() === '';
const trimmed = (text: string | undefined): string => (text ?? '').trim();

export const isBlankDocument = (doc: DocumentValues | undefined): boolean =>
  !doc || (blank(doc.name) && blank(doc.archiveId) && blank(doc.sha256));

/** A document row as sent; `undefined` for a row left empty. Partly filled rows go as they are: the server names the gap. */
function documentOf(doc: DocumentValues | undefined): ArchiveRef | undefined {
  if (isBlankDocument(doc)) return undefined;
  return { name: trimmed(doc?.name), archiveId: trimmed(doc?.archiveId), sha256: trimmed(doc?.sha256).toLowerCase() };
}

const documentsOf = (docs: readonly DocumentValues[] | undefined): ArchiveRef[] =>
  (docs ?? []).map(documentOf).filter((doc): doc is ArchiveRef => doc !== undefined);

const documentValues = (doc: ArchiveRef | undefined): DocumentValues => (doc ? { name: doc.name, archiveId: doc.archiveId, sha256: doc.sha256 } : {});

function boundsOf(values: BoundsValues | undefined): FactorBounds {
  // A missing bound is left out of the JSON, so the server's 400 names its exact path.
  return {
    minBasisPoints: multiplierToBasisPoints(values?.minBasisPoints) as number,
    maxBasisPoints: multiplierToBasisPoints(values?.maxBasisPoints) as number,
  };
}

const boundsValues = (bounds: FactorBounds | undefined): BoundsValues =>
  bounds ? { minBasisPoints: basisPointsToMultiplierText(bounds.minBasisPoints), maxBasisPoints: basisPointsToMultiplierText(bounds.maxBasisPoints) } : {};

const isBlankBounds = (bounds: BoundsValues | undefined): boolean => blank(bounds?.minBasisPoints) && blank(bounds?.maxBasisPoints);

/** The form's values for a stored filing (or an empty form for a year not filed yet). */
export function formValuesOf(filing: QualificationFiling | undefined): QualificationFormValues {
  const product = filing?.filedProduct;
  return {
    branch: filing?.branch ? { ...filing.branch } : { cityLevelBranchInXinzhou: false, writesPropertyInsurance: false },
    businessLicence: filing?.businessLicence ? { number: filing.businessLicence.number, expiresOn: filing.businessLicence.expiresOn ?? '' } : {},
    insurancePermit: filing?.insurancePermit ? { number: filing.insurancePermit.number, expiresOn: filing.insurancePermit.expiresOn ?? '' } : {},
    majorViolations: (filing?.majorViolations ?? []).map((violation) => ({ ...violation })),
    solvency: filing?.solvency
      ? { comprehensiveRatioBasisPoints: basisPointsToPercentText(filing.solvency.comprehensiveRatioBasisPoints), riskRating: filing.solvency.riskRating }
      : {},
    prevention: {
      systemDocument: documentValues(filing?.prevention.systemDocument),
      planTemplate: documentValues(filing?.prevention.planTemplate),
      riskControlTeam: (filing?.prevention.riskControlTeam ?? []).map((member) => ({ ...member })),
      evidence: (filing?.prevention.evidence ?? []).map(documentValues),
    },
    filedProduct: {
      filingNumber: product?.filingNumber,
      name: product?.name,
      baseRatesPpm: Object.fromEntries(
        INDUSTRY_CODES.map((industry) => [industry, product?.baseRatesPpm[industry] === undefined ? '' : ppmToPermilleText(product.baseRatesPpm[industry])]),
      ),
      factorBounds: {
        accidentRecord: boundsValues(product?.factorBounds.accidentRecord),
        standardisation: Object.fromEntries(STANDARDISATION_GRADES.map((grade) => [grade, boundsValues(product?.factorBounds.standardisation[grade])])),
        penalties: boundsValues(product?.factorBounds.penalties),
        riskLevel: boundsValues(product?.factorBounds.riskLevel),
      },
    },
    annex1: Object.fromEntries(ANNEX_1_ITEMS.map((item) => [item.code, (filing?.annex1[item.code] ?? []).map(documentValues)])),
    commitmentLetter: filing?.commitmentLetter ? { ...filing.commitmentLetter } : {},
  };
}

/**
 * The `PUT /qualification/{year}` body for the form's values. A section left entirely empty is left out
 * (a draft); a section partly filled is sent as it is, so the server's 400 names what is missing.
 */
export function qualificationBodyOf(values: QualificationFormValues): PutQualificationRequest {
  const body: { -readonly [K in keyof PutQualificationRequest]: PutQualificationRequest[K] } = {};
  const { branch } = values;
  if (branch && (!blank(branch.name) || branch.cityLevelBranchInXinzhou || branch.writesPropertyInsurance)) {
    body.branch = {
      name: trimmed(branch.name),
      cityLevelBranchInXinzhou: Boolean(branch.cityLevelBranchInXinzhou),
      writesPropertyInsurance: Boolean(branch.writesPropertyInsurance),
    };
  }
  for (const key of ['businessLicence', 'insurancePermit'] as const) {
    const licence = values[key];
    if (licence && (!blank(licence.number) || !blank(licence.expiresOn))) {
      body[key] = { number: trimmed(licence.number), expiresOn: blank(licence.expiresOn) ? null : trimmed(licence.expiresOn) };
    }
  }
  body.majorViolations = (values.majorViolations ?? [])
    .filter((violation) => !(blank(violation.decidedOn) && blank(violation.authority) && blank(violation.description)))
    .map((violation) => ({ decidedOn: trimmed(violation.decidedOn), authority: trimmed(violation.authority), description: trimmed(violation.description) }));
  const { solvency } = values;
  if (solvency && (!blank(solvency.comprehensiveRatioBasisPoints) || solvency.riskRating)) {
    body.solvency = {
      comprehensiveRatioBasisPoints: percentToBasisPoints(solvency.comprehensiveRatioBasisPoints) as number,
      riskRating: solvency.riskRating as RiskRating,
    };
  }
  const prevention = values.prevention;
  const team = (prevention?.riskControlTeam ?? [])
    .filter((member) => !(blank(member.name) && blank(member.role)))
    .map((member) => ({ name: trimmed(member.name), ...(blank(member.role) ? {} : { role: trimmed(member.role) }) }));
  const systemDocument = documentOf(prevention?.systemDocument);
  const planTemplate = documentOf(prevention?.planTemplate);
  const evidence = documentsOf(prevention?.evidence);
  if (systemDocument || planTemplate || team.length > 0 || evidence.length > 0) {
    body.prevention = {
      ...(systemDocument ? { systemDocument } : {}),
      ...(planTemplate ? { planTemplate } : {}),
      riskControlTeam: team,
      evidence,
    };
  }
  const product = values.filedProduct;
  const rates = Object.entries(product?.baseRatesPpm ?? {}).filter(([, text]) => !blank(text));
  const bounds = product?.factorBounds;
  const anyBounds =
    !isBlankBounds(bounds?.accidentRecord) ||
    !isBlankBounds(bounds?.penalties) ||
    !isBlankBounds(bounds?.riskLevel) ||
    STANDARDISATION_GRADES.some((grade) => !isBlankBounds(bounds?.standardisation?.[grade]));
  if (product && (!blank(product.filingNumber) || !blank(product.name) || rates.length > 0 || anyBounds)) {
    body.filedProduct = {
      filingNumber: trimmed(product.filingNumber),
      ...(blank(product.name) ? {} : { name: trimmed(product.name) }),
      baseRatesPpm: Object.fromEntries(rates.map(([industry, text]) => [industry, permilleToPpm(text) as number])),
      factorBounds: {
        accidentRecord: boundsOf(bounds?.accidentRecord),
        standardisation: Object.fromEntries(STANDARDISATION_GRADES.map((grade) => [grade, boundsOf(bounds?.standardisation?.[grade])])) as Record<
          StandardisationGrade,
          FactorBounds
        >,
        penalties: boundsOf(bounds?.penalties),
        riskLevel: boundsOf(bounds?.riskLevel),
      },
    };
  }
  const annex1 = Object.fromEntries(
    ANNEX_1_ITEMS.map((item) => [item.code, documentsOf(values.annex1?.[item.code])] as const).filter(([, docs]) => docs.length > 0),
  );
  body.annex1 = annex1;
  const letter = values.commitmentLetter;
  if (letter && (!blank(letter.signedBy) || !blank(letter.signedOn))) {
    body.commitmentLetter = { signedBy: trimmed(letter.signedBy), signedOn: trimmed(letter.signedOn) };
  }
  return body;
}

/** QUAL-6: the Annex 1 items with a document attached, by code. */
export function attachedAnnex1Items(annex1: QualificationFormValues['annex1']): ReadonlySet<string> {
  return new Set(ANNEX_1_ITEMS.filter((item) => documentsOf(annex1?.[item.code]).length > 0).map((item) => item.code));
}
