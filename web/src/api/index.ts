import { ApiClient, type ApiClientOptions } from './api-client';
import { ComplaintsApi, MyComplaintsApi, RegulatorApi } from './complaints-api';
import { PlatformApi } from './platform-api';
import { UsersApi } from './users-api';

export { ApiClient } from './api-client';
export type { Query, QueryValue, RequestOptions } from './api-client';
export { ApiError, type FieldIssue } from './api-error';
export { newIdempotencyKey } from './idempotency-key';
export * from './types';

export const API_BASE_PATH = '/api/v1';

/** The typed API, one property per group of routes; later issues add theirs here. */
export interface Api {
  readonly client: ApiClient;
  readonly platform: PlatformApi;
  readonly users: UsersApi;
  /** The insurer's complaints (CMP). */
  readonly complaints: ComplaintsApi;
  /** The enterprise's own complaints (`/me/…`). */
  readonly myComplaints: MyComplaintsApi;
  readonly regulator: RegulatorApi;
}

export function createApi(options: Omit<ApiClientOptions, 'baseUrl'>): Api {
  const client = new ApiClient({ baseUrl: API_BASE_PATH, ...options });
  return {
    client,
    platform: new PlatformApi(client),
    users: new UsersApi(client),
    complaints: new ComplaintsApi(client),
    myComplaints: new MyComplaintsApi(client),
    regulator: new RegulatorApi(client),
  };
}
