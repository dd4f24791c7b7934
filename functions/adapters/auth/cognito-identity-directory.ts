import {
  AdminCreateUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminGetUserCommand,
  AdminSetUserPasswordCommand,
  AdminUpdateUserAttributesCommand,
  AdminUserGlobalSignOutCommand,
  CognitoIdentityProviderClient,
  type AttributeType,
} from '@aws-sdk/client-cognito-identity-provider';
import { CLAIMS } from '../../../domain/identity/principal.js';
import { Conflict } from '../../../domain/kernel/errors.js';
import type { IdentityDirectory } from '../../../domain/platform/identity-directory.js';
import type { User } from '../../../domain/platform/user.js';

/** Cognito's standard attribute for a person's full name (CDK's `fullname`); it becomes the ID token's `name`. */
const NAME = 'name';

/** What {@link CognitoIdentityDirectory} compares: the identity as Cognito holds it. */
interface Held {
  readonly enabled: boolean;
  readonly name: string | undefined;
  readonly userId: string | undefined;
}

const errorNamed = (error: unknown, name: string): boolean => error instanceof Error && error.name === name;

const valueOf = (attributes: readonly AttributeType[] | undefined, name: string): string | undefined =>
  attributes?.find((attribute) => attribute.Name === name)?.Value;

/**
 * The organisation binding as immutable custom attributes: our user id (Cognito's `sub` is its own) and
 * whichever of tenant, agency, county and USCC the user has. They never change for a user, which is why
 * the pool may keep them immutable. Role and status are deliberately absent: the pre-token-generation
 * trigger reads them from the table at each token issue.
 */
function bindingOf(user: User): AttributeType[] {
  const optional: [string, string | undefined][] = [
    [CLAIMS.tenantId, user.tenantId],
    [CLAIMS.agency, user.agency],
    [CLAIMS.county, user.county],
    [CLAIMS.uscc, user.uscc],
  ];
  return [
    { Name: CLAIMS.userId, Value: user.id },
    ...optional.flatMap(([Name, Value]) => (Value === undefined ? [] : [{ Name, Value }])),
    { Name: NAME, Value: user.displayName },
  ];
}

/**
 * The user pool as the identity directory (AWS). The only code that talks to Cognito's admin API; the
 * platform function's role may call exactly the actions in infra/stacks/context-permissions.ts.
 */
export class CognitoIdentityDirectory implements IdentityDirectory {
  readonly external = true;

  constructor(
    private readonly userPoolId: string,
    private readonly client: CognitoIdentityProviderClient = new CognitoIdentityProviderClient({ maxAttempts: 3 }),
  ) {}

  /**
   * AdminCreateUser without any message (the administrator hands the password over), then the password as
   * permanent, so the user signs in with exactly what the administrator chose — the API has already checked
   * it against the pool's policy (domain/platform/credentials.ts). A production deployment may prefer a
   * temporary password (`Permanent: false`, or AdminCreateUser's invitation) so that people choose their
   * own at first sign-in; the console would then have to answer Cognito's NEW_PASSWORD_REQUIRED challenge.
   *
   * A user name that already exists is fine if it is this very user (an earlier attempt stopped half-way):
   * the password is set again and the state brought in line. Anyone else's is a Conflict.
   */
  async register(user: User, password: string): Promise<void> {
    // What AdminCreateUser makes: enabled, with the name given.
    let held: Held = { enabled: true, name: user.displayName, userId: user.id };
    try {
      await this.client.send(
        new AdminCreateUserCommand({
          UserPoolId: this.userPoolId,
          Username: user.username,
          MessageAction: 'SUPPRESS',
          UserAttributes: bindingOf(user),
        }),
      );
    } catch (error) {
      if (!errorNamed(error, 'UsernameExistsException')) throw error;
      const existing = await this.held(user.username);
      // Gone again between the two calls: a passing state, not a conflict; the caller's retry creates it.
      if (!existing) throw error;
      if (existing.userId !== user.id) {
        throw new Conflict(`user name ${user.username} belongs to another identity in the user pool`);
      }
      held = existing;
    }
    await this.client.send(
      new AdminSetUserPasswordCommand({ UserPoolId: this.userPoolId, Username: user.username, Password: password, Permanent: true }),
    );
    await this.reconcile(user, held);
  }

  /**
   * Reads the identity and changes only what differs from `user`: enabled/disabled, the display name.
   * Role changes need nothing here. No identity yet means its registration never finished; nothing to
   * update then — when it is finished, it is created from the user as it is at that time.
   */
  async update(user: User): Promise<void> {
    const held = await this.held(user.username);
    if (held) await this.reconcile(user, held);
  }

  /**
   * AdminUserGlobalSignOut: revokes the user's refresh tokens, so a disabled or re-roled user gets no new token
   * from an old session (issue 12 #1). Its ID tokens already out are refused by the request-time check. An
   * identity not registered yet has no session to end.
   */
  async revokeSessions(user: User): Promise<void> {
    try {
      await this.client.send(new AdminUserGlobalSignOutCommand({ UserPoolId: this.userPoolId, Username: user.username }));
    } catch (error) {
      if (!errorNamed(error, 'UserNotFoundException')) throw error;
    }
  }

  private async held(username: string): Promise<Held | undefined> {
    try {
      const out = await this.client.send(new AdminGetUserCommand({ UserPoolId: this.userPoolId, Username: username }));
      return {
        enabled: out.Enabled ?? true,
        name: valueOf(out.UserAttributes, NAME),
        userId: valueOf(out.UserAttributes, CLAIMS.userId),
      };
    } catch (error) {
      if (errorNamed(error, 'UserNotFoundException')) return undefined;
      throw error;
    }
  }

  private async reconcile(user: User, held: Held): Promise<void> {
    const key = { UserPoolId: this.userPoolId, Username: user.username };
    // Disabling in Cognito too is the second lock: the trigger already refuses tokens to a disabled user.
    if (user.disabled && held.enabled) await this.client.send(new AdminDisableUserCommand(key));
    if (!user.disabled && !held.enabled) await this.client.send(new AdminEnableUserCommand(key));
    if (held.name !== user.displayName) {
      await this.client.send(new AdminUpdateUserAttributesCommand({ ...key, UserAttributes: [{ Name: NAME, Value: user.displayName }] }));
    }
  }
}
