import * as z from 'zod/mini';
import { tenantArchive } from '../../../domain/archive/archive-store.js';
import { ruleSetForYear } from '../../../domain/fees/compliance.js';
import { INSURER } from '../../../domain/identity/access.js';
import { evaluationFormOf } from '../../../domain/reports/report.rules.js';
import { evidenceUploadBody } from '../../../domain/services/evidence.schema.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { issueUploadTicket, uploadTicketAnswer } from '../upload-ticket.js';
import { reportFilesRoot } from './files-composition-root.js';
import { loadOwnReport } from './load-own-report.js';
import { evaluationRoot } from './evaluation-composition-root.js';
import { reportParams } from './schemas.js';

/** RPT-2: a third party's evaluation is its written report, as a PDF. */
const thirdPartyUploadBody = evidenceUploadBody.check(
  z.refine((body) => body.contentType === 'application/pdf', { path: ['contentType'], message: 'RPT-2: contentType of a third-party evaluation must be application/pdf' }),
);

/**
 * RPT-2, SVC-13: a one-time ticket to upload the third party's evaluation (PDF) straight to the write-once
 * archive, kept the rule set's archive years — the platform's one upload mechanism (functions/http/upload-ticket.ts).
 */
export const requestEvaluationUploadRoute = defineRoute({
  method: 'POST',
  path: '/api/v1/reports/{reportId}/evaluation/upload-ticket',
  access: INSURER,
  summary: "A ticket to upload a third party's evaluation (PDF) to the write-once archive (RPT-2)",
  tags: ['reports'],
  params: reportParams,
  body: thirdPartyUploadBody,
  response: uploadTicketAnswer,
  successStatus: 201,
  async handle(input) {
    const { tenantId, userId } = callerOf(input, 'insurer');
    const root = reportFilesRoot();
    const { report, reports } = await loadOwnReport(tenantId, input.params.reportId);
    evaluationFormOf(report);
    const records = await evaluationRoot().archiveRecords(tenantId);
    const ruleSet = ruleSetForYear(await root.ruleSets.versions(), report.period.year);
    const answer = await issueUploadTicket(
      { archive: root.archive(tenantArchive(tenantId)), clock: root.clock, newId: root.newId, createUpload: (upload) => records.createUpload(upload) },
      { tenantId, subject: { kind: 'REPORT', id: report.id }, body: input.body, retentionYears: ruleSet.archiveRetentionYears, by: userId },
    );
    return { body: answer };
  },
});
