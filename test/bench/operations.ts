import { ApiClient, type ApiResponse } from '../support/api-client.js';
import { tenantBody, unique } from '../support/fixtures.js';
import type { CallsPerRequest } from './dynamodb-calls.js';
import { signInWithTotp } from '../support/totp-sign-in.js';

/** One benchmarked API operation: a real HTTP request through the local gateway. */
export interface Operation {
  readonly name: string;
  /** The DynamoDB calls the design allows per request (ARCHITECTURE.md §2: one transaction per write, one read per get). */
  readonly expectedCalls: CallsPerRequest;
  /** Password work the request does on purpose (scrypt, N=2^15), reported apart from the request path. */
  readonly scrypt?: 'hash' | 'verify';
  readonly note?: string;
  /** Sends the request once; throws unless it answers its success status. `iteration` makes bodies unique. */
  request(iteration: number): Promise<void>;
}

export interface Scenario {
  readonly operations: readonly Operation[];
  /** The password the bench's users sign in with, for timing `verifyPassword` alone. */
  readonly password: string;
  /** A signed-in administrator's bearer token, for timing the gateway's token check alone. */
  readonly token: string;
  /** Issue 20: the signed-in clients (the insurer's administrator, the operator) and the onboarded tenant. */
  readonly admin: ApiClient;
  readonly operator: ApiClient;
  readonly tenantId: string;
}

const STAFF_PASSWORD = 'Bench-pass-2026';

function expectStatus<T>(response: ApiResponse<T>, status: number, what: string): ApiResponse<T> {
  if (response.status !== status) {
    throw new Error(`${what} answered ${response.status}, expected ${status}: ${JSON.stringify(response.body).slice(0, 300)}`);
  }
  return response;
}

async function signIn(anonymous: ApiClient, username: string, password: string): Promise<ApiClient> {
  const response = expectStatus(await signInWithTotp(anonymous.baseUrl, username, password), 200, `sign-in of ${username}`);
  return anonymous.withToken(response.body.accessToken as string);
}

const newStaff = () => ({
  username: unique('bench-'),
  password: STAFF_PASSWORD,
  role: 'insurer-staff',
  displayName: '基准测试员',
});

/**
 * The operations of the latency section, on data made here: the operator onboards one insurer, whose
 * administrator signs in and adds one staff user that the user reads and the PATCH work on.
 */
export async function benchScenario(baseUrl: string, operatorPassword: string): Promise<Scenario> {
  const anonymous = new ApiClient(baseUrl);
  const operator = await signIn(anonymous, 'operator', operatorPassword);
  const onboarding = tenantBody('Bench');
  const tenant = expectStatus(await operator.post<{ id: string }>('/platform/tenants', onboarding), 201, 'onboarding').body;
  const admin = await signIn(anonymous, onboarding.admin.username, onboarding.admin.password);
  const staff = expectStatus(await admin.post<{ id: string }>('/users', newStaff()), 201, 'adding a user').body;

  const one = { GetItem: 1 };
  const write = { TransactWriteItems: 1 };
  const operations: Operation[] = [
    {
      name: 'GET /health',
      expectedCalls: {},
      note: 'no table access by design: the floor of the HTTP + gateway + Middy path',
      request: async () => void expectStatus(await anonymous.get('/health'), 200, 'health'),
    },
    {
      name: 'POST /auth/login',
      expectedCalls: one,
      scrypt: 'verify',
      note: 'dominated by scrypt verification by design',
      request: async () =>
        void expectStatus(
          await anonymous.post('/auth/login', { username: onboarding.admin.username, password: onboarding.admin.password }),
          200,
          'login',
        ),
    },
    {
      name: 'POST /platform/tenants',
      expectedCalls: write,
      scrypt: 'hash',
      note: "hashes the first admin's password",
      request: async () => void expectStatus(await operator.post('/platform/tenants', tenantBody('Bench')), 201, 'onboarding'),
    },
    {
      name: 'GET /platform/tenants/{id}',
      expectedCalls: one,
      request: async () => void expectStatus(await operator.get(`/platform/tenants/${tenant.id}`), 200, 'get tenant'),
    },
    {
      name: 'GET /platform/tenants?limit=20',
      expectedCalls: { Query: 1 },
      request: async () => void expectStatus(await operator.get('/platform/tenants?limit=20'), 200, 'list tenants'),
    },
    {
      name: 'POST /users',
      expectedCalls: write,
      scrypt: 'hash',
      note: "hashes the new user's password",
      request: async () => void expectStatus(await admin.post('/users', newStaff()), 201, 'add user'),
    },
    {
      name: 'GET /users/{id}',
      expectedCalls: one,
      request: async () => void expectStatus(await admin.get(`/users/${staff.id}`), 200, 'get user'),
    },
    {
      name: 'GET /users?limit=20',
      expectedCalls: { Query: 1 },
      request: async () => void expectStatus(await admin.get('/users?limit=20'), 200, 'list users'),
    },
    {
      name: 'PATCH /users/{id}',
      expectedCalls: { GetItem: 1, TransactWriteItems: 1 },
      note: 'read-modify-write under the optimistic lock',
      request: async (iteration) =>
        void expectStatus(
          await admin.patch(`/users/${staff.id}`, { displayName: iteration % 2 === 0 ? '基准测试甲' : '基准测试乙' }),
          200,
          'update user',
        ),
    },
  ];
  return { operations, password: onboarding.admin.password, token: admin.token ?? '', admin, operator, tenantId: tenant.id };
}
