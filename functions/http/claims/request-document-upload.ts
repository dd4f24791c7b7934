import { tenantArchive } from '../../../domain/archive/archive-store.js';
import { INSURER } from '../../../domain/identity/access.js';
import { todayOf } from '../../../domain/kernel/clock.js';
import { PUBLISHED_RULE_SETS } from '../../../domain/kernel/rule-set/published.js';
import { selectRuleSet } from '../../../domain/kernel/rule-set/rule-set-registry.js';
import { evidenceUploadBody } from '../../../domain/services/evidence.schema.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { issueUploadTicket, uploadTicketAnswer } from '../upload-ticket.js';
import { claimsFilesRoot } from './files-composition-root.js';

/**
 * CLM-1: a one-time ticket to upload one document of a claim (accident report, bills, certificates) straight to the
 * write-once archive; the claim then cites the upload id as `archiveId` with the file's SHA-256.
 */
export const requestClaimDocumentUpload = defineRoute({
  method: 'POST',
  path: '/api/v1/claims/document-uploads',
  access: INSURER,
  summary: 'A ticket to upload one claim document to the write-once archive (CLM-1)',
  tags: ['claims'],
  body: evidenceUploadBody,
  response: uploadTicketAnswer,
  successStatus: 201,
  async handle(input) {
    const { tenantId, userId } = callerOf(input, 'insurer');
    const { forTenant, archive, clock, newId } = claimsFilesRoot();
    const uploads = (await forTenant(tenantId)).uploads;
    const answer = await issueUploadTicket(
      { archive: archive(tenantArchive(tenantId)), clock, newId, createUpload: (upload) => uploads.createUpload(upload) },
      {
        tenantId,
        subject: { kind: 'CLAIM', id: tenantId },
        body: input.body,
        retentionYears: selectRuleSet(PUBLISHED_RULE_SETS, todayOf(clock)).archiveRetentionYears,
        by: userId,
      },
    );
    return { body: answer };
  },
});
