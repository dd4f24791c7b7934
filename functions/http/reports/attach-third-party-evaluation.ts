import { tenantArchive } from '../../../domain/archive/archive-store.js';
import { INSURER } from '../../../domain/identity/access.js';
import { shanghaiDateOf } from '../../../domain/kernel/calendar/local-date.js';
import { RuleViolation } from '../../../domain/kernel/errors.js';
import { evaluationFormOf, writeEvaluation } from '../../../domain/reports/report.rules.js';
import { attachThirdParty } from '../../../domain/reports/self-evaluation.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { reportFilesRoot } from './files-composition-root.js';
import { loadOwnReport } from './load-own-report.js';
import { storeDraftFiles } from './draft-files.js';
import { evaluationRoot } from './evaluation-composition-root.js';
import { thirdPartyEvaluationBody } from './evaluation-schemas.js';
import { reportDetailOf, reportDetailSchema, reportParams } from './schemas.js';

/**
 * RPT-2 (自评或第三方评估): instead of writing it, the insurer submits a third party's evaluation — the PDF it
 * uploaded for this report (`…/evaluation/upload-ticket`), once the archive holds those bytes, and the
 * organisation that made it, which must be registered with the city EMB and valid today (REG-2). The draft's
 * XLSX and PDF are rendered again to name them, with the file's SHA-256.
 */
export const attachThirdPartyEvaluationRoute = defineRoute({
  method: 'PUT',
  path: '/api/v1/reports/{reportId}/evaluation/third-party',
  access: INSURER,
  summary: "Submit a third party's evaluation instead: its uploaded PDF and its REG-2 organisation (RPT-2)",
  tags: ['reports'],
  params: reportParams,
  body: thirdPartyEvaluationBody,
  response: reportDetailSchema,
  async handle(input) {
    const { tenantId } = callerOf(input, 'insurer');
    const root = reportFilesRoot();
    const { report, reports } = await loadOwnReport(tenantId, input.params.reportId);
    const { draft, form } = evaluationFormOf(report);
    const { archiveRecords, registers } = evaluationRoot();
    const [upload] = await (await archiveRecords(tenantId)).getUploads(tenantId, [input.body.uploadId]);
    if (!upload || upload.subject.kind !== 'REPORT' || upload.subject.id !== report.id) {
      throw new RuleViolation('RPT-2', 'uploadId', 'RPT-2: uploadId must be an upload ticketed for this report’s evaluation', 400);
    }
    const archive = root.archive(tenantArchive(tenantId));
    const stored = await archive.head(upload.key);
    if (stored?.sha256 !== upload.sha256) throw new RuleViolation('RPT-2', 'uploadId', 'RPT-2: the file is not in the archive yet (or not the bytes ticketed); upload it first', 409);
    const now = root.clock.now();
    const evaluation = attachThirdParty(
      form,
      await registers.getServiceOrg(input.body.organisationId),
      { fileName: upload.fileName, file: { key: upload.key, sha256: upload.sha256, size: upload.size, contentType: upload.contentType } },
      shanghaiDateOf(now),
    );
    const rendered = await root.files.render(draft.figures, evaluation);
    const files = await storeDraftFiles(archive, { tenantId, reportId: report.id, draftId: root.newId(now), period: report.period, rendered, now });
    const change = writeEvaluation(report, { evaluation, files, now });
    await reports.save(change, report.version);
    const versions = report.submittedVersions > 0 ? await reports.versions(tenantId, report.id) : [];
    return { body: reportDetailOf(change.state, versions) };
  },
});
