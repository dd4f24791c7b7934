import type { Principal } from '../../../domain/identity/principal.js';
import type {
  Credential,
  NewUserOptions,
  Page,
  PlatformRepository,
  UserOrg,
} from '../../../domain/platform/platform.repository.js';
import type { Regulator } from '../../../domain/platform/regulator.js';
import type { Tenant } from '../../../domain/platform/tenant.js';
import type { User } from '../../../domain/platform/user.js';
import { Conflict } from '../../../domain/kernel/errors.js';
import { keys, type ItemKey, type Owner } from './keys.js';
import type { OutboxEvent, Store, Write } from './store.js';

const ownerOf = (org: UserOrg): Owner =>
  org.kind === 'tenant'
    ? { kind: 'tenant', tenantId: org.tenantId }
    : org.kind === 'regulator'
      ? { kind: 'regulator', regulatorId: org.regulatorId }
      : org.kind === 'enterprise'
        ? { kind: 'enterprise', uscc: org.uscc }
        : { kind: 'platform' };

/** Item attributes that are storage, not domain: stripped on the way out. */
const STORAGE_ATTRIBUTES = ['PK', 'SK', 'GSI1PK', 'GSI1SK', 'GSI2PK', 'GSI2SK', 'kind', 'passwordHash'] as const;

function toDomain<T>(item: Record<string, unknown> | undefined): T | undefined {
  if (!item) return undefined;
  const copy: Record<string, unknown> = { ...item };
  for (const attribute of STORAGE_ATTRIBUTES) delete copy[attribute];
  return copy as T;
}

const principalOf = (user: User): Principal => ({
  userId: user.id,
  username: user.username,
  role: user.role,
  tenantId: user.tenantId,
  agency: user.agency,
  county: user.county,
  uscc: user.uscc,
});

/** Platform onboarding and users over the one table (keys from keys.ts only). */
export class DynamoPlatformRepository implements PlatformRepository {
  /**
   * @param tenantStore reads of a tenant's own users go through tenant-scoped credentials (IAM layer 2);
   *   writes also touch the platform-wide sign-in record and so use the platform function's role.
   */
  constructor(
    private readonly store: Store,
    private readonly tenantStore: (tenantId: string) => Promise<Store> = async () => store,
  ) {}

  private readerFor(org: UserOrg): Promise<Store> {
    return org.kind === 'tenant' ? this.tenantStore(org.tenantId) : Promise.resolve(this.store);
  }

  async createTenant(tenant: Tenant, admin: User, passwordHash: string, options: NewUserOptions = {}): Promise<void> {
    const key = keys.tenant(tenant.id);
    await this.store.commit(
      [
        {
          kind: 'create',
          item: { ...key, kind: 'TENANT', GSI1PK: keys.tenantListing, GSI1SK: tenant.id, ...tenant },
          onExists: () => new Conflict(`tenant ${tenant.id} exists`),
        },
        {
          kind: 'create',
          item: { ...keys.tenantUscc(tenant.uscc), kind: 'TENANT_USCC', tenantId: tenant.id },
          onExists: () => new Conflict(`an insurer with USCC ${tenant.uscc} is already onboarded`),
        },
        ...this.userWrites({ kind: 'tenant', tenantId: tenant.id }, admin, passwordHash, options),
      ],
      [
        this.event('platform.tenant.onboarded', 'tenant', tenant.id, key, 1, tenant.id, {
          tenantId: tenant.id,
          name: tenant.name,
          uscc: tenant.uscc,
          branchName: tenant.branchName,
        }),
        this.userCreated({ kind: 'tenant', tenantId: tenant.id }, admin),
      ],
    );
  }

  async getTenant(tenantId: string): Promise<Tenant | undefined> {
    return toDomain<Tenant>(await this.store.get(keys.tenant(tenantId)));
  }

  async listTenants(query: { limit: number; cursor?: string; nameContains?: string }): Promise<Page<Tenant>> {
    const page = await this.store.page<Record<string, unknown>>({
      index: 'GSI1',
      partition: keys.tenantListing,
      limit: query.limit,
      cursor: query.cursor,
      filter: query.nameContains
        ? {
            FilterExpression: 'contains(#name, :q) OR contains(#branch, :q)',
            ExpressionAttributeNames: { '#name': 'name', '#branch': 'branchName' },
            ExpressionAttributeValues: { ':q': query.nameContains },
          }
        : undefined,
    });
    return { items: page.items.map((item) => toDomain<Tenant>(item) as Tenant), nextCursor: page.nextCursor };
  }

  async createRegulator(regulator: Regulator, admin: User, passwordHash: string, options: NewUserOptions = {}): Promise<void> {
    const key = keys.regulator(regulator.id);
    const org: UserOrg = { kind: 'regulator', regulatorId: regulator.id };
    await this.store.commit(
      [
        {
          kind: 'create',
          item: { ...key, kind: 'REGULATOR', GSI1PK: keys.regulatorListing, GSI1SK: regulator.id, ...regulator },
          onExists: () => new Conflict(`regulator ${regulator.id} is already onboarded`),
        },
        ...this.userWrites(org, admin, passwordHash, options),
      ],
      [
        this.event('platform.regulator.onboarded', 'regulator', regulator.id, key, 1, undefined, {
          regulatorId: regulator.id,
          agency: regulator.agency,
          county: regulator.county,
          name: regulator.name,
        }),
        this.userCreated(org, admin),
      ],
    );
  }

