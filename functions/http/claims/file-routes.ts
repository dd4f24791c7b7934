import type { RouteSpec } from '../../middleware/route.js';
import { registerClaim } from './register-claim.js';
import { requestClaimDocumentUpload } from './request-document-upload.js';

/** CLM-1: the claims routes that reach the write-once archive (document tickets, and the registration that checks them). */
export const claimFileRoutes: readonly RouteSpec[] = [registerClaim, requestClaimDocumentUpload];
