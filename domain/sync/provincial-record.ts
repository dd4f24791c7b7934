import type { Claim } from '../claims/claim.js';
import type { LocalDate } from '../kernel/calendar/local-date.js';
import type { Policy } from '../underwriting/policy.js';
import type { PreventionService } from '../services/service.schema.js';

/**
 * SYNC-1: the records the notice has insurers upload to the Shanxi platform (上传山西省安责险信息管理平台):
 * 承保 (policies), 第三方服务机构名单 (the third-party organisations an insurer works with) and 事故预防服务
 * (services) and 理赔 (claims, once decided — CLM-1) — see MAPPING.md.
 *
 * The provincial interface is not public: this is our reading of it, field by field in MAPPING.md, so that a
 * real adapter translates one record format into the province's in one file and nothing upstream changes.
 */
export const SYNC_KINDS = ['POLICY', 'SERVICE_ORG', 'SERVICE', 'CLAIM'] as const;
export type SyncKind = (typeof SYNC_KINDS)[number];

export interface ProvincialPolicy {
  readonly policyNo: string;
  readonly insuredName: string;
  readonly insuredUscc: string;
  readonly industry: string;
  readonly countyCode: string;
  readonly periodStart: LocalDate;
  readonly periodEnd: LocalDate;
  readonly employeesCovered: number;
  readonly perPersonInsuredAmountFen: number;
  readonly perPersonDeathLimitFen: number;
  readonly premiumFen: number;
  /** 有效 / 已退保 as the province would show it; `cancelledOn` the first day no longer covered. */
  readonly status: 'IN_FORCE' | 'CANCELLED';
  readonly cancelledOn?: LocalDate;
  /** UW-6: every insurer on the policy with its share; one entry at 10000 for a policy written alone. */
  readonly insurers: readonly { readonly insurerRef: string; readonly shareBasisPoints: number; readonly lead: boolean }[];
}

export interface ProvincialServiceOrg {
  readonly orgRef: string;
  readonly name: string;
  /** REG-2: its filing (备案) number with the city EMB. */
  readonly registrationNumber: string;
}

export interface ProvincialService {
  readonly serviceRef: string;
  readonly policyNo: string;
  readonly insuredUscc: string;
  readonly countyCode: string;
  readonly serviceType: string;
  /** Who performed it: the insurer itself or a third-party organisation (its `orgRef`). */
  readonly provider: { readonly kind: 'INSURER' | 'THIRD_PARTY'; readonly orgRef?: string };
  readonly performedOn: LocalDate;
  readonly place: string;
  readonly items: readonly string[];
  readonly hazardsFound: number;
  /** SVC-9: both the insurer and the enterprise signed the record. */
  readonly confirmed: boolean;
  /** SVC-10: the archived record's SHA-256, once archived. */
  readonly archiveSha256?: string;
}

/** CLM-1: a decided claim — the decision with its reason when it pays less than claimed, and what was paid. */
export interface ProvincialClaim {
  readonly claimRef: string;
  readonly policyNo: string;
  readonly insuredUscc: string;
  readonly countyCode: string;
  readonly accidentOn: LocalDate;
  readonly deaths: number;
  readonly injuries: number;
  readonly claimedFen: number;
  readonly decision: 'PAID' | 'PARTIALLY_PAID' | 'DECLINED';
  readonly payableFen: number;
  readonly reasonCode?: string;
  readonly reason?: string;
  readonly decidedOn: LocalDate;
  readonly paidFen: number;
}

/** One record as the province receives it: ours by kind and id, at a version (the newest version wins there too). */
export type ProvincialRecord = {
  readonly recordId: string;
  readonly recordVersion: number;
  /** The insurer that uploads it (our tenant id; see MAPPING.md for the province's insurer code). */
  readonly insurerRef: string;
} & (
  | { readonly kind: 'POLICY'; readonly policy: ProvincialPolicy }
  | { readonly kind: 'SERVICE_ORG'; readonly serviceOrg: ProvincialServiceOrg }
  | { readonly kind: 'SERVICE'; readonly service: ProvincialService }
  | { readonly kind: 'CLAIM'; readonly claim: ProvincialClaim }
);

/** What the sync keeps beside the record: what it is about, for lists and for ACL-4's county scope. */
export interface MappedRecord {
  readonly kind: SyncKind;
  readonly sourceId: string;
  readonly sourceVersion: number;
  /** A human label: the policy number, the organisation's name, the service's policy number and day. */
  readonly label: string;
  readonly county?: string;
  readonly record: ProvincialRecord;
}

/** The sync record's id: one per our record, whatever its version (ids never hold `#`, keys.ts). */
export const syncRecordIdOf = (kind: SyncKind, sourceId: string): string => `${kind.toLowerCase().replace('_', '-')}-${sourceId}`;

