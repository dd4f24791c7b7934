import type { ZodMiniType } from 'zod/mini';
import type { Access } from '../../domain/identity/access.js';
import { principalAs, type CallerKind, type CallerKinds, type Principal } from '../../domain/identity/principal.js';
import { Forbidden, Unauthorized } from '../../domain/kernel/errors.js';

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
 * One HTTP route, declared in its use case's file: its contract (schemas, for validation and for
 * /openapi.json), who may call it (`access`, one of the named rows of domain/identity/access.ts) and the use
 * case itself. The access matrix is assembled from these declarations (functions/http/access-matrix.ts).
 */
export interface RouteSpec<P = unknown, Q = unknown, B = unknown> {
  readonly method: HttpMethod;
  /** API Gateway style path under the base path, e.g. `/api/v1/users/{userId}`. */
  readonly path: string;
  readonly summary: string;
  /** Who may call it (ACL-1..5); checked by the middleware before anything is parsed. */
  readonly access: Access;
  readonly tags: readonly string[];
  readonly params?: ZodMiniType<P>;
  readonly query?: ZodMiniType<Q>;
  readonly body?: ZodMiniType<B>;
  /** Documented response body, for the OpenAPI document. */
  readonly response?: ZodMiniType;
  /** Status of a successful answer; 200 unless said. */
  readonly successStatus?: number;
  /**
   * MON-2: on an `api-key` route, checks the caller's key before anything is parsed (401 otherwise), so a caller
   * without a valid key learns nothing of the contract. The use case reads what it found the same way again.
   */
  readonly authenticate?: (headers: Readonly<Record<string, string | undefined>>) => Promise<unknown>;
  /** Issue 21: one of the MFA enrolment routes, the only ones a `custom:mfa = SETUP_REQUIRED` token may call. */
  readonly mfaEnrolment?: boolean;
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

/**
 * The caller of a non-public route as the kind the use case serves: `callerOf(input, 'insurer').tenantId` is a
 * string by type. The access row has already admitted only the right roles, so a mismatch here is a wiring bug
 * and is refused (403) rather than trusted.
 *
 * @example const { tenantId, userId } = callerOf(input, 'insurer');
 */
export function callerOf<K extends CallerKind = 'any'>(input: { principal: Principal | undefined }, kind?: K): CallerKinds[K] {
  if (!input.principal) throw new Unauthorized('a bearer token is required');
  const caller = principalAs(input.principal, kind ?? ('any' as K));
  if (!caller) throw new Forbidden(`role ${input.principal.role} may not call this route`);
  return caller;
}
