import * as z from 'zod/mini';
import { AGENCIES, ROLES } from '../identity/role.js';
import { defineEvent, type AnyEventType } from '../kernel/events.js';

const text = (description: string) => z.string().check(z.meta({ description }));

/** An insurer was onboarded with its first administrator (the admin's own `platform.user.created` follows). */
export const tenantOnboarded = defineEvent({
  name: 'platform.tenant.onboarded',
  version: 1,
  aggregate: 'tenant',
  summary: 'An insurer (tenant) was onboarded by the platform operator',
  payload: z.object({
    tenantId: text('The new tenant'),
    name: text('Legal name of the branch'),
    uscc: text("The branch's USCC"),
    branchName: text('Short name shown in the console'),
  }),
});

/**
 * ACL-3: the operator suspended an insurer; every user of the tenant is refused from the next request
 * (TENANT_SUSPENDED), while regulators keep reading its records (ACL-2).
 */
export const tenantSuspended = defineEvent({
  name: 'platform.tenant.suspended',
  version: 1,
  aggregate: 'tenant',
  summary: "The platform operator suspended an insurer: its users' requests are refused until it is resumed",
  payload: z.object({
    tenantId: text('The suspended tenant'),
    reason: text("The operator's reason"),
  }),
});

/** ACL-3: the operator resumed a suspended insurer; its users work again from the next request. */
export const tenantResumed = defineEvent({
  name: 'platform.tenant.resumed',
  version: 1,
  aggregate: 'tenant',
  summary: 'The platform operator resumed a suspended insurer',
  payload: z.object({
    tenantId: text('The resumed tenant'),
    reason: text("The operator's reason"),
  }),
});

/** A regulator agency was onboarded with its first administrator. */
export const regulatorOnboarded = defineEvent({
  name: 'platform.regulator.onboarded',
  version: 1,
  aggregate: 'regulator',
  summary: 'A regulator agency (city EMB, county EMB or NFRA branch) was onboarded by the platform operator',
  payload: z.object({
    regulatorId: text('The agency id (emb-city, nfra, emb-county-<county>)'),
    agency: z.enum(AGENCIES),
    county: z.optional(text("A county EMB's county")),
    name: text("The agency's name"),
  }),
});

/** A user was added to an organisation (also an onboarded organisation's first administrator). */
export const userCreated = defineEvent({
  name: 'platform.user.created',
  version: 1,
  aggregate: 'user',
  summary: 'A user was created in a tenant, agency, enterprise or the platform',
  payload: z.object({
    userId: text('The new user'),
    username: text('Its sign-in name'),
    role: z.enum(ROLES),
  }),
});

/** A user's role, display name or disabled flag changed; role and status apply from its next token. */
export const userUpdated = defineEvent({
  name: 'platform.user.updated',
  version: 1,
  aggregate: 'user',
  summary: "A user's role, display name or disabled flag was changed by an administrator",
  payload: z.object({
    userId: text('The user'),
    username: text('Its sign-in name'),
    role: z.enum(ROLES),
    disabled: z.boolean().check(z.meta({ description: 'Whether the user may no longer sign in' })),
  }),
});

/** CAL-2: the operator loaded a year's holiday notice; deadlines computed provisionally for it are recomputed. */
export const calendarYearLoaded = defineEvent({
  name: 'platform.calendar.year_loaded',
  version: 1,
  aggregate: 'calendar',
  summary: "The operator loaded a year's public holidays and adjusted working days (CAL-2)",
  payload: z.object({
    year: z.number().check(z.meta({ description: 'The calendar year loaded' })),
    holidays: z.number().check(z.meta({ description: 'How many holidays the year lists' })),
    adjustedWorkdays: z.number().check(z.meta({ description: 'How many adjusted working days (调休上班) it lists' })),
  }),
});

/**
 * The events of this context (ARCHITECTURE.md §6), each declared with defineEvent (domain/kernel/events.ts):
 * name, payload version, aggregate and payload schema. The AsyncAPI catalogue and the subscription table read
 * this object.
 */
export const platformEvents = {
  tenantOnboarded,
  tenantSuspended,
  tenantResumed,
  regulatorOnboarded,
  userCreated,
  userUpdated,
  calendarYearLoaded,
} as const satisfies Readonly<Record<string, AnyEventType>>;
