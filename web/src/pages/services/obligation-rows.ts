import type { Requirement, ServiceType } from '../../api';

/**
 * SVC-1 requirements by key, SVC-2's first service, and SVC-4's plan lines (`PLAN:<type>[:DEEP]`), as the
 * catalogue words them: `{ key, values }` for `t(key, values)`.
 */
export function requirementLabel(requirement: Pick<Requirement, 'key' | 'type' | 'deep'>): { key: 'obl.req.RISK_ASSESSMENT' | 'obl.req.HAZARD_INSPECTION' | 'obl.req.DEEP_INSPECTION' | 'obl.req.FIRST_SERVICE' | 'obl.req.plan'; type?: ServiceType; deep?: boolean } {
  switch (requirement.key) {
    case 'RISK_ASSESSMENT':
    case 'HAZARD_INSPECTION':
    case 'DEEP_INSPECTION':
    case 'FIRST_SERVICE':
      return { key: `obl.req.${requirement.key}` };
    default: {
      const [, type, deep] = requirement.key.split(':');
      return { key: 'obl.req.plan', type: (requirement.type ?? type) as ServiceType, deep: requirement.deep ?? deep === 'DEEP' };
    }
  }
}

/** Progress in percent (0..100) of done against required; a requirement of nothing is complete. */
export function progressPercent(requirement: Pick<Requirement, 'done' | 'required'>): number {
  if (requirement.required <= 0) return 100;
  return Math.min(100, Math.floor((requirement.done * 100) / requirement.required));
}
