import type * as z from 'zod/mini';
import type { expertSchema } from './expert.schema.js';

/** REG-3: an expert's standing in the pool; only ACTIVE experts may be named on a service (SVC-6). */
export const EXPERT_STATUSES = ['ACTIVE', 'REMOVED'] as const;
export type ExpertStatus = (typeof EXPERT_STATUSES)[number];

/** REG-3: a member of the city's 安全生产和应急救援专家库, kept by the city EMB; fields on {@link expertSchema}. */
export type Expert = Readonly<z.output<typeof expertSchema>>;
