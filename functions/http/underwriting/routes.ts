import type { RouteSpec } from '../../middleware/route.js';
import { cancelPolicy } from './cancel-policy.js';
import { coverageCounts } from './coverage-counts.js';
import { endorsePolicy } from './endorse-policy.js';
import { getPolicy } from './get-policy.js';
import { getQualification } from './get-qualification.js';
import { issuePolicy } from './issue-policy.js';
import { listFilings } from './list-filings.js';
import { listMyPolicies } from './list-my-policies.js';
import { listRefusals, listRegulatorRefusals } from './list-refusals.js';
import { recordRefusalRoute } from './record-refusal.js';
import { listPolicies } from './list-policies.js';
import { listUninsured } from './list-uninsured.js';
import { listCoinsurers } from './list-coinsurers.js';

/**
 * The underwriting context (QUAL, UW): qualification, policies, refusals (UW-12), the enterprise's policies, UW-11
 * for regulators. Filing a qualification and its upload tickets (QUAL-4) are in file-routes.ts, since they reach
 * the archive.
 */
export const underwritingRoutes: readonly RouteSpec[] = [
  getQualification,
  listFilings,
  issuePolicy,
  listPolicies,
  getPolicy,
  endorsePolicy,
  cancelPolicy,
  listMyPolicies,
  listUninsured,
  coverageCounts,
  recordRefusalRoute,
  listRefusals,
  listRegulatorRefusals,
  listCoinsurers,
];
