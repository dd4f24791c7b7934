import type { RouteSpec } from '../../middleware/route.js';
import { getInsurerFees } from './get-insurer-fees.js';
import { getOverview } from './get-overview.js';
import { getInsurerPolicy } from './get-insurer-policy.js';
import { getInsurerService } from './get-insurer-service.js';
import { listInsurerPolicies } from './list-insurer-policies.js';
import { listInsurerServices } from './list-insurer-services.js';
import { listInsurers } from './list-insurers.js';

/** Issue 14: the regulators' read-only view of every insurer's work (ACL-2, ACL-4). GET only, by design. */
export const supervisionRoutes: readonly RouteSpec[] = [
  getOverview,
  listInsurers,
  listInsurerPolicies,
  getInsurerPolicy,
  listInsurerServices,
  getInsurerService,
  getInsurerFees,
];
