/**
 * Type helpers over the generated OpenAPI types (`generated/openapi.ts`): the console names a server shape
 * by the route that answers or accepts it, never by a hand-written copy.
 *
 * @example
 * type Tenant = ResponseOf<'/api/v1/platform/tenants/{tenantId}', 'get'>;
 * type CreateTenantRequest = BodyOf<'/api/v1/platform/tenants', 'post'>;
 */
import type { components, paths } from './generated/openapi';

export type { components, paths } from './generated/openapi';

export type ApiPath = keyof paths;
export type HttpMethod = 'get' | 'put' | 'post' | 'patch' | 'delete';

/** The routes of one method: `PathsWith<'post'>` is every path that answers a POST. */
export type PathsWith<M extends HttpMethod> = {
  [P in ApiPath]: paths[P] extends Record<M, object> ? P : never;
}[ApiPath];

type Operation<P extends ApiPath, M extends HttpMethod> = NonNullable<paths[P][M]>;

type JsonOf<R> = R extends { content: { 'application/json': infer J } } ? J : undefined;

type SuccessOf<Responses> = Responses extends { 200: infer R }
  ? JsonOf<R>
  : Responses extends { 201: infer R }
    ? JsonOf<R>
    : Responses extends { 204: unknown }
      ? undefined
      : never;

/** The JSON a route answers on success (200 or 201). */
export type ResponseOf<P extends ApiPath, M extends HttpMethod> =
  Operation<P, M> extends { responses: infer R } ? SuccessOf<R> : never;

/** The JSON body a route accepts. */
export type BodyOf<P extends ApiPath, M extends HttpMethod> =
  Operation<P, M> extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;

/** The query parameters a route accepts. */
export type QueryOf<P extends ApiPath, M extends HttpMethod = 'get'> =
  Operation<P, M> extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

/** One row of a list route's `{ items, nextCursor? }` answer. */
export type ItemOf<P extends ApiPath, M extends HttpMethod = 'get'> =
  ResponseOf<P, M> extends { items: readonly (infer I)[] } ? I : never;

/** Every list answer: one page and, when there are more, the opaque cursor of the next one. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor?: string;
  /** The rows matching the filters; answered with the first page (issues 14/15). */
  readonly total?: number;
}

/** The cursor and size of the page a list route is asked for. */
export interface PageRequest {
  readonly cursor?: string;
  readonly limit: number;
}

/** Every error answer: `{"error":{code,message,rule?,details?}}` (the same schema on every route). */
export type ErrorBody = components['schemas']['Error'];
/** One entry of an error's `details`: a field issue, or an import's row problem. */
export type ErrorDetail = NonNullable<ErrorBody['error']['details']>[number];

/** A `YYYY-MM-DD` date in Asia/Shanghai. */
export type LocalDate = string;

/**
 * The routes whose OpenAPI document has no success schema yet (no `response:` on the server's route), so
 * their answers are `unknown` here until the server documents them; see {@link ResponseOf}.
 */
export type Undocumented = unknown;
