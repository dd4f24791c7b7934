import { tenantArchive } from '../../../domain/archive/archive-store.js';
import { INSURER } from '../../../domain/identity/access.js';
import { todayOf } from '../../../domain/kernel/clock.js';
import { PUBLISHED_RULE_SETS } from '../../../domain/kernel/rule-set/published.js';
import { selectRuleSet } from '../../../domain/kernel/rule-set/rule-set-registry.js';
import { evidenceUploadBody } from '../../../domain/services/evidence.schema.js';
import { checkEvidenceDocuments, type ArchivedDocumentFacts } from '../../../domain/underwriting/qualification-documents.js';
import type { ArchiveRef } from '../../../domain/underwriting/qualification.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { issueUploadTicket, uploadTicketAnswer } from '../upload-ticket.js';
import type { TenantUnderwriting } from './composition-root.js';
import { underwritingFilesRoot } from './files-composition-root.js';
import { yearParams } from './qualification-answer.js';

/**
 * QUAL-4: a one-time ticket to upload one document of the year's filing (the prevention capability's evidence)
 * straight to the write-once archive — the mechanism of SVC-13 evidence uploads. The filing then cites the
 * upload id as `archiveId` with the file's SHA-256, and saving it checks that the store holds those bytes.
 */
export const requestQualificationDocumentUpload = defineRoute({
  method: 'POST',
  path: '/api/v1/qualification/{year}/document-uploads',
  access: INSURER,
  summary: 'A ticket to upload one document of the qualification filing to the write-once archive (QUAL-4)',
  tags: ['underwriting'],
  params: yearParams,
  body: evidenceUploadBody,
  response: uploadTicketAnswer,
  successStatus: 201,
  async handle(input) {
    const { tenantId, userId } = callerOf(input, 'insurer');
    const { forTenant, archive, clock, newId } = underwritingFilesRoot();
    const records = (await forTenant(tenantId)).archiveRecords;
    const answer = await issueUploadTicket(
      { archive: archive(tenantArchive(tenantId)), clock, newId, createUpload: (upload) => records.createUpload(upload) },
      {
        tenantId,
        subject: { kind: 'QUALIFICATION', id: String(input.params.year) },
        body: input.body,
        retentionYears: selectRuleSet(PUBLISHED_RULE_SETS, todayOf(clock)).archiveRetentionYears,
        by: userId,
      },
    );
    return { body: answer };
  },
});

/**
 * QUAL-4: the evidence documents of a filing are files of the insurer's own archive — an upload or an archive
 * record under `tenants/<tenantId>/` — whose stored bytes have the digest given. Throws the domain's 409 naming
 * each offending `prevention.evidence.<i>`.
 */
export async function checkFilingEvidence(
  tenantId: string,
  tenant: Pick<TenantUnderwriting, 'archiveRecords'>,
  evidence: readonly ArchiveRef[],
): Promise<void> {
  if (evidence.length === 0) return;
  const store = underwritingFilesRoot().archive(tenantArchive(tenantId));
  const ids = [...new Set(evidence.map((ref) => ref.archiveId))];
  const uploads = new Map((await tenant.archiveRecords.getUploads(tenantId, ids)).map((upload) => [upload.id, upload]));
  const facts = new Map<string, ArchivedDocumentFacts | undefined>();
  await Promise.all(
    ids.map(async (id) => {
      const found = uploads.get(id) ?? (await tenant.archiveRecords.getArchiveRecord(tenantId, id));
      if (found === undefined || found.tenantId !== tenantId || !found.key.startsWith(`tenants/${tenantId}/`)) return;
      const stored = await store.head(found.key);
      facts.set(id, { recordedSha256: found.sha256, storedSha256: stored?.sha256 });
    }),
  );
  checkEvidenceDocuments(evidence, facts);
}
