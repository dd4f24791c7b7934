import { summarizeYear } from '../fees/compliance.js';
import { entryDateOf } from '../fees/half-year.js';
import { EXPENSE_CATEGORIES, type ExpenseCategory, type LedgerEntry } from '../fees/ledger-entry.js';
import { totalsOf } from '../fees/year-ledger.js';
import { areaName, isXinzhouArea } from '../kernel/area.js';
import { shanghaiDateOf, type LocalDate } from '../kernel/calendar/local-date.js';
import { INDUSTRY_NAMES_ZH, type Industry } from '../kernel/industry.js';
import type { RuleSet } from '../kernel/rule-set/rule-set.js';
import { SERVICE_TYPES, SERVICE_TYPE_NAMES_ZH, type ServiceStatus, type ServiceType } from '../services/service.js';
import type { ReportFigures, ReportPeriod } from './report-figures.js';

/**
 * RPT-4: what the figures are computed from — the insurer's own records, as stored. Each shape is the part of
 * the stored entity the report reads, so the real entities (policy, service plan, service, hazard, ledger entry,
 * complaint) pass as they are and a test can seed records without building whole aggregates.
 */
export interface ReportRecords {
  /** The policies the insurer leads whose period starts in the report's period (UW-1). */
  readonly policies: readonly ReportPolicy[];
  /** SVC-4: the agreed plans of those policies. */
  readonly plans: readonly { readonly policyId: string; readonly items: readonly { readonly type: ServiceType; readonly count: number }[] }[];
  /** The insurer's services; only those done, followed up or archived in the period count. */
  readonly services: readonly ReportService[];
  /** The insurer's hazards; only those found in the period count. */
  readonly hazards: readonly ReportHazard[];
  /** FEE-2: the entries of the period's ledger year (any order). */
  readonly ledger: readonly LedgerEntry[];
  /** The insurer's complaints; only those received in the period count. */
  readonly complaints: readonly ReportComplaint[];
  /** CLM-1: the insurer's claims, when it has any on the platform. */
  readonly claims?: readonly ReportClaim[];
}

export interface ReportPolicy {
  readonly id: string;
  readonly periodStart: LocalDate;
  readonly enterprise: { readonly uscc: string; readonly county: string; readonly industry: Industry };
  readonly employeesCovered: number;
  readonly premiumFen: number;
  readonly premiumExTaxFen: number;
}

export interface ReportService {
  readonly type: ServiceType;
  readonly status: ServiceStatus;
  readonly record?: { readonly performedOn: LocalDate };
  /** SVC-8: `satisfaction` 1..5 (RPT-2 reads its mean); optional so a seeded record may leave it out. */
  readonly followUp?: { readonly at: string; readonly late: boolean; readonly satisfaction?: number };
  readonly archive?: { readonly archivedOn: LocalDate; readonly late: boolean };
}

export interface ReportHazard {
  readonly grade: 'GENERAL' | 'MAJOR';
  readonly status: 'OPEN' | 'RECTIFYING' | 'RECTIFIED' | 'VERIFIED';
  readonly foundOn: LocalDate;
  readonly rectification?: { readonly closedAt?: string };
}

export interface ReportComplaint {
  readonly receivedOn: LocalDate;
  readonly reply?: { readonly repliedAt: string };
  readonly deadlines: { readonly binding: { readonly dueOn: LocalDate } };
  readonly escalation?: unknown;
}

export interface ReportClaim {
  readonly registeredAt: string;
  readonly decision?: { readonly outcome: 'PAID' | 'PARTIALLY_PAID' | 'DECLINED'; readonly decidedOn: LocalDate };
  readonly payouts: readonly { readonly paidOn: LocalDate; readonly amountFen: number }[];
}

/** FEE-3: the expense categories as the report names them (the notice's 可列支 uses). */
export const EXPENSE_CATEGORY_NAMES_ZH: Readonly<Record<ExpenseCategory, string>> = {
  OFFLINE_SERVICE: '线下事故预防服务',
  ONLINE_SERVICE: '线上事故预防服务',
  THIRD_PARTY_SERVICE: '委托第三方服务',
  TRAINING_MATERIALS: '培训及宣传资料',
  INFORMATION_SYSTEM: '事故预防技术服务信息系统',
};

export interface FiguresContext {
  readonly tenantId: string;
  readonly insurerName: string;
  readonly period: ReportPeriod;
  /** RULES-1: the rule set the year's fees are judged by (`ruleSetForYear`, as `GET /fees/summary`). */
  readonly ruleSet: RuleSet;
  readonly generatedAt: string;
}

