import { idempotent, ok, type ApiClient } from './api-client';
import type { BodyOf, QueryOf, ResponseOf } from './contract';

/** Issue 14: 督办 notices (SUP-1..SUP-5), both sides, and the insurer admin's access log. */
export type Notice = ResponseOf<'/api/v1/regulator/notices', 'post'>;
export type NoticePage = ResponseOf<'/api/v1/regulator/notices', 'get'>;
export type NoticeSubjectKind = Notice['subject']['kind'];
export type NoticeStatus = Notice['status'];
export type IssueNoticeRequest = BodyOf<'/api/v1/regulator/notices', 'post'>;
export type RegulatorNoticesRequest = QueryOf<'/api/v1/regulator/notices'>;
export type InsurerNoticesRequest = QueryOf<'/api/v1/notices'>;
export type AccessLogPage = ResponseOf<'/api/v1/access-log', 'get'>;
export type AccessLogEntry = AccessLogPage['items'][number];
export type AccessLogRequest = QueryOf<'/api/v1/access-log'>;

/** Issue 14: the remaining per-insurer reads (hazards, complaints, the fee ledger, qualification filings). */
export type InsurerHazardsAnswer = ResponseOf<'/api/v1/regulator/insurers/{tenantId}/hazards', 'get'>;
export type SupervisedHazard = InsurerHazardsAnswer['items'][number];
export type InsurerComplaintsAnswer = ResponseOf<'/api/v1/regulator/insurers/{tenantId}/complaints', 'get'>;
export type SupervisedComplaint = InsurerComplaintsAnswer['items'][number];
export type InsurerLedgerAnswer = ResponseOf<'/api/v1/regulator/insurers/{tenantId}/fees/ledger', 'get'>;
export type SupervisedLedgerEntry = InsurerLedgerAnswer['items'][number];
export type InsurerQualificationAnswer = ResponseOf<'/api/v1/regulator/insurers/{tenantId}/qualification', 'get'>;

export class NoticesApi {
  constructor(private readonly client: ApiClient) {}

  /** The regulators' notices (a county EMB: its county's). */
  list(query: RegulatorNoticesRequest, signal?: AbortSignal): Promise<NoticePage> {
    return ok(this.client.GET('/api/v1/regulator/notices', { params: { query }, signal }));
  }

  issue(body: IssueNoticeRequest, idempotencyKey: string): Promise<Notice> {
    return ok(this.client.POST('/api/v1/regulator/notices', { body, headers: idempotent(idempotencyKey) }));
  }

  close(noticeId: string, remark: string, idempotencyKey: string): Promise<Notice> {
    return ok(
      this.client.POST('/api/v1/regulator/notices/{noticeId}/close', { params: { path: { noticeId } }, body: { remark }, headers: idempotent(idempotencyKey) }),
    );
  }

  /** The insurer's own notices. */
  mine(query: InsurerNoticesRequest, signal?: AbortSignal): Promise<NoticePage> {
    return ok(this.client.GET('/api/v1/notices', { params: { query }, signal }));
  }

  answer(noticeId: string, text: string, idempotencyKey: string): Promise<Notice> {
    return ok(this.client.POST('/api/v1/notices/{noticeId}/answer', { params: { path: { noticeId } }, body: { text }, headers: idempotent(idempotencyKey) }));
  }

  accessLog(query: AccessLogRequest, signal?: AbortSignal): Promise<AccessLogPage> {
    return ok(this.client.GET('/api/v1/access-log', { params: { query }, signal }));
  }
}

export class SupervisionRecordsApi {
  constructor(private readonly client: ApiClient) {}

  hazards(tenantId: string, query: QueryOf<'/api/v1/regulator/insurers/{tenantId}/hazards'>, signal?: AbortSignal): Promise<InsurerHazardsAnswer> {
    return ok(this.client.GET('/api/v1/regulator/insurers/{tenantId}/hazards', { params: { path: { tenantId }, query }, signal }));
  }

  complaints(tenantId: string, query: QueryOf<'/api/v1/regulator/insurers/{tenantId}/complaints'>, signal?: AbortSignal): Promise<InsurerComplaintsAnswer> {
    return ok(this.client.GET('/api/v1/regulator/insurers/{tenantId}/complaints', { params: { path: { tenantId }, query }, signal }));
  }

  ledger(tenantId: string, query: QueryOf<'/api/v1/regulator/insurers/{tenantId}/fees/ledger'>, signal?: AbortSignal): Promise<InsurerLedgerAnswer> {
    return ok(this.client.GET('/api/v1/regulator/insurers/{tenantId}/fees/ledger', { params: { path: { tenantId }, query }, signal }));
  }

  qualification(tenantId: string, year: number | undefined, signal?: AbortSignal): Promise<InsurerQualificationAnswer> {
    return ok(this.client.GET('/api/v1/regulator/insurers/{tenantId}/qualification', { params: { path: { tenantId }, query: { year } }, signal }));
  }
}
