import type { Principal } from '../identity/principal.js';
import type { Regulator } from './regulator.js';
import type { Tenant } from './tenant.js';
import type { User } from './user.js';

export interface Page<T> {
  readonly items: T[];
  readonly nextCursor?: string;
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
  readonly version: number;
}

/** How a new user's sign-in record starts out; by default complete (local runtime, seed). */
export interface NewUserOptions {
  /** See {@link Credential.identityPending}. */
  readonly identityPending?: boolean;
}

/** Whose users a listing or lookup is confined to: an administrator's own organisation. */
export type UserOrg =
  | { readonly kind: 'tenant'; readonly tenantId: string }
  | { readonly kind: 'regulator'; readonly regulatorId: string }
  | { readonly kind: 'platform' }
  | { readonly kind: 'enterprise'; readonly uscc: string };

/** Port of the platform context; the DynamoDB adapter implements it. */
export interface PlatformRepository {
  createTenant(tenant: Tenant, admin: User, passwordHash: string, options?: NewUserOptions): Promise<void>;
  getTenant(tenantId: string): Promise<Tenant | undefined>;
  listTenants(query: { limit: number; cursor?: string; nameContains?: string }): Promise<Page<Tenant>>;

  createRegulator(regulator: Regulator, admin: User, passwordHash: string, options?: NewUserOptions): Promise<void>;
  getRegulator(regulatorId: string): Promise<Regulator | undefined>;
  listRegulators(query: { limit: number; cursor?: string }): Promise<Page<Regulator>>;

  createUser(org: UserOrg, user: User, passwordHash: string, options?: NewUserOptions): Promise<void>;
  getUser(org: UserOrg, userId: string): Promise<User | undefined>;
  listUsers(org: UserOrg, query: { limit: number; cursor?: string }): Promise<Page<User>>;
  /** Saves `user` (its version already the next one) if the stored one is still `expectedVersion`. */
  updateUser(org: UserOrg, user: User, expectedVersion: number): Promise<void>;

  getCredential(username: string): Promise<Credential | undefined>;
  recordSignIn(credential: Credential, outcome: { failedAttempts: number; lockedUntil?: string }): Promise<void>;
  /**
   * Clears {@link Credential.identityPending} once the external directory holds the identity; with
   * `passwordHash`, also records the password a finishing retry registered.
   */
  markIdentityRegistered(username: string, passwordHash?: string): Promise<void>;
}
