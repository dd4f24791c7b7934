import {
  AdminCreateUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminGetUserCommand,
  AdminSetUserPasswordCommand,
  AdminUpdateUserAttributesCommand,
  AdminUserGlobalSignOutCommand,
  CognitoIdentityProviderClient,
  TooManyRequestsException,
  UsernameExistsException,
  UserNotFoundException,
  type AttributeType,
} from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { Conflict } from '../../../domain/kernel/errors.js';
import type { User } from '../../../domain/platform/user.js';
import { CognitoIdentityDirectory } from '../../../functions/adapters/auth/cognito-identity-directory.js';
import { identityDirectoryFromEnv } from '../../../functions/adapters/auth/identity-directory-from-env.js';
import { LocalIdentityDirectory } from '../../../functions/adapters/auth/local-identity-directory.js';

const cognito = mockClient(CognitoIdentityProviderClient);
const POOL = 'cn-north-1_AnzeTest1';
const PASSWORD = 'Admin-pass-2026';

const ALL_COMMANDS = [
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  AdminGetUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminUpdateUserAttributesCommand,
] as const;

const user = (overrides: Partial<User> = {}): User => ({
  id: '01jabcdefghjkmnpqrstvwxyz0',
  username: 'picc-staff-2',
  displayName: '人保业务员',
  role: 'insurer-staff',
  disabled: false,
  tenantId: '01jtenant00000000000000000',
  createdAt: '2026-03-02T08:00:00.000Z',
  updatedAt: '2026-03-02T08:00:00.000Z',
  version: 1,
  ...overrides,
});

/** The input the client sent with each call of `command`, in order: compared whole, so no extra field slips by. */
const inputsOf = (command: (typeof ALL_COMMANDS)[number]): unknown[] =>
  cognito
    .calls()
    .map((call) => call.args[0])
    .filter((sent) => sent instanceof command)
    .map((sent) => sent.input);

/** How many times each command was sent, by name: one assertion that also proves nothing else was sent. */
const counts = () => Object.fromEntries(ALL_COMMANDS.map((command) => [command.name, inputsOf(command).length]));

const metadata = { $metadata: {} };
const heldAs = (attributes: AttributeType[], enabled = true) => ({ Username: 'picc-staff-2', Enabled: enabled, UserAttributes: attributes, ...metadata });

let directory: CognitoIdentityDirectory;

beforeEach(() => {
  cognito.reset();
  directory = new CognitoIdentityDirectory(POOL, new CognitoIdentityProviderClient({ region: 'cn-north-1' }));
});

