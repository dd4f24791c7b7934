import { assertComplete, publishEvaluation } from '../../../domain/evaluations/evaluation.rules.js';
import { ruleSetForYear } from '../../../domain/fees/compliance.js';
import { EVALUATION_WRITE } from '../../../domain/identity/access.js';
import { NotFound } from '../../../domain/kernel/errors.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { actorOf } from '../register/register-actor.js';
import { evaluationFilesRoot } from './files-composition-root.js';
import { archiveEvaluationFiles } from './evaluation-files.js';
import { evaluationDetailOf, evaluationDetailSchema, evaluationParams } from './schemas.js';

const NOT_YET = { key: '', sha256: '', size: 0, contentType: '' };

/**
 * RPT-3: publication — every manual item scored (409 otherwise), the result rendered as XLSX and PDF in
 * Chinese, written write-once to the archive with their SHA-256 (SVC-10), and the evaluation fixed with
 * `evaluations.evaluation.published` in the same transaction, which tells the insurer. A failing total offers
 * the BLK-1 通报 (`POST …/notice`).
 */
export const publishEvaluationRoute = defineRoute({
  method: 'POST',
  path: '/api/v1/regulator/evaluations/{evaluationId}/publish',
  access: EVALUATION_WRITE,
  summary: 'Publish an evaluation to its insurer: files archived write-once with SHA-256 (RPT-3)',
  tags: ['regulator'],
  params: evaluationParams,
  response: evaluationDetailSchema,
  async handle(input) {
    const caller = callerOf(input, 'regulator');
    const root = evaluationFilesRoot();
    const evaluation = await root.evaluations.get(input.params.evaluationId);
    if (!evaluation) throw new NotFound('evaluation');
    assertComplete(evaluation);
    const now = root.clock.now();
    const by = actorOf(caller).regulatorId;
    // The files show the result as published: rendered from the evaluation with its result fixed.
    const preview = publishEvaluation(evaluation, { by, now, files: { xlsx: NOT_YET, pdf: NOT_YET } }).state;
    const rendered = await root.files.render(preview);
    const retentionYears = ruleSetForYear(await root.ruleSets.versions(), evaluation.period.year).archiveRetentionYears;
    const files = await archiveEvaluationFiles(root, evaluation, rendered, { now, retentionYears });
    const change = publishEvaluation(evaluation, { by, now, files });
    await root.evaluations.save(change, evaluation.version);
    return { body: evaluationDetailOf(change.state, []) };
  },
});
