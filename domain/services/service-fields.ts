import * as z from 'zod/mini';
import { localDateSchema } from '../kernel/calendar/local-date.js';
import { isInstant } from '../kernel/calendar/instant.js';
import { idField, requiredText, strictObject } from '../kernel/schema-parts.js';
import { PROVIDER_KINDS, SERVICE_TYPES } from './service.js';

/**
 * Field schemas the services context's request and response schemas share. Messages that apply a rule start
 * with its id (`SVC-8: …`): the HTTP layer copies it into the error's `rule`.
 */

export const TEXT_MAX = 4000;
export const NAME_MAX = 100;

/** A schema with its OpenAPI description (zod's `.meta`, which the document reads). */
export const described = <T extends z.ZodMiniType>(schema: T, description: string): T => schema.check(z.meta({ description })) as T;

/** Required free text, at most TEXT_MAX characters unless said. */
export const text = (message: string, max: number = TEXT_MAX) => requiredText(message, max);

/** CAL-1: an instant whose Asia/Shanghai day is unambiguous (it states its offset). */
export const instant = (field: string, rule = 'CAL-1') => {
  const message = `${rule}: ${field} must be an ISO 8601 instant with Z or an offset, e.g. 2024-09-27T09:30:00+08:00`;
  return z.string(message).check(z.refine(isInstant, message));
};

/** A calendar day written YYYY-MM-DD, refused under `rule`. */
export const date = (field: string, rule: string) =>
  z.string(`${rule}: ${field} is required: a date written YYYY-MM-DD`).check(
    z.refine((value) => localDateSchema.safeParse(value).success, `${rule}: ${field} must be a calendar date written YYYY-MM-DD`),
  );

export const serviceType = z.enum(SERVICE_TYPES, `SVC-3: type must be one of ${SERVICE_TYPES.join(', ')}`);

export const textList = (message: string) => z.array(text(message, 500), message);

/** SVC-6: the provider as a request names it — the insurer's own team, or a REG-2 organisation by id. */
export const providerBody = strictObject({
  kind: z.enum(PROVIDER_KINDS, `SVC-6: provider.kind must be one of ${PROVIDER_KINDS.join(', ')}`),
  orgId: z.optional(idField('SVC-6: provider.orgId')),
});

/** SVC-6: the provider as a service or plan keeps it (a snapshot of the organisation's name and number). */
export const serviceProviderSchema = z.object({
  kind: z.enum(PROVIDER_KINDS),
  orgId: z.optional(described(z.string(), 'REG-2 id (THIRD_PARTY only)')),
  orgName: z.optional(described(z.string(), 'Snapshot at scheduling')),
  registrationNumber: z.optional(z.string()),
});
