import { allows, type Access } from '../../domain/identity/access.js';
import type { Agency, Role } from '../../domain/identity/role.js';
import { routeKeyOf } from '../middleware/route.js';
import { BOUNDED_CONTEXTS } from './contexts.js';

/**
 * The access matrix (ARCHITECTURE.md §4, ACL-1..5): every route of every context with the row its use case
 * declares, keyed by `METHOD path`. Assembled, never written by hand, so a route has exactly one place that
 * says who may call it; the isolation test walks this table and the AWS API stack reads its public rows.
 */
export const ACCESS_MATRIX: Readonly<Record<string, Access>> = Object.fromEntries(
  BOUNDED_CONTEXTS.flatMap((context) => context.routes).map((route) => [routeKeyOf(route), route.access]),
);

export const accessFor = (routeKey: string): Access | undefined =>
  Object.hasOwn(ACCESS_MATRIX, routeKey) ? ACCESS_MATRIX[routeKey] : undefined;

export const isPublicRoute = (routeKey: string): boolean => accessFor(routeKey)?.kind === 'public';

/** MON-2: routes a data source calls with its API key; the gateway verifies no bearer token on them. */
export const isApiKeyRoute = (routeKey: string): boolean => accessFor(routeKey)?.kind === 'api-key';

/** Whether a caller of `role` (and `agency`) may call `routeKey`; an unknown route is a denial. */
export const isAllowed = (routeKey: string, role: Role, agency?: Agency): boolean => allows(accessFor(routeKey), role, agency);
