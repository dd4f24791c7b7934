import type { RouteSpec } from '../../middleware/route.js';
import { decideClaim } from './decide-claim.js';
import { getClaim } from './get-claim.js';
import { getMyClaim } from './get-my-claim.js';
import { listClaims } from './list-claims.js';
import { listDeclinedClaims } from './list-declined-claims.js';
import { listMyClaims } from './list-my-claims.js';
import { recordPayout } from './record-payout.js';

/** The claims context (CLM-1): the insurer's claims, the enterprise's side, the regulators' declines. */
export const claimRoutes: readonly RouteSpec[] = [
  listClaims,
  getClaim,
  decideClaim,
  recordPayout,
  listMyClaims,
  getMyClaim,
  listDeclinedClaims,
];
