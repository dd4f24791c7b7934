/** REG-3: an expert's standing in the pool; only ACTIVE experts may be named on a service (SVC-6). */
export const EXPERT_STATUSES = ['ACTIVE', 'REMOVED'] as const;
export type ExpertStatus = (typeof EXPERT_STATUSES)[number];

/** REG-3: a member of the city's 安全生产和应急救援专家库, kept by the city EMB. */
export interface Expert {
  readonly id: string;
  readonly name: string;
  /** Fields of expertise, e.g. 煤矿通风, 危化工艺. */
  readonly specialties: readonly string[];
  readonly title?: string;
  readonly employer?: string;
  readonly status: ExpertStatus;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly updatedBy: string;
  readonly version: number;
}
