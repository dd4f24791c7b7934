import type { RouteSpec } from '../../middleware/route.js';
import { createEvaluationRoute } from './create-evaluation.js';
import { getEvaluationRoute } from './get-evaluation.js';
import { getOwnEvaluationRoute, listOwnEvaluationsRoute } from './insurer-evaluations.js';
import { listEvaluationsRoute } from './list-evaluations.js';
import { noticeEvaluationRoute } from './notice-evaluation.js';
import { scoreEvaluationRoute } from './score-evaluation.js';

/**
 * RPT-3, BLK-1: the city EMB's evaluation of each insurer (with the NFRA reading along) — opened with its
 * computed items, scored, published write-once to the insurer, and a failing result's 通报 — and the insurer's
 * own published results — the routes that need no file. Publishing and the files' links and re-hashing are in
 * the evaluations' file function (file-routes.ts), so this one carries neither the renderers nor the S3 client (issue 20).
 */
export const evaluationRoutes: readonly RouteSpec[] = [
  createEvaluationRoute,
  listEvaluationsRoute,
  getEvaluationRoute,
  scoreEvaluationRoute,
  noticeEvaluationRoute,
  listOwnEvaluationsRoute,
  getOwnEvaluationRoute,
];
