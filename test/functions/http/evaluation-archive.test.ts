import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ArchiveSession } from '../../../domain/archive/archive-store.js';
import type { Evaluation } from '../../../domain/evaluations/evaluation.js';
import { S3ArchiveStore } from '../../../functions/adapters/archive/s3-archive-store.js';
import { sha256Hex } from '../../../functions/adapters/archive/sha256.js';
import { archiveEvaluationFiles } from '../../../functions/http/evaluations/evaluation-files.js';

const s3 = mockClient(S3Client);
const BUCKET = 'anze-test-archive-123456789012-cn-north-1';
const NOW = new Date('2027-03-20T02:00:00.000Z');
const client = () => new S3Client({ region: 'cn-north-1', credentials: { accessKeyId: 'AKIAFAKEFAKEFAKE', secretAccessKey: 'fake-secret' } });
const evaluation = { id: 'ev1', tenantId: 't1', period: { year: 2026, term: 'YEAR', from: '2026-01-01', to: '2026-12-31', dueOn: '2027-03-31' }, revision: 2 } as Evaluation;
const pdf = new TextEncoder().encode('%PDF-1.7 2026年度安责险考核评估结果');
const xlsx = new TextEncoder().encode('PK xlsx');

describe('RPT-3 SVC-10 a published evaluation’s files are archived write-once on S3 (object lock, COMPLIANCE)', () => {
  beforeEach(() => {
    s3.reset();
    s3.on(PutObjectCommand).resolves({});
  });

  it('RPT-3 both files are put under the insurer’s prefix with COMPLIANCE retention for the rule set’s years, If-None-Match and their SHA-256', async () => {
    const sessions: ArchiveSession[] = [];
    const root = {
      archive: (session: ArchiveSession) => {
        sessions.push(session);
        return new S3ArchiveStore(BUCKET, client());
      },
      newId: () => 'attempt1',
    };
    const files = await archiveEvaluationFiles(root, evaluation, { xlsx, pdf }, { now: NOW, retentionYears: 5 });
    expect(sessions).toEqual([{ kind: 'tenant', tenantId: 't1' }]);
    const puts = s3.commandCalls(PutObjectCommand).map((call) => call.args[0].input);
    expect(puts).toHaveLength(2);
    expect(puts.find((put) => put.Key?.endsWith('.pdf'))).toEqual({
      Bucket: BUCKET,
      Key: 'tenants/t1/evaluations/ev1/attempt1/2026-Y-r2.pdf',
      Body: pdf,
      ContentType: 'application/pdf',
      ObjectLockMode: 'COMPLIANCE',
      ObjectLockRetainUntilDate: new Date('2032-03-20T02:00:00.000Z'),
      IfNoneMatch: '*',
      ChecksumSHA256: Buffer.from(sha256Hex(pdf), 'hex').toString('base64'),
    });
    expect(puts.find((put) => put.Key?.endsWith('.xlsx'))).toMatchObject({ ObjectLockMode: 'COMPLIANCE', IfNoneMatch: '*', ChecksumSHA256: Buffer.from(sha256Hex(xlsx), 'hex').toString('base64') });
    expect(files.pdf).toEqual({ key: 'tenants/t1/evaluations/ev1/attempt1/2026-Y-r2.pdf', sha256: sha256Hex(pdf), size: pdf.byteLength, contentType: 'application/pdf' });
  });
});
