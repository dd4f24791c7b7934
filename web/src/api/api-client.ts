import createClient, { type Client, type Middleware } from 'openapi-fetch';
import { ApiError, apiErrorFrom } from './api-error';
import type { ApiPath, paths } from './contract';

/** The console's one HTTP client: openapi-fetch typed by the generated `paths`. */
export type ApiClient = Client<paths>;

export interface ApiClientOptions {
  /** The API's origin; empty for the console's own origin (paths already start with `/api/v1`). */
  readonly baseUrl?: string;
  /** A currently valid bearer token; may wait for a refresh or for the user to sign in again. */
  readonly getToken: () => Promise<string>;
  /** Called on a 401 from an authenticated call: the session is over. */
  readonly onUnauthorized: () => void;
  readonly fetch?: typeof fetch;
}

/** Public routes go without the bearer token, and a 401 from them (a wrong password) does not sign out. */
const ANONYMOUS_PATHS: ReadonlySet<string> = new Set<ApiPath>(['/api/v1/auth/login', '/api/v1/health']);

/**
 * The only place the console talks HTTP to the API: the bearer token, JSON in and out, and every failure —
 * an error answer or no answer at all — turned into an {@link ApiError}, so a resolved call always has its
 * `data`. The `Idempotency-Key` of a POST is the caller's (one per form submission): {@link idempotent}.
 *
 * @example
 * const tenants = await ok(client.GET('/api/v1/platform/tenants', { params: { query: { q: '人保', limit: 20 } } }));
 */
export function createApiClient(options: ApiClientOptions): ApiClient {
  const client = createClient<paths>({
    baseUrl: options.baseUrl ?? '',
    headers: { Accept: 'application/json' },
    querySerializer,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  client.use(sessionMiddleware(options));
  return client;
}

function sessionMiddleware({ getToken, onUnauthorized }: ApiClientOptions): Middleware {
  return {
    async onRequest({ request, schemaPath }) {
      if (!ANONYMOUS_PATHS.has(schemaPath)) request.headers.set('Authorization', `Bearer ${await getToken()}`);
      return request;
    },
    async onResponse({ response, schemaPath }) {
      if (response.ok) return undefined;
      const error = await apiErrorFrom(response);
      if (response.status === 401 && !ANONYMOUS_PATHS.has(schemaPath)) onUnauthorized();
      throw error;
    },
    onError({ error, request }) {
      // An aborted request (a superseded query) stays an AbortError; anything else is "no answer".
      if (request.signal.aborted) return error instanceof Error ? error : new Error(String(error));
      return new ApiError(0, 'NETWORK', error instanceof Error ? error.message : String(error));
    },
  };
}

/** Query parameters as before: an unset filter (`undefined`, `null` or `''`) is left out, not sent empty. */
function querySerializer(query: Record<string, unknown>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') search.set(name, String(value));
  }
  return search.toString();
}

/** The `Idempotency-Key` header of one form submission, reused when the same submission is retried. */
export const idempotent = (key: string | undefined): Record<string, string> => (key ? { 'Idempotency-Key': key } : {});

/**
 * The answer's data: the middleware has already thrown an {@link ApiError} for every failure.
 * @example const policy = await ok(client.GET('/api/v1/policies/{policyId}', { params: { path: { policyId } } }));
 */
export async function ok<D>(pending: Promise<{ data?: D }>): Promise<D> {
  const { data } = await pending;
  return data as D;
}
