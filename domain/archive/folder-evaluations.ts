import type { Evaluation, EvaluationFormat } from '../evaluations/evaluation.js';
import { evaluationPeriodKeyOf, evaluationPeriodNameOf } from '../evaluations/period.js';
import { documentNameOf, periodNameOf } from '../reports/period.js';
import type { ReportVersion } from '../reports/report.js';
import type { FolderDocument } from './folder.js';

/**
 * SVC-10 (issue 18), RPT-2, RPT-3: "the evaluation" of an enterprise's policy year is its insurer's — the
 * insurer's submitted self-evaluation (自评估, RPT-2) and the regulators' published evaluation of it (考核评估,
 * RPT-3) of that year. Neither is per enterprise, so nothing is copied into thousands of folders: the folder
 * lists the insurer's files of the year when it is read, under the policy that makes that insurer the
 * enterprise's for the year.
 */
export interface FolderEvaluationMaterial {
  readonly tenantId: string;
  readonly year: number;
  /** RPT-2: the submitted versions of the insurer's SELF_EVALUATION report of the year, any order. */
  readonly selfEvaluations: readonly ReportVersion[];
  /** RPT-3: the insurer's published evaluations of the year (H1, H2, YEAR, every revision), any order. */
  readonly evaluations: readonly Evaluation[];
}

/** SVC-10: the reads of the insurer's evaluation files of one year — a bounded number per insurer, none per enterprise. */
export interface FolderEvaluationReads {
  evaluationsOf(tenantId: string, year: number): Promise<FolderEvaluationMaterial>;
}

/** What a folder's EVALUATION docId says: the year is in it, so one document is found by reading that year only. */
const EVALUATION_DOC_ID = /^(EV|SE)-(\d{4})-[A-Za-z0-9]+-/;

/** The policy year an EVALUATION document's id names, or `undefined` for any other document of the folder. */
export function evaluationDocYearOf(docId: string): number | undefined {
  const match = EVALUATION_DOC_ID.exec(docId);
  return match ? Number(match[2]) : undefined;
}

const FORMATS: readonly EvaluationFormat[] = ['xlsx', 'pdf'];

/**
 * SVC-10, RPT-2, RPT-3: the EVALUATION documents of one insurer's year in an enterprise's folder, attributed to
 * the enterprise's policy with that insurer — each published evaluation's XLSX and PDF, each submitted
 * self-evaluation's XLSX and PDF (and the third party's report it submits). Every revision or version is
 * listed; all but the newest of a period are marked `superseded` (a correction never replaces a file).
 *
 * @example
 * evaluationDocuments({ policyId: 'P1' }, material).map((d) => d.docId); // ['EV-2026-01j…-pdf', 'SE-2026-01k…-v1-xlsx', …]
 */
export function evaluationDocuments(owner: { readonly policyId: string }, material: FolderEvaluationMaterial): FolderDocument[] {
  const documents: FolderDocument[] = [];
  const published = material.evaluations.filter((evaluation) => evaluation.tenantId === material.tenantId && evaluation.status === 'PUBLISHED');
  const newestRevision = new Map<string, number>();
  for (const evaluation of published) {
    const period = evaluationPeriodKeyOf(evaluation.period);
    newestRevision.set(period, Math.max(newestRevision.get(period) ?? 0, evaluation.revision));
  }
  for (const evaluation of published) {
    if (!evaluation.published) continue;
    const superseded = evaluation.revision < (newestRevision.get(evaluationPeriodKeyOf(evaluation.period)) ?? 0);
    for (const format of FORMATS) {
      const file = evaluation.published.files[format];
      documents.push({
        docId: `EV-${material.year}-${evaluation.id}-${format}`,
        kind: 'EVALUATION',
        tenantId: evaluation.tenantId,
        policyId: owner.policyId,
        subject: { kind: 'EVALUATION', id: evaluation.id },
        fileName: `${evaluationPeriodNameOf(evaluation.period)}安责险考核评估结果（第${evaluation.revision}版）.${format}`,
        key: file.key,
        sha256: file.sha256,
        size: file.size,
        contentType: file.contentType,
        at: evaluation.published.at,
        ...(superseded ? { superseded } : {}),
      });
    }
  }
  const submitted = material.selfEvaluations.filter((version) => version.tenantId === material.tenantId && version.period.kind === 'SELF_EVALUATION');
  const newestVersion = Math.max(0, ...submitted.map((version) => version.version));
  for (const version of submitted) {
    const superseded = version.version < newestVersion;
    const edition = `（第${version.version}版）`;
    const files = FORMATS.map((format) => ({ suffix: format as string, file: version.files[format], fileName: `${periodNameOf(version.period)}${documentNameOf(version.period)}${edition}.${format}` }));
    const thirdParty = version.evaluation?.mode === 'THIRD_PARTY' ? version.evaluation.thirdParty : undefined;
    if (thirdParty) files.push({ suffix: 'tp', file: thirdParty.file, fileName: `${periodNameOf(version.period)}第三方评估报告${edition}.pdf` });
    for (const { suffix, file, fileName } of files) {
      documents.push({
        docId: `SE-${material.year}-${version.reportId}-v${version.version}-${suffix}`,
        kind: 'EVALUATION',
        tenantId: version.tenantId,
        policyId: owner.policyId,
        subject: { kind: 'REPORT', id: version.reportId },
        fileName,
        key: file.key,
        sha256: file.sha256,
        size: file.size,
        contentType: file.contentType,
        at: version.submittedAt,
        ...(superseded ? { superseded } : {}),
      });
    }
  }
  return documents;
}
