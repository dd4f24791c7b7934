import type { ArchiveStoreFor, Sha256Hex } from '../../../domain/archive/archive-store.js';
import type { EvaluationFiles } from '../../../domain/evaluations/evaluation-files.port.js';
import { archiveStoreFor } from '../../adapters/archive/archive-store-from-env.js';
import { sha256Hex } from '../../adapters/archive/sha256.js';
import { evaluationsRoot, type EvaluationsRoot } from './composition-root.js';

/**
 * RPT-3, SVC-10: the evaluation routes that render, archive or hand out the published files run in a function of
 * their own (file-routes.ts): the renderers (exceljs, pdfkit with fontkit and the CJK font) and the S3 client are
 * most of two megabytes, and only those routes need them (issue 20).
 */
export interface EvaluationFilesRoot extends EvaluationsRoot {
  /** SVC-10: the published files, write-once under the insurer's prefix (its copy of the result). */
  readonly archive: ArchiveStoreFor;
  readonly files: EvaluationFiles;
  readonly sha256: Sha256Hex;
}

let root: EvaluationFilesRoot | undefined;

/** The composition root of the evaluations' file function: the evaluations', the archive and the renderers. */
export function evaluationFilesRoot(): EvaluationFilesRoot {
  root ??= {
    ...evaluationsRoot(),
    archive: (session) => archiveStoreFor(session),
    // The renderers (PDF with its CJK font, XLSX) load on the first publication, not on every cold start.
    files: { render: async (evaluation) => (await import('../../adapters/evaluation-file/render.js')).renderEvaluationFiles.render(evaluation) },
    sha256: sha256Hex,
  };
  return root;
}
