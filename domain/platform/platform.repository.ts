import type { Principal } from '../identity/principal.js';
import type { Changed } from '../kernel/events.js';
import type { RegulatorOnboarding } from './regulator.rules.js';
import type { Regulator } from './regulator.js';
import type { TenantOnboarding } from './tenant.rules.js';
import type { Tenant } from './tenant.js';
import type { UserOrg } from './user-org.js';
import type { User } from './user.js';

export type { UserOrg };

export interface Page<T> {
  readonly items: T[];
  readonly nextCursor?: string;
  /** The rows matching the query, on its first page (issues 14/15). */
  readonly total?: number;
}

/** The sign-in record of one user name: the hash and the claims its tokens carry. */
export interface Credential {
  readonly username: string;
  readonly displayName: string;
  readonly passwordHash: string;
  readonly principal: Principal;
  readonly disabled: boolean;
  readonly failedAttempts: number;
  readonly lockedUntil?: string;
  /**
   * Written `true` with a new user where the identity lives in an external directory (Cognito), and
   * cleared once the directory has it: until then the user exists here but cannot sign in, and a repeat
   * of the creating request may finish the job (functions/http/platform/identity-registration.ts).
   */
  readonly identityPending?: boolean;
  /**
   * The user's version at the last change of role or status; tokens carry the version they were issued at
   * and older ones are refused (domain/identity/principal-record.ts). Absent on records from before: 0.
   */
  readonly tokenVersion?: number;
  /** Issue 21 (local sign-in): the enabled authenticator's TOTP secret; sign-in then asks for its code. */
  readonly mfaSecret?: string;
  readonly version: number;
}

/**
 * The outcome of asking to check one password (issue 12 #2): admitted — the attempt is already counted — or
 * refused while the name is locked.
 */
export type SignInAdmission =
  | { readonly admitted: true; readonly credential: Credential }
  | { readonly admitted: false; readonly lockedUntil: string };

/** How a new user's sign-in record starts out; by default complete (local runtime, seed). */
export interface NewUserOptions {
  /** See {@link Credential.identityPending}. */
  readonly identityPending?: boolean;
}

/**
 * Port of the platform context; the DynamoDB adapter implements it. Each write takes what a transition of
 * domain/platform returned (`Changed`: the state and its events) and stores both in one transaction.
 */
export interface PlatformRepository {
  /** The tenant, its USCC guard, its admin and sign-in record; a USCC or user name already taken is a `Conflict`. */
  createTenant(onboarded: Changed<TenantOnboarding>, passwordHash: string, options?: NewUserOptions): Promise<void>;
  getTenant(tenantId: string): Promise<Tenant | undefined>;
  listTenants(query: { limit: number; cursor?: string; nameContains?: string; withTotal?: boolean }): Promise<Page<Tenant>>;
  /** ACL-3: the suspended or resumed tenant (version already the next one) with its event, if still `expectedVersion`. */
  saveTenant(changed: Changed<Tenant>, expectedVersion: number): Promise<void>;
  /**
   * ACL-3: the last local sign-in of each user name given (absent when never signed in here, or on AWS where
   * Cognito signs in): one BatchGetItem of their sign-in records per 100 names.
   */
  lastSignIns(usernames: readonly string[]): Promise<ReadonlyMap<string, string>>;

  /** The agency (one per area), its first user and sign-in record; a second onboarding is a `Conflict`. */
  createRegulator(onboarded: Changed<RegulatorOnboarding>, passwordHash: string, options?: NewUserOptions): Promise<void>;
  getRegulator(regulatorId: string): Promise<Regulator | undefined>;
  listRegulators(query: { limit: number; cursor?: string; withTotal?: boolean }): Promise<Page<Regulator>>;

  createUser(org: UserOrg, created: Changed<User>, passwordHash: string, options?: NewUserOptions): Promise<void>;
  getUser(org: UserOrg, userId: string): Promise<User | undefined>;
  listUsers(org: UserOrg, query: { limit: number; cursor?: string; withTotal?: boolean }): Promise<Page<User>>;
  /**
   * Saves the changed user (its version already the next one) if the stored one is still `expectedVersion`.
   * With `revokeTokens` (its role or status changed) the sign-in record's token version becomes the user's new
   * version, so every token issued before is refused from the next request (issue 12 #1).
   */
  updateUser(org: UserOrg, changed: Changed<User>, expectedVersion: number, options?: { readonly revokeTokens?: boolean }): Promise<void>;

  getCredential(username: string): Promise<Credential | undefined>;
  /**
   * Counts one sign-in attempt atomically BEFORE its password is checked, so that at most `maxAttempts` are
   * evaluated per lock window whatever the concurrency (issue 12 #2). The attempt that takes the last slot
   * also sets the lock (`lockedUntil`); a right password then clears it ({@link clearSignInFailures}). An
   * expired lock starts a new window. Undefined when the user name has no record.
   */
  admitSignIn(username: string, policy: { readonly now: Date; readonly maxAttempts: number; readonly lockMinutes: number }): Promise<SignInAdmission | undefined>;
  /** After a right password: the count starts again and any lock is lifted; with `at`, the sign-in's time is kept. */
  clearSignInFailures(username: string, at?: string): Promise<void>;
  /**
   * Clears {@link Credential.identityPending} once the external directory holds the identity; with
   * `passwordHash`, also records the password a finishing retry registered.
   */
  markIdentityRegistered(username: string, passwordHash?: string): Promise<void>;
}