/** SYNC-1: a policy as the province's 承保 record. */
export function mapPolicy(policy: Policy): MappedRecord {
  const recordId = syncRecordIdOf('POLICY', policy.id);
  return {
    kind: 'POLICY',
    sourceId: policy.id,
    sourceVersion: policy.version,
    label: policy.policyNumber,
    county: policy.enterprise.county,
    record: {
      kind: 'POLICY',
      recordId,
      recordVersion: policy.version,
      insurerRef: policy.tenantId,
      policy: {
        policyNo: policy.policyNumber,
        insuredName: policy.enterprise.name,
        insuredUscc: policy.enterprise.uscc,
        industry: policy.enterprise.industry,
        countyCode: policy.enterprise.county,
        periodStart: policy.periodStart,
        periodEnd: policy.periodEnd,
        employeesCovered: policy.employeesCovered,
        perPersonInsuredAmountFen: policy.perPersonInsuredAmountFen,
        perPersonDeathLimitFen: policy.perPersonDeathLimitFen,
        premiumFen: policy.premiumFen,
        status: policy.status === 'CANCELLED' ? 'CANCELLED' : 'IN_FORCE',
        ...(policy.cancellation ? { cancelledOn: policy.cancellation.on } : {}),
        insurers:
          policy.members.length > 0
            ? policy.members.map((member) => ({ insurerRef: member.tenantId, shareBasisPoints: member.shareBasisPoints, lead: member.lead }))
            : [{ insurerRef: policy.tenantId, shareBasisPoints: 10_000, lead: true }],
      },
    },
  };
}

/**
 * SYNC-1: a service as the province's 事故预防服务 record — once it was performed (a scheduled or cancelled
 * service is not yet a service the province counts, so it maps to nothing).
 */
export function mapService(service: PreventionService): MappedRecord | undefined {
  const record = service.record;
  if (!record || service.status === 'CANCELLED') return undefined;
  const orgRef = service.provider.kind === 'THIRD_PARTY' ? service.provider.orgId : undefined;
  return {
    kind: 'SERVICE',
    sourceId: service.id,
    sourceVersion: service.version,
    label: `${service.policyNumber} ${record.performedOn}`,
    county: service.enterprise.county,
    record: {
      kind: 'SERVICE',
      recordId: syncRecordIdOf('SERVICE', service.id),
      recordVersion: service.version,
      insurerRef: service.tenantId,
      service: {
        serviceRef: service.id,
        policyNo: service.policyNumber,
        insuredUscc: service.enterprise.uscc,
        countyCode: service.enterprise.county,
        serviceType: service.type,
        provider: orgRef ? { kind: 'THIRD_PARTY', orgRef } : { kind: 'INSURER' },
        performedOn: record.performedOn,
        place: record.place,
        items: record.items,
        hazardsFound: service.hazardIds.length,
        confirmed: Boolean(service.confirmations.insurer && service.confirmations.enterprise),
        ...(service.archive ? { archiveSha256: service.archive.sha256 } : {}),
      },
    },
  };
}

/**
 * SYNC-1 (第三方服务机构名单): the organisation a third-party service names, as an entry of the insurer's list.
 * Its version is 1: the list entry says the insurer works with it; the organisation's filing itself is the
 * city EMB's register (REG-2), which is not the insurer's to upload.
 */
export function mapServiceOrg(service: PreventionService): MappedRecord | undefined {
  const { provider } = service;
  if (provider.kind !== 'THIRD_PARTY' || !provider.orgId || !service.record || service.status === 'CANCELLED') return undefined;
  return {
    kind: 'SERVICE_ORG',
    sourceId: provider.orgId,
    sourceVersion: 1,
    label: provider.orgName ?? provider.orgId,
    record: {
      kind: 'SERVICE_ORG',
      recordId: syncRecordIdOf('SERVICE_ORG', provider.orgId),
      recordVersion: 1,
      insurerRef: service.tenantId,
      serviceOrg: { orgRef: provider.orgId, name: provider.orgName ?? '', registrationNumber: provider.registrationNumber ?? '' },
    },
  };
}

/**
 * SYNC-1 (理赔): a claim as the province's record — once decided (a registered claim is still open and maps to
 * nothing); each payout is a new version with the amount paid so far.
 */
export function mapClaim(claim: Claim): MappedRecord | undefined {
  const decision = claim.decision;
  if (!decision) return undefined;
  return {
    kind: 'CLAIM',
    sourceId: claim.id,
    sourceVersion: claim.version,
    label: `${claim.policyNumber} ${claim.accidentOn}`,
    county: claim.enterprise.county,
    record: {
      kind: 'CLAIM',
      recordId: syncRecordIdOf('CLAIM', claim.id),
      recordVersion: claim.version,
      insurerRef: claim.tenantId,
      claim: {
        claimRef: claim.id,
        policyNo: claim.policyNumber,
        insuredUscc: claim.enterprise.uscc,
        countyCode: claim.enterprise.county,
        accidentOn: claim.accidentOn,
        deaths: claim.casualties.filter((casualty) => casualty.kind === 'DEATH').length,
        injuries: claim.casualties.filter((casualty) => casualty.kind !== 'DEATH').length,
        claimedFen: claim.claimedFen,
        decision: decision.outcome,
        payableFen: decision.totalPayableFen,
        ...(decision.reasonCode === undefined ? {} : { reasonCode: decision.reasonCode }),
        ...(decision.reasonText === undefined ? {} : { reason: decision.reasonText }),
        decidedOn: decision.decidedOn,
        paidFen: claim.paidFen,
      },
    },
  };
}