describe('CognitoIdentityDirectory.register', () => {
  it('creates the identity silently with the organisation binding and name, then sets the password as permanent', async () => {
    cognito.on(AdminCreateUserCommand).resolves(metadata);
    cognito.on(AdminSetUserPasswordCommand).resolves(metadata);

    await directory.register(user(), PASSWORD);

    expect(cognito).toHaveReceivedCommandTimes(AdminCreateUserCommand, 1);
    expect(cognito).toHaveReceivedCommandWith(AdminCreateUserCommand, {
      UserPoolId: POOL,
      Username: 'picc-staff-2',
      MessageAction: 'SUPPRESS',
      UserAttributes: [
        { Name: 'custom:userId', Value: '01jabcdefghjkmnpqrstvwxyz0' },
        { Name: 'custom:tenantId', Value: '01jtenant00000000000000000' },
        { Name: 'name', Value: '人保业务员' },
      ],
    });
    expect(cognito).toHaveReceivedCommandTimes(AdminSetUserPasswordCommand, 1);
    expect(cognito).toHaveReceivedCommandWith(AdminSetUserPasswordCommand, {
      UserPoolId: POOL,
      Username: 'picc-staff-2',
      Password: PASSWORD,
      Permanent: true,
    });
    // Exactly these inputs, nothing more (the matchers above accept extra fields).
    expect(inputsOf(AdminCreateUserCommand)).toEqual([
      {
        UserPoolId: POOL,
        Username: 'picc-staff-2',
        MessageAction: 'SUPPRESS',
        UserAttributes: [
          { Name: 'custom:userId', Value: '01jabcdefghjkmnpqrstvwxyz0' },
          { Name: 'custom:tenantId', Value: '01jtenant00000000000000000' },
          { Name: 'name', Value: '人保业务员' },
        ],
      },
    ]);
    expect(inputsOf(AdminSetUserPasswordCommand)).toEqual([{ UserPoolId: POOL, Username: 'picc-staff-2', Password: PASSWORD, Permanent: true }]);
    expect(counts()).toEqual({
      AdminCreateUserCommand: 1,
      AdminSetUserPasswordCommand: 1,
      AdminGetUserCommand: 0,
      AdminDisableUserCommand: 0,
      AdminEnableUserCommand: 0,
      AdminUpdateUserAttributesCommand: 0,
    });
  });

  it.each([
    [
      'a county EMB user: agency and county',
      user({ role: 'regulator', tenantId: undefined, agency: 'EMB_COUNTY', county: '140902' }),
      [
        { Name: 'custom:agency', Value: 'EMB_COUNTY' },
        { Name: 'custom:county', Value: '140902' },
      ],
    ],
    ['an NFRA user: the agency alone', user({ role: 'regulator-admin', tenantId: undefined, agency: 'NFRA' }), [{ Name: 'custom:agency', Value: 'NFRA' }]],
    [
      'an enterprise user: its USCC',
      user({ role: 'enterprise', tenantId: undefined, uscc: '91140902100079190P' }),
      [{ Name: 'custom:uscc', Value: '91140902100079190P' }],
    ],
    ['the platform operator: no organisation', user({ role: 'platform-operator', tenantId: undefined }), []],
  ])('binds %s, never the role', async (_label, who, binding) => {
    cognito.on(AdminCreateUserCommand).resolves(metadata);
    cognito.on(AdminSetUserPasswordCommand).resolves(metadata);

    await directory.register(who, PASSWORD);

    const attributes = [{ Name: 'custom:userId', Value: who.id }, ...binding, { Name: 'name', Value: who.displayName }];
    expect(cognito).toHaveReceivedCommandWith(AdminCreateUserCommand, { UserAttributes: attributes });
    expect(inputsOf(AdminCreateUserCommand)).toEqual([{ UserPoolId: POOL, Username: who.username, MessageAction: 'SUPPRESS', UserAttributes: attributes }]);
    expect(JSON.stringify(inputsOf(AdminCreateUserCommand))).not.toContain('role');
  });

  it('finishes its own identity when the user name exists for the same user id (a retry after a half-way failure)', async () => {
    cognito.on(AdminCreateUserCommand).rejects(new UsernameExistsException({ message: 'User account already exists', ...metadata }));
    cognito.on(AdminGetUserCommand).resolves(
      heldAs([
        { Name: 'sub', Value: 'c0a8f3e2-cognito-own-id' },
        { Name: 'custom:userId', Value: '01jabcdefghjkmnpqrstvwxyz0' },
        { Name: 'custom:tenantId', Value: '01jtenant00000000000000000' },
        { Name: 'name', Value: '人保业务员' },
      ]),
    );
    cognito.on(AdminSetUserPasswordCommand).resolves(metadata);

    await directory.register(user(), PASSWORD);

    expect(cognito).toHaveReceivedCommandTimes(AdminGetUserCommand, 1);
    expect(cognito).toHaveReceivedCommandWith(AdminGetUserCommand, { UserPoolId: POOL, Username: 'picc-staff-2' });
    expect(inputsOf(AdminGetUserCommand)).toEqual([{ UserPoolId: POOL, Username: 'picc-staff-2' }]);
    expect(cognito).toHaveReceivedCommandTimes(AdminSetUserPasswordCommand, 1);
    expect(inputsOf(AdminSetUserPasswordCommand)).toEqual([{ UserPoolId: POOL, Username: 'picc-staff-2', Password: PASSWORD, Permanent: true }]);
    expect(counts()).toEqual({
      AdminCreateUserCommand: 1,
      AdminSetUserPasswordCommand: 1,
      AdminGetUserCommand: 1,
      AdminDisableUserCommand: 0,
      AdminEnableUserCommand: 0,
      AdminUpdateUserAttributesCommand: 0,
    });
  });

  it('refuses with a Conflict when the user name belongs to another identity, and sets no password', async () => {
    cognito.on(AdminCreateUserCommand).rejects(new UsernameExistsException({ message: 'User account already exists', ...metadata }));
    cognito.on(AdminGetUserCommand).resolves(heldAs([{ Name: 'custom:userId', Value: '01jsomeoneelse000000000000' }]));

    const refused = directory.register(user(), PASSWORD);

    await expect(refused).rejects.toBeInstanceOf(Conflict);
    await expect(refused).rejects.toThrow(/picc-staff-2 belongs to another identity/);
    expect(cognito).toHaveReceivedCommandTimes(AdminGetUserCommand, 1);
    expect(cognito).toHaveReceivedCommandWith(AdminGetUserCommand, { UserPoolId: POOL, Username: 'picc-staff-2' });
    expect(cognito).toHaveReceivedCommandTimes(AdminSetUserPasswordCommand, 0);
    expect(counts()).toMatchObject({ AdminDisableUserCommand: 0, AdminEnableUserCommand: 0, AdminUpdateUserAttributesCommand: 0 });
  });

  it('treats an identity without custom:userId (made by hand in the console) as someone else’s', async () => {
    cognito.on(AdminCreateUserCommand).rejects(new UsernameExistsException({ message: 'User account already exists', ...metadata }));
    cognito.on(AdminGetUserCommand).resolves(heldAs([{ Name: 'email', Value: 'someone@example.cn' }]));

    await expect(directory.register(user(), PASSWORD)).rejects.toBeInstanceOf(Conflict);
    expect(cognito).toHaveReceivedCommandTimes(AdminSetUserPasswordCommand, 0);
  });

  it('creates a user that was disabled before its identity was finished as disabled', async () => {
    cognito.on(AdminCreateUserCommand).resolves(metadata);
    cognito.on(AdminSetUserPasswordCommand).resolves(metadata);
    cognito.on(AdminDisableUserCommand).resolves(metadata);

    await directory.register(user({ disabled: true }), PASSWORD);

    expect(cognito).toHaveReceivedCommandTimes(AdminDisableUserCommand, 1);
    expect(inputsOf(AdminDisableUserCommand)).toEqual([{ UserPoolId: POOL, Username: 'picc-staff-2' }]);
  });

  it('lets any other failure through, with nothing after it (the use case answers 503 and a retry finishes)', async () => {
    cognito.on(AdminCreateUserCommand).resolves(metadata);
    cognito.on(AdminSetUserPasswordCommand).rejects(new TooManyRequestsException({ message: 'Rate exceeded', ...metadata }));

    await expect(directory.register(user(), PASSWORD)).rejects.toThrow(/Rate exceeded/);
    expect(counts()).toMatchObject({ AdminCreateUserCommand: 1, AdminSetUserPasswordCommand: 1, AdminDisableUserCommand: 0 });
  });
});

