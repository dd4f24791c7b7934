import type { Principal } from '../../../domain/identity/principal.js';
import type { Changed, DomainEvent } from '../../../domain/kernel/events.js';
import type {
  Credential,
  NewUserOptions,
  Page,
  PlatformRepository,
  UserOrg,
} from '../../../domain/platform/platform.repository.js';
import type { Regulator } from '../../../domain/platform/regulator.js';
import type { RegulatorOnboarding } from '../../../domain/platform/regulator.rules.js';
import type { Tenant } from '../../../domain/platform/tenant.js';
import type { TenantOnboarding } from '../../../domain/platform/tenant.rules.js';
import type { User } from '../../../domain/platform/user.js';
import { Conflict } from '../../../domain/kernel/errors.js';
import { keys, type ItemKey, type Owner } from './keys.js';
import { outboxOf, type OutboxEvent, type Store, type Write } from './store.js';

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

  async createTenant({ state: { tenant, admin }, events }: Changed<TenantOnboarding>, passwordHash: string, options: NewUserOptions = {}): Promise<void> {
    const key = keys.tenant(tenant.id);
    const org: UserOrg = { kind: 'tenant', tenantId: tenant.id };
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
        ...this.userWrites(org, admin, passwordHash, options),
      ],
      this.outbox(org, events),
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

  async createRegulator(
    { state: { regulator, admin }, events }: Changed<RegulatorOnboarding>,
    passwordHash: string,
    options: NewUserOptions = {},
  ): Promise<void> {
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
      this.outbox(org, events),
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

  async createUser(org: UserOrg, { state: user, events }: Changed<User>, passwordHash: string, options: NewUserOptions = {}): Promise<void> {
    await this.store.commit(this.userWrites(org, user, passwordHash, options), this.outbox(org, events));
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

  async updateUser(org: UserOrg, { state: user, events }: Changed<User>, expectedVersion: number): Promise<void> {
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
      this.outbox(org, events),
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

  /** Each event in the partition of its aggregate's item (tenant, regulator, or a user of `org`). */
  private outbox(org: UserOrg, events: readonly DomainEvent[]): OutboxEvent[] {
    return events.map((event) => outboxOf(event, this.aggregateKey(org, event.aggregate)));
  }

  private aggregateKey(org: UserOrg, aggregate: DomainEvent['aggregate']): ItemKey {
    switch (aggregate.type) {
      case 'tenant':
        return keys.tenant(aggregate.id);
      case 'regulator':
        return keys.regulator(aggregate.id);
      case 'user':
        return keys.user(ownerOf(org), aggregate.id);
      default:
        throw new Error(`no platform item holds a ${aggregate.type}`);
    }
  }
}
