import * as z from 'zod/mini';
import { localDateSchema } from '../kernel/calendar/local-date.js';
import { requiredText, strictObject } from '../kernel/schema-parts.js';
import { described, dayField, tagsField, usccField, versionField } from './register-fields.js';
import { SERVICE_ORG_STATUSES } from './service-org.js';

const SCOPE_EXAMPLE = '["RISK_ASSESSMENT", "HAZARD_INSPECTION"]';
const statusField = () => z.enum(SERVICE_ORG_STATUSES, `REG-2: status must be one of ${SERVICE_ORG_STATUSES.join(', ')}`);

/**
 * REG-2: `POST /regulator/service-orgs` — the city EMB registers (备案) a third-party organisation. `validTo`
 * must not be before `validFrom` (checked by the rule, 400 naming `validTo`).
 *
 * @example
 * serviceOrgBody.parse({ name: '忻州安泰安全技术服务有限公司', uscc: '91140900MA0K00000D', registrationNumber: '忻应急备〔2026〕001号',
 *   validFrom: '2026-01-01', validTo: '2028-12-31', scope: ['HAZARD_INSPECTION'] });
 */
export const serviceOrgBody = strictObject({
  name: requiredText('REG-2: name is required: the organisation’s registered name', 200),
  uscc: usccField('UW-2: uscc is required: the organisation’s 18-character 统一社会信用代码'),
  registrationNumber: requiredText('REG-2: registrationNumber is required: the city EMB’s registration (备案) number', 64),
  validFrom: dayField('REG-2: validFrom is required: the first day the registration is valid, YYYY-MM-DD'),
  validTo: dayField('REG-2: validTo is required: the last day the registration is valid, YYYY-MM-DD'),
  scope: tagsField('REG-2', 'scope', SCOPE_EXAMPLE),
  contact: z.optional(requiredText('REG-2: contact must say something when given', 200)),
  status: z.optional(statusField()),
});
/** REG-2: what the city EMB states when it registers (备案) an organisation. */
export type ServiceOrgBody = z.output<typeof serviceOrgBody>;

/** REG-2: `PATCH /regulator/service-orgs/{orgId}` — what may change, with the version last read; `contact: null` clears it. */
export const serviceOrgChangeBody = strictObject({
  status: z.optional(statusField()),
  validTo: z.optional(dayField('REG-2: validTo must be a day, YYYY-MM-DD')),
  contact: z.optional(z.nullable(requiredText('REG-2: contact must say something; send null to clear it', 200))),
  scope: z.optional(tagsField('REG-2', 'scope', SCOPE_EXAMPLE)),
  version: versionField,
});
export type ServiceOrgChangeBody = z.output<typeof serviceOrgChangeBody>;

/**
 * REG-2: a third-party safety-service organisation registered (备案) with the city EMB, as stored and
 * returned. Kept by the city EMB, read by insurers when they name a provider.
 */
export const serviceOrgSchema = z.object({
  id: described(z.string(), 'The organisation'),
  name: described(z.string(), 'The registered name'),
  uscc: described(z.string(), '统一社会信用代码 of the organisation'),
  registrationNumber: described(z.string(), 'The city EMB’s registration (备案) number, unique'),
  status: described(z.enum(SERVICE_ORG_STATUSES), 'REG-2: SUSPENDED and REVOKED organisations cannot provide services (SVC-6)'),
  validFrom: described(localDateSchema, 'First day the registration is valid'),
  validTo: described(localDateSchema, 'Last day the registration is valid (included)'),
  scope: described(z.readonly(z.array(z.string())), 'What the organisation may do, e.g. RISK_ASSESSMENT, HAZARD_INSPECTION (free text tags)'),
  contact: z.optional(described(z.string(), 'Who to call')),
  createdAt: described(z.string(), 'ISO instant of the registration'),
  updatedAt: described(z.string(), 'ISO instant of the last change'),
  updatedBy: described(z.string(), 'The user who made the last change'),
  version: described(z.int(), 'The registration’s version; a change must quote it'),
});

/** REG-2 / SVC-6: an organisation as the API shows it, with whether it may provide a service today (Asia/Shanghai). */
export const serviceOrgViewSchema = z.extend(serviceOrgSchema, {
  usableToday: described(z.boolean(), 'SVC-6: ACTIVE and inside its validity today (Asia/Shanghai)'),
});
