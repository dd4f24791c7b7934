import type { RouteSpec } from '../../middleware/route.js';
import { createEvaluationRoute } from './create-evaluation.js';
import { getEvaluationRoute } from './get-evaluation.js';
import { downloadOwnEvaluationFileRoute, getOwnEvaluationRoute, listOwnEvaluationsRoute, verifyOwnEvaluationRoute } from './insurer-evaluations.js';
import { listEvaluationsRoute } from './list-evaluations.js';
import { noticeEvaluationRoute } from './notice-evaluation.js';
import { publishEvaluationRoute } from './publish-evaluation.js';
import { downloadEvaluationFileRoute, verifyEvaluationRoute } from './regulator-files.js';
import { scoreEvaluationRoute } from './score-evaluation.js';

/**
 * RPT-3, BLK-1: the city EMB's evaluation of each insurer (with the NFRA reading along) — opened with its
 * computed items, scored, published write-once to the insurer, and a failing result's 通报 — and the insurer's
 * own published results. One function with the renderers (functions/adapters/evaluation-file/).
 */
export const evaluationRoutes: readonly RouteSpec[] = [
  createEvaluationRoute,
  listEvaluationsRoute,
  getEvaluationRoute,
  scoreEvaluationRoute,
  publishEvaluationRoute,
  downloadEvaluationFileRoute,
  verifyEvaluationRoute,
  noticeEvaluationRoute,
  listOwnEvaluationsRoute,
  getOwnEvaluationRoute,
  downloadOwnEvaluationFileRoute,
  verifyOwnEvaluationRoute,
];
