import * as z from 'zod/mini';
import { ENTERPRISE_SIZES } from '../kernel/enterprise-size.js';
import { defineEvent, type AnyEventType } from '../kernel/events.js';
import { INDUSTRIES } from '../kernel/industry.js';
import { EXPERT_STATUSES } from './expert.js';
import { SERVICE_ORG_STATUSES } from './service-org.js';

const text = (description: string) => z.string().check(z.meta({ description }));
const count = (description: string) => z.int().check(z.meta({ description }));
const texts = (description: string) => z.readonly(z.array(z.string())).check(z.meta({ description }));

/** REG-1: one entry written through `POST /regulator/enterprises`. */
const entryRegisteredPayload = z.object({
  uscc: text('The enterprise'),
  county: text('SCOPE-5: its county now'),
  industry: z.enum(INDUSTRIES).check(z.meta({ description: 'SCOPE-1: its industry' })),
  size: z.enum(ENTERPRISE_SIZES).check(z.meta({ description: 'SCOPE-4: its size class' })),
  registered: count('Entries written: 1'),
  created: count('1 when the entry is new, else 0'),
  updated: count('1 when an existing entry changed, else 0'),
  counties: texts('Counties whose registered counters moved: where the entry is, and where it was when it moved'),
  by: text('The regulator (agency id) that wrote it'),
});

/** REG-1: a whole import, once every row is written — one event per file, not one per entry. */
const registerImportedPayload = z.object({
  importId: text('The import record'),
  registered: count('Rows of the file, each now registered as stated'),
  created: count('Entries that are new'),
  updated: count('Entries that changed'),
  unchanged: count('Rows that already said exactly this'),
  counties: texts('Counties whose registered counters moved'),
  by: text('The importing regulator (agency id)'),
});

/**
 * REG-1: the register changed — one entry (aggregate `register-entry`, id = USCC) or one import of a file
 * (aggregate `register-import`, id = the import): UW-11's coverage gap recomputes the counties named.
 */
export const enterpriseRegistered = defineEvent({
  name: 'register.enterprise.registered',
  version: 1,
  aggregate: 'register-entry',
  summary: 'Enterprises were added to or changed in the register, one entry or one imported file (REG-1)',
  payload: z.union([entryRegisteredPayload, registerImportedPayload]),
});

/** BLK-1: what a listing's events carry. */
const blacklistEntryPayload = z.object({
  entryId: text('The listing'),
  insurerTenantId: text('The insurer (tenant id) listed'),
  listedOn: text('First day of the listing'),
  until: z.optional(text('Last day of the listing, when fixed')),
  liftedOn: z.optional(text('First day off the list, once lifted')),
  listedBy: text('The agency that listed it'),
  liftedBy: z.optional(text('The agency that lifted it')),
  evaluationId: z.optional(text('RPT-3: the published evaluation the listing follows')),
});

/** BLK-1: an insurer was listed; from `listedOn` it is ineligible (QUAL-2). */
export const blacklistEntryListed = defineEvent({
  name: 'register.blacklist_entry.listed',
  version: 1,
  aggregate: 'blacklist-entry',
  summary: 'An insurer was listed on the joint-punishment blacklist by the city EMB or the NFRA (BLK-1)',
  payload: blacklistEntryPayload,
});

/** BLK-1: a listing was lifted by the agency that made it; from `liftedOn` it no longer bars the insurer. */
export const blacklistEntryLifted = defineEvent({
  name: 'register.blacklist_entry.lifted',
  version: 1,
  aggregate: 'blacklist-entry',
  summary: 'A blacklist listing was lifted by the agency that listed the insurer (BLK-1)',
  payload: blacklistEntryPayload,
});

/** REG-2: the whole registration travels with the event: SYNC-1 sends third-party organisations to the provincial platform. */
const serviceOrgPayload = z.object({
  orgId: text('The organisation'),
  name: text('Its registered name'),
  uscc: text('Its 统一社会信用代码'),
  registrationNumber: text('The city EMB’s registration (备案) number'),
  status: z.enum(SERVICE_ORG_STATUSES).check(z.meta({ description: 'ACTIVE, SUSPENDED or REVOKED' })),
  validFrom: text('First day the registration is valid'),
  validTo: text('Last day the registration is valid'),
  scope: texts('What the organisation may do'),
  updatedBy: text('The user who made the change'),
});

/** REG-2: the city EMB registered (备案) a third-party service organisation. */
export const serviceOrgRegistered = defineEvent({
  name: 'register.service_org.registered',
  version: 1,
  aggregate: 'service-org',
  summary: 'The city EMB registered a third-party safety-service organisation (REG-2)',
  payload: serviceOrgPayload,
});

/** REG-2: a registration's status, validity, scope or contact changed. */
export const serviceOrgUpdated = defineEvent({
  name: 'register.service_org.updated',
  version: 1,
  aggregate: 'service-org',
  summary: 'The city EMB suspended, reinstated or revoked a registration, or changed its validity, scope or contact (REG-2)',
  payload: serviceOrgPayload,
});

/** REG-3: what an expert's events carry. */
const expertPayload = z.object({
  expertId: text('The expert'),
  name: text('The expert’s name'),
  status: z.enum(EXPERT_STATUSES).check(z.meta({ description: 'ACTIVE or REMOVED' })),
  specialties: texts('Fields of expertise'),
  updatedBy: text('The user who made the change'),
});

/** REG-3: the city EMB added an expert to the pool. */
export const expertAdded = defineEvent({
  name: 'register.expert.added',
  version: 1,
  aggregate: 'expert',
  summary: 'The city EMB added an expert to the 安全生产和应急救援专家库 (REG-3)',
  payload: expertPayload,
});

/** REG-3: an expert was removed from the pool, taken back, or their specialties, title or employer changed. */
export const expertUpdated = defineEvent({
  name: 'register.expert.updated',
  version: 1,
  aggregate: 'expert',
  summary: 'The city EMB changed an expert’s standing, specialties, title or employer (REG-3)',
  payload: expertPayload,
});

/** RULES-1: a new rule-set version the city EMB published; decisions from `effectiveFrom` on use it. */
export const ruleSetPublished = defineEvent({
  name: 'register.rule_set.published',
  version: 1,
  aggregate: 'rule-set',
  summary: 'The city EMB published a new version of the rule set, with the day it takes effect (RULES-1)',
  payload: z.object({
    ruleSetId: text('The series, e.g. xinzhou-2024'),
    ruleSetVersion: count('The new version number'),
    basedOnVersion: count('The version it copies and edits'),
    effectiveFrom: text('The first day (Asia/Shanghai) it governs'),
    changed: texts('The figures that differ from the version it is based on'),
    publishedBy: text('The agency (regulator id) that published it'),
  }),
});

/**
 * The events of this context (ARCHITECTURE.md §6), each declared with defineEvent (domain/kernel/events.ts):
 * name, payload version, aggregate and payload schema. The AsyncAPI catalogue and the subscription table read
 * this object.
 */
export const registerEvents = {
  enterpriseRegistered,
  blacklistEntryListed,
  blacklistEntryLifted,
  serviceOrgRegistered,
  serviceOrgUpdated,
  expertAdded,
  expertUpdated,
  ruleSetPublished,
} as const satisfies Readonly<Record<string, AnyEventType>>;