const within = (day: LocalDate, period: ReportPeriod): boolean => day >= period.from && day <= period.to;
const countyNameOf = (county: string): string => (isXinzhouArea(county) ? areaName(county) : county);

/**
 * RPT-1, RPT-4: a report's figures from the records alone — a pure function, so regenerating from the same
 * records gives the same figures, and every figure can be recounted by a reader.
 *
 * - **Underwriting**: the policies led by the insurer whose period starts in the report's period (a policy
 *   counts in the half-year it starts in); enterprises are distinct USCCs; employees and premium add up per
 *   policy (an enterprise insured twice in one period is two policies' worth of cover).
 * - **Services** (SVC-1 categories = service types): planned = the plan lines of those policies; performed =
 *   services performed (record.performedOn) in the period and not cancelled, whatever their policy's year.
 *   Follow-ups (SVC-8) and archives (SVC-9) count by the day they were made in the period, on time or late as
 *   each was judged against its working-day due date.
 * - **Hazards** (SVC-7): found in the period; major among them; rectified = reported closed by the period's
 *   last day and not reopened (RECTIFIED or VERIFIED).
 * - **Fees** (FEE-1..5): the period's ledger year, entries dated up to the period's last day — the whole year
 *   for a year report, so its totals are `GET /fees/summary`'s to the fen; the ratio and its floor and ceiling
 *   come from the same `summarizeYear` that answers that route.
 * - **Complaints** (CMP-1..8): received in the period; answered on time or late against the binding due day;
 *   escalated (CMP-6).
 * - **Claims** (CLM-1), only when the insurer has claims on the platform: registered in the period; decided in
 *   it as paid (in full or in part) or declined; the payouts made in it.
 */
export function computeReportFigures(records: ReportRecords, context: FiguresContext): ReportFigures {
  const { period } = context;
  return {
    tenantId: context.tenantId,
    insurerName: context.insurerName,
    period,
    generatedAt: context.generatedAt,
    ruleSetVersion: `${context.ruleSet.id} v${context.ruleSet.version}`,
    underwriting: underwritingOf(records.policies.filter((policy) => within(policy.periodStart, period))),
    services: servicesOf(records, period),
    fees: feesOf(records.ledger, context),
    complaints: complaintsOf(records.complaints, period),
    ...(records.claims !== undefined && records.claims.length > 0 ? { claims: claimsOf(records.claims, period) } : {}),
  };
}

function underwritingOf(policies: readonly ReportPolicy[]): ReportFigures['underwriting'] {
  const groups = new Map<string, { county: string; industry: Industry; policies: number; enterprises: Set<string>; employees: number; premiumFen: number }>();
  const enterprises = new Set<string>();
  let employees = 0;
  let premiumFen = 0;
  let premiumExTaxFen = 0;
  for (const policy of policies) {
    const { county, industry, uscc } = policy.enterprise;
    enterprises.add(uscc);
    employees += policy.employeesCovered;
    premiumFen += policy.premiumFen;
    premiumExTaxFen += policy.premiumExTaxFen;
    const key = `${county}#${industry}`;
    let group = groups.get(key);
    if (!group) {
      group = { county, industry, policies: 0, enterprises: new Set(), employees: 0, premiumFen: 0 };
      groups.set(key, group);
    }
    group.policies += 1;
    group.enterprises.add(uscc);
    group.employees += policy.employeesCovered;
    group.premiumFen += policy.premiumFen;
  }
  const byCountyIndustry = [...groups.values()]
    .sort((a, b) => (a.county < b.county ? -1 : a.county > b.county ? 1 : a.industry < b.industry ? -1 : a.industry > b.industry ? 1 : 0))
    .map((group) => ({
      county: group.county,
      countyName: countyNameOf(group.county),
      industry: group.industry,
      industryName: INDUSTRY_NAMES_ZH[group.industry],
      policies: group.policies,
      enterprises: group.enterprises.size,
      employees: group.employees,
      premiumFen: group.premiumFen,
    }));
  return { policies: policies.length, enterprises: enterprises.size, employees, premiumFen, premiumExTaxFen, byCountyIndustry };
}

