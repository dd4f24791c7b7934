import { RuleViolation } from '../kernel/errors.js';
import type { FieldProblem } from '../kernel/errors.js';
import type { ClaimDocument } from './claim.js';

/**
 * What the insurer's archive holds under an upload id: the digest declared for its ticket, what the ticket was for,
 * and the digest of the bytes the store holds (`undefined` when nothing arrived).
 */
export interface ClaimDocumentFacts {
  readonly recordedSha256: string;
  readonly forClaims: boolean;
  readonly storedSha256: string | undefined;
}

/**
 * CLM-1: a claim's documents are files uploaded for claims to the insurer's own write-once archive (never an id and a
 * digest typed in), whose stored bytes have the digest given. Every problem is listed at once.
 *
 * @throws RuleViolation (CLM-1, 409) naming `documents.<i>.archiveId` (unknown, not for claims, or not arrived) or
 *   `documents.<i>.sha256` (other bytes).
 * @example checkClaimDocuments(body.documents ?? [], facts); // facts: archiveId → ClaimDocumentFacts
 */
export function checkClaimDocuments(documents: readonly ClaimDocument[], facts: ReadonlyMap<string, ClaimDocumentFacts>): void {
  const findings: FieldProblem[] = [];
  documents.forEach((document, index) => {
    const found = facts.get(document.archiveId);
    if (found === undefined || !found.forClaims || found.storedSha256 === undefined) {
      findings.push({
        field: `documents.${index}.archiveId`,
        message: `CLM-1: ${document.name} (${document.archiveId}) is not a file uploaded for a claim to the insurer's archive; upload it first`,
        rule: 'CLM-1',
      });
    } else if (found.recordedSha256 !== document.sha256 || found.storedSha256 !== document.sha256) {
      findings.push({
        field: `documents.${index}.sha256`,
        message: `CLM-1: ${document.name} (${document.archiveId}) is archived with SHA-256 ${found.storedSha256}, not ${document.sha256}`,
        rule: 'CLM-1',
      });
    }
  });
  if (findings.length > 0) {
    throw new RuleViolation('CLM-1', findings[0]?.field, findings.map((item) => item.message).join('; '), 409, findings);
  }
}
