import type { ClaimsAndScopeOverrideDetails, PreTokenGenerationV2TriggerEvent } from 'aws-lambda';
import { AdminGetUserCommand, CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dynamoDbCalls, resetDynamoDbCalls } from '../../../functions/adapters/dynamodb/client.js';
import { DISABLED, handler, NO_ACCOUNT } from '../../../functions/identity/pre-token-generation.js';
import { principalFromEvent } from '../../../functions/middleware/principal.js';
import type { ApiClient } from '../../support/api-client.js';
import { tenantBody, unique } from '../../support/fixtures.js';
import { OPERATOR_PASSWORD, startTestPlatform, type TestPlatform } from '../../support/test-platform.js';
import { signInWithTotp } from '../../support/totp-sign-in.js';

interface User {
  id: string;
  username: string;
  displayName: string;
  role: string;
  tenantId?: string;
  version: number;
}

let test: TestPlatform;
let admin: ApiClient;
let staff: User;

/** What Cognito holds for an identity the platform function registered: its own `sub` and our binding. */
const attributesOf = (user: User): Record<string, string> => ({
  sub: '5c8a1f7e-3b2d-4e61-9f0a-7d1c2b3a4e5f',
  'cognito:user_status': 'CONFIRMED',
  'custom:userId': user.id,
  ...(user.tenantId ? { 'custom:tenantId': user.tenantId } : {}),
  name: user.displayName,
});

/** A V2_0 event as Cognito sends it at sign-in (or refresh): the response comes in empty. */
function cognitoEvent(
  username: string,
  userAttributes: Record<string, string>,
  triggerSource: PreTokenGenerationV2TriggerEvent['triggerSource'] = 'TokenGeneration_Authentication',
): PreTokenGenerationV2TriggerEvent {
  return {
    version: '2',
    region: 'cn-north-1',
    userPoolId: 'cn-north-1_AnzeTest1',
    triggerSource,
    userName: username,
    callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: '4n2k7example0client0id0abc' },
    request: {
      userAttributes,
      groupConfiguration: { groupsToOverride: [], iamRolesToOverride: [] },
      scopes: ['aws.cognito.signin.user.admin'],
    },
    // Cognito sends null here; the type says the object it expects back.
    response: { claimsAndScopeOverrideDetails: null as unknown as ClaimsAndScopeOverrideDetails },
  } as PreTokenGenerationV2TriggerEvent;
}

const idTokenClaimsOf = (event: PreTokenGenerationV2TriggerEvent) =>
  event.response.claimsAndScopeOverrideDetails.idTokenGeneration?.claimsToAddOrOverride;

beforeAll(async () => {
  test = await startTestPlatform();
  const operator = await test.operator();
  const body = tenantBody('T');
  expect((await operator.post('/platform/tenants', body)).status).toBe(201);
  admin = await test.signIn(body.admin.username, body.admin.password);
  const created = await admin.post<User>('/users', {
    username: unique('staff-t-'),
    password: 'Staff-pass-2026',
    role: 'insurer-staff',
    displayName: '触发器业务员',
  });
  expect(created.status).toBe(201);
  staff = created.body;
});

afterAll(async () => {
  await test?.stop();
});

const cognito = mockClient(CognitoIdentityProviderClient);
let operatorIdCache: string | undefined;
const operatorId = async (): Promise<string> => {
  if (operatorIdCache) return operatorIdCache;
  const signedIn = await signInWithTotp(test.url, 'operator', OPERATOR_PASSWORD);
  operatorIdCache = (signedIn.body.user as { id: string }).id;
  return operatorIdCache;
};

beforeEach(() => {
  resetDynamoDbCalls();
  cognito.reset();
});
afterAll(() => cognito.restore());

