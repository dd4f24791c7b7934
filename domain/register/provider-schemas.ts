import * as z from 'zod/mini';
import { isLocalDate, localDateSchema } from '../kernel/calendar/local-date.js';
import { usccSchema } from '../kernel/uscc.js';
import { EXPERT_STATUSES, type Expert } from './expert.js';
import { SERVICE_ORG_STATUSES, type ServiceOrg } from './service-org.js';
import { requiredText, strictObject } from '../kernel/schema-parts.js';

// The bodies of the provider registers' routes (REG-2 organisations, REG-3 experts) and what they answer.
// Messages that apply a rule start with its id, which the HTTP layer copies into `rule`.


/** A `YYYY-MM-DD` day with a message of its own when the field is missing. */
const day = (message: string) => z.string(message).check(z.refine(isLocalDate, 'CAL-1: must be a calendar date written YYYY-MM-DD'));

/** A list of short tags (scope, specialties): 1..20 entries of 1..64 characters. */
const tags = (rule: string, field: string, example: string) => {
  const required = `${rule}: ${field} is required: a list of at least one entry, e.g. ${example}`;
  return z.array(requiredText(`${rule}: each entry of ${field} must say something`, 64), required).check(
    z.minLength(1, required),
    z.maxLength(20, `${rule}: at most 20 entries in ${field}`),
  );
};

/** UW-2, with a message of its own when the field is missing. */
const orgUsccSchema = z.string('UW-2: uscc is required: the organisation’s 18-character 统一社会信用代码').check(
  z.superRefine((code, ctx) => {
    const result = usccSchema.safeParse(code);
    if (!result.success) {
      for (const issue of result.error.issues) ctx.issues.push({ code: 'custom', message: issue.message, input: code });
    }
  }),
);

/** The version the client last read: a change made by someone else since is refused (412). */
const versionSchema = z
  .int('version is required: the version of the record you last read (optimistic locking)')
  .check(z.gte(1, 'version must be 1 or more'));


const SCOPE_EXAMPLE = '["RISK_ASSESSMENT", "HAZARD_INSPECTION"]';
const SPECIALTY_EXAMPLE = '["煤矿通风", "危化工艺"]';

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
  uscc: orgUsccSchema,
  registrationNumber: requiredText('REG-2: registrationNumber is required: the city EMB’s registration (备案) number', 64),
  validFrom: day('REG-2: validFrom is required: the first day the registration is valid, YYYY-MM-DD'),
  validTo: day('REG-2: validTo is required: the last day the registration is valid, YYYY-MM-DD'),
  scope: tags('REG-2', 'scope', SCOPE_EXAMPLE),
  contact: z.optional(requiredText('REG-2: contact must say something when given', 200)),
  status: z.optional(z.enum(SERVICE_ORG_STATUSES, `REG-2: status must be one of ${SERVICE_ORG_STATUSES.join(', ')}`)),
});
export type ServiceOrgBody = z.output<typeof serviceOrgBody>;

/** REG-2: `PATCH /regulator/service-orgs/{orgId}` — what may change, with the version last read; `contact: null` clears it. */
export const serviceOrgChangeBody = strictObject({
  status: z.optional(z.enum(SERVICE_ORG_STATUSES, `REG-2: status must be one of ${SERVICE_ORG_STATUSES.join(', ')}`)),
  validTo: z.optional(day('REG-2: validTo must be a day, YYYY-MM-DD')),
  contact: z.optional(z.nullable(requiredText('REG-2: contact must say something; send null to clear it', 200))),
  scope: z.optional(tags('REG-2', 'scope', SCOPE_EXAMPLE)),
  version: versionSchema,
});
export type ServiceOrgChangeBody = z.output<typeof serviceOrgChangeBody>;

/** REG-3: `POST /regulator/experts` — the city EMB adds an expert to the pool. */
export const expertBody = strictObject({
  name: requiredText('REG-3: name is required: the expert’s name', 50),
  specialties: tags('REG-3', 'specialties', SPECIALTY_EXAMPLE),
  title: z.optional(requiredText('REG-3: title must say something when given, e.g. 高级工程师', 50)),
  employer: z.optional(requiredText('REG-3: employer must say something when given', 200)),
});
export type ExpertBody = z.output<typeof expertBody>;

/** REG-3: `PATCH /regulator/experts/{expertId}` — what may change, with the version last read; null clears title or employer. */
export const expertChangeBody = strictObject({
  status: z.optional(z.enum(EXPERT_STATUSES, `REG-3: status must be one of ${EXPERT_STATUSES.join(', ')}`)),
  specialties: z.optional(tags('REG-3', 'specialties', SPECIALTY_EXAMPLE)),
  title: z.optional(z.nullable(requiredText('REG-3: title must say something; send null to clear it', 50))),
  employer: z.optional(z.nullable(requiredText('REG-3: employer must say something; send null to clear it', 200))),
  version: versionSchema,
});
export type ExpertChangeBody = z.output<typeof expertChangeBody>;

/** REG-2: an organisation as stored and returned. */
export const serviceOrgSchema = z.object({
  id: z.string(),
  name: z.string(),
  uscc: z.string(),
  registrationNumber: z.string(),
  status: z.enum(SERVICE_ORG_STATUSES),
  validFrom: localDateSchema,
  validTo: localDateSchema,
  scope: z.readonly(z.array(z.string())),
  contact: z.optional(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string(),
  version: z.int(),
});

/** REG-2 / SVC-6: an organisation as the API shows it, with whether it may provide a service today (Asia/Shanghai). */
export const serviceOrgViewSchema = z.extend(serviceOrgSchema, { usableToday: z.boolean() });

/** REG-3: an expert as stored and returned. */
export const expertSchema = z.object({
  id: z.string(),
  name: z.string(),
  specialties: z.readonly(z.array(z.string())),
  title: z.optional(z.string()),
  employer: z.optional(z.string()),
  status: z.enum(EXPERT_STATUSES),
  createdAt: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string(),
  version: z.int(),
});

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

// Fail to compile when a schema and its interface drift apart.
const orgMatches: Same<z.output<typeof serviceOrgSchema>, ServiceOrg> = true;
const expertMatches: Same<z.output<typeof expertSchema>, Expert> = true;
void orgMatches;
void expertMatches;
