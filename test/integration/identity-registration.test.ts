import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  AdminCreateUserCommand,
  AdminDisableUserCommand,
  AdminUserGlobalSignOutCommand,
  AdminEnableUserCommand,
  AdminGetUserCommand,
  AdminSetUserPasswordCommand,
  AdminUpdateUserAttributesCommand,
  CognitoIdentityProviderClient,
  TooManyRequestsException,
  UsernameExistsException,
  UserNotFoundException,
  type AdminCreateUserCommandInput,
  type AttributeType,
} from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../functions/adapters/clock.js';
import { dynamoDbClientConfig, toDocumentClient } from '../../functions/adapters/dynamodb/client.js';
import { DynamoPlatformRepository } from '../../functions/adapters/dynamodb/platform.repository.js';
import { Store } from '../../functions/adapters/dynamodb/store.js';
import type { ApiClient } from '../support/api-client.js';
import { tenantBody, unique } from '../support/fixtures.js';
import { startTestPlatform, type TestPlatform } from '../support/test-platform.js';

/**
 * The platform as on AWS — table first, then Cognito — with Cognito played by aws-sdk-client-mock as a small
 * in-memory pool, and everything else real (local gateway, handlers, DynamoDB Local, Powertools idempotency).
 * What is checked: a Cognito failure after the table write answers 503 and leaves the user pending; repeating
 * the request finishes it and answers what the first attempt would have; nothing else is ever resumed.
 */

process.env.ANZE_USER_POOL_ID = 'cn-north-1_AnzeTest1';

interface Tenant {
  id: string;
  name: string;
}
interface User {
  id: string;
  username: string;
  role: string;
  tenantId?: string;
  disabled: boolean;
  version: number;
}
interface ErrorBody {
  error: { code: string; message: string; details?: { field?: string; message: string }[] };
}

const cognito = mockClient(CognitoIdentityProviderClient);
const metadata = { $metadata: {} };
/** The pool's identities by user name. */
const pool = new Map<string, { attributes: AttributeType[]; enabled: boolean; password?: string }>();
/** Commands whose next call fails as if Cognito throttled it (consumed by that call). */
const failNext = new Set<string>();
const throttleOnce = (command: { name: string }) => failNext.add(command.name);

function throttleIfAsked(command: { name: string }): void {
  if (failNext.delete(command.name)) throw new TooManyRequestsException({ message: 'Rate exceeded', ...metadata });
}

function playCognito(): void {
  cognito.reset();
  failNext.clear();
  cognito.on(AdminCreateUserCommand).callsFake((input: AdminCreateUserCommandInput) => {
    throttleIfAsked(AdminCreateUserCommand);
    if (pool.has(input.Username ?? '')) throw new UsernameExistsException({ message: 'User account already exists', ...metadata });
    pool.set(input.Username ?? '', { attributes: input.UserAttributes ?? [], enabled: true });
    return metadata;
  });
  cognito.on(AdminGetUserCommand).callsFake((input: { Username: string }) => {
    throttleIfAsked(AdminGetUserCommand);
    const held = pool.get(input.Username);
    if (!held) throw new UserNotFoundException({ message: 'User does not exist.', ...metadata });
    return { Username: input.Username, Enabled: held.enabled, UserAttributes: held.attributes, ...metadata };
  });
  cognito.on(AdminSetUserPasswordCommand).callsFake((input: { Username: string; Password: string }) => {
    throttleIfAsked(AdminSetUserPasswordCommand);
    const held = pool.get(input.Username);
    if (!held) throw new UserNotFoundException({ message: 'User does not exist.', ...metadata });
    held.password = input.Password;
    return metadata;
  });
  cognito.on(AdminDisableUserCommand).callsFake((input: { Username: string }) => {
    const held = pool.get(input.Username);
    if (held) held.enabled = false;
    return metadata;
  });
  cognito.on(AdminEnableUserCommand).callsFake((input: { Username: string }) => {
    const held = pool.get(input.Username);
    if (held) held.enabled = true;
    return metadata;
  });
  cognito.on(AdminUpdateUserAttributesCommand).resolves(metadata);
}

const userIdIn = (username: string) => pool.get(username)?.attributes.find((a) => a.Name === 'custom:userId')?.Value;

let test: TestPlatform;
let operator: ApiClient;
let repository: DynamoPlatformRepository;
let adminA: ApiClient;
let tenantA: Tenant;

