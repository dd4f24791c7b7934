import { regulatorArchive } from '../../../domain/archive/archive-store.js';
import { EVALUATION_OVERSIGHT } from '../../../domain/identity/access.js';
import { NotFound } from '../../../domain/kernel/errors.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { evaluationFilesRoot } from './files-composition-root.js';
import { evaluationFileLink, verifyFile } from './evaluation-files.js';
import { evaluationFileLinkSchema, evaluationFileParams, evaluationParams, evaluationVerificationSchema } from './schemas.js';

/** RPT-3, SVC-10: a published evaluation's file (xlsx or pdf) by a short-lived link, verified against its SHA-256. */
export const downloadEvaluationFileRoute = defineRoute({
  method: 'GET',
  path: '/api/v1/regulator/evaluations/{evaluationId}/files/{format}',
  access: EVALUATION_OVERSIGHT,
  summary: "A link to a published evaluation's file, verified against its SHA-256 (RPT-3, SVC-10)",
  tags: ['regulator'],
  params: evaluationFileParams,
  response: evaluationFileLinkSchema,
  async handle(input) {
    const caller = callerOf(input, 'regulator');
    const root = evaluationFilesRoot();
    const evaluation = await root.evaluations.get(input.params.evaluationId);
    if (!evaluation) throw new NotFound('evaluation');
    return { body: await evaluationFileLink({ archive: root.archive(regulatorArchive(caller)), sha256: root.sha256, clock: root.clock }, evaluation, input.params.format) };
  },
});

/** RPT-3, SVC-10: both published files re-hashed against the SHA-256 recorded at publication. */
export const verifyEvaluationRoute = defineRoute({
  method: 'POST',
  path: '/api/v1/regulator/evaluations/{evaluationId}/verify',
  access: EVALUATION_OVERSIGHT,
  summary: "Re-hash a published evaluation's files against their SHA-256 (RPT-3, SVC-10)",
  tags: ['regulator'],
  params: evaluationParams,
  response: evaluationVerificationSchema,
  async handle(input) {
    const caller = callerOf(input, 'regulator');
    const root = evaluationFilesRoot();
    const evaluation = await root.evaluations.get(input.params.evaluationId);
    const files = evaluation?.published?.files;
    if (!evaluation || !files) throw new NotFound('evaluation');
    const deps = { archive: root.archive(regulatorArchive(caller)), sha256: root.sha256 };
    return { body: { evaluationId: evaluation.id, xlsx: await verifyFile(deps, files.xlsx), pdf: await verifyFile(deps, files.pdf) } };
  },
});
