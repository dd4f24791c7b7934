import { describe, expect, it } from 'vitest';
import { RuleViolation } from '../../../domain/kernel/errors.js';
import { checkEvidenceDocuments } from '../../../domain/underwriting/qualification-documents.js';
import { thrown } from './fixtures.js';

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);

describe('QUAL-4 evidence documents are files in the insurer’s archive', () => {
  it('QUAL-4 accepts files the archive holds with the digest given', () => {
    expect(() => checkEvidenceDocuments([{ archiveId: 'up-1', sha256: A, name: '任命文件.pdf' }], new Map([['up-1', { recordedSha256: A, storedSha256: A }]]))).not.toThrow();
    expect(() => checkEvidenceDocuments([], new Map())).not.toThrow();
  });

  it('QUAL-4 refuses, all at once, an id typed in, a file never uploaded and another digest, naming each field', () => {
    const refused = thrown(() =>
      checkEvidenceDocuments(
        [
          { archiveId: 'arc-made-up', sha256: '0'.repeat(64), name: 'a.pdf' },
          { archiveId: 'up-2', sha256: A, name: 'b.pdf' },
          { archiveId: 'up-3', sha256: A, name: 'c.pdf' },
          { archiveId: 'up-4', sha256: A, name: 'd.pdf' },
        ],
        new Map([
          ['up-2', { recordedSha256: A, storedSha256: undefined }],
          ['up-3', { recordedSha256: A, storedSha256: B }],
          ['up-4', { recordedSha256: B, storedSha256: B }],
        ]),
      ),
    ) as RuleViolation;
    expect(refused).toMatchObject({ ruleId: 'QUAL-4', status: 409, field: 'prevention.evidence.0.archiveId' });
    expect((refused.findings ?? []).map((item) => [item.field, item.rule])).toEqual([
      ['prevention.evidence.0.archiveId', 'QUAL-4'],
      ['prevention.evidence.1.archiveId', 'QUAL-4'],
      ['prevention.evidence.2.sha256', 'QUAL-4'],
      ['prevention.evidence.3.sha256', 'QUAL-4'],
    ]);
  });
});
