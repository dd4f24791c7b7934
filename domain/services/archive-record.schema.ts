import * as z from 'zod/mini';
import { described } from './service-fields.js';

/**
 * SVC-10: what an archived document is. POLICY (the 保险合同 at issue), COMPLAINT (a complaint with its reply) and
 * LEDGER_EXTRACT (the enterprise's prevention-fee ledger extract) and OUTSOURCING_CONTRACT (a third-party service's
 * contract, REG-2) are the folder's own documents (domain/archive).
 */
export const ARCHIVE_RECORD_KINDS = ['HAZARD_NOTICE', 'SERVICE_RECORD', 'SERVICE_PLAN', 'POLICY', 'COMPLAINT', 'LEDGER_EXTRACT', 'OUTSOURCING_CONTRACT'] as const;
export type ArchiveRecordKind = (typeof ARCHIVE_RECORD_KINDS)[number];

/** What a file in the archive is for: the service or hazard that cites it, or the policy whose plan it is (SVC-4). */
export const archiveSubjectSchema = z.object({ kind: z.enum(['SERVICE', 'HAZARD', 'POLICY', 'QUALIFICATION', 'CLAIM', 'COMPLAINT', 'REPORT']), id: z.string() });
export type ArchiveSubject = z.output<typeof archiveSubjectSchema>;

/** SVC-10: an archived document's reference: where its bytes are and the digest verification compares with. */
export const archiveRecordSchema = z.object({
  archiveId: z.string(),
  tenantId: z.string(),
  kind: z.enum(ARCHIVE_RECORD_KINDS),
  key: described(z.string(), 'Key in the write-once store'),
  sha256: described(z.string(), 'Hex SHA-256 recorded when archived'),
  size: z.number(),
  contentType: z.string(),
  subject: archiveSubjectSchema,
  policyId: z.string(),
  enterpriseUscc: z.string(),
  retainUntil: described(z.string(), 'SVC-10: kept unchanged until then'),
  archivedAt: z.string(),
  archivedBy: z.string(),
});
export type ArchiveRecord = z.output<typeof archiveRecordSchema>;

/**
 * SVC-13: an upload ticket given out for one file — what the file must be and what it is for. A record citing
 * the upload is accepted only for that subject and once the store holds the bytes with that digest. Kept in the
 * table only, never answered.
 */
export interface EvidenceUpload {
  readonly id: string;
  readonly tenantId: string;
  readonly key: string;
  readonly sha256: string;
  readonly size: number;
  readonly contentType: string;
  readonly fileName: string;
  readonly subject: ArchiveSubject;
  readonly retainUntil: string;
  readonly createdAt: string;
  readonly createdBy: string;
}
