import type { RateLimits, TokenBucketLimit, WindowLimit } from '../rate-limits.js';

/** Why a request was refused, and when the caller may try again (whole seconds, at least 1). */
export interface Throttled {
  readonly retryAfterSeconds: number;
  readonly message: string;
}

/**
 * API Gateway's throttle: a bucket of `burstLimit` tokens refilled at `rateLimit` per second, one per request.
 *
 * @example new TokenBuckets({ rateLimit: 1, burstLimit: 2 }, clock).take('t1') // 0 (admitted) or the seconds to wait
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly limit: TokenBucketLimit,
    private readonly now: () => number,
  ) {}

  /** 0 if admitted, else the seconds until a token is back. */
  take(key: string): number {
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: this.limit.burstLimit, at: now };
    bucket.tokens = Math.min(this.limit.burstLimit, bucket.tokens + ((now - bucket.at) / 1000) * this.limit.rateLimit);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (this.buckets.size > MAX_KEYS) this.forgetFull(now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / this.limit.rateLimit));
  }

  private forgetFull(now: number): void {
    const refill = (this.limit.burstLimit / this.limit.rateLimit) * 1000;
    for (const [key, bucket] of this.buckets) if (now - bucket.at >= refill) this.buckets.delete(key);
  }
}

/**
 * A WAF rate-based rule: at most `limit` requests per key in any trailing window of `windowSeconds`, counted as
 * the current fixed window plus the previous one weighted by how much of it still overlaps (the usual sliding
 * window estimate, memory O(keys)). Refused requests count too, as WAF counts every request it sees.
 */
export class SlidingWindows {
  private readonly windows = new Map<string, { start: number; current: number; previous: number }>();
  private readonly windowMs: number;

  constructor(
    private readonly limit: WindowLimit,
    private readonly now: () => number,
  ) {
    this.windowMs = limit.windowSeconds * 1000;
  }

  /** 0 if admitted, else the seconds until the estimate drops under the limit again. */
  hit(key: string): number {
    const now = this.now();
    const start = now - (now % this.windowMs);
    let window = this.windows.get(key);
    if (!window || start - window.start >= 2 * this.windowMs) window = { start, current: 0, previous: 0 };
    else if (start !== window.start) window = { start, current: 0, previous: window.current };
    this.windows.set(key, window);
    if (this.windows.size > MAX_KEYS) this.forgetOld(start);
    const overlap = 1 - (now - start) / this.windowMs;
    const estimate = window.current + window.previous * overlap;
    window.current += 1;
    if (estimate < this.limit.limit) return 0;
    return Math.max(1, Math.ceil((start + this.windowMs - now) / 1000));
  }

  private forgetOld(start: number): void {
    for (const [key, window] of this.windows) if (start - window.start >= 2 * this.windowMs) this.windows.delete(key);
  }
}

/** Past this many keys, entries that no longer limit anyone are dropped (a spray from many addresses stays bounded). */
const MAX_KEYS = 10_000;

/**
 * The local twin of the API's rate limits (issue 12 #7), in the order AWS applies them: WAF on the source
 * address (every request, then sign-ins), API Gateway's stage and public-route throttles, and once the token is
 * verified the caller's organisation.
 */
export class LocalRateLimiter {
  private readonly perSource: SlidingWindows;
  private readonly signInPerSource: SlidingWindows;
  private readonly stage: TokenBuckets;
  private readonly publicRoutes: TokenBuckets;
  private readonly perTenant: TokenBuckets;

  constructor(
    readonly limits: RateLimits,
    now: () => number = Date.now,
  ) {
    this.perSource = new SlidingWindows(limits.perSource, now);
    this.signInPerSource = new SlidingWindows(limits.signInPerSource, now);
    this.stage = new TokenBuckets(limits.stage, now);
    this.publicRoutes = new TokenBuckets(limits.publicRoute, now);
    this.perTenant = new TokenBuckets(limits.perTenant, now);
  }

  /** WAF's rules: every API request of a source address, and its sign-in attempts whatever the name. */
  checkSource(sourceIp: string, isSignIn: boolean): Throttled | undefined {
    const wait = this.perSource.hit(sourceIp);
    if (wait > 0) return { retryAfterSeconds: wait, message: `too many requests from this address (over ${describe(this.limits.perSource)})` };
    if (!isSignIn) return undefined;
    const signInWait = this.signInPerSource.hit(sourceIp);
    if (signInWait > 0) {
      return { retryAfterSeconds: signInWait, message: `too many sign-in attempts from this address (over ${describe(this.limits.signInPerSource)})` };
    }
    return undefined;
  }

  /** API Gateway's throttles: the whole stage, and each public route on its own. */
  checkRoute(routeKey: string, isPublic: boolean): Throttled | undefined {
    const wait = this.stage.take('stage');
    if (wait > 0) return { retryAfterSeconds: wait, message: 'the API is receiving too many requests' };
    if (!isPublic) return undefined;
    const routeWait = this.publicRoutes.take(routeKey);
    if (routeWait > 0) return { retryAfterSeconds: routeWait, message: `too many requests to ${routeKey}` };
    return undefined;
  }

  /** The caller's organisation, from the verified token's claims. */
  checkCaller(claims: Readonly<Record<string, unknown>>): Throttled | undefined {
    const wait = this.perTenant.take(organisationOf(claims));
    if (wait > 0) return { retryAfterSeconds: wait, message: `too many requests from your organisation (over ${this.limits.perTenant.rateLimit} per second)` };
    return undefined;
  }
}

/** Whose budget a signed-in request spends: the insurer tenant, the regulator agency (and county), the enterprise, or the user. */
export function organisationOf(claims: Readonly<Record<string, unknown>>): string {
  const claim = (name: string) => (typeof claims[name] === 'string' && claims[name] !== '' ? (claims[name] as string) : undefined);
  const tenantId = claim('custom:tenantId');
  if (tenantId) return `tenant:${tenantId}`;
  const agency = claim('custom:agency');
  if (agency) return `regulator:${agency}:${claim('custom:county') ?? ''}`;
  const uscc = claim('custom:uscc');
  if (uscc) return `enterprise:${uscc}`;
  return `user:${claim('custom:userId') ?? claim('sub') ?? ''}`;
}

function describe(limit: WindowLimit): string {
  return `${limit.limit} per ${limit.windowSeconds / 60} minutes`;
}
