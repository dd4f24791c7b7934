import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { metrics } from '../../middleware/observability.js';
import { callerOf, routeKeyOf, type RouteSpec } from '../../middleware/route.js';
import { noticesRoot } from './notices-composition-root.js';

/** Query parameters that say nothing about what was read. */
const PAGING = new Set(['cursor', 'limit']);

/**
 * Issue 14 (access log): a supervision read of one insurer's data (`/regulator/insurers/{tenantId}/…`), once
 * answered, is recorded in that insurer's log — who, which agency, the route, the item and the filters, when.
 * One PutItem after the read (a failed or refused read reads nothing and records nothing); its duration goes to
 * the `AccessLogWriteMs` metric. If the entry cannot be written the read fails: an unrecorded read is what the
 * log exists to rule out.
 */
export function accessRecorded(route: RouteSpec): RouteSpec {
  const routeKey = routeKeyOf(route);
  return {
    ...route,
    async handle(input) {
      const result = await route.handle(input);
      const regulator = callerOf(input, 'regulator');
      const { tenantId, ...item } = input.params as Record<string, string | undefined>;
      if (!tenantId) return result;
      const query = new URLSearchParams(
        Object.entries((input.query ?? {}) as Record<string, unknown>)
          .filter(([name, value]) => !PAGING.has(name) && value !== undefined)
          .map(([name, value]): [string, string] => [name, String(value)]),
      ).toString();
      const itemId = Object.values(item).find((value) => value !== undefined);
      const { accessLog, clock, newId } = noticesRoot();
      const now = clock.now();
      const started = Date.now();
      await accessLog.record({
        id: newId(now),
        tenantId,
        at: now.toISOString(),
        reader: {
          userId: regulator.userId,
          username: regulator.username,
          agency: regulator.agency,
          ...(regulator.county === undefined ? {} : { county: regulator.county }),
        },
        route: routeKey,
        ...(itemId === undefined ? {} : { itemId }),
        ...(query === '' ? {} : { query }),
      });
      metrics.addMetric('AccessLogWriteMs', MetricUnit.Milliseconds, Date.now() - started);
      return result;
    },
  };
}
