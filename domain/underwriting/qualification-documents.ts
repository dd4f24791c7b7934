import { RuleViolation } from '../kernel/errors.js';
import type { FieldProblem } from '../kernel/errors.js';
import type { ArchiveRef } from './qualification.js';

// QUAL-4: the evidence of the prevention capability is files in the insurer's write-once archive, uploaded
// through a ticket like SVC-13 evidence — not an id and a digest typed in.

/**
 * What the insurer's archive holds under an archive id: the digest recorded when the upload ticket was given
 * (or the archive record made) and the digest of the bytes the store holds (`undefined` when nothing arrived).
 */
export interface ArchivedDocumentFacts {
  readonly recordedSha256: string;
  readonly storedSha256: string | undefined;
}

/**
 * QUAL-4: each evidence document names a file of the insurer's own archive that the store holds, with the
 * digest given. Every problem is listed at once: `prevention.evidence.<i>.archiveId` for an id the archive does
 * not have (or whose bytes never arrived), `.sha256` for another digest.
 *
 * @throws RuleViolation (QUAL-4, 409) with one finding per problem.
 * @example
 * checkEvidenceDocuments(body.prevention?.evidence ?? [], facts); // facts: archiveId → ArchivedDocumentFacts
 */
export function checkEvidenceDocuments(
  evidence: readonly ArchiveRef[],
  facts: ReadonlyMap<string, ArchivedDocumentFacts | undefined>,
): void {
  const findings: FieldProblem[] = [];
  evidence.forEach((ref, index) => {
    const field = `prevention.evidence.${index}`;
    const found = facts.get(ref.archiveId);
    if (found === undefined || found.storedSha256 === undefined) {
      findings.push({
        field: `${field}.archiveId`,
        message: `QUAL-4: ${ref.name} (${ref.archiveId}) is not a file uploaded to the insurer's archive; upload it first`,
        rule: 'QUAL-4',
      });
    } else if (found.recordedSha256 !== ref.sha256 || found.storedSha256 !== ref.sha256) {
      findings.push({
        field: `${field}.sha256`,
        message: `QUAL-4: ${ref.name} (${ref.archiveId}) is archived with SHA-256 ${found.storedSha256}, not ${ref.sha256}`,
        rule: 'QUAL-4',
      });
    }
  });
  if (findings.length > 0) {
    throw new RuleViolation(
      'QUAL-4',
      findings[0]?.field,
      `QUAL-4: every evidence document of the prevention capability is a file in the insurer's archive with the digest given — ${findings.map((item) => item.message).join('; ')}`,
      409,
      findings,
    );
  }
}
