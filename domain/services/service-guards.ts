import { shanghaiDateOf } from '../kernel/calendar/local-date.js';
import type { LocalDate } from '../kernel/calendar/local-date.js';
import { instantOf } from '../kernel/calendar/instant.js';
import { RuleViolation } from '../kernel/errors.js';
import type { Expert } from '../register/expert.js';
import { serviceYearOf, type PolicyFacts } from './policy-facts.js';
import type { PreventionService, ServiceStatus } from './service.js';

/** The checks every step of a service's lifecycle shares (the steps: service-*.rules.ts). */

/** The Asia/Shanghai day of an input instant; an unreadable one is the caller's 400 under CAL-1. */
export function dayOfInput(instant: string, field: string): LocalDate {
  try {
    return shanghaiDateOf(instant);
  } catch {
    throw new RuleViolation('CAL-1', field, `CAL-1: ${field} must be an ISO 8601 instant with Z or an offset, got ${JSON.stringify(instant)}`, 400);
  }
}

export function requireText(value: string | undefined, rule: string, field: string, what: string): string {
  if (value === undefined || value.trim() === '') throw new RuleViolation(rule, field, `${rule}: ${what} is required`, 400);
  return value;
}

/** Every transition: a new value, one version later, stamped with the time it happened. */
export function advance(service: PreventionService, changes: Partial<PreventionService>, now: Date): PreventionService {
  return { ...service, ...changes, updatedAt: instantOf(now), version: service.version + 1 };
}

export function refuseUnless(service: PreventionService, allowed: readonly ServiceStatus[], rule: string, action: string): void {
  if (!allowed.includes(service.status)) {
    throw new RuleViolation(
      rule,
      'status',
      `${rule}: service ${service.id} is ${service.status}; it can be ${action} only when ${allowed.join(' or ')}`,
      409,
    );
  }
}

/** SVC-6: an expert named on a service must be in the city pool (REG-3) and not removed from it. */
export function requirePooledExpert(expertId: string, experts: readonly Expert[], field: string): void {
  const expert = experts.find((candidate) => candidate.id === expertId);
  if (expert === undefined) {
    throw new RuleViolation('SVC-6', field, `SVC-6: expert ${expertId} is not in the city expert pool (REG-3)`, 409);
  }
  if (expert.status !== 'ACTIVE') {
    throw new RuleViolation('SVC-6', field, `SVC-6: expert ${expertId} (${expert.name}) is ${expert.status} from the city expert pool (REG-3)`, 409);
  }
}

/** SVC-4: a service belongs to a day of its policy's service year. */
export function requireInServiceYear(policy: PolicyFacts, on: LocalDate, field: string, what: string): void {
  const year = serviceYearOf(policy);
  if (on < year.start || on > year.end) {
    throw new RuleViolation(
      'SVC-4',
      field,
      `SVC-4: ${what} ${on} is outside policy ${policy.policyNumber}'s service year ${year.start} – ${year.end}`,
      409,
    );
  }
}
