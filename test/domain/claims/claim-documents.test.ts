import { describe, expect, it } from 'vitest';
import { checkClaimDocuments, type ClaimDocumentFacts } from '../../../domain/claims/claim-documents.js';
import { RuleViolation } from '../../../domain/kernel/errors.js';
import { thrown } from '../underwriting/fixtures.js';

const REPORT = { archiveId: 'up-1', sha256: 'a'.repeat(64), name: '事故调查报告.pdf' };
const facts = (found: Partial<ClaimDocumentFacts> = {}) =>
  new Map<string, ClaimDocumentFacts>([['up-1', { recordedSha256: REPORT.sha256, forClaims: true, storedSha256: REPORT.sha256, ...found }]]);

describe('claim documents (CLM-1)', () => {
  it('CLM-1 accepts a document uploaded for claims whose stored bytes have the digest given', () => {
    expect(() => checkClaimDocuments([REPORT], facts())).not.toThrow();
  });

  it.each([
    ['never uploaded', new Map<string, ClaimDocumentFacts>(), 'documents.0.archiveId'],
    ['uploaded for something else (a service, a filing)', facts({ forClaims: false }), 'documents.0.archiveId'],
    ['whose bytes never arrived', facts({ storedSha256: undefined }), 'documents.0.archiveId'],
    ['with other bytes', facts({ storedSha256: 'b'.repeat(64) }), 'documents.0.sha256'],
  ])('CLM-1 refuses a document %s (409 naming the field)', (_what, known, field) => {
    const error = thrown(() => checkClaimDocuments([REPORT], known));
    expect(error).toBeInstanceOf(RuleViolation);
    expect(error).toMatchObject({ ruleId: 'CLM-1', field, status: 409 });
  });
});