describe('CognitoIdentityDirectory.update', () => {
  const held = (name: string, enabled = true) =>
    heldAs(
      [
        { Name: 'custom:userId', Value: '01jabcdefghjkmnpqrstvwxyz0' },
        { Name: 'name', Value: name },
      ],
      enabled,
    );

  it('disables the identity when the user is disabled', async () => {
    cognito.on(AdminGetUserCommand).resolves(held('人保业务员'));
    cognito.on(AdminDisableUserCommand).resolves(metadata);

    await directory.update(user({ disabled: true, version: 2 }));

    expect(cognito).toHaveReceivedCommandTimes(AdminDisableUserCommand, 1);
    expect(cognito).toHaveReceivedCommandWith(AdminDisableUserCommand, { UserPoolId: POOL, Username: 'picc-staff-2' });
    expect(inputsOf(AdminDisableUserCommand)).toEqual([{ UserPoolId: POOL, Username: 'picc-staff-2' }]);
    expect(counts()).toMatchObject({ AdminGetUserCommand: 1, AdminEnableUserCommand: 0, AdminUpdateUserAttributesCommand: 0 });
  });

  it('enables it again when the user is enabled', async () => {
    cognito.on(AdminGetUserCommand).resolves(held('人保业务员', false));
    cognito.on(AdminEnableUserCommand).resolves(metadata);

    await directory.update(user({ version: 3 }));

    expect(cognito).toHaveReceivedCommandTimes(AdminEnableUserCommand, 1);
    expect(cognito).toHaveReceivedCommandWith(AdminEnableUserCommand, { UserPoolId: POOL, Username: 'picc-staff-2' });
    expect(inputsOf(AdminEnableUserCommand)).toEqual([{ UserPoolId: POOL, Username: 'picc-staff-2' }]);
    expect(counts()).toMatchObject({ AdminDisableUserCommand: 0, AdminUpdateUserAttributesCommand: 0 });
  });

  it('renames it when the display name changed', async () => {
    cognito.on(AdminGetUserCommand).resolves(held('旧名字'));
    cognito.on(AdminUpdateUserAttributesCommand).resolves(metadata);

    await directory.update(user({ displayName: '新名字', version: 2 }));

    expect(cognito).toHaveReceivedCommandTimes(AdminUpdateUserAttributesCommand, 1);
    expect(cognito).toHaveReceivedCommandWith(AdminUpdateUserAttributesCommand, {
      UserPoolId: POOL,
      Username: 'picc-staff-2',
      UserAttributes: [{ Name: 'name', Value: '新名字' }],
    });
    expect(inputsOf(AdminUpdateUserAttributesCommand)).toEqual([
      { UserPoolId: POOL, Username: 'picc-staff-2', UserAttributes: [{ Name: 'name', Value: '新名字' }] },
    ]);
    expect(counts()).toMatchObject({ AdminDisableUserCommand: 0, AdminEnableUserCommand: 0 });
  });

  it('sends nothing but the read for a role change (the role is read from the table at token time)', async () => {
    cognito.on(AdminGetUserCommand).resolves(held('人保业务员'));

    await directory.update(user({ role: 'insurer-admin', version: 2 }));

    expect(counts()).toEqual({
      AdminCreateUserCommand: 0,
      AdminSetUserPasswordCommand: 0,
      AdminGetUserCommand: 1,
      AdminDisableUserCommand: 0,
      AdminEnableUserCommand: 0,
      AdminUpdateUserAttributesCommand: 0,
    });
  });

  it('does nothing for a user whose identity was never finished (its registration will create it as it is then)', async () => {
    cognito.on(AdminGetUserCommand).rejects(new UserNotFoundException({ message: 'User does not exist.', ...metadata }));

    await directory.update(user({ disabled: true, displayName: '新名字', version: 2 }));

    expect(counts()).toMatchObject({ AdminGetUserCommand: 1, AdminDisableUserCommand: 0, AdminUpdateUserAttributesCommand: 0 });
  });
});