function servicesOf(records: ReportRecords, period: ReportPeriod): ReportFigures['services'] {
  const planned = new Map<ServiceType, number>();
  const performed = new Map<ServiceType, number>();
  const policyIds = new Set(records.policies.filter((policy) => within(policy.periodStart, period)).map((policy) => policy.id));
  for (const plan of records.plans) {
    if (!policyIds.has(plan.policyId)) continue;
    for (const item of plan.items) planned.set(item.type, (planned.get(item.type) ?? 0) + item.count);
  }
  const followUps = { onTime: 0, late: 0 };
  const archives = { onTime: 0, late: 0 };
  for (const service of records.services) {
    if (service.status === 'CANCELLED') continue;
    if (service.record && within(service.record.performedOn, period)) performed.set(service.type, (performed.get(service.type) ?? 0) + 1);
    if (service.followUp && within(shanghaiDateOf(service.followUp.at), period)) followUps[service.followUp.late ? 'late' : 'onTime'] += 1;
    if (service.archive && within(service.archive.archivedOn, period)) archives[service.archive.late ? 'late' : 'onTime'] += 1;
  }
  const hazards = { found: 0, rectified: 0, major: 0 };
  for (const hazard of records.hazards) {
    if (!within(hazard.foundOn, period)) continue;
    hazards.found += 1;
    if (hazard.grade === 'MAJOR') hazards.major += 1;
    const closedAt = hazard.rectification?.closedAt;
    if ((hazard.status === 'RECTIFIED' || hazard.status === 'VERIFIED') && closedAt !== undefined && shanghaiDateOf(closedAt) <= period.to) hazards.rectified += 1;
  }
  return {
    byCategory: SERVICE_TYPES.map((type) => ({ category: type, categoryName: SERVICE_TYPE_NAMES_ZH[type], planned: planned.get(type) ?? 0, performed: performed.get(type) ?? 0 })),
    followUps,
    archives,
    hazards,
  };
}

function feesOf(ledger: readonly LedgerEntry[], context: FiguresContext): ReportFigures['fees'] {
  const { period } = context;
  // RPT-1: entries placed in the period by the same day as the counters' half totals (`entryDateOf`), so a
  // half-year report's fees are `GET /fees/summary?half=H1`'s to the fen.
  const entries = ledger.filter((entry) => entry.year === period.year && entryDateOf(entry) <= period.to);
  const totals = totalsOf(entries);
  const summary = summarizeYear({ tenantId: context.tenantId, year: period.year, updatedAt: context.generatedAt, ...totals }, {
    tenantId: context.tenantId,
    year: period.year,
    ruleSet: context.ruleSet,
  });
  const spent = new Map<ExpenseCategory, number>();
  for (const entry of entries) {
    if (entry.kind === 'EXPENSE') spent.set(entry.category as ExpenseCategory, (spent.get(entry.category as ExpenseCategory) ?? 0) + entry.amountFen);
    else if (entry.kind === 'REVERSAL' && entry.reverses.kind === 'EXPENSE' && entry.reverses.category !== undefined) {
      spent.set(entry.reverses.category, (spent.get(entry.reverses.category) ?? 0) - entry.reverses.amountFen);
    }
  }
  return {
    receivedExTaxFen: summary.premiumExTaxFen,
    accruedFen: summary.accruedFen,
    spentFen: summary.spentFen,
    spentByCategory: EXPENSE_CATEGORIES.map((category) => ({ category, categoryName: EXPENSE_CATEGORY_NAMES_ZH[category], fen: spent.get(category) ?? 0 })),
    ratioBp: summary.ratioBasisPoints ?? 0,
    minimumRatioBp: summary.floorBasisPoints,
    targetRatioBp: summary.ceilingBasisPoints,
  };
}

function complaintsOf(complaints: readonly ReportComplaint[], period: ReportPeriod): ReportFigures['complaints'] {
  const figures = { received: 0, answeredOnTime: 0, answeredLate: 0, escalated: 0 };
  for (const complaint of complaints) {
    if (!within(complaint.receivedOn, period)) continue;
    figures.received += 1;
    if (complaint.reply) figures[shanghaiDateOf(complaint.reply.repliedAt) <= complaint.deadlines.binding.dueOn ? 'answeredOnTime' : 'answeredLate'] += 1;
    if (complaint.escalation !== undefined) figures.escalated += 1;
  }
  return figures;
}

function claimsOf(claims: readonly ReportClaim[], period: ReportPeriod): NonNullable<ReportFigures['claims']> {
  const figures = { registered: 0, paid: 0, declined: 0, paidFen: 0 };
  for (const claim of claims) {
    if (within(shanghaiDateOf(claim.registeredAt), period)) figures.registered += 1;
    if (claim.decision && within(claim.decision.decidedOn, period)) figures[claim.decision.outcome === 'DECLINED' ? 'declined' : 'paid'] += 1;
    for (const payout of claim.payouts) if (within(payout.paidOn, period)) figures.paidFen += payout.amountFen;
  }
  return figures;
}
