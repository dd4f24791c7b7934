import type { Hazard, HazardStatus, LocalDate, PreventionService, ServiceStatus } from '../../api';
import { daysBetween } from '../complaints/due-dates';

/** The lifecycle as the detail page shows it (SVC-5, SVC-8, SVC-9, SVC-10); CANCELLED is not a step. */
export const LIFECYCLE_STEPS = ['SCHEDULED', 'SCHEDULE_CONFIRMED', 'COMPLETED', 'FOLLOWED_UP', 'CONFIRMED', 'ARCHIVED'] as const satisfies readonly ServiceStatus[];

/** Index of the step a status has reached; a cancelled service stays at the step it was cancelled from. */
export function lifecycleStep(service: Pick<PreventionService, 'status' | 'scheduleConfirmation'>): number {
  if (service.status === 'CANCELLED') return service.scheduleConfirmation ? 1 : 0;
  return LIFECYCLE_STEPS.indexOf(service.status);
}

export type DueKind = 'FOLLOW_UP' | 'ARCHIVE';

export interface ServiceDue {
  readonly kind: DueKind;
  readonly dueOn: LocalDate;
  readonly provisional: boolean;
  /** Days from today to the due date (0 = today, negative = overdue). */
  readonly daysLeft: number;
  /** The due date itself is on time (SVC-8, SVC-9 count working days to and including it). */
  readonly overdue: boolean;
}

/**
 * The deadline a service is working towards, as the server's `nextDeadline` decides it: the follow-up (SVC-8)
 * once completed, the archive (SVC-9) once followed up or confirmed; none before completion or once archived.
 */
export function serviceDue(service: Pick<PreventionService, 'status' | 'deadlines'>, today: LocalDate): ServiceDue | undefined {
  const { deadlines } = service;
  if (!deadlines) return undefined;
  const kind: DueKind | undefined =
    service.status === 'COMPLETED' ? 'FOLLOW_UP' : service.status === 'FOLLOWED_UP' || service.status === 'CONFIRMED' ? 'ARCHIVE' : undefined;
  if (!kind) return undefined;
  const deadline = kind === 'FOLLOW_UP' ? deadlines.followUp : deadlines.archive;
  const daysLeft = daysBetween(today, deadline.dueOn);
  return { kind, dueOn: deadline.dueOn, provisional: deadline.provisional, daysLeft, overdue: daysLeft < 0 };
}

/** Services by their scheduled day (Asia/Shanghai), each day in scheduled-time order: the calendar's cells. */
export function servicesByDay<S extends Pick<PreventionService, 'scheduledOn' | 'scheduledAt'>>(services: readonly S[]): ReadonlyMap<LocalDate, readonly S[]> {
  const byDay = new Map<LocalDate, S[]>();
  for (const service of services) {
    const day = byDay.get(service.scheduledOn) ?? [];
    day.push(service);
    byDay.set(service.scheduledOn, day);
  }
  for (const day of byDay.values()) day.sort((a, b) => Date.parse(a.scheduledAt) - Date.parse(b.scheduledAt));
  return byDay;
}

/** SVC-7: the day a hazard must be rectified by — the enterprise's own plan once reported, else the inspector's. */
export function hazardDueOn(hazard: Pick<Hazard, 'status' | 'rectifyBy' | 'rectification'>): LocalDate | undefined {
  if (hazard.status === 'VERIFIED') return undefined;
  return hazard.rectification?.dueOn ?? hazard.rectifyBy;
}

/** Still to be rectified (OPEN or RECTIFYING) after its due date. */
export function isHazardOverdue(hazard: Pick<Hazard, 'status' | 'rectifyBy' | 'rectification'>, today: LocalDate): boolean {
  const dueOn = hazardDueOn(hazard);
  return dueOn !== undefined && (hazard.status === 'OPEN' || hazard.status === 'RECTIFYING') && daysBetween(dueOn, today) > 0;
}

/** The hazard board's columns: every status, MAJOR first in each, then the earliest due. */
export function hazardColumns<H extends Pick<Hazard, 'status' | 'grade' | 'rectifyBy' | 'rectification'>>(hazards: readonly H[]): Record<HazardStatus, H[]> {
  const columns: Record<HazardStatus, H[]> = { OPEN: [], RECTIFYING: [], RECTIFIED: [], VERIFIED: [] };
  for (const hazard of hazards) columns[hazard.status].push(hazard);
  const rank = (hazard: H) => (hazard.grade === 'MAJOR' ? 0 : 1);
  for (const column of Object.values(columns)) {
    column.sort((a, b) => rank(a) - rank(b) || (hazardDueOn(a) ?? '9999').localeCompare(hazardDueOn(b) ?? '9999'));
  }
  return columns;
}

/** SVC-7: a principal responsible person (主要负责人) is named as soon as any hazard found is MAJOR. */
export const needsPrincipal = (hazards: readonly ({ readonly grade?: string } | undefined)[] | undefined): boolean =>
  (hazards ?? []).some((hazard) => hazard?.grade === 'MAJOR');
