import * as z from 'zod/mini';
import { requiredText, strictObject } from '../kernel/schema-parts.js';
import { EXPERT_STATUSES } from './expert.js';
import { described, tagsField, versionField } from './register-fields.js';

const SPECIALTY_EXAMPLE = '["煤矿通风", "危化工艺"]';
const statusField = () => z.enum(EXPERT_STATUSES, `REG-3: status must be one of ${EXPERT_STATUSES.join(', ')}`);

/** REG-3: `POST /regulator/experts` — the city EMB adds an expert to the pool. */
export const expertBody = strictObject({
  name: requiredText('REG-3: name is required: the expert’s name', 50),
  specialties: tagsField('REG-3', 'specialties', SPECIALTY_EXAMPLE),
  title: z.optional(requiredText('REG-3: title must say something when given, e.g. 高级工程师', 50)),
  employer: z.optional(requiredText('REG-3: employer must say something when given', 200)),
});
/** REG-3: what the city EMB states when it adds an expert to the pool. */
export type ExpertBody = z.output<typeof expertBody>;

/** REG-3: `PATCH /regulator/experts/{expertId}` — what may change, with the version last read; null clears title or employer. */
export const expertChangeBody = strictObject({
  status: z.optional(statusField()),
  specialties: z.optional(tagsField('REG-3', 'specialties', SPECIALTY_EXAMPLE)),
  title: z.optional(z.nullable(requiredText('REG-3: title must say something; send null to clear it', 50))),
  employer: z.optional(z.nullable(requiredText('REG-3: employer must say something; send null to clear it', 200))),
  version: versionField,
});
export type ExpertChangeBody = z.output<typeof expertChangeBody>;

/** REG-3: a member of the city's 安全生产和应急救援专家库, kept by the city EMB, as stored and returned. */
export const expertSchema = z.object({
  id: described(z.string(), 'The expert'),
  name: described(z.string(), 'The expert’s name'),
  specialties: described(z.readonly(z.array(z.string())), 'Fields of expertise, e.g. 煤矿通风, 危化工艺'),
  title: z.optional(described(z.string(), 'Professional title, e.g. 高级工程师')),
  employer: z.optional(described(z.string(), 'Where the expert works')),
  status: described(z.enum(EXPERT_STATUSES), 'REG-3: only ACTIVE experts may be named on a service (SVC-6)'),
  createdAt: described(z.string(), 'ISO instant the expert joined the pool'),
  updatedAt: described(z.string(), 'ISO instant of the last change'),
  updatedBy: described(z.string(), 'The user who made the last change'),
  version: described(z.int(), 'The expert’s version; a change must quote it'),
});