  async getRegulator(regulatorId: string): Promise<Regulator | undefined> {
    return toDomain<Regulator>(await this.store.get(keys.regulator(regulatorId)));
  }

  async listRegulators(query: { limit: number; cursor?: string }): Promise<Page<Regulator>> {
    const page = await this.store.page<Record<string, unknown>>({
      index: 'GSI1',
      partition: keys.regulatorListing,
      limit: query.limit,
      cursor: query.cursor,
    });
    return { items: page.items.map((item) => toDomain<Regulator>(item) as Regulator), nextCursor: page.nextCursor };
  }

  async createUser(org: UserOrg, user: User, passwordHash: string, options: NewUserOptions = {}): Promise<void> {
    await this.store.commit(this.userWrites(org, user, passwordHash, options), [this.userCreated(org, user)]);
  }

  async getUser(org: UserOrg, userId: string): Promise<User | undefined> {
    const reader = await this.readerFor(org);
    return toDomain<User>(await reader.get(keys.user(ownerOf(org), userId)));
  }

  async listUsers(org: UserOrg, query: { limit: number; cursor?: string }): Promise<Page<User>> {
    const reader = await this.readerFor(org);
    const page = await reader.page<Record<string, unknown>>({
      index: 'GSI1',
      partition: keys.userListing(ownerOf(org)),
      limit: query.limit,
      cursor: query.cursor,
    });
    return { items: page.items.map((item) => toDomain<User>(item) as User), nextCursor: page.nextCursor };
  }

  async updateUser(org: UserOrg, user: User, expectedVersion: number): Promise<void> {
    const owner = ownerOf(org);
    const key = keys.user(owner, user.id);
    await this.store.commit(
      [
        { kind: 'update', item: { ...key, ...this.userIndex(owner, user), ...user }, expectedVersion, entity: 'user' },
        // The sign-in record mirrors role and status, so a disabled user cannot sign in again.
        {
          kind: 'patch',
          key: keys.credential(user.username),
          set: { principal: principalOf(user), disabled: user.disabled, displayName: user.displayName },
          entity: 'credential',
        },
      ],
      [
        this.event('platform.user.updated', 'user', user.id, key, user.version, user.tenantId, {
          userId: user.id,
          username: user.username,
          role: user.role,
          disabled: user.disabled,
        }),
      ],
    );
  }

  async getCredential(username: string): Promise<Credential | undefined> {
    return this.store.get<Credential>(keys.credential(username));
  }

  async recordSignIn(credential: Credential, outcome: { failedAttempts: number; lockedUntil?: string }): Promise<void> {
    await this.store.commit(
      [
        {
          kind: 'patch',
          key: keys.credential(credential.username),
          set: { failedAttempts: outcome.failedAttempts, lockedUntil: outcome.lockedUntil ?? null },
          entity: 'credential',
        },
      ],
      [],
    );
  }

  async markIdentityRegistered(username: string, passwordHash?: string): Promise<void> {
    const set = { identityPending: false, ...(passwordHash ? { passwordHash } : {}) };
    await this.store.commit([{ kind: 'patch', key: keys.credential(username), set, entity: 'credential' }], []);
  }

  private userIndex(owner: Owner, user: User) {
    return { kind: 'USER', GSI1PK: keys.userListing(owner), GSI1SK: user.id };
  }

  private userWrites(org: UserOrg, user: User, passwordHash: string, options: NewUserOptions): Write[] {
    const owner = ownerOf(org);
    const credential: Credential = {
      username: user.username,
      displayName: user.displayName,
      passwordHash,
      principal: principalOf(user),
      disabled: user.disabled,
      failedAttempts: 0,
      ...(options.identityPending ? { identityPending: true } : {}),
      version: 1,
    };
    return [
      {
        kind: 'create',
        item: { ...keys.user(owner, user.id), ...this.userIndex(owner, user), ...user },
        onExists: () => new Conflict(`user ${user.id} exists`),
      },
      {
        kind: 'create',
        item: { ...keys.credential(user.username), kind: 'CREDENTIAL', ...credential },
        onExists: () => new Conflict(`user name ${user.username} is taken`),
      },
    ];
  }

  private userCreated(org: UserOrg, user: User): OutboxEvent {
    return this.event('platform.user.created', 'user', user.id, keys.user(ownerOf(org), user.id), 1, user.tenantId, {
      userId: user.id,
      username: user.username,
      role: user.role,
    });
  }

  private event(
    type: string,
    aggregateType: string,
    id: string,
    key: ItemKey,
    sequence: number,
    tenantId: string | undefined,
    data: Record<string, unknown>,
  ): OutboxEvent {
    return { type, aggregate: { type: aggregateType, id, key }, sequence, tenantId, data };
  }
}
