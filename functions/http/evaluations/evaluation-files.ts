import { ArchiveExists, retainUntilFor, tenantArchive, type ArchiveStore, type Sha256Hex } from '../../../domain/archive/archive-store.js';
import type { Clock } from '../../../domain/kernel/clock.js';
import { NotFound } from '../../../domain/kernel/errors.js';
import type { Evaluation, EvaluationFile, EvaluationFormat } from '../../../domain/evaluations/evaluation.js';
import { evaluationPeriodKeyOf, evaluationPeriodNameOf } from '../../../domain/evaluations/period.js';
import type { EvaluationFilesRoot } from './files-composition-root.js';

/** A download link lives five minutes, as the reports' do. */
export const EVALUATION_LINK_SECONDS = 300;
const CONTENT_TYPES: Record<EvaluationFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

/** 2026年上半年安责险考核评估结果（第1版）.pdf */
export const evaluationFileNameOf = (evaluation: Evaluation, format: EvaluationFormat): string =>
  `${evaluationPeriodNameOf(evaluation.period)}安责险考核评估结果（第${evaluation.revision}版）.${format}`;

/**
 * RPT-3, SVC-10: the published evaluation's files, written once under the insurer's prefix (its copy of the
 * result, kept the rule set's years from publication) with their SHA-256. The key carries a fresh id, so a
 * retry after a failed transaction writes new objects rather than meet the old ones: nothing is overwritten,
 * and only the keys the published evaluation records are ever handed out.
 */
export async function archiveEvaluationFiles(
  root: Pick<EvaluationFilesRoot, 'archive' | 'newId'>,
  evaluation: Evaluation,
  rendered: { readonly xlsx: Uint8Array; readonly pdf: Uint8Array },
  input: { readonly now: Date; readonly retentionYears: number },
): Promise<{ xlsx: EvaluationFile; pdf: EvaluationFile }> {
  const archive = root.archive(tenantArchive(evaluation.tenantId));
  const retainUntil = retainUntilFor(input.now, input.retentionYears);
  const attempt = root.newId(input.now);
  const base = `tenants/${evaluation.tenantId}/evaluations/${evaluation.id}/${attempt}/${evaluationPeriodKeyOf(evaluation.period)}-r${evaluation.revision}`;
  const files = {} as Record<EvaluationFormat, EvaluationFile>;
  for (const format of ['xlsx', 'pdf'] as const) {
    const key = `${base}.${format}`;
    try {
      const object = await archive.put({ key, body: rendered[format], contentType: CONTENT_TYPES[format], retainUntil, now: input.now });
      files[format] = { key, sha256: object.sha256, size: object.size, contentType: CONTENT_TYPES[format] };
    } catch (error) {
      if (error instanceof ArchiveExists) throw new Error(`RPT-3: archive key ${key} already taken`);
      throw error;
    }
  }
  return files;
}

/** SVC-10: the archived bytes of one file hashed again against the SHA-256 recorded at publication. */
export async function verifyFile(deps: { readonly archive: ArchiveStore; readonly sha256: Sha256Hex }, file: EvaluationFile) {
  const stored = await deps.archive.get(file.key);
  return { sha256: file.sha256, size: file.size, verified: stored !== undefined && deps.sha256(stored.body) === file.sha256 };
}

/** RPT-3, SVC-10: a published file by a short-lived link to the archive, verified against its SHA-256 first. */
export async function evaluationFileLink(
  deps: { readonly archive: ArchiveStore; readonly sha256: Sha256Hex; readonly clock: Clock },
  evaluation: Evaluation,
  format: EvaluationFormat,
) {
  const file = evaluation.published?.files[format];
  if (!file) throw new NotFound('evaluation file');
  const stored = await deps.archive.get(file.key);
  if (!stored) throw new NotFound('evaluation file');
  const fileName = evaluationFileNameOf(evaluation, format);
  const ticket = await deps.archive.presignDownload({ key: file.key, fileName, now: deps.clock.now(), expiresInSeconds: EVALUATION_LINK_SECONDS });
  return {
    fileName,
    contentType: file.contentType,
    size: file.size,
    sha256: file.sha256,
    verified: deps.sha256(stored.body) === file.sha256,
    url: ticket.url,
    expiresAt: ticket.expiresAt,
  };
}
