import { addMonths, compareLocalDates, localDate, yearOf } from '../kernel/calendar/local-date.js';
import type { LocalDate } from '../kernel/calendar/local-date.js';
import { onDateIn } from '../kernel/calendar/month-day.js';
import { RuleViolation } from '../kernel/errors.js';
import type { RuleSet } from '../kernel/rule-set/rule-set.js';
import {
  ANNEX_1_ITEMS,
  ELIGIBILITY_RULES,
  MAJOR_VIOLATION_LOOKBACK_MONTHS,
  SOLVENCY_RATIO_FLOOR_BASIS_POINTS,
  missingAnnex1Items,
} from './qualification.js';
import type {
  CoinsuranceRole,
  EligibilityCriterion,
  EligibilityFindingCode,
  EligibilityResult,
  EligibilityRule,
  LicenceDocument,
  QualificationFiling,
} from './qualification.js';

// QUAL-1..6, BLK-1: whether an insurer may issue 安责险 policies on a day, computed from its filing (never stored).

/** What {@link evaluateEligibility} needs besides the filing. */
export interface EligibilityContext {
  /** The day eligibility is asked for (UW-8: the issue date). */
  readonly onDate: LocalDate;
  /** BLK-1: whether the insurer is on the city EMB's / NFRA's joint-punishment blacklist on `onDate`. */
  readonly blacklisted: boolean;
  readonly coinsuranceRole: CoinsuranceRole;
  /** RULES-1: the rule set in force on `onDate`. */
  readonly ruleSet: RuleSet;
}

type Finding = EligibilityCriterion['findings'][number];

/** One check's outcome as a code (the console's sentence) and its English text (the `reason`). */
interface Check {
  readonly finding: Finding;
  readonly english: string;
}

function check(code: EligibilityFindingCode, english: string, params: Finding['params'] = {}): Check {
  return { finding: { code, params }, english };
}

/** A criterion from its checks: the English `reason` as before, and one finding per check (issue 15). */
function criterion(rule: EligibilityRule, passed: boolean, reason: string, checks: readonly Check[]): EligibilityCriterion {
  return { rule, passed, reason, findings: checks.map((item) => item.finding) };
}

function isBlank(text: string | undefined): boolean {
  return text === undefined || text.trim() === '';
}

type LicenceKind = 'businessLicence' | 'insurancePermit';

/** QUAL-1: one licence's problem on `onDate`, or `undefined` when it is valid. */
function licenceProblem(kind: LicenceKind, what: string, licence: LicenceDocument | undefined, onDate: LocalDate): Check | undefined {
  if (licence === undefined || isBlank(licence.number)) return check(`${kind}Missing`, `the ${what} is missing`);
  if (licence.expiresOn !== null && compareLocalDates(licence.expiresOn, onDate) < 0) {
    return check(`${kind}Expired`, `the ${what} ${licence.number} expired on ${licence.expiresOn}`, {
      number: licence.number,
      date: licence.expiresOn,
    });
  }
  return undefined;
}

function licenceValidity(kind: LicenceKind, label: string, licence: LicenceDocument): Check {
  return licence.expiresOn === null
    ? check(`${kind}NoExpiry`, `${label} ${licence.number} with no expiry (长期)`, { number: licence.number })
    : check(`${kind}Valid`, `${label} ${licence.number} valid until ${licence.expiresOn}`, { number: licence.number, date: licence.expiresOn });
}

/** `Not met…: a; b.` — the English reason of a failed criterion. */
function notMet(problems: readonly Check[], onDate?: LocalDate): string {
  return `Not met${onDate === undefined ? '' : ` on ${onDate}`}: ${problems.map((item) => item.english).join('; ')}.`;
}

/**
 * QUAL-1: a city-level branch in Xinzhou that writes property insurance, holding a business licence (营业执照)
 * and an insurance permit (保险许可证) both valid on `onDate`. A document is valid through its `expiresOn`
 * day and expired from the day after.
 */
