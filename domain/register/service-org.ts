import type * as z from 'zod/mini';
import type { LocalDate } from '../kernel/calendar/local-date.js';
import type { serviceOrgSchema } from './service-org.schema.js';

/** REG-2: a registration's state. SUSPENDED and REVOKED organisations cannot provide services (SVC-6). */
export const SERVICE_ORG_STATUSES = ['ACTIVE', 'SUSPENDED', 'REVOKED'] as const;
export type ServiceOrgStatus = (typeof SERVICE_ORG_STATUSES)[number];

/**
 * REG-2: a third-party safety-service organisation registered (备案) with the city EMB. Kept by the city EMB,
 * read by insurers when they name a provider. Its fields are documented on {@link serviceOrgSchema}.
 */
export type ServiceOrg = Readonly<z.output<typeof serviceOrgSchema>>;

/** SVC-6: whether an organisation may provide a service on `on`: ACTIVE and inside its validity. */
export function isServiceOrgUsableOn(org: Pick<ServiceOrg, 'status' | 'validFrom' | 'validTo'>, on: LocalDate): boolean {
  return org.status === 'ACTIVE' && org.validFrom <= on && on <= org.validTo;
}
