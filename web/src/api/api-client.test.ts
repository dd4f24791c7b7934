import { describe, expect, it, vi } from 'vitest';
import { createApiClient, idempotent, ok } from './api-client';
import { ApiError } from './api-error';

const json = (status: number, body: unknown): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

/** A client whose `fetch` records each request and answers with `answer`. */
function clientAnswering(answer: (request: Request) => Response | Promise<Response>) {
  const requests: Request[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(input, init);
    requests.push(request);
    return answer(request);
  });
  const onUnauthorized = vi.fn();
  const getToken = vi.fn(async () => 'token-1');
  const client = createApiClient({ baseUrl: 'http://api.test', getToken, onUnauthorized, fetch: fetch as typeof globalThis.fetch });
  return { client, requests, onUnauthorized, getToken };
}

const complaintId = 'c-1';

describe('the API client', () => {
  it('sends the bearer token on authenticated calls and answers their data', async () => {
    const { client, requests } = clientAnswering(() => json(200, { items: [], nextCursor: undefined }));
    const page = await ok(client.GET('/api/v1/complaints', { params: { query: { limit: 20, status: undefined } } }));
    expect(page).toEqual({ items: [] });
    expect(requests[0]?.headers.get('Authorization')).toBe('Bearer token-1');
    expect(requests[0]?.url).toBe('http://api.test/api/v1/complaints?limit=20');
  });

  it('calls public routes anonymously: no token asked for, none sent', async () => {
    const { client, requests, getToken } = clientAnswering(() => json(200, { token: 't', expiresAt: '2026-01-01T00:00:00Z', user: {} }));
    await ok(client.POST('/api/v1/auth/login', { body: { username: 'admin', password: 'secret' } }));
    expect(requests[0]?.headers.get('Authorization')).toBeNull();
    expect(getToken).not.toHaveBeenCalled();
  });

  it("passes the caller's Idempotency-Key through unchanged, and sends none without one", async () => {
    const { client, requests } = clientAnswering(() => json(200, { id: complaintId }));
    await ok(client.POST('/api/v1/complaints/{complaintId}/needs-verification', { params: { path: { complaintId } }, body: {}, headers: idempotent('key-42') }));
    await ok(client.POST('/api/v1/complaints/{complaintId}/needs-verification', { params: { path: { complaintId } }, body: {}, headers: idempotent(undefined) }));
    expect(requests[0]?.headers.get('Idempotency-Key')).toBe('key-42');
    expect(requests[1]?.headers.has('Idempotency-Key')).toBe(false);
  });

  it('turns an error answer into an ApiError with its field issues and rule', async () => {
    const { client, onUnauthorized } = clientAnswering(() =>
      json(400, { error: { code: 'VALIDATION', message: 'invalid', details: [{ field: 'enterpriseUscc', message: 'bad check character', rule: 'UW-2' }] } }),
    );
    const failure = await ok(client.GET('/api/v1/complaints', { params: { query: {} } })).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiError);
    const error = failure as ApiError;
    expect(error.status).toBe(400);
    expect(error.code).toBe('VALIDATION');
    expect(error.fieldIssues).toEqual([{ field: 'enterpriseUscc', message: 'bad check character', rule: 'UW-2' }]);
    expect(error.rule).toBe('UW-2');
    expect(onUnauthorized).not.toHaveBeenCalled();
  });

  it('turns no answer at all into an ApiError with status 0', async () => {
    const { client } = clientAnswering(() => Promise.reject(new TypeError('Failed to fetch')));
    const error = (await ok(client.GET('/api/v1/complaints', { params: { query: {} } })).catch((failure: unknown) => failure)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(0);
    expect(error.code).toBe('NETWORK');
  });

  it('signs out on a 401 from an authenticated call only, not from the sign-in itself', async () => {
    const unauthorized = () => json(401, { error: { code: 'UNAUTHORIZED', message: 'expired' } });
    const authenticated = clientAnswering(unauthorized);
    await expect(ok(authenticated.client.GET('/api/v1/complaints', { params: { query: {} } }))).rejects.toMatchObject({ status: 401 });
    expect(authenticated.onUnauthorized).toHaveBeenCalledTimes(1);

    const signIn = clientAnswering(unauthorized);
    await expect(ok(signIn.client.POST('/api/v1/auth/login', { body: { username: 'admin', password: 'wrong' } }))).rejects.toMatchObject({ status: 401 });
    expect(signIn.onUnauthorized).not.toHaveBeenCalled();
  });
});
