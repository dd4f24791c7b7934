import type { Threshold } from './kinds.js';

export const SOURCE_STATUSES = ['ACTIVE', 'REVOKED'] as const;
export type SourceStatus = (typeof SOURCE_STATUSES)[number];

/**
 * MON-2: a mine's system that posts readings — registered by the insurer on one of its policies, so scoped to
 * that mine (the policy's enterprise) and that tenant. Its API key is shown once; only the key's SHA-256 and its
 * lookup prefix are kept.
 */
export interface MonitoringSource {
  readonly id: string;
  readonly tenantId: string;
  readonly policyId: string;
  readonly uscc: string;
  readonly enterpriseName: string;
  readonly name: string;
  readonly status: SourceStatus;
  /** The key's public part (`anzm_<prefix>`): names the key in lists and finds it on each request. */
  readonly keyPrefix: string;
  readonly keyHash: string;
  /** MON-2: the insurer's thresholds for this mine, over the rule set's. */
  readonly thresholds: Readonly<Partial<Record<string, Threshold>>>;
  /** Who changed the thresholds, when, from what to what (audit). */
  readonly thresholdChanges: readonly ThresholdChange[];
  readonly createdAt: string;
  readonly createdBy: string;
  readonly version: number;
}

export interface ThresholdChange {
  readonly at: string;
  readonly by: string;
  readonly kind: string;
  readonly from: Threshold | null;
  readonly to: Threshold | null;
}

/** What any caller may see of a source: never its key hash. */
export const publicSource = (source: MonitoringSource) => ({
  id: source.id,
  policyId: source.policyId,
  uscc: source.uscc,
  enterpriseName: source.enterpriseName,
  name: source.name,
  status: source.status,
  keyPrefix: source.keyPrefix,
  createdAt: source.createdAt,
  thresholds: source.thresholds,
  thresholdChanges: source.thresholdChanges,
});
