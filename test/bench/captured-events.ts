import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { BOUNDED_CONTEXTS } from '../../functions/http/contexts.js';
import type { LambdaHandler, LocalGateway } from '../../infra/local/gateway.js';
import { ApiClient } from '../support/api-client.js';
import { callsPerRequest, resetCalls, type CallsPerRequest } from './dynamodb-calls.js';

/** One API Gateway event as the local gateway handed it to a function, and what the function answered. */
export interface CapturedEvent {
  /** The bounded context (= Lambda function) that served it. */
  readonly context: string;
  readonly routeKey: string;
  readonly event: APIGatewayProxyEventV2WithJWTAuthorizer;
  readonly statusCode: number;
  /** The handlers' DynamoDB calls for this one request. */
  readonly calls: CallsPerRequest;
}

/**
 * Sees every event the gateway hands to a handler, and lets the bench call the very handler in-process (issue 20:
 * the warm path without the gateway's hop; the cold start's first request, replayed in a fresh process).
 * The gateway's handler table is private; the bench wraps its entries in place, which changes nothing they do.
 */
interface Taken {
  readonly context: string;
  readonly event: APIGatewayProxyEventV2WithJWTAuthorizer;
  result?: APIGatewayProxyStructuredResultV2;
}

export class EventTap {
  private last: Taken | undefined;
  readonly handlers: ReadonlyMap<string, LambdaHandler>;

  constructor(gateway: LocalGateway) {
    const table = (gateway as unknown as { handlers: Map<string, LambdaHandler> }).handlers;
    this.handlers = new Map(table);
    for (const [context, handler] of this.handlers) {
      table.set(context, async (event, lambdaContext) => {
        const taken: Taken = { context, event: structuredClone(event) };
        this.last = taken;
        taken.result = await handler(event, lambdaContext);
        return taken.result;
      });
    }
  }

  /** Sends one request through the gateway and returns the event its function got. */
  async capture(send: () => Promise<unknown>): Promise<CapturedEvent | undefined> {
    this.last = undefined;
    resetCalls();
    await send();
    const calls = callsPerRequest(1);
    const taken = this.last as Taken | undefined;
    if (!taken?.result) return undefined;
    return { context: taken.context, routeKey: taken.event.routeKey, event: taken.event, statusCode: taken.result.statusCode ?? 200, calls };
  }
}

/**
 * For each HTTP function, one request it answers 200 with at least one DynamoDB call, found by trying its GET
 * routes without path parameters as each signed-in client in turn (first success wins); `preferred` events
 * (e.g. a get by id) come first. A function with no such route on the bench's data has no entry.
 */
export async function discoverEvents(
  tap: EventTap,
  clients: readonly ApiClient[],
  preferred: readonly CapturedEvent[],
): Promise<Map<string, CapturedEvent>> {
  const found = new Map<string, CapturedEvent>(preferred.map((captured) => [captured.context, captured]));
  for (const context of BOUNDED_CONTEXTS) {
    if (found.has(context.name)) continue;
    const candidates = context.routes.filter((route) => route.method === 'GET' && !route.path.includes('{'));
    search: for (const route of candidates) {
      for (const client of clients) {
        const path = route.path.replace(/^\/api\/v1/, '');
        const captured = await tap.capture(() => client.get(path));
        if (captured && captured.statusCode === 200 && Object.keys(captured.calls).length > 0) {
          found.set(context.name, captured);
          break search;
        }
      }
    }
  }
  return found;
}
