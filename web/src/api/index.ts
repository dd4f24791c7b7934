import { createApiClient, type ApiClient, type ApiClientOptions } from './api-client';
import { ComplaintsApi, MyComplaintsApi, RegulatorApi } from './complaints-api';
import { FeesApi } from './fees-api';
import { MonitoringApi } from './monitoring-api';
import { PlatformApi, UsersApi } from './platform-api';
import { RegisterApi } from './register-api';
import { RegulatorReportsApi, ReportsApi } from './reports-api';
import { MyServicesApi, ProvidersApi, ServicesApi } from './services-api';
import { SupervisionApi } from './supervision-api';
import { NoticesApi, SupervisionRecordsApi } from './notices-api';
import { FilingOversightApi, MyPoliciesApi, PoliciesApi, QualificationApi, RefusalsApi } from './underwriting-api';

export { createApiClient, idempotent, ok, type ApiClient, type ApiClientOptions } from './api-client';
export { ApiError, type FieldIssue } from './api-error';
export { newIdempotencyKey } from './idempotency-key';
export type * from './contract';
export type * from './platform-api';
export type * from './complaints-api';
export type * from './underwriting-api';
export type * from './register-api';
export type * from './fees-api';
export type * from './services-api';
export type * from './supervision-api';
export type * from './notices-api';
export type * from './monitoring-api';
export type * from './reports-api';
export { queryKeys } from './query-keys';

/** The typed API, one property per group of routes, over the one openapi-fetch client. */
export interface Api {
  readonly client: ApiClient;
  readonly platform: PlatformApi;
  readonly users: UsersApi;
  /** The insurer's complaints (CMP). */
  readonly complaints: ComplaintsApi;
  /** The enterprise's own complaints (`/me/…`). */
  readonly myComplaints: MyComplaintsApi;
  readonly regulator: RegulatorApi;
  /** The insurer's qualification filing and eligibility (QUAL). */
  readonly qualification: QualificationApi;
  /** The insurer's policies (UW) and the register look-up for underwriting. */
  readonly policies: PoliciesApi;
  /** The enterprise's own policies (`/me/policies`). */
  readonly myPolicies: MyPoliciesApi;
  /** UW-12: refusals to insure — the insurer's own, and every insurer's for the regulators. */
  readonly refusals: RefusalsApi;
  /** QUAL-6: the city EMB's view of the filings and its record of paper filings. */
  readonly filings: FilingOversightApi;
  /** The regulators' registers: enterprises (REG-1), coverage gap (UW-11), blacklist (BLK-1). */
  readonly register: RegisterApi;
  /** The insurer's prevention-fee ledger (FEE-1..5). */
  readonly fees: FeesApi;
  /** The insurer's prevention services, hazards, plans and archives (SVC-1..13). */
  readonly services: ServicesApi;
  /** The enterprise's own services and hazards (`/me/…`). */
  readonly myServices: MyServicesApi;
  /** The city EMB's registers of organisations (REG-2) and experts (REG-3). */
  readonly providers: ProvidersApi;
  /** Issue 14: the regulators' read-only view of every insurer's policies, services and fee year. */
  readonly supervision: SupervisionApi;
  /** Issue 14: one insurer's hazards, complaints, fee ledger and qualification filings, read-only. */
  readonly supervisionRecords: SupervisionRecordsApi;
  /** Issue 14: 督办 notices (both sides) and the insurer admin's access log. */
  readonly notices: NoticesApi;
  /** MON-2 (issue 19): the duty board's alarms, the mines' data sources, and the enterprise's own alarms. */
  readonly monitoring: MonitoringApi;
  /** RPT-1, RPT-4 (issue 18): the insurer's reports (报告报送). */
  readonly reports: ReportsApi;
  /** RPT-1: the submitted reports of every insurer, for the city EMB and the NFRA (报告查阅). */
  readonly regulatorReports: RegulatorReportsApi;
}

export function createApi(options: ApiClientOptions): Api {
  const client = createApiClient(options);
  return {
    client,
    platform: new PlatformApi(client),
    users: new UsersApi(client),
    complaints: new ComplaintsApi(client),
    myComplaints: new MyComplaintsApi(client),
    regulator: new RegulatorApi(client),
    qualification: new QualificationApi(client),
    policies: new PoliciesApi(client),
    myPolicies: new MyPoliciesApi(client),
    refusals: new RefusalsApi(client),
    filings: new FilingOversightApi(client),
    register: new RegisterApi(client),
    fees: new FeesApi(client),
    services: new ServicesApi(client),
    myServices: new MyServicesApi(client),
    providers: new ProvidersApi(client),
    supervision: new SupervisionApi(client),
    supervisionRecords: new SupervisionRecordsApi(client),
    notices: new NoticesApi(client),
    monitoring: new MonitoringApi(client),
    reports: new ReportsApi(client),
    regulatorReports: new RegulatorReportsApi(client),
  };
}
