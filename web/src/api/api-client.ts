import { ApiError, apiErrorFrom } from './api-error';

export type QueryValue = string | number | boolean | undefined | null;
export type Query = Readonly<Record<string, QueryValue>>;

export interface RequestOptions {
  readonly query?: Query;
  readonly body?: unknown;
  /** Sent as `Idempotency-Key` (POSTs): one per form submission, reused when the same submission is retried. */
  readonly idempotencyKey?: string;
  readonly signal?: AbortSignal;
  /** Public routes (login, health) go without the bearer token and do not sign out on 401. */
  readonly anonymous?: boolean;
}

export interface ApiClientOptions {
  /** `/api/v1` on the console's own origin. */
  readonly baseUrl: string;
  /** A currently valid bearer token; may wait for a refresh or for the user to sign in again. */
  readonly getToken: () => Promise<string>;
  /** Called on a 401 from an authenticated call: the session is over. */
  readonly onUnauthorized: () => void;
  readonly fetch?: typeof fetch;
}

/**
 * The only place the console talks HTTP to the API: JSON in and out, the bearer token, the
 * `Idempotency-Key` header, and every failure turned into an {@link ApiError}.
 *
 * @example
 * const page = await client.get<Page<Tenant>>('/platform/tenants', { query: { q: '人保', limit: 20 } });
 */
export class ApiClient {
  private readonly fetchImpl: typeof fetch;

  constructor(private readonly options: ApiClientOptions) {
    this.fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));
  }

  get<T>(path: string, options: Omit<RequestOptions, 'body' | 'idempotencyKey'> = {}): Promise<T> {
    return this.request<T>('GET', path, options);
  }

  post<T>(path: string, options: RequestOptions = {}): Promise<T> {
    return this.request<T>('POST', path, options);
  }

  patch<T>(path: string, options: RequestOptions = {}): Promise<T> {
    return this.request<T>('PATCH', path, options);
  }

  put<T>(path: string, options: RequestOptions = {}): Promise<T> {
    return this.request<T>('PUT', path, options);
  }

  async request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
    if (!options.anonymous) headers.Authorization = `Bearer ${await this.options.getToken()}`;

    let response: Response;
    try {
      response = await this.fetchImpl(this.url(path, options.query), {
        method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: options.signal,
      });
    } catch (cause) {
      if (options.signal?.aborted) throw cause;
      throw new ApiError(0, 'NETWORK', cause instanceof Error ? cause.message : String(cause));
    }

    if (!response.ok) {
      const error = await apiErrorFrom(response);
      if (response.status === 401 && !options.anonymous) this.options.onUnauthorized();
      throw error;
    }
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  private url(path: string, query: Query | undefined): string {
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(query ?? {})) {
      if (value !== undefined && value !== null && value !== '') search.set(name, String(value));
    }
    const suffix = search.size > 0 ? `?${search.toString()}` : '';
    return `${this.options.baseUrl}${path}${suffix}`;
  }
}
