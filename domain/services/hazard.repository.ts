import type { DomainEvent } from '../kernel/events.js';
import type { Hazard, HazardGrade, HazardStatus } from './hazard.js';
import type { Page, PageRequest } from './service.repository.js';

/** `GET /hazards?status=&grade=&serviceId=`. */
export interface HazardQuery extends PageRequest {
  readonly status?: HazardStatus;
  readonly grade?: HazardGrade;
  readonly serviceId?: string;
}

/** `GET /regulator/hazards`: one county (a county EMB's own, ACL-4) or all, by grade and status. */
export interface RegulatorHazardQuery extends PageRequest {
  readonly county?: string;
  readonly grade?: HazardGrade;
  readonly status?: HazardStatus;
}

/**
 * SVC-7: an insurer's hazards, tenant-scoped (ACL-1). Hazards are created with the record that found them
 * (ServiceRepository.completeService); `saveHazard` fails with StaleVersion when the hazard changed meanwhile.
 */
export interface HazardRepository {
  getHazard(tenantId: string, hazardId: string): Promise<Hazard | undefined>;
  /** Several hazards in one read, in the order of `hazardIds`; missing ones are left out. */
  getHazards(tenantId: string, hazardIds: readonly string[]): Promise<readonly Hazard[]>;
  listHazards(tenantId: string, query: HazardQuery): Promise<Page<Hazard>>;
  /** SVC-12: hazards of one enterprise not yet verified, with this insurer. */
  openHazardsOf(tenantId: string, enterpriseUscc: string): Promise<{ general: number; major: number }>;
  saveHazard(hazard: Hazard, expectedVersion: number, events: readonly DomainEvent[]): Promise<void>;
}

/** ACL-5: an enterprise's own hazards across insurers (never another enterprise's). */
export interface EnterpriseHazardViews {
  hazardOf(uscc: string, hazardId: string): Promise<Hazard | undefined>;
  hazardsOf(uscc: string, query: PageRequest & { readonly status?: HazardStatus }): Promise<Page<Hazard>>;
}

/** SVC-7, ACL-2/ACL-4: hazards across insurers for the regulators, read-only. */
export interface RegulatorHazardViews {
  listForRegulators(query: RegulatorHazardQuery): Promise<Page<Hazard>>;
}
