import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import {
  Conflict,
  DomainError,
  Forbidden,
  NotFound,
  RuleViolation,
  StaleVersion,
  Unauthorized,
  ValidationFailed,
} from '../../domain/kernel/errors.js';
import { ImportRejected } from '../../domain/register/import-rejected.js';
import { dependencyOutageOf } from './dependency-outage.js';

export interface ErrorBody {
  readonly error: {
    readonly code: string;
    readonly message: string;
    readonly rule?: string;
    /** `row` only in an import's report (IMPORT_REJECTED): the file's row, the header being row 1. */
    readonly details?: readonly { row?: number; field?: string; message: string; rule?: string }[];
  };
}

/** Raised by the stack itself (rate limits, idempotency); kept apart from the domain's closed set. */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The one mapping from errors to HTTP (ARCHITECTURE.md §5): `{"error":{code,message,details}}`, with the
 * rule id where a rule was broken; never a stack trace. A dependency that cannot answer for now (DynamoDB
 * unreachable, timing out or throttling, once the SDK's retries are spent) is 503 with `Retry-After`; any
 * other unknown error is 500 and is logged by the caller.
 */
export function toErrorResponse(
  error: unknown,
  requestId: string,
): { status: number; body: ErrorBody; known: boolean; headers?: Readonly<Record<string, string>> } {
  const shape = (status: number, body: ErrorBody['error']) => ({ status, body: { error: body }, known: true });
  if (error instanceof ValidationFailed) {
    const rule = error.details.find((detail) => detail.rule)?.rule;
    return shape(400, { code: error.code, message: summarise(error), ...(rule ? { rule } : {}), details: error.details });
  }
  if (error instanceof RuleViolation) {
    return shape(error.status, {
      code: error.code,
      message: error.message,
      rule: error.ruleId,
      details: error.findings ?? [{ field: error.field, message: error.message, rule: error.ruleId }],
    });
  }
  if (error instanceof ImportRejected) {
    // Every problem of every row at once, so the regulator fixes the file in one pass (REG-1).
    const rule = error.details[0]?.rule;
    return shape(error.status, { code: error.code, message: error.message, ...(rule ? { rule } : {}), details: error.details });
  }
  if (error instanceof NotFound) return shape(404, { code: error.code, message: error.message });
  if (error instanceof Conflict) return shape(409, { code: error.code, message: error.message, rule: error.ruleId });
  if (error instanceof StaleVersion) return shape(412, { code: error.code, message: error.message });
  if (error instanceof Forbidden) return shape(403, { code: error.code, message: error.message });
  if (error instanceof Unauthorized) return shape(401, { code: error.code, message: error.message });
  if (error instanceof DomainError) return shape(400, { code: error.code, message: error.message });
  if (error instanceof HttpProblem) return shape(error.status, { code: error.code, message: error.message });
  if (isHandlerTimeout(error)) {
    // The function's own time ran out — under load, one slow dependency call after another. What it committed
    // stays committed, each write in its own transaction with its event; a retry (the same Idempotency-Key for a
    // POST) finds it done. A busy platform, not a bug: 503 with Retry-After, not 500.
    return {
      ...shape(503, {
        code: 'TIMEOUT',
        message: `the request took longer than the platform allows; retry in ${HANDLER_TIMEOUT_RETRY_AFTER} s, with the same Idempotency-Key for a POST (request ${requestId})`,
      }),
      headers: { 'retry-after': String(HANDLER_TIMEOUT_RETRY_AFTER) },
    };
  }
  const outage = dependencyOutageOf(error);
  if (outage) {
    const retryAfter = String(outage.retryAfterSeconds);
    return {
      ...shape(503, {
        code: 'DEPENDENCY_UNAVAILABLE',
        message: `a service this request needs is ${outage.reason === 'throttled' ? 'busy' : 'unavailable'} for the moment; retry in ${retryAfter} s, with the same Idempotency-Key for a POST (request ${requestId})`,
      }),
      headers: { 'retry-after': retryAfter },
    };
  }
  return { status: 500, body: { error: { code: 'INTERNAL', message: `internal error (request ${requestId})` } }, known: false };
}

const HANDLER_TIMEOUT_RETRY_AFTER = 10;

/** Middy's early timeout (@middy/core throws a TimeoutError whose cause names the package). */
function isHandlerTimeout(error: unknown): boolean {
  if (!(error instanceof Error) || error.name !== 'TimeoutError') return false;
  const cause = (error as Error & { cause?: unknown }).cause;
  return typeof cause === 'object' && cause !== null && (cause as { package?: unknown }).package === '@middy/core';
}

function summarise(error: ValidationFailed): string {
  const first = error.details[0];
  const more = error.details.length > 1 ? ` (and ${error.details.length - 1} more)` : '';
  return first ? `${first.field}: ${first.message}${more}` : 'invalid request';
}

export const jsonResponse = (
  status: number,
  body: unknown,
  headers: Readonly<Record<string, string>> = {},
): APIGatewayProxyStructuredResultV2 => ({
  statusCode: status,
  headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
  body: body === undefined ? '' : JSON.stringify(body),
});
