import { tenantArchive } from '../../../domain/archive/archive-store.js';
import { claimSchema } from '../../../domain/claims/claim.js';
import { registerClaim as register } from '../../../domain/claims/claim.rules.js';
import { registerClaimBody } from '../../../domain/claims/claim.schema.js';
import { checkClaimDocuments, type ClaimDocumentFacts } from '../../../domain/claims/claim-documents.js';
import type { ClaimDocument } from '../../../domain/claims/claim.js';
import { INSURER } from '../../../domain/identity/access.js';
import { RuleViolation } from '../../../domain/kernel/errors.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import type { TenantClaims } from './composition-root.js';
import { claimsFilesRoot } from './files-composition-root.js';

/**
 * CLM-1: each cited document is an upload given out for claims to this insurer, whose bytes the archive holds with
 * the digest given (a 409 naming `documents.<i>` otherwise).
 */
async function checkDocuments(tenantId: string, tenant: TenantClaims, documents: readonly ClaimDocument[]): Promise<void> {
  if (documents.length === 0) return;
  const store = claimsFilesRoot().archive(tenantArchive(tenantId));
  const uploads = await tenant.uploads.getUploads(tenantId, [...new Set(documents.map((document) => document.archiveId))]);
  const facts = new Map<string, ClaimDocumentFacts>();
  await Promise.all(
    uploads
      .filter((upload) => upload.tenantId === tenantId && upload.key.startsWith(`tenants/${tenantId}/`))
      .map(async (upload) => {
        const stored = await store.head(upload.key);
        facts.set(upload.id, { recordedSha256: upload.sha256, forClaims: upload.subject.kind === 'CLAIM', storedSha256: stored?.sha256 });
      }),
  );
  checkClaimDocuments(documents, facts);
}

/**
 * CLM-1: insurer staff register a claim on one of the insurer's own policies — the lead's, for a co-insured
 * one (ACL-1: members read, the lead writes). Another insurer's policy is refused like a missing one. Its
 * documents are files already uploaded to the archive (POST /claims/document-uploads), checked there.
 */
export const registerClaim = defineRoute({
  method: 'POST',
  path: '/api/v1/claims',
  access: INSURER,
  summary: 'Register a claim against a policy (CLM-1)',
  tags: ['claims'],
  body: registerClaimBody,
  response: claimSchema,
  successStatus: 201,
  async handle(input) {
    const { tenantId, userId } = callerOf(input, 'insurer');
    const { clock, newId, forTenant } = claimsFilesRoot();
    const tenant = await forTenant(tenantId);
    const policy = await tenant.policies.get(tenantId, input.body.policyId);
    if (!policy) throw new RuleViolation('CLM-1', 'policyId', 'CLM-1: no policy of this insurer (as lead) has this id', 400);
    const now = clock.now();
    const registered = register(policy, input.body, { id: newId(now), by: userId, now });
    await checkDocuments(tenantId, tenant, registered.state.documents);
    await tenant.claims.create(registered);
    return { body: registered.state };
  },
});