function qual1(filing: QualificationFiling, onDate: LocalDate): EligibilityCriterion {
  const { branch, businessLicence, insurancePermit } = filing;
  const problems: Check[] = [];
  if (branch === undefined) problems.push(check('branchMissing', 'the branch is not described'));
  else {
    if (!branch.cityLevelBranchInXinzhou) {
      problems.push(check('branchNotCityLevel', `${branch.name} is not a city-level branch in Xinzhou`, { branch: branch.name }));
    }
    if (!branch.writesPropertyInsurance) {
      problems.push(check('branchNoProperty', `${branch.name} does not write property insurance`, { branch: branch.name }));
    }
  }
  const licence = licenceProblem('businessLicence', 'business licence (营业执照)', businessLicence, onDate);
  const permit = licenceProblem('insurancePermit', 'insurance permit (保险许可证)', insurancePermit, onDate);
  if (licence !== undefined) problems.push(licence);
  if (permit !== undefined) problems.push(permit);
  if (problems.length > 0 || branch === undefined || businessLicence === undefined || insurancePermit === undefined) {
    return criterion('QUAL-1', false, notMet(problems, onDate), problems);
  }
  const met = [
    check('branchOk', `${branch.name} is a city-level branch in Xinzhou writing property insurance`, { branch: branch.name }),
    licenceValidity('businessLicence', 'business licence', businessLicence),
    licenceValidity('insurancePermit', 'insurance permit', insurancePermit),
  ];
  return criterion('QUAL-1', true, `${met.map((item) => item.english).join('; ')}.`, met);
}

/**
 * QUAL-2: no major violation in the 3 years up to `onDate` (decided on or after `onDate` − 3 years, and not
 * after `onDate`: a later one does not change what was true that day), and not on the blacklist (BLK-1).
 */
function qual2(filing: QualificationFiling, onDate: LocalDate, blacklisted: boolean): EligibilityCriterion {
  const since = addMonths(onDate, -MAJOR_VIOLATION_LOOKBACK_MONTHS);
  const recent = filing.majorViolations
    .filter(
      (violation) => compareLocalDates(violation.decidedOn, since) >= 0 && compareLocalDates(violation.decidedOn, onDate) <= 0,
    )
    .sort((a, b) => compareLocalDates(a.decidedOn, b.decidedOn));
  const problems: string[] = [];
  const checks: Check[] = [];
  if (recent.length > 0) {
    problems.push(
      `${recent.length} major violation(s) since ${since}: ${recent
        .map((violation) => `${violation.decidedOn} by ${violation.authority} (${violation.description})`)
        .join('; ')}`,
    );
    checks.push(
      check('majorViolations', '', { count: recent.length, since }),
      ...recent.map((violation) =>
        check('majorViolation', '', { date: violation.decidedOn, authority: violation.authority, description: violation.description }),
      ),
    );
  }
  if (blacklisted) {
    problems.push('the insurer is on the joint-punishment blacklist (BLK-1)');
    checks.push(check('onBlacklist', ''));
  }
  if (problems.length > 0) return criterion('QUAL-2', false, `Not met on ${onDate}: ${problems.join('; ')}.`, checks);
  return criterion('QUAL-2', true, `No major violation since ${since} and not on the joint-punishment blacklist.`, [
    check('noMajorViolation', '', { since }),
  ]);
}

function percent(basisPoints: number): string {
  return `${(basisPoints / 100).toFixed(2)}%`;
}

/** QUAL-3 as a co-insurance MEMBER sees it: 共保体承保机构主承保公司满足即可. */
function waivedQual3(): EligibilityCriterion {
  return {
    rule: 'QUAL-3',
    passed: true,
    waived: true,
    reason: 'Waived: as a co-insurance member the insurer need not meet QUAL-3; only the lead insurer must.',
    findings: [{ code: 'qual3Waived', params: {} }],
  };
}

/**
 * QUAL-3: prior-year comprehensive solvency adequacy ratio ≥ 100% and integrated risk rating A or B — waived
 * for a co-insurance MEMBER, since only the lead must meet it.
 */
function qual3(filing: QualificationFiling, role: CoinsuranceRole): EligibilityCriterion {
  if (role === 'MEMBER') return waivedQual3();
  const priorYear = filing.year - 1;
  if (filing.solvency === undefined) {
    return criterion('QUAL-3', false, `Not met: the ${priorYear} solvency ratio and risk rating are missing.`, [
      check('solvencyMissing', '', { year: priorYear }),
    ]);
  }
  const { comprehensiveRatioBasisPoints: ratio, riskRating } = filing.solvency;
  const floor = percent(SOLVENCY_RATIO_FLOOR_BASIS_POINTS);
  const problems: Check[] = [];
  if (ratio < SOLVENCY_RATIO_FLOOR_BASIS_POINTS) {
    problems.push(
      check('solvencyLow', `the ${priorYear} comprehensive solvency adequacy ratio is ${percent(ratio)}, below ${floor}`, {
        year: priorYear,
        ratio: percent(ratio),
        floor,
      }),
    );
  }
  if (riskRating !== 'A' && riskRating !== 'B') {
    problems.push(check('riskRatingLow', `the integrated risk rating is ${riskRating}; it must be A or B`, { rating: riskRating }));
  }
  if (problems.length > 0) return criterion('QUAL-3', false, notMet(problems), problems);
  return criterion(
    'QUAL-3',
    true,
    `The ${priorYear} comprehensive solvency adequacy ratio is ${percent(ratio)} (at least ${floor}) and the integrated risk rating is ${riskRating}.`,
    [check('solvencyOk', '', { year: priorYear, ratio: percent(ratio), floor, rating: riskRating })],
  );
}

