import { compareLocalDates, type LocalDate } from '../kernel/calendar/local-date.js';
import { RuleViolation } from '../kernel/errors.js';
import type { Changed } from '../kernel/events.js';
import { serviceOrgRegistered, serviceOrgUpdated } from './events.js';
import type { ServiceOrg } from './service-org.js';
import type { ServiceOrgBody, ServiceOrgChangeBody } from './service-org.schema.js';

/** REG-2: what the city EMB states when it registers (备案) an organisation. */
export type ServiceOrgInput = ServiceOrgBody;

/** REG-2: what may change on a registration; `null` clears the contact. */
export type ServiceOrgChange = Omit<ServiceOrgChangeBody, 'version'>;

/** Who changes a register (REG-2, REG-3), and when. */
export interface RegisterChangeContext {
  readonly now: Date;
  /** The user making the change. */
  readonly by: string;
}

/** Tags once each, in the order first given: a repeated tag says nothing more. */
export const distinctTags = (tags: readonly string[]): string[] => [...new Set(tags)];

function assertValidity(validFrom: LocalDate, validTo: LocalDate): void {
  // A registration valid on no day at all is a typo, not a state: refuse it rather than store an org never usable.
  if (compareLocalDates(validTo, validFrom) < 0) {
    throw new RuleViolation('REG-2', 'validTo', `REG-2: validTo ${validTo} is before validFrom ${validFrom}`, 400);
  }
}

/** REG-2: what a registration's events carry — the whole registration travels with them (SYNC-1). */
const serviceOrgPayloadOf = (org: ServiceOrg) => ({
  orgId: org.id,
  name: org.name,
  uscc: org.uscc,
  registrationNumber: org.registrationNumber,
  status: org.status,
  validFrom: org.validFrom,
  validTo: org.validTo,
  scope: org.scope,
  updatedBy: org.updatedBy,
});

/**
 * REG-2: a new registration, ACTIVE unless stated otherwise (a registration recorded after the fact may
 * already be suspended), with `register.service_org.registered`.
 *
 * @example
 * registerServiceOrg({ name: '忻州安泰安全技术服务有限公司', uscc: '91140900MA0K00000D', registrationNumber: '忻应急备〔2026〕001号',
 *   validFrom: '2026-01-01', validTo: '2028-12-31', scope: ['HAZARD_INSPECTION'] }, { id: 'o-1', now, by: 'u-1' });
 * // { state: { …, status: 'ACTIVE', version: 1 }, events: [register.service_org.registered] }
 */
export function registerServiceOrg(input: ServiceOrgInput, ctx: RegisterChangeContext & { readonly id: string }): Changed<ServiceOrg> {
  assertValidity(input.validFrom, input.validTo);
  const at = ctx.now.toISOString();
  const org: ServiceOrg = {
    id: ctx.id,
    name: input.name,
    uscc: input.uscc,
    registrationNumber: input.registrationNumber,
    status: input.status ?? 'ACTIVE',
    validFrom: input.validFrom,
    validTo: input.validTo,
    scope: distinctTags(input.scope),
    ...(input.contact === undefined ? {} : { contact: input.contact }),
    createdAt: at,
    updatedAt: at,
    updatedBy: ctx.by,
    version: 1,
  };
  return { state: org, events: [serviceOrgRegistered.of(org, serviceOrgPayloadOf(org))] };
}

/** Whether two tag lists say the same, in the same order. */
export const sameTags = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((tag, i) => tag === b[i]);

/**
 * REG-2: the city EMB suspends, reinstates or revokes a registration, extends or shortens its validity, or
 * corrects its scope or contact. A revocation (撤销备案) is final: the organisation registers anew, under a
 * new number, so what was revoked stays on record as revoked (409). Raises `register.service_org.updated`;
 * when the change says nothing new, the state is `org` itself and there is no event — nothing to write.
 */
export function changeServiceOrg(org: ServiceOrg, change: ServiceOrgChange, ctx: RegisterChangeContext): Changed<ServiceOrg> {
  const status = change.status ?? org.status;
  if (org.status === 'REVOKED' && status !== 'REVOKED') {
    throw new RuleViolation('REG-2', 'status', 'REG-2: a revoked registration is final; register the organisation anew', 409);
  }
  const validTo = change.validTo ?? org.validTo;
  assertValidity(org.validFrom, validTo);
  const scope = change.scope === undefined ? org.scope : distinctTags(change.scope);
  const contact = change.contact === null ? undefined : (change.contact ?? org.contact);
  if (status === org.status && validTo === org.validTo && sameTags(scope, org.scope) && contact === org.contact) return { state: org, events: [] };
  const { contact: _previous, ...rest } = org;
  const changed: ServiceOrg = {
    ...rest,
    status,
    validTo,
    scope,
    ...(contact === undefined ? {} : { contact }),
    updatedAt: ctx.now.toISOString(),
    updatedBy: ctx.by,
    version: org.version + 1,
  };
  return { state: changed, events: [serviceOrgUpdated.of(changed, serviceOrgPayloadOf(changed))] };
}
