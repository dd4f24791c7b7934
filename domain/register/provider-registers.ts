import type { LocalDate } from '../kernel/calendar/local-date.js';
import type { DomainEvent } from '../kernel/events.js';
import type { Expert, ExpertStatus } from './expert.js';
import type { ServiceOrg, ServiceOrgStatus } from './service-org.js';

/**
 * SVC-6's read port on the city EMB's provider registers: the organisation an insurer names (REG-2) and the
 * experts it names (REG-3). The services context depends on this alone, never on how the registers are kept.
 */
export interface ProviderRegisters {
  /** REG-2: the organisation, or `undefined` when no organisation has this id. */
  getServiceOrg(id: string): Promise<ServiceOrg | undefined>;
  /** REG-3: the experts found among `ids`, in the order asked, each once; ids not in the pool are simply absent. */
  getExperts(ids: readonly string[]): Promise<Expert[]>;
}

export interface ServiceOrgQuery {
  readonly status?: ServiceOrgStatus;
  /** SVC-6: only organisations that may provide a service on this day (ACTIVE, inside their validity). */
  readonly usableOn?: LocalDate;
  readonly limit: number;
  readonly cursor?: string;
  /** Issue 15: answer the total with the first page (list routes only: it costs a count). */
  readonly withTotal?: boolean;
}

export interface ExpertQuery {
  readonly status?: ExpertStatus;
  /** Experts having exactly this specialty among theirs. */
  readonly specialty?: string;
  readonly limit: number;
  readonly cursor?: string;
  /** Issue 15: answer the total with the first page (list routes only: it costs a count). */
  readonly withTotal?: boolean;
}

export interface ProviderPage<T> {
  readonly items: T[];
  readonly nextCursor?: string;
  /** Issue 15: the rows matching the query, on its first page. */
  readonly total?: number;
}

/**
 * REG-2, REG-3: the registers as the city EMB keeps them. Every write is one transaction with the events the
 * domain raised (the `events` of `registerServiceOrg`, `changeExpert`, …); `save…` fails with StaleVersion (412) unless the stored
 * version is `expectedVersion`.
 */
export interface ProviderRegisterRepository extends ProviderRegisters {
  /** REG-2: fails with a 409 naming REG-2 when the registration number is already taken. */
  createServiceOrg(org: ServiceOrg, events: readonly DomainEvent[]): Promise<void>;
  saveServiceOrg(org: ServiceOrg, expectedVersion: number, events: readonly DomainEvent[]): Promise<void>;
  listServiceOrgs(query: ServiceOrgQuery): Promise<ProviderPage<ServiceOrg>>;
  addExpert(expert: Expert, events: readonly DomainEvent[]): Promise<void>;
  getExpert(id: string): Promise<Expert | undefined>;
  saveExpert(expert: Expert, expectedVersion: number, events: readonly DomainEvent[]): Promise<void>;
  listExperts(query: ExpertQuery): Promise<ProviderPage<Expert>>;
}
