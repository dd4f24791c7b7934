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
  readonly version: number;
}

/** Whose users a listing or lookup is confined to: an administrator's own organisation. */
export type UserOrg =
  | { readonly kind: 'tenant'; readonly tenantId: string }
  | { readonly kind: 'regulator'; readonly regulatorId: string }
  | { readonly kind: 'platform' }
  | { readonly kind: 'enterprise'; readonly uscc: string };

/** Port of the platform context; the DynamoDB adapter implements it. */
export interface PlatformRepository {
  createTenant(tenant: Tenant, admin: User, passwordHash: string): Promise<void>;
  getTenant(tenantId: string): Promise<Tenant | undefined>;
  listTenants(query: { limit: number; cursor?: string; nameContains?: string }): Promise<Page<Tenant>>;

  createRegulator(regulator: Regulator, admin: User, passwordHash: string): Promise<void>;
  listRegulators(query: { limit: number; cursor?: string }): Promise<Page<Regulator>>;

  createUser(org: UserOrg, user: User, passwordHash: string): Promise<void>;
  getUser(org: UserOrg, userId: string): Promise<User | undefined>;
  listUsers(org: UserOrg, query: { limit: number; cursor?: string }): Promise<Page<User>>;
  /** Saves `user` (its version already the next one) if the stored one is still `expectedVersion`. */
  updateUser(org: UserOrg, user: User, expectedVersion: number): Promise<void>;

  getCredential(username: string): Promise<Credential | undefined>;
  recordSignIn(credential: Credential, outcome: { failedAttempts: number; lockedUntil?: string }): Promise<void>;
}