beforeAll(async () => {
  playCognito();
  test = await startTestPlatform();
  repository = new DynamoPlatformRepository(
    new Store(toDocumentClient(new DynamoDBClient(dynamoDbClientConfig())), test.platform.tables.main, systemClock),
  );
  operator = await test.operator();
  const body = tenantBody('A');
  const created = await operator.post<Tenant>('/platform/tenants', body);
  expect(created.status).toBe(201);
  tenantA = created.body;
  // Locally the admin still signs in against the table; on AWS it would be Cognito, with the password set here.
  expect(pool.get(body.admin.username)?.password).toBe(body.admin.password);
  adminA = await test.signIn(body.admin.username, body.admin.password);
});

afterAll(async () => {
  await test?.stop();
  delete process.env.ANZE_USER_POOL_ID;
});

beforeEach(() => playCognito());

describe('onboarding on AWS: the table, then Cognito', () => {
  it('registers the admin with its binding and clears the pending mark', async () => {
    const body = tenantBody('B');
    const created = await operator.post<Tenant>('/platform/tenants', body);
    expect(created.status).toBe(201);
    const credential = await repository.getCredential(body.admin.username);
    expect(credential?.identityPending).toBe(false);
    expect(pool.get(body.admin.username)?.attributes).toEqual([
      { Name: 'custom:userId', Value: credential?.principal.userId },
      { Name: 'custom:tenantId', Value: created.body.id },
      { Name: 'name', Value: body.admin.displayName },
    ]);
  });

  it('answers 503 when Cognito fails after the table write, and the retry with the same Idempotency-Key finishes it', async () => {
    const body = tenantBody('C');
    const key = unique('idem-');
    throttleOnce(AdminSetUserPasswordCommand);

    const first = await operator.post<ErrorBody>('/platform/tenants', body, { 'idempotency-key': key });
    expect(first.status).toBe(503);
    expect(first.body.error.code).toBe('IDENTITY_PENDING');
    const pending = await repository.getCredential(body.admin.username);
    expect(pending?.identityPending).toBe(true);
    expect(pool.get(body.admin.username)?.password).toBeUndefined();

    const retry = await operator.post<Tenant>('/platform/tenants', body, { 'idempotency-key': key });
    expect(retry.status).toBe(201);
    // The tenant made the first time, not a second one.
    expect(retry.body.id).toBe(pending?.principal.tenantId);
    const tenants = await operator.get<{ items: Tenant[] }>('/platform/tenants?limit=100');
    expect(tenants.body.items.filter((t) => t.name === body.name)).toHaveLength(1);
    expect((await repository.getCredential(body.admin.username))?.identityPending).toBe(false);
    expect(pool.get(body.admin.username)?.password).toBe(body.admin.password);
    expect(userIdIn(body.admin.username)).toBe(pending?.principal.userId);
    expect(cognito).toHaveReceivedCommandTimes(AdminCreateUserCommand, 2);
    expect(cognito).toHaveReceivedCommandTimes(AdminSetUserPasswordCommand, 2);

    // Now the first answer is stored: a third attempt replays it and calls Cognito no more.
    const replay = await operator.post<Tenant>('/platform/tenants', body, { 'idempotency-key': key });
    expect(replay.body.id).toBe(retry.body.id);
    expect(cognito).toHaveReceivedCommandTimes(AdminCreateUserCommand, 2);
  });

  it('keeps the 409 for a finished user name, and for a pending one asked for by a different onboarding', async () => {
    const done = tenantBody('D');
    expect((await operator.post('/platform/tenants', done)).status).toBe(201);
    const again = await operator.post<ErrorBody>('/platform/tenants', { ...tenantBody('E'), admin: done.admin });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/taken/);

    const half = tenantBody('F');
    throttleOnce(AdminCreateUserCommand);
    expect((await operator.post('/platform/tenants', half)).status).toBe(503);
    // Same admin, another insurer: not a repeat of the first request.
    const other = await operator.post<ErrorBody>('/platform/tenants', { ...tenantBody('G'), admin: half.admin });
    expect(other.status).toBe(409);
    expect((await repository.getCredential(half.admin.username))?.identityPending).toBe(true);
    expect(pool.has(half.admin.username)).toBe(false);
    // The real repeat, even without an Idempotency-Key, finishes it.
    expect((await operator.post('/platform/tenants', half)).status).toBe(201);
    expect(pool.has(half.admin.username)).toBe(true);
  });

  it('finishes a regulator onboarding the same way', async () => {
    const body = {
      agency: 'EMB_COUNTY',
      county: '140981',
      name: '原平市应急管理局',
      admin: { username: unique('reg-'), password: 'Regulator-2026', displayName: '原平市管理员' },
    };
    throttleOnce(AdminCreateUserCommand);
    expect((await operator.post('/platform/regulators', body)).status).toBe(503);
    const retry = await operator.post<{ id: string; name: string }>('/platform/regulators', body);
    expect(retry.status).toBe(201);
    expect(retry.body).toMatchObject({ id: 'emb-county-140981', name: '原平市应急管理局' });
    expect(pool.get(body.admin.username)?.attributes).toEqual(
      expect.arrayContaining([
        { Name: 'custom:agency', Value: 'EMB_COUNTY' },
        { Name: 'custom:county', Value: '140981' },
      ]),
    );
  });
});

