import type { ZodMiniType } from 'zod/mini';
import type { Principal } from '../../domain/identity/principal.js';
import { Unauthorized } from '../../domain/kernel/errors.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** What a route's use case receives once the middleware stack has parsed, validated and authorised. */
export interface RouteInput<P, Q, B> {
  readonly params: P;
  readonly query: Q;
  readonly body: B;
  /** Absent only on public routes (health, openapi, login). */
  readonly principal: Principal | undefined;
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly requestId: string;
}

/** A use case answers a body and, when it is not the route's default, a status. */
export interface RouteResult {
  readonly status?: number;
  readonly body: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * One HTTP route: its contract (schemas, for validation and for /openapi.json) and its use case.
 * Who may call it is not said here but in the access matrix (domain/identity/access-matrix.ts), keyed by
 * `routeKey`, so that the whole matrix reads as one table and the isolation test can walk it.
 */
export interface RouteSpec<P = unknown, Q = unknown, B = unknown> {
  readonly method: HttpMethod;
  /** API Gateway style path under the base path, e.g. `/api/v1/users/{userId}`. */
  readonly path: string;
  readonly summary: string;
  readonly tags: readonly string[];
  readonly params?: ZodMiniType<P>;
  readonly query?: ZodMiniType<Q>;
  readonly body?: ZodMiniType<B>;
  /** Documented response body, for the OpenAPI document. */
  readonly response?: ZodMiniType;
  /** Status of a successful answer; 200 unless said. */
  readonly successStatus?: number;
  /** POSTs honour `Idempotency-Key` unless a route opts out (login: nothing to repeat safely). */
  readonly idempotent?: boolean;
  readonly handle: (input: RouteInput<P, Q, B>) => Promise<RouteResult>;
}

/** `METHOD path`, the form API Gateway HTTP APIs use as `routeKey`. */
export const routeKeyOf = (route: { method: HttpMethod; path: string }): string => `${route.method} ${route.path}`;

/** Keeps the generic parameters of each route while the route tables hold them as plain `RouteSpec`. */
export function defineRoute<P, Q, B>(spec: RouteSpec<P, Q, B>): RouteSpec {
  return spec as unknown as RouteSpec;
}

export const API_BASE_PATH = '/api/v1';

/** The caller of a non-public route; the stack has already refused requests without one. */
export function callerOf(input: { principal: Principal | undefined }): Principal {
  if (!input.principal) throw new Unauthorized('a bearer token is required');
  return input.principal;
}