/**
 * QUAL-4: a prevention-service system document, a service plan template, a risk-control team with at least one
 * named member, and at least one evidence document.
 */
function qual4(filing: QualificationFiling): EligibilityCriterion {
  const { prevention } = filing;
  const named = prevention.riskControlTeam.filter((member) => !isBlank(member.name));
  const problems: Check[] = [];
  if (prevention.systemDocument === undefined) problems.push(check('systemDocumentMissing', 'the prevention-service system document is missing'));
  if (prevention.planTemplate === undefined) problems.push(check('planTemplateMissing', 'the service plan template is missing'));
  if (named.length === 0) problems.push(check('teamUnnamed', 'the risk-control team has no named member'));
  if (prevention.evidence.length === 0) problems.push(check('evidenceMissing', 'no evidence document is attached'));
  if (problems.length > 0) return criterion('QUAL-4', false, notMet(problems), problems);
  return criterion(
    'QUAL-4',
    true,
    `Prevention-service system and plan template attached; risk-control team of ${named.length} named member(s); ${prevention.evidence.length} evidence document(s).`,
    [check('preventionOk', '', { members: named.length, evidence: prevention.evidence.length })],
  );
}

/** QUAL-5: the 安责险 clauses and rates in use are filed with the financial regulator: a filing number and rates. */
function qual5(filing: QualificationFiling): EligibilityCriterion {
  const product = filing.filedProduct;
  if (product === undefined || isBlank(product.filingNumber)) {
    return criterion('QUAL-5', false, 'Not met: no filing number with the financial regulator for the 安责险 product.', [
      check('productNotFiled', ''),
    ]);
  }
  const rated = Object.keys(product.baseRatesPpm).length;
  const filingNumber = product.filingNumber;
  if (rated === 0) {
    return criterion('QUAL-5', false, `Not met: the filed product ${filingNumber} states no base rate for any industry.`, [
      check('productNoRates', '', { filingNumber }),
    ]);
  }
  return criterion(
    'QUAL-5',
    true,
    `Clauses and rates filed with the financial regulator under ${filingNumber} (base rates for ${rated} industr${rated === 1 ? 'y' : 'ies'}).`,
    [check('productOk', '', { filingNumber, industries: rated })],
  );
}

/**
 * QUAL-6: when a filing submitted on `filedOn` counts — from the later of that day and January 1 of its year until
 * the due date of the next year (inclusive), when the next year's filing takes over.
 *
 * @example
 * filingWindow({ year: 2024 }, '2024-06-03', XINZHOU_2024); // { from: '2024-06-03', until: '2025-06-15' }
 */
export function filingWindow(
  filing: Pick<QualificationFiling, 'year'>,
  filedOn: LocalDate,
  ruleSet: RuleSet,
): { from: LocalDate; until: LocalDate } {
  const yearStart = localDate(filing.year, 1, 1);
  return {
    from: compareLocalDates(filedOn, yearStart) > 0 ? filedOn : yearStart,
    until: onDateIn(ruleSet.qualificationFilingDue, filing.year + 1),
  };
}

/**
 * QUAL-6: every Annex 1 item attached and the Annex 2 commitment letter signed, submitted by the due date of the
 * filing's year (June 15 in 2024, a rule-set figure), and governing `onDate`.
 *
 * Decisions, where the notice is silent:
 * - **A late filing fails.** The notice admits insurers that submit "在6月15日前"; a filing made after the due
 *   date is kept and shown (regulators see it and its date) but does not make the insurer eligible for that
 *   filing year. The reason states the lateness.
 * - **A filing governs** from the later of its `filedOn` and January 1 of its year until the due date of the
 *   next year, when the next year's filing takes over; outside that window it fails (see {@link governingFiling}).
 */
