import type { RouteSpec } from '../../middleware/route.js';
import { coverageCounts, listUninsured } from './coverage-routes.js';
import { cancelPolicy, endorsePolicy, getPolicy, issuePolicy, listMyPolicies, listPolicies } from './policy-routes.js';
import { getQualification, putQualification } from './qualification-routes.js';

/** The underwriting context (QUAL, UW): qualification, policies, the enterprise's policies, UW-11 for regulators. */
export const underwritingRoutes: readonly RouteSpec[] = [
  putQualification,
  getQualification,
  issuePolicy,
  listPolicies,
  getPolicy,
  endorsePolicy,
  cancelPolicy,
  listMyPolicies,
  listUninsured,
  coverageCounts,
];