describe('CognitoIdentityDirectory.revokeSessions', () => {
  it('issue 12 #1: ends every session of a disabled user with AdminUserGlobalSignOut, on the pool and name only', async () => {
    cognito.on(AdminUserGlobalSignOutCommand).resolves(metadata);

    await directory.revokeSessions(user({ disabled: true, version: 2 }));

    expect(cognito).toHaveReceivedCommandWith(AdminUserGlobalSignOutCommand, { UserPoolId: POOL, Username: 'picc-staff-2' });
    const sent = cognito.calls().map((call) => call.args[0]);
    expect(sent.map((command) => command.constructor.name)).toEqual(['AdminUserGlobalSignOutCommand']);
    expect(sent[0]?.input).toEqual({ UserPoolId: POOL, Username: 'picc-staff-2' });
  });

  it('issue 12 #1: has no session to end for an identity never registered; any other failure goes through (503, retry)', async () => {
    cognito.on(AdminUserGlobalSignOutCommand).rejects(new UserNotFoundException({ message: 'User does not exist.', ...metadata }));
    await expect(directory.revokeSessions(user({ disabled: true }))).resolves.toBeUndefined();
    cognito.on(AdminUserGlobalSignOutCommand).rejects(new TooManyRequestsException({ message: 'Too many requests', ...metadata }));
    await expect(directory.revokeSessions(user({ disabled: true }))).rejects.toThrow(/Too many/);
  });

  it('issue 12 #1: goes through the lazily loaded adapter where ANZE_USER_POOL_ID is set', async () => {
    cognito.on(AdminUserGlobalSignOutCommand).resolves(metadata);
    await identityDirectoryFromEnv({ ANZE_USER_POOL_ID: POOL, AWS_REGION: 'cn-north-1' }).revokeSessions(user({ disabled: true }));
    expect(cognito).toHaveReceivedCommandWith(AdminUserGlobalSignOutCommand, { UserPoolId: POOL, Username: 'picc-staff-2' });
  });
});

describe('identityDirectoryFromEnv', () => {
  it('is the table alone without a user pool (the local runtime)', () => {
    const local = identityDirectoryFromEnv({});
    expect(local).toBeInstanceOf(LocalIdentityDirectory);
    expect(local.external).toBe(false);
  });

  it('is Cognito, on the named pool, where ANZE_USER_POOL_ID is set', async () => {
    cognito.on(AdminCreateUserCommand).resolves(metadata);
    cognito.on(AdminSetUserPasswordCommand).resolves(metadata);
    const remote = identityDirectoryFromEnv({ ANZE_USER_POOL_ID: POOL, AWS_REGION: 'cn-north-1' });
    expect(remote.external).toBe(true);

    await remote.register(user(), PASSWORD);

    expect(cognito).toHaveReceivedCommandWith(AdminCreateUserCommand, { UserPoolId: POOL, Username: 'picc-staff-2' });
    expect(cognito).toHaveReceivedCommandWith(AdminSetUserPasswordCommand, { UserPoolId: POOL, Permanent: true });
  });
});