function qual6(filing: QualificationFiling, onDate: LocalDate, ruleSet: RuleSet): EligibilityCriterion {
  const due = onDateIn(ruleSet.qualificationFilingDue, filing.year);
  const missing = missingAnnex1Items(filing);
  const problems: Check[] = [];
  if (missing.length > 0) {
    const items = ANNEX_1_ITEMS.filter((item) => missing.includes(item.code));
    problems.push(
      check('annex1Missing', `Annex 1 items not attached: ${items.map((item) => `${item.labelZh} (${item.code})`).join('; ')}`, {
        items: items.map((item) => item.labelZh).join('、'),
      }),
    );
  }
  const letter = filing.commitmentLetter;
  if (letter === undefined || isBlank(letter.signedBy)) problems.push(check('letterUnsigned', 'the Annex 2 commitment letter is not signed'));
  if (problems.length > 0 || letter === undefined) return criterion('QUAL-6', false, notMet(problems), problems);
  const filedOn = filing.filedOn;
  const year = filing.year;
  if (filedOn === undefined) {
    return criterion('QUAL-6', false, 'Not met: the filing has not been submitted.', [check('notSubmitted', '')]);
  }
  if (compareLocalDates(filedOn, due) > 0) {
    return criterion('QUAL-6', false, `Not met: the ${year} filing was submitted late, on ${filedOn}; it was due by ${due}.`, [
      check('filedLate', '', { year, filedOn, due }),
    ]);
  }
  const { from, until } = filingWindow(filing, filedOn, ruleSet);
  if (compareLocalDates(onDate, from) < 0) {
    return criterion('QUAL-6', false, `Not met on ${onDate}: the ${year} filing counts from ${from}.`, [
      check('notYetCounting', '', { year, from }),
    ]);
  }
  if (compareLocalDates(onDate, until) > 0) {
    return criterion(
      'QUAL-6',
      false,
      `Not met on ${onDate}: the ${year} filing counted until ${until}, when the ${year + 1} filing was due.`,
      [check('windowOver', '', { year, until, nextYear: year + 1 })],
    );
  }
  return criterion(
    'QUAL-6',
    true,
    `All ${ANNEX_1_ITEMS.length} Annex 1 items attached and the commitment letter signed by ${letter.signedBy} on ${letter.signedOn}; submitted on ${filedOn}, by the due date ${due}.`,
    [check('filingOk', '', { count: ANNEX_1_ITEMS.length, signedBy: letter.signedBy, signedOn: letter.signedOn, filedOn, due })],
  );
}

/** BLK-1: a blacklisted insurer is ineligible. */
function blk1(blacklisted: boolean, onDate: LocalDate): EligibilityCriterion {
  return blacklisted
    ? criterion('BLK-1', false, `Not met: the insurer is on the joint-punishment blacklist on ${onDate}.`, [
        check('blacklisted', '', { date: onDate }),
      ])
    : criterion('BLK-1', true, `Not on the joint-punishment blacklist on ${onDate}.`, [check('notBlacklisted', '', { date: onDate })]);
}

/**
 * QUAL-1..6, BLK-1: whether an insurer may issue 安责险 policies on `onDate`, with every criterion, its
 * pass/fail, the reason in plain English and the same as coded findings (issue 15), in the order QUAL-1 … QUAL-6, BLK-1.
 *
 * - No filing: every QUAL criterion fails, saying there is no filing; BLK-1 is still evaluated, since the
 *   blacklist does not depend on the filing.
 * - QUAL-3 is waived (passed, `waived: true`) for a co-insurance MEMBER.
 * - QUAL-2 also fails when blacklisted, because DOMAIN.md puts "not on the blacklist" inside QUAL-2; BLK-1
 *   then fails too, so that the blacklist is visible on its own line.
 * - QUAL-6: a filing submitted after its year's due date fails (see `qual6`); so does one evaluated outside the
 *   window in which it governs. Use {@link governingFiling} to pick the filing for a day.
 *
 * @example
 * const result = evaluateEligibility(filing, { onDate: '2024-09-27', blacklisted: false,
 *   coinsuranceRole: 'LEAD', ruleSet: XINZHOU_2024 });
 * result.criteria.filter((c) => !c.passed).map((c) => c.rule); // e.g. ['QUAL-3']
 */
