import { idempotent, ok, type ApiClient } from './api-client';
import type { BodyOf, ItemOf, Page, QueryOf, ResponseOf } from './contract';

/** RPT-1: an insurer's report of one period in its list (where it stands, without figures). */
export type ReportSummary = ItemOf<'/api/v1/reports'>;
/** RPT-1: a report with its draft under review (insurer only) and every submitted version. */
export type ReportDetail = ResponseOf<'/api/v1/reports/{reportId}', 'get'>;
export type ReportVersionView = ReportDetail['versions'][number];
export type ReportFigures = ReportVersionView['figures'];
export type ReportPeriod = ReportSummary['period'];
export type ReportKind = ReportPeriod['kind'];
export type ReportStatus = ReportSummary['status'];
export type ReportFileFormat = 'xlsx' | 'pdf' | 'third-party';
/** RPT-2: a SELF_EVALUATION's form — items with the platform's figures, narratives, evidence, or the third party's file. */
export type SelfEvaluationView = NonNullable<ReportVersionView['evaluation']>;
export type EvaluationItemView = SelfEvaluationView['items'][number];
export type WriteEvaluationRequest = BodyOf<'/api/v1/reports/{reportId}/evaluation', 'put'>;
export type EvaluationUploadRequest = BodyOf<'/api/v1/reports/{reportId}/evaluation/upload-ticket', 'post'>;
export type ReportFileHashes = ReportVersionView['files'];
export type GenerateReportRequest = BodyOf<'/api/v1/reports', 'post'>;
/** A report file as a short-lived link to the archive, with its SHA-256 and whether the stored bytes still match. */
export type ReportFileLink = ResponseOf<'/api/v1/reports/{reportId}/files/{format}', 'get'>;
/** RPT-1: one submitted version in the regulators' list. */
export type SubmittedReport = ItemOf<'/api/v1/regulator/reports'>;
export type SubmittedReportsRequest = QueryOf<'/api/v1/regulator/reports'>;

/** RPT-1, RPT-4: the insurer's half-year and year reports — generated from the data, reviewed, submitted (报送). */
export class ReportsApi {
  constructor(private readonly client: ApiClient) {}

  list(query: QueryOf<'/api/v1/reports'>, signal?: AbortSignal): Promise<Page<ReportSummary>> {
    return ok(this.client.GET('/api/v1/reports', { params: { query }, signal }));
  }

  get(reportId: string, signal?: AbortSignal): Promise<ReportDetail> {
    return ok(this.client.GET('/api/v1/reports/{reportId}', { params: { path: { reportId } }, signal }));
  }

  /** RPT-4: generates the period's report from the data (again, for a correction) as the draft under review. */
  generate(body: GenerateReportRequest, idempotencyKey: string): Promise<ReportDetail> {
    return ok(this.client.POST('/api/v1/reports', { body, headers: idempotent(idempotencyKey) }));
  }

  /** RPT-1 (报送): the draft becomes the next version, archived write-once; late after the due day. */
  submit(reportId: string, idempotencyKey: string): Promise<ReportDetail> {
    return ok(this.client.POST('/api/v1/reports/{reportId}/submit', { params: { path: { reportId } }, headers: idempotent(idempotencyKey) }));
  }

  /** RPT-2: the narratives and evidence of the items written (the others keep theirs); the files are rendered again. */
  writeEvaluation(reportId: string, body: WriteEvaluationRequest): Promise<ReportDetail> {
    return ok(this.client.PUT('/api/v1/reports/{reportId}/evaluation', { params: { path: { reportId } }, body }));
  }

  /** RPT-2: a one-time ticket to upload the third party's evaluation (PDF) to the write-once archive. */
  evaluationUpload(reportId: string, body: EvaluationUploadRequest, idempotencyKey: string) {
    return ok(this.client.POST('/api/v1/reports/{reportId}/evaluation/upload-ticket', { params: { path: { reportId } }, body, headers: idempotent(idempotencyKey) }));
  }

  /** RPT-2, REG-2: the uploaded third-party evaluation and its registered organisation. */
  attachThirdParty(reportId: string, body: { organisationId: string; uploadId: string }): Promise<ReportDetail> {
    return ok(this.client.PUT('/api/v1/reports/{reportId}/evaluation/third-party', { params: { path: { reportId } }, body }));
  }

  /** The draft's file when `version` is left out, else that submitted version's. */
  file(reportId: string, format: ReportFileFormat, version: number | undefined, signal?: AbortSignal): Promise<ReportFileLink> {
    return ok(this.client.GET('/api/v1/reports/{reportId}/files/{format}', { params: { path: { reportId, format }, query: { version } }, signal }));
  }
}

/** RPT-1: the submitted reports of every insurer, for the city EMB and the NFRA (报告查阅). */
export class RegulatorReportsApi {
  constructor(private readonly client: ApiClient) {}

  list(query: SubmittedReportsRequest, signal?: AbortSignal): Promise<Page<SubmittedReport>> {
    return ok(this.client.GET('/api/v1/regulator/reports', { params: { query }, signal }));
  }

  get(reportId: string, signal?: AbortSignal): Promise<ReportDetail> {
    return ok(this.client.GET('/api/v1/regulator/reports/{reportId}', { params: { path: { reportId } }, signal }));
  }

  /** A submitted version's file (the latest when `version` is left out). */
  file(reportId: string, format: ReportFileFormat, version: number | undefined, signal?: AbortSignal): Promise<ReportFileLink> {
    return ok(
      this.client.GET('/api/v1/regulator/reports/{reportId}/files/{format}', { params: { path: { reportId, format }, query: { version } }, signal }),
    );
  }
}
