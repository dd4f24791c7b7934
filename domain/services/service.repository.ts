import type { LocalDate } from '../kernel/calendar/local-date.js';
import type { Changed, DomainEvent } from '../kernel/events.js';
import type { ArchiveRecord } from './archive-record.schema.js';
import type { Hazard } from './hazard.js';
import type { PreventionService, ServiceStatus } from './service.js';
import type { ServiceNumbering } from './service-number.js';

/** One page and the opaque cursor of the next (absent on the last page). */
export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor?: string;
  /** The rows matching the query, on its first page (issues 14/15). */
  readonly total?: number;
}

export interface PageRequest {
  readonly limit: number;
  readonly cursor?: string;
  /** Issues 14/15: answer the number of matching rows with the first page (list routes only: it costs a count). */
  readonly withTotal?: boolean;
}

/** `GET /services?policyId=&status=&dueBefore=`. */
export interface TenantServiceQuery extends PageRequest {
  readonly policyId?: string;
  readonly status?: ServiceStatus;
  /** Services whose next SVC-8/SVC-9 deadline falls before this day (the sparse due index). */
  readonly dueBefore?: LocalDate;
}

/**
 * The port of the services context for services; the DynamoDB adapter implements it. Methods are scoped by the
 * tenant id (ACL-1). Every change is one transaction with the events its transition raised (`Changed<…>`);
 * `save*` take the version the caller loaded and fail with `StaleVersion` when someone changed the item
 * meanwhile.
 *
 * @example
 * const { state: next, events } = confirmSchedule(service, input, context);
 * await repository.saveService(next, service.version, events);
 */
export interface ServiceRepository {
  /**
   * With `numbering` (SVC-5, issue 15), the service's number takes the next sequence of the insurer's counter for
   * the year in the same transaction; `StaleVersion` (or `Conflict` for the year's first) when another service
   * took it first: read again and retry.
   */
  createService(service: PreventionService, events: readonly DomainEvent[], numbering?: ServiceNumbering): Promise<void>;
  /** SVC-5 (issue 15): the last sequence of the insurer's service numbers in `year` (0 before the first). */
  serviceNumberSequence(tenantId: string, year: number): Promise<number>;
  getService(tenantId: string, serviceId: string): Promise<PreventionService | undefined>;
  listServices(tenantId: string, query: TenantServiceQuery): Promise<Page<PreventionService>>;
  /** SVC-1/SVC-11: every service of one policy (the obligations engine's input), in scheduled order. */
  servicesOfPolicy(tenantId: string, policyId: string): Promise<readonly PreventionService[]>;
  saveService(service: PreventionService, expectedVersion: number, events: readonly DomainEvent[]): Promise<void>;

  /** SVC-7, SVC-9: the record, the hazards it found and their archived notices, in one transaction. */
  completeService(
    service: PreventionService,
    expectedVersion: number,
    hazards: readonly Hazard[],
    notices: readonly ArchiveRecord[],
    events: readonly DomainEvent[],
  ): Promise<void>;
  /** SVC-10: the archived service and its archive record, in one transaction. */
  archiveService(service: PreventionService, expectedVersion: number, record: ArchiveRecord, events: readonly DomainEvent[]): Promise<void>;

  /** CAL-2: services in the due index whose follow-up or archive date is still provisional. */
  provisionalDue(tenantId: string, limit: number, cursor?: string): Promise<Page<PreventionService>>;
  /** CAL-2: a service whose deadlines were recomputed, with its events (`recomputeServiceDeadlines`). */
  saveRecomputed(change: Changed<PreventionService>, expectedVersion: number): Promise<void>;
}

/** ACL-5: an enterprise's own services across insurers (never another enterprise's). */
export interface EnterpriseServiceViews {
  serviceOf(uscc: string, serviceId: string): Promise<PreventionService | undefined>;
  servicesOf(uscc: string, query: PageRequest & { readonly status?: ServiceStatus }): Promise<Page<PreventionService>>;
}
