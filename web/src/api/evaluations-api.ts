import { idempotent, ok, type ApiClient } from './api-client';
import type { BodyOf, ItemOf, Page, QueryOf, ResponseOf } from './contract';

/** RPT-3: an evaluation in a list — whose, which period, where it stands and, once published, its result. */
export type InsurerEvaluationSummary = ItemOf<'/api/v1/regulator/evaluations'>;
/** RPT-3: an evaluation with every item's points and evidence or reason (and, for regulators, its 通报). */
export type InsurerEvaluationDetail = ResponseOf<'/api/v1/regulator/evaluations/{evaluationId}', 'get'>;
export type InsurerEvaluationItem = InsurerEvaluationDetail['items'][number];
export type EvaluationTerm = InsurerEvaluationSummary['period']['term'];
export type EvaluationFileLink = ResponseOf<'/api/v1/regulator/evaluations/{evaluationId}/files/{format}', 'get'>;
export type EvaluationVerification = ResponseOf<'/api/v1/regulator/evaluations/{evaluationId}/verify', 'post'>;
export type ScoreEvaluationRequest = BodyOf<'/api/v1/regulator/evaluations/{evaluationId}', 'patch'>;
export type EvaluationFormat = 'xlsx' | 'pdf';

/** RPT-3, BLK-1: the city EMB's evaluations of the insurers (the NFRA reads them), published and verified. */
export class RegulatorEvaluationsApi {
  constructor(private readonly client: ApiClient) {}

  list(query: QueryOf<'/api/v1/regulator/evaluations'>, signal?: AbortSignal): Promise<Page<InsurerEvaluationSummary>> {
    return ok(this.client.GET('/api/v1/regulator/evaluations', { params: { query }, signal }));
  }

  get(evaluationId: string, signal?: AbortSignal): Promise<InsurerEvaluationDetail> {
    return ok(this.client.GET('/api/v1/regulator/evaluations/{evaluationId}', { params: { path: { evaluationId } }, signal }));
  }

  create(body: BodyOf<'/api/v1/regulator/evaluations', 'post'>, idempotencyKey: string): Promise<InsurerEvaluationDetail> {
    return ok(this.client.POST('/api/v1/regulator/evaluations', { body, headers: idempotent(idempotencyKey) }));
  }

  score(evaluationId: string, body: ScoreEvaluationRequest): Promise<InsurerEvaluationDetail> {
    return ok(this.client.PATCH('/api/v1/regulator/evaluations/{evaluationId}', { params: { path: { evaluationId } }, body }));
  }

  publish(evaluationId: string, idempotencyKey: string): Promise<InsurerEvaluationDetail> {
    return ok(this.client.POST('/api/v1/regulator/evaluations/{evaluationId}/publish', { params: { path: { evaluationId } }, headers: idempotent(idempotencyKey) }));
  }

  /** BLK-1: the 通报 after a failing result — the insurer listed on the blacklist with the reason given. */
  notice(evaluationId: string, body: BodyOf<'/api/v1/regulator/evaluations/{evaluationId}/notice', 'post'>, idempotencyKey: string) {
    return ok(this.client.POST('/api/v1/regulator/evaluations/{evaluationId}/notice', { params: { path: { evaluationId } }, body, headers: idempotent(idempotencyKey) }));
  }

  file(evaluationId: string, format: EvaluationFormat, signal?: AbortSignal): Promise<EvaluationFileLink> {
    return ok(this.client.GET('/api/v1/regulator/evaluations/{evaluationId}/files/{format}', { params: { path: { evaluationId, format } }, signal }));
  }

  verify(evaluationId: string): Promise<EvaluationVerification> {
    return ok(this.client.POST('/api/v1/regulator/evaluations/{evaluationId}/verify', { params: { path: { evaluationId } } }));
  }
}

/** RPT-3: the insurer's own published results (考核结果). */
export class OwnEvaluationsApi {
  constructor(private readonly client: ApiClient) {}

  list(query: QueryOf<'/api/v1/evaluations'>, signal?: AbortSignal): Promise<Page<InsurerEvaluationSummary>> {
    return ok(this.client.GET('/api/v1/evaluations', { params: { query }, signal }));
  }

  get(evaluationId: string, signal?: AbortSignal): Promise<InsurerEvaluationDetail> {
    return ok(this.client.GET('/api/v1/evaluations/{evaluationId}', { params: { path: { evaluationId } }, signal }));
  }

  file(evaluationId: string, format: EvaluationFormat, signal?: AbortSignal): Promise<EvaluationFileLink> {
    return ok(this.client.GET('/api/v1/evaluations/{evaluationId}/files/{format}', { params: { path: { evaluationId, format } }, signal }));
  }

  verify(evaluationId: string): Promise<EvaluationVerification> {
    return ok(this.client.POST('/api/v1/evaluations/{evaluationId}/verify', { params: { path: { evaluationId } } }));
  }
}