describe('users on AWS', () => {
  it('finishes a half-made user on repeat, only for the same organisation and the same user', async () => {
    const body = { username: unique('staff-'), password: 'Staff-pass-2026', role: 'insurer-staff', displayName: '半成品业务员' };
    throttleOnce(AdminSetUserPasswordCommand);
    const first = await adminA.post<ErrorBody>('/users', body);
    expect(first.status).toBe(503);
    const stored = await repository.getCredential(body.username);

    // Another insurer's admin, or the same admin asking for a different user, gets the plain 409.
    const bodyB = tenantBody('H');
    expect((await operator.post('/platform/tenants', bodyB)).status).toBe(201);
    const adminB = await test.signIn(bodyB.admin.username, bodyB.admin.password);
    expect((await adminB.post('/users', body)).status).toBe(409);
    expect((await adminA.post('/users', { ...body, role: 'insurer-admin' })).status).toBe(409);

    const retry = await adminA.post<User>('/users', body);
    expect(retry.status).toBe(201);
    expect(retry.body).toMatchObject({ id: stored?.principal.userId, tenantId: tenantA.id, role: 'insurer-staff' });
    expect(pool.get(body.username)?.password).toBe('Staff-pass-2026');
  });

  it('disables in Cognito too; a failed directory update is a 503 with the change saved, and repeating it finishes', async () => {
    const body = { username: unique('staff-'), password: 'Staff-pass-2026', role: 'insurer-staff', displayName: '将停用业务员' };
    const created = await adminA.post<User>('/users', body);
    expect(created.status).toBe(201);

    throttleOnce(AdminGetUserCommand);
    const first = await adminA.patch<ErrorBody>(`/users/${created.body.id}`, { disabled: true }, { 'if-match': '"1"' });
    expect(first.status).toBe(503);
    expect(first.body.error.code).toBe('IDENTITY_SYNC_PENDING');
    // Saved: the sign-in record (what the token trigger reads) already says disabled.
    expect((await repository.getCredential(body.username))?.disabled).toBe(true);
    expect(pool.get(body.username)?.enabled).toBe(true);

    const again = await adminA.patch<User>(`/users/${created.body.id}`, { disabled: true });
    expect(again.status).toBe(200);
    expect(pool.get(body.username)?.enabled).toBe(false);
    expect(cognito).toHaveReceivedCommandWith(AdminDisableUserCommand, { UserPoolId: 'cn-north-1_AnzeTest1', Username: body.username });
    // issue 12 #1: the disabled user's sessions are ended too (its refresh tokens revoked).
    expect(cognito).toHaveReceivedCommandWith(AdminUserGlobalSignOutCommand, { UserPoolId: 'cn-north-1_AnzeTest1', Username: body.username });

    expect((await adminA.patch(`/users/${created.body.id}`, { disabled: false })).status).toBe(200);
    expect(pool.get(body.username)?.enabled).toBe(true);
  });

  it('refuses, before anything is written, a password Cognito would refuse (400 on the field)', async () => {
    const weak = await adminA.post<ErrorBody>('/users', { username: unique('weak-'), password: 'Staffpass2026', role: 'insurer-staff', displayName: '弱密码' });
    expect(weak.status).toBe(400);
    expect(weak.body.error.details).toEqual([expect.objectContaining({ field: 'password' })]);
    expect(cognito).toHaveReceivedCommandTimes(AdminCreateUserCommand, 0);
  });
});
