import { tenantArchive } from '../../../domain/archive/archive-store.js';
import type { Evaluation } from '../../../domain/evaluations/evaluation.js';
import { insurerViewOf } from '../../../domain/evaluations/evaluation.rules.js';
import { INSURER } from '../../../domain/identity/access.js';
import { NotFound } from '../../../domain/kernel/errors.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { evaluationsRoot, type EvaluationsRoot } from './composition-root.js';
import { evaluationFileLink, verifyFile } from './evaluation-files.js';
import {
  evaluationDetailOf,
  evaluationDetailSchema,
  evaluationFileLinkSchema,
  evaluationFileParams,
  evaluationPageSchema,
  evaluationParams,
  evaluationSummaryOf,
  evaluationVerificationSchema,
  insurerEvaluationsQuery,
} from './schemas.js';

/**
 * ACL-1: the insurer's own published evaluation — another insurer's, or a draft, answers 404 like a missing one
 * (the tenant comes from the token; the regulators' working paper is not the insurer's to see).
 */
async function ownPublished(root: EvaluationsRoot, tenantId: string, evaluationId: string): Promise<Evaluation & { published: NonNullable<Evaluation['published']> }> {
  const evaluation = await root.evaluations.get(evaluationId);
  if (!evaluation || evaluation.tenantId !== tenantId || evaluation.status !== 'PUBLISHED' || !evaluation.published) throw new NotFound('evaluation');
  return evaluation as Evaluation & { published: NonNullable<Evaluation['published']> };
}

/** RPT-3: the insurer's published evaluations (考核结果), newest period first. */
export const listOwnEvaluationsRoute = defineRoute({
  method: 'GET',
  path: '/api/v1/evaluations',
  access: INSURER,
  summary: "The insurer's published evaluations by the city EMB and the NFRA (RPT-3)",
  tags: ['evaluations'],
  query: insurerEvaluationsQuery,
  response: evaluationPageSchema,
  async handle(input) {
    const { tenantId } = callerOf(input, 'insurer');
    const { limit, cursor } = input.query;
    const page = await evaluationsRoot().evaluations.listPublished(tenantId, { limit, ...(cursor === undefined ? {} : { cursor }), withTotal: true });
    return { body: { items: page.items.map(evaluationSummaryOf), nextCursor: page.nextCursor, total: page.total } };
  },
});

/** RPT-3: one published evaluation of the insurer, every item with its points and evidence or reason. */
export const getOwnEvaluationRoute = defineRoute({
  method: 'GET',
  path: '/api/v1/evaluations/{evaluationId}',
  access: INSURER,
  summary: 'One of the insurer’s published evaluations with its items (RPT-3)',
  tags: ['evaluations'],
  params: evaluationParams,
  response: evaluationDetailSchema,
  async handle(input) {
    const { tenantId } = callerOf(input, 'insurer');
    return { body: evaluationDetailOf(insurerViewOf(await ownPublished(evaluationsRoot(), tenantId, input.params.evaluationId))) };
  },
});

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
    const root = evaluationsRoot();
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
    const root = evaluationsRoot();
    const evaluation = await ownPublished(root, tenantId, input.params.evaluationId);
    const deps = { archive: root.archive(tenantArchive(tenantId)), sha256: root.sha256 };
    return { body: { evaluationId: evaluation.id, xlsx: await verifyFile(deps, evaluation.published.files.xlsx), pdf: await verifyFile(deps, evaluation.published.files.pdf) } };
  },
});
