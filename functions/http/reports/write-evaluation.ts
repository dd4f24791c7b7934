import { tenantArchive } from '../../../domain/archive/archive-store.js';
import { INSURER } from '../../../domain/identity/access.js';
import { RuleViolation } from '../../../domain/kernel/errors.js';
import { evaluationFormOf, writeEvaluation } from '../../../domain/reports/report.rules.js';
import { writeSelfEvaluation, type EvidenceRef } from '../../../domain/reports/self-evaluation.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { reportFilesRoot } from './files-composition-root.js';
import { loadOwnReport } from './load-own-report.js';
import { storeDraftFiles } from './draft-files.js';
import { evaluationRoot } from './evaluation-composition-root.js';
import { writeEvaluationBody } from './evaluation-schemas.js';
import { reportDetailOf, reportDetailSchema, reportParams } from './schemas.js';

const fileNameOf = (key: string): string => key.slice(key.lastIndexOf('/') + 1);

/**
 * RPT-2: the insurer writes its yearly self-evaluation on the generated form — a narrative per item beside the
 * platform's figures (which are not input), and evidence chosen from its own archive (SVC-10, by archive id;
 * each cited with its SHA-256). The draft's XLSX and PDF are rendered again with the text.
 */
export const writeEvaluationRoute = defineRoute({
  method: 'PUT',
  path: '/api/v1/reports/{reportId}/evaluation',
  access: INSURER,
  summary: "Write the yearly self-evaluation: each item's narrative and evidence from the archive (RPT-2)",
  tags: ['reports'],
  params: reportParams,
  body: writeEvaluationBody,
  response: reportDetailSchema,
  async handle(input) {
    const { tenantId } = callerOf(input, 'insurer');
    const root = reportFilesRoot();
    const { report, reports } = await loadOwnReport(tenantId, input.params.reportId);
    const { draft, form } = evaluationFormOf(report);
    const records = await evaluationRoot().archiveRecords(tenantId);
    const items = [];
    for (const [index, item] of input.body.items.entries()) {
      const evidence: EvidenceRef[] = [];
      for (const [at, archiveId] of item.evidence.entries()) {
        // SVC-10, ACL-1: only a document of this insurer's own archive can be cited (its tenant-scoped read).
        const record = await records.getArchiveRecord(tenantId, archiveId);
        if (!record) throw new RuleViolation('RPT-2', `items.${index}.evidence.${at}`, `RPT-2: ${archiveId} is not an archived document of this insurer (SVC-10)`, 400);
        evidence.push({ archiveId, kind: record.kind, enterpriseUscc: record.enterpriseUscc, fileName: fileNameOf(record.key), sha256: record.sha256 });
      }
      items.push({ code: item.code, narrative: item.narrative, evidence });
    }
    const evaluation = writeSelfEvaluation(form, items);
    const now = root.clock.now();
    const rendered = await root.files.render(draft.figures, evaluation);
    const files = await storeDraftFiles(root.archive(tenantArchive(tenantId)), { tenantId, reportId: report.id, draftId: root.newId(now), period: report.period, rendered, now });
    const change = writeEvaluation(report, { evaluation, files, now });
    await reports.save(change, report.version);
    const versions = report.submittedVersions > 0 ? await reports.versions(tenantId, report.id) : [];
    return { body: reportDetailOf(change.state, versions) };
  },
});