export function evaluateEligibility(
  filing: QualificationFiling | undefined,
  context: EligibilityContext,
): EligibilityResult {
  const { onDate, blacklisted, coinsuranceRole, ruleSet } = context;
  let criteria: EligibilityCriterion[];
  if (filing === undefined) {
    const reason = `Not met: the insurer has no qualification filing covering ${onDate}.`;
    criteria = [
      // QUAL-3 stays waived for a MEMBER even without a filing: the exemption is the role's, not the filing's.
      ...ELIGIBILITY_RULES.filter((rule) => rule !== 'BLK-1').map((rule) =>
        rule === 'QUAL-3' && coinsuranceRole === 'MEMBER'
          ? waivedQual3()
          : criterion(rule, false, reason, [check('noFiling', '', { date: onDate })]),
      ),
      blk1(blacklisted, onDate),
    ];
  } else {
    criteria = [
      qual1(filing, onDate),
      qual2(filing, onDate, blacklisted),
      qual3(filing, coinsuranceRole),
      qual4(filing),
      qual5(filing),
      qual6(filing, onDate, ruleSet),
      blk1(blacklisted, onDate),
    ];
  }
  return {
    eligible: criteria.every((item) => item.passed),
    onDate,
    coinsuranceRole,
    ...(filing === undefined ? {} : { filingYear: filing.year, filingVersion: filing.version }),
    ruleSetId: ruleSet.id,
    ruleSetVersion: ruleSet.version,
    criteria,
  };
}

/**
 * QUAL-6: the filing that governs `onDate`, among an insurer's filings (pass at least those of `onDate`'s year
 * and the year before). A filing for year Y governs from the later of its `filedOn` and Y-01-01 until the due
 * date of Y + 1; of two that govern, the later year wins (a 2025 filing submitted on 2025-05-20 takes over
 * from the 2024 one that day). When none governs, the filing of `onDate`'s year — or else the latest earlier
 * one — is returned, so that {@link evaluateEligibility} can say why it does not count (late, not yet
 * submitted, expired window); `undefined` when there is none at all.
 *
 * @example
 * governingFiling([filing2024, filing2025], '2025-03-01', XINZHOU_2024)?.year; // 2024 (2025's not yet filed)
 */
export function governingFiling(
  filings: readonly QualificationFiling[],
  onDate: LocalDate,
  ruleSet: RuleSet,
): QualificationFiling | undefined {
  const year = yearOf(onDate);
  const candidates = filings.filter((filing) => filing.year <= year).sort((a, b) => b.year - a.year);
  const governs = candidates.find((filing) => {
    if (filing.filedOn === undefined) return false;
    if (compareLocalDates(filing.filedOn, onDateIn(ruleSet.qualificationFilingDue, filing.year)) > 0) return false;
    const { from, until } = filingWindow(filing, filing.filedOn, ruleSet);
    return compareLocalDates(from, onDate) <= 0 && compareLocalDates(onDate, until) <= 0;
  });
  return governs ?? candidates[0];
}

/**
 * UW-8: the failing criteria of an eligibility result, e.g. for an error message.
 *
 * @example
 * failingCriteria(result).map((c) => c.rule); // ['QUAL-1', 'QUAL-3']
 */
export function failingCriteria(result: EligibilityResult): EligibilityCriterion[] {
  return result.criteria.filter((item) => !item.passed);
}

/**
 * UW-8: refusal because the insurer is not eligible on the issue date — a {@link RuleViolation} (409, rule UW-8)
 * whose message names every failing criterion with its reason, and which carries them in `criteria` so the
 * HTTP layer can return them as details.
 *
 * @example
 * throw new InsurerNotEligible(result);
 */
export class InsurerNotEligible extends RuleViolation {
  /** The failing criteria, in the order of {@link ELIGIBILITY_RULES}. */
  readonly criteria: readonly EligibilityCriterion[];

  constructor(result: EligibilityResult, tenantId?: string) {
    const failing = failingCriteria(result);
    const who = tenantId === undefined ? 'the insurer' : `insurer ${tenantId}`;
    super(
      'UW-8',
      undefined,
      `UW-8: ${who} is not eligible on ${result.onDate}; failing ${failing.map((item) => item.rule).join(', ')} — ${failing
        .map((item) => `${item.rule}: ${item.reason}`)
        .join(' ')}`,
      409,
      // One detail per failing criterion, in the error envelope's `{field, message, rule}` shape.
      failing.map((item) => ({ field: 'eligibility', message: item.reason, rule: item.rule })),
    );
    this.criteria = failing;
  }
}
