import type { LocalDate } from '../kernel/calendar/local-date.js';

/** REG-2: a registration's state. SUSPENDED and REVOKED organisations cannot provide services (SVC-6). */
export const SERVICE_ORG_STATUSES = ['ACTIVE', 'SUSPENDED', 'REVOKED'] as const;
export type ServiceOrgStatus = (typeof SERVICE_ORG_STATUSES)[number];

/**
 * REG-2: a third-party safety-service organisation registered (备案) with the city EMB. Kept by the city EMB,
 * read by insurers when they name a provider.
 */
export interface ServiceOrg {
  readonly id: string;
  readonly name: string;
  /** 统一社会信用代码 of the organisation. */
  readonly uscc: string;
  /** The city EMB's registration (备案) number, unique. */
  readonly registrationNumber: string;
  readonly status: ServiceOrgStatus;
  /** Registration valid from and to (both days included). */
  readonly validFrom: LocalDate;
  readonly validTo: LocalDate;
  /** What the organisation may do, e.g. RISK_ASSESSMENT, HAZARD_INSPECTION (free text tags). */
  readonly scope: readonly string[];
  readonly contact?: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly updatedBy: string;
  readonly version: number;
}

/** SVC-6: whether an organisation may provide a service on `on`: ACTIVE and inside its validity. */
export function isServiceOrgUsableOn(org: Pick<ServiceOrg, 'status' | 'validFrom' | 'validTo'>, on: LocalDate): boolean {
  return org.status === 'ACTIVE' && org.validFrom <= on && on <= org.validTo;
}