describe('pre-token generation (Cognito V2_0 trigger) against the table', () => {
  it('adds the role and user name from the sign-in record to the ID token only, with one GetItem', async () => {
    const answer = await handler(cognitoEvent(staff.username, attributesOf(staff)));

    expect(answer.response.claimsAndScopeOverrideDetails).toEqual({
      idTokenGeneration: { claimsToAddOrOverride: { 'custom:role': 'insurer-staff', username: staff.username, 'custom:tokenVersion': '1' } },
    });
    expect(Object.fromEntries(dynamoDbCalls())).toEqual({ GetItemCommand: 1 });
  });

  it('yields a token from which the API reads our user id, not Cognito’s sub', async () => {
    const answer = await handler(cognitoEvent(staff.username, attributesOf(staff)));
    // The ID token: Cognito's own claims, the identity's attributes, then what the trigger added.
    const { 'cognito:user_status': _status, ...attributes } = attributesOf(staff);
    const claims = { ...attributes, 'cognito:username': staff.username, token_use: 'id', ...idTokenClaimsOf(answer) };

    const principal = principalFromEvent({ requestContext: { authorizer: { jwt: { claims, scopes: [] } } } } as never);

    expect(principal).toEqual({
      userId: staff.id,
      username: staff.username,
      role: 'insurer-staff',
      tenantId: staff.tenantId,
      agency: undefined,
      county: undefined,
      uscc: undefined,
      tokenVersion: 1,
    });
  });

  it('gives the new role at the next token (sign-in or refresh) after a PATCH changes it', async () => {
    const promoted = await admin.patch<User>(`/users/${staff.id}`, { role: 'insurer-admin' });
    expect(promoted.status).toBe(200);

    for (const source of ['TokenGeneration_Authentication', 'TokenGeneration_RefreshTokens'] as const) {
      const answer = await handler(cognitoEvent(staff.username, attributesOf(staff), source));
      // issue 12 #1: the role change moved the token version to the user's version, revoking older tokens.
      expect(idTokenClaimsOf(answer)).toEqual({ 'custom:role': 'insurer-admin', username: staff.username, 'custom:tokenVersion': '2' });
    }

    const demoted = await admin.patch<User>(`/users/${staff.id}`, { role: 'insurer-staff' });
    expect(demoted.status).toBe(200);
    expect(idTokenClaimsOf(await handler(cognitoEvent(staff.username, attributesOf(staff))))).toMatchObject({ 'custom:role': 'insurer-staff' });
  });

  it('refuses any token, sign-in or refresh, to a disabled user, and issues them again once re-enabled', async () => {
    expect((await admin.patch(`/users/${staff.id}`, { disabled: true })).status).toBe(200);

    await expect(handler(cognitoEvent(staff.username, attributesOf(staff)))).rejects.toThrow(DISABLED);
    await expect(handler(cognitoEvent(staff.username, attributesOf(staff), 'TokenGeneration_RefreshTokens'))).rejects.toThrow(DISABLED);

    expect((await admin.patch(`/users/${staff.id}`, { disabled: false })).status).toBe(200);
    // issue 12 #1: tokens from before the disabling carry an older version than the new ones.
    expect(idTokenClaimsOf(await handler(cognitoEvent(staff.username, attributesOf(staff))))).toMatchObject({
      'custom:role': 'insurer-staff',
      'custom:tokenVersion': '5',
    });
  });

  it('refuses an identity the table does not know, or whose custom:userId is not the record’s user', async () => {
    await expect(handler(cognitoEvent('nobody-here', attributesOf({ ...staff, username: 'nobody-here' })))).rejects.toThrow(NO_ACCOUNT);
    await expect(handler(cognitoEvent(staff.username, { ...attributesOf(staff), 'custom:userId': '01jsomeoneelse000000000000' }))).rejects.toThrow(
      NO_ACCOUNT,
    );
    const { 'custom:userId': _ours, ...withoutUserId } = attributesOf(staff);
    await expect(handler(cognitoEvent(staff.username, withoutUserId))).rejects.toThrow(NO_ACCOUNT);
  });

  it('gives the platform operator its role too once it has TOTP enabled (issue 21: AdminGetUser on the event’s pool)', async () => {
    cognito.on(AdminGetUserCommand).resolves({ Username: 'operator', UserMFASettingList: ['SOFTWARE_TOKEN_MFA'] });
    const answer = await handler(cognitoEvent('operator', { sub: 'f00dcafe-0000-4000-8000-000000000000', 'custom:userId': await operatorId() }));
    expect(idTokenClaimsOf(answer)).toEqual({ 'custom:role': 'platform-operator', username: 'operator', 'custom:tokenVersion': '1' });
    expect(cognito.commandCalls(AdminGetUserCommand).map((call) => call.args[0].input)).toEqual([
      { UserPoolId: 'cn-north-1_AnzeTest1', Username: 'operator' },
    ]);
  });

  it('issue 21: drops the role of an operator without TOTP and marks the token custom:mfa = SETUP_REQUIRED, which the API refuses (403)', async () => {
    cognito.on(AdminGetUserCommand).resolves({ Username: 'operator', UserMFASettingList: [] });
    const answer = await handler(cognitoEvent('operator', { sub: 'f00dcafe-0000-4000-8000-000000000000', 'custom:userId': await operatorId() }, 'TokenGeneration_RefreshTokens'));
    const details = answer.response.claimsAndScopeOverrideDetails.idTokenGeneration;
    expect(details?.claimsToAddOrOverride).toEqual({ 'custom:mfa': 'SETUP_REQUIRED', username: 'operator', 'custom:tokenVersion': '1' });
    expect(details?.claimsToSuppress).toEqual(['custom:role']);
    expect(cognito.commandCalls(AdminGetUserCommand)[0]?.args[0].input).toEqual({ UserPoolId: 'cn-north-1_AnzeTest1', Username: 'operator' });
    const claims = { sub: 'f00dcafe', 'custom:userId': await operatorId(), ...details?.claimsToAddOrOverride };
    expect(() => principalFromEvent({ requestContext: { authorizer: { jwt: { claims, scopes: [] } } } } as never)).toThrow(
      expect.objectContaining({ status: 403, code: 'MFA_SETUP_REQUIRED' }),
    );
  });

  it('issue 21: a user without any MFA setting list (never enrolled) is treated as without TOTP', async () => {
    cognito.on(AdminGetUserCommand).resolves({ Username: 'operator' });
    const answer = await handler(cognitoEvent('operator', { sub: 'f00dcafe-0000-4000-8000-000000000000', 'custom:userId': await operatorId() }));
    expect(idTokenClaimsOf(answer)).not.toHaveProperty('custom:role');
  });

  it('issue 21: asks Cognito nothing for insurer staff (MFA optional for them: Cognito challenges if they enrolled)', async () => {
    const answer = await handler(cognitoEvent(staff.username, attributesOf(staff)));
    expect(idTokenClaimsOf(answer)).toMatchObject({ 'custom:role': 'insurer-staff' });
    expect(cognito.commandCalls(AdminGetUserCommand)).toHaveLength(0);
  });
});
