/**
 * Every request rate limit of anze, in one place (issue 12 #7). The CDK app turns them into the HTTP API stage's
 * throttles (`infra/constructs/anze-http-api.ts`) and AWS WAF rate-based rules (`infra/constructs/rate-limit-web-acl.ts`);
 * the local gateway enforces the very same numbers (`infra/local/rate-limiter.ts`), so a flood or a password spray
 * meets 429 on a laptop exactly where it would on AWS.
 *
 * Two kinds of limit, as AWS has them:
 * - token buckets (API Gateway throttling): `rateLimit` requests per second on average, `burstLimit` at once;
 * - windows (WAF rate-based rules): at most `limit` requests per `windowSeconds` from one key, blocked while over.
 */
export interface TokenBucketLimit {
  readonly rateLimit: number;
  readonly burstLimit: number;
}

/** WAF evaluates rate-based rules over 1, 2, 5 or 10 minutes. */
export type WafWindowSeconds = 60 | 120 | 300 | 600;

export interface WindowLimit {
  readonly limit: number;
  readonly windowSeconds: WafWindowSeconds;
}

export interface RateLimits {
  /** The HTTP API stage, all callers together (API Gateway stage throttle). */
  readonly stage: TokenBucketLimit;
  /** Each public route (health, the contract documents, sign-in), all callers together (route throttle). */
  readonly publicRoute: TokenBucketLimit;
  /**
   * One organisation's signed-in callers together: an insurer tenant, a regulator agency, an enterprise, the
   * operator. Locally a bucket per organisation; on AWS a WAF rule per bearer token (WAF cannot read the tenant
   * claim inside the token), `rateLimit` × window.
   */
  readonly perTenant: TokenBucketLimit;
  /** One source address, every API request (WAF rate-based rule on the source IP). */
  readonly perSource: WindowLimit;
  /**
   * One source address, sign-in attempts whatever the user name (WAF rule scoped down to the sign-in path):
   * password spraying across many names from one address. Per name, the lockout of five failures applies as well.
   */
  readonly signInPerSource: WindowLimit;
}

export const RATE_LIMITS: RateLimits = {
  stage: { rateLimit: 200, burstLimit: 400 },
  publicRoute: { rateLimit: 10, burstLimit: 20 },
  perTenant: { rateLimit: 50, burstLimit: 100 },
  perSource: { limit: 3000, windowSeconds: 300 },
  signInPerSource: { limit: 60, windowSeconds: 300 },
};

/** The sign-in route's path (POST), which the sign-in rules watch. */
export const SIGN_IN_PATH = '/api/v1/auth/login';

/**
 * The limits the local runtime applies: {@link RATE_LIMITS}, every number multiplied by `ANZE_RATE_LIMIT_SCALE`
 * (default 1). The test suite and the benchmarks send thousands of requests from one address on purpose and run
 * with a large scale; `npm start` runs with the production numbers.
 *
 * @example rateLimitsFromEnv({ ANZE_RATE_LIMIT_SCALE: '1000' }).perTenant // { rateLimit: 50000, burstLimit: 100000 }
 */
export function rateLimitsFromEnv(env: NodeJS.ProcessEnv = process.env): RateLimits {
  const raw = env.ANZE_RATE_LIMIT_SCALE;
  if (raw === undefined || raw === '') return RATE_LIMITS;
  const scale = Number(raw);
  if (!Number.isFinite(scale) || scale < 1) throw new Error(`ANZE_RATE_LIMIT_SCALE must be a number ≥ 1: got ${JSON.stringify(raw)}`);
  return scaleRateLimits(RATE_LIMITS, scale);
}

export function scaleRateLimits(limits: RateLimits, scale: number): RateLimits {
  const bucket = (limit: TokenBucketLimit) => ({ rateLimit: limit.rateLimit * scale, burstLimit: limit.burstLimit * scale });
  const window = (limit: WindowLimit) => ({ limit: limit.limit * scale, windowSeconds: limit.windowSeconds });
  return {
    stage: bucket(limits.stage),
    publicRoute: bucket(limits.publicRoute),
    perTenant: bucket(limits.perTenant),
    perSource: window(limits.perSource),
    signInPerSource: window(limits.signInPerSource),
  };
}
