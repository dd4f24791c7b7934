import { tenantArchive } from '../../../domain/archive/archive-store.js';
import { INSURER } from '../../../domain/identity/access.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { evaluationFileLink, verifyFile } from './evaluation-files.js';
import { evaluationFilesRoot } from './files-composition-root.js';
import { ownPublished } from './insurer-evaluations.js';
import { evaluationFileLinkSchema, evaluationFileParams, evaluationParams, evaluationVerificationSchema } from './schemas.js';

/** RPT-3, SVC-10: the insurer's evaluation file by a short-lived link, verified against its SHA-256. */
export const downloadOwnEvaluationFileRoute = defineRoute({
  method: 'GET',
  path: '/api/v1/evaluations/{evaluationId}/files/{format}',
  access: INSURER,
  summary: "A link to one of the insurer's evaluation files, verified against its SHA-256 (RPT-3)",
  tags: ['evaluations'],
  params: evaluationFileParams,
  response: evaluationFileLinkSchema,
  async handle(input) {
    const { tenantId } = callerOf(input, 'insurer');
    const root = evaluationFilesRoot();
    const evaluation = await ownPublished(root, tenantId, input.params.evaluationId);
    return { body: await evaluationFileLink({ archive: root.archive(tenantArchive(tenantId)), sha256: root.sha256, clock: root.clock }, evaluation, input.params.format) };
  },
});

/** RPT-3, SVC-10: the insurer re-hashes both files of its evaluation against the SHA-256 recorded at publication. */
export const verifyOwnEvaluationRoute = defineRoute({
  method: 'POST',
  path: '/api/v1/evaluations/{evaluationId}/verify',
  access: INSURER,
  summary: "Re-hash the insurer's evaluation files against their SHA-256 (RPT-3, SVC-10)",
  tags: ['evaluations'],
  params: evaluationParams,
  response: evaluationVerificationSchema,
  async handle(input) {
    const { tenantId } = callerOf(input, 'insurer');
    const root = evaluationFilesRoot();
    const evaluation = await ownPublished(root, tenantId, input.params.evaluationId);
    const deps = { archive: root.archive(tenantArchive(tenantId)), sha256: root.sha256 };
    return { body: { evaluationId: evaluation.id, xlsx: await verifyFile(deps, evaluation.published.files.xlsx), pdf: await verifyFile(deps, evaluation.published.files.pdf) } };
  },
});
