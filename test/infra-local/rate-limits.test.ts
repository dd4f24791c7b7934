import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalRateLimiter, organisationOf, SlidingWindows, TokenBuckets } from '../../infra/local/rate-limiter.js';
import { RATE_LIMITS, rateLimitsFromEnv } from '../../infra/rate-limits.js';
import { startTestPlatform, type TestPlatform } from '../support/test-platform.js';

interface ErrorEnvelope {
  readonly error: { readonly code: string; readonly message: string };
}

describe('the local rate limiter mirrors AWS (issue 12 #7)', () => {
  it('a token bucket admits the burst, then the rate, and says how long to wait', () => {
    let now = 0;
    const buckets = new TokenBuckets({ rateLimit: 2, burstLimit: 4 }, () => now);
    expect([1, 2, 3, 4].map(() => buckets.take('t1'))).toEqual([0, 0, 0, 0]);
    expect(buckets.take('t1')).toBe(1);
    expect(buckets.take('t2')).toBe(0);
    now += 500;
    expect(buckets.take('t1')).toBe(0);
    expect(buckets.take('t1')).toBeGreaterThanOrEqual(1);
  });

  it('a sliding window refuses past its limit until the window has moved on, counting refused requests as WAF does', () => {
    let now = 1_000_000 * 60_000;
    const windows = new SlidingWindows({ limit: 3, windowSeconds: 60 }, () => now);
    expect([1, 2, 3].map(() => windows.hit('10.0.0.1'))).toEqual([0, 0, 0]);
    expect(windows.hit('10.0.0.1')).toBe(60);
    expect(windows.hit('10.0.0.2')).toBe(0);
    now += 30_000;
    expect(windows.hit('10.0.0.1')).toBe(30);
    now += 60_000; // the previous window (4 hits) overlaps by half: 2 < 3
    expect(windows.hit('10.0.0.1')).toBe(0);
    now += 120_000;
    expect([1, 2, 3].map(() => windows.hit('10.0.0.1'))).toEqual([0, 0, 0]);
  });

  it('budgets a signed-in request to its organisation: tenant, regulator agency and county, enterprise, else the user', () => {
    expect(organisationOf({ sub: 'u1', 'custom:tenantId': 'picc' })).toBe('tenant:picc');
    expect(organisationOf({ sub: 'u2', 'custom:agency': 'EMB_COUNTY', 'custom:county': '140902' })).toBe('regulator:EMB_COUNTY:140902');
    expect(organisationOf({ sub: 'u3', 'custom:uscc': '91140900MA0K000001' })).toBe('enterprise:91140900MA0K000001');
    expect(organisationOf({ sub: 'u4', 'custom:userId': 'op1' })).toBe('user:op1');
  });

  it('two tenants have separate budgets', () => {
    const limiter = new LocalRateLimiter({ ...RATE_LIMITS, perTenant: { rateLimit: 1, burstLimit: 1 } }, () => 0);
    expect(limiter.checkCaller({ 'custom:tenantId': 'a' })).toBeUndefined();
    expect(limiter.checkCaller({ 'custom:tenantId': 'a' })).toMatchObject({ retryAfterSeconds: 1 });
    expect(limiter.checkCaller({ 'custom:tenantId': 'b' })).toBeUndefined();
  });

  it('ANZE_RATE_LIMIT_SCALE multiplies every limit, keeps the windows, and refuses nonsense', () => {
    expect(rateLimitsFromEnv({})).toEqual(RATE_LIMITS);
    const scaled = rateLimitsFromEnv({ ANZE_RATE_LIMIT_SCALE: '10' });
    expect(scaled.perTenant).toEqual({ rateLimit: RATE_LIMITS.perTenant.rateLimit * 10, burstLimit: RATE_LIMITS.perTenant.burstLimit * 10 });
    expect(scaled.signInPerSource).toEqual({ limit: RATE_LIMITS.signInPerSource.limit * 10, windowSeconds: RATE_LIMITS.signInPerSource.windowSeconds });
    expect(() => rateLimitsFromEnv({ ANZE_RATE_LIMIT_SCALE: 'lots' })).toThrow(/ANZE_RATE_LIMIT_SCALE/);
    expect(() => rateLimitsFromEnv({ ANZE_RATE_LIMIT_SCALE: '0' })).toThrow(/ANZE_RATE_LIMIT_SCALE/);
  });
});

/** Runs `count` calls with at most `concurrency` in flight. */
async function pooled<T>(count: number, concurrency: number, call: (index: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array<T>(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const index = next++;
        results[index] = await call(index);
      }
    }),
  );
  return results;
}

describe('issue 12 #7: the local gateway applies the default rate limits (infra/rate-limits.ts)', () => {
  let test: TestPlatform;
  let operatorToken = '';
  beforeAll(async () => {
    test = await startTestPlatform({ rateLimits: RATE_LIMITS });
    // Signed in before the spray below spends this address's sign-in budget.
    operatorToken = (await test.operator()).token ?? '';
  });
  afterAll(async () => {
    await test?.stop();
  });

  it('300 sign-ins with different user names from one address: at most the per-address limit are evaluated, the rest get 429 with Retry-After', async () => {
    const answers = await pooled(300, 10, async (index) => {
      const response = await fetch(`${test.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: `sprayed-${index}`, password: 'Spring-2026!' }),
      });
      return { status: response.status, retryAfter: response.headers.get('retry-after'), body: (await response.json()) as ErrorEnvelope };
    });
    const evaluated = answers.filter((answer) => answer.status === 401);
    const throttled = answers.filter((answer) => answer.status === 429);
    expect(evaluated.length + throttled.length).toBe(300);
    expect(evaluated.length).toBeLessThanOrEqual(RATE_LIMITS.signInPerSource.limit);
    expect(throttled.length).toBeGreaterThanOrEqual(300 - RATE_LIMITS.signInPerSource.limit);
    const bySource = throttled.filter((answer) => /sign-in attempts from this address/.test(answer.body.error.message));
    expect(bySource.length).toBeGreaterThan(0);
    for (const answer of throttled) {
      expect(answer.body.error.code).toBe('RATE_LIMITED');
      expect(Number(answer.retryAfter)).toBeGreaterThanOrEqual(1);
    }
  }, 120_000);

  it('1,000 reads by one organisation as fast as it can: past its burst they get 429 with Retry-After', async () => {
    const answers = await pooled(1000, 50, async () => {
      // One GetItem behind it: the route's own cost must not pace the client below the bucket's refill (a list
      // with its total did, on a loaded CI machine, and no request was ever throttled).
      const response = await fetch(`${test.url}/api/v1/me/notification-preferences`, { headers: { authorization: `Bearer ${operatorToken}` } });
      return { status: response.status, retryAfter: response.headers.get('retry-after'), body: (await response.json()) as ErrorEnvelope };
    });
    const throttled = answers.filter((answer) => answer.status === 429);
    expect(answers.filter((answer) => answer.status !== 200 && answer.status !== 429)).toEqual([]);
    expect(throttled.length).toBeGreaterThan(0);
    expect(throttled.some((answer) => /your organisation/.test(answer.body.error.message))).toBe(true);
    for (const answer of throttled) {
      expect(answer.body.error.code).toBe('RATE_LIMITED');
      expect(Number(answer.retryAfter)).toBeGreaterThanOrEqual(1);
    }
    // Health (public, no organisation) still answers for others meanwhile.
    expect((await test.anonymous.get('/health')).status).toBe(200);
  }, 60_000);
});
