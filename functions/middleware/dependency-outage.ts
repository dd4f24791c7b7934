/**
 * Recognises, precisely, the errors by which the AWS SDK says a dependency (DynamoDB, Cognito, S3, STS) could not
 * answer for now — after its own retries were spent — so that the caller gets 503 with `Retry-After` instead of
 * a 500 (issue 12 #5). Only errors the SDK raised count (they carry `$metadata`): anything else, and every SDK
 * error that is our fault (a missing table, an invalid request, a condition an adapter did not expect), stays
 * a 500 that is logged as a bug.
 *
 * @example dependencyOutageOf(error)?.retryAfterSeconds // 5 while DynamoDB is unreachable, 1 when throttled
 */
export interface DependencyOutage {
  readonly reason: 'unreachable' | 'timeout' | 'throttled' | 'failing';
  readonly retryAfterSeconds: number;
}

/** Node's codes for a connection that could not be made or was lost (the SDK's transient network errors). */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ECONNABORTED', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
/** The SDK's own timeouts (connection and socket timeouts of its HTTP handler, service-side request timeouts). */
const TIMEOUT_NAMES = new Set(['TimeoutError', 'RequestTimeout', 'RequestTimeoutException']);
/** Throttling as DynamoDB and the other services name it (as @smithy/service-error-classification lists it). */
const THROTTLING_NAMES = new Set([
  'ThrottlingException',
  'Throttling',
  'ThrottledException',
  'RequestThrottledException',
  'RequestThrottled',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'TooManyRequestsException',
  'LimitExceededException',
  'SlowDown',
  'BandwidthLimitExceeded',
  'PriorRequestNotComplete',
]);
const SERVER_STATUS = new Set([500, 502, 503, 504]);

const UNREACHABLE_RETRY_AFTER = 5;
const THROTTLED_RETRY_AFTER = 1;

interface SdkErrorShape {
  readonly name?: unknown;
  readonly code?: unknown;
  readonly $fault?: unknown;
  readonly $metadata?: { readonly httpStatusCode?: number };
  readonly $retryable?: { readonly throttling?: boolean };
  readonly CancellationReasons?: readonly { readonly Code?: string }[];
  readonly cause?: unknown;
  readonly errors?: unknown;
}

export function dependencyOutageOf(error: unknown, depth = 0): DependencyOutage | undefined {
  if (typeof error !== 'object' || error === null || depth > 5) return undefined;
  const shape = error as SdkErrorShape;
  if (typeof shape.$metadata === 'object' && shape.$metadata !== null) {
    const outage = classify(shape);
    if (outage) return outage;
  }
  // Libraries wrap what the SDK threw (Powertools idempotency: `cause`; several attempts: AggregateError).
  if (Array.isArray(shape.errors) && shape.errors.length > 0) {
    const outages = shape.errors.map((inner) => dependencyOutageOf(inner, depth + 1));
    if (outages.every(Boolean)) return outages[0];
  }
  return shape.cause === undefined ? undefined : dependencyOutageOf(shape.cause, depth + 1);
}

function classify(error: SdkErrorShape): DependencyOutage | undefined {
  const name = typeof error.name === 'string' ? error.name : '';
  const status = error.$metadata?.httpStatusCode;
  if (typeof error.code === 'string' && NETWORK_CODES.has(error.code)) return { reason: 'unreachable', retryAfterSeconds: UNREACHABLE_RETRY_AFTER };
  if (TIMEOUT_NAMES.has(name)) return { reason: 'timeout', retryAfterSeconds: UNREACHABLE_RETRY_AFTER };
  if (THROTTLING_NAMES.has(name) || status === 429 || error.$retryable?.throttling === true) {
    return { reason: 'throttled', retryAfterSeconds: THROTTLED_RETRY_AFTER };
  }
  // A transaction DynamoDB cancelled because an item was throttled, not because a condition failed.
  if (name === 'TransactionCanceledException' && error.CancellationReasons?.some((reason) => reason.Code === 'ThrottlingError')) {
    return { reason: 'throttled', retryAfterSeconds: THROTTLED_RETRY_AFTER };
  }
  if (error.$fault === 'server' && status !== undefined && SERVER_STATUS.has(status)) return { reason: 'failing', retryAfterSeconds: UNREACHABLE_RETRY_AFTER };
  return undefined;
}
