import type { Principal } from '../../../domain/identity/principal.js';
import type { Changed, DomainEvent } from '../../../domain/kernel/events.js';
import { UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type {
  Credential,
  NewUserOptions,
  Page,
  PlatformRepository,
  SignInAdmission,
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
    /** The sign-in counter's conditional UpdateItem calls (admitSignIn); only the sign-in needs it. */
    private readonly doc?: DynamoDBDocumentClient,
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

  async listTenants(query: { limit: number; cursor?: string; nameContains?: string; withTotal?: boolean }): Promise<Page<Tenant>> {
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
      withTotal: query.withTotal === true && !query.cursor,
    });
    return {
      items: page.items.map((item) => toDomain<Tenant>(item) as Tenant),
      nextCursor: page.nextCursor,
      ...(page.total === undefined ? {} : { total: page.total }),
    };
  }

  async saveTenant({ state: tenant, events }: Changed<Tenant>, expectedVersion: number): Promise<void> {
    const key = keys.tenant(tenant.id);
    await this.store.commit(
      [{ kind: 'update', item: { ...key, kind: 'TENANT', GSI1PK: keys.tenantListing, GSI1SK: tenant.id, ...tenant }, expectedVersion, entity: 'tenant' }],
      this.outbox({ kind: 'platform' }, events),
    );
  }

  async lastSignIns(usernames: readonly string[]): Promise<ReadonlyMap<string, string>> {
    const credentials = await this.store.getMany<Credential & { lastSignInAt?: string }>(usernames.map((username) => keys.credential(username)));
    return new Map(credentials.flatMap((credential) => (credential.lastSignInAt ? [[credential.username, credential.lastSignInAt] as const] : [])));
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

  async listRegulators(query: { limit: number; cursor?: string; withTotal?: boolean }): Promise<Page<Regulator>> {
    const page = await this.store.page<Record<string, unknown>>({
      index: 'GSI1',
      partition: keys.regulatorListing,
      limit: query.limit,
      cursor: query.cursor,
      withTotal: query.withTotal === true && !query.cursor,
    });
    return { items: page.items.map((item) => toDomain<Regulator>(item) as Regulator), nextCursor: page.nextCursor, ...(page.total === undefined ? {} : { total: page.total }) };
  }

  async createUser(org: UserOrg, { state: user, events }: Changed<User>, passwordHash: string, options: NewUserOptions = {}): Promise<void> {
    await this.store.commit(this.userWrites(org, user, passwordHash, options), this.outbox(org, events));
  }

  async getUser(org: UserOrg, userId: string): Promise<User | undefined> {
    const reader = await this.readerFor(org);
    return toDomain<User>(await reader.get(keys.user(ownerOf(org), userId)));
  }

  async listUsers(org: UserOrg, query: { limit: number; cursor?: string; withTotal?: boolean }): Promise<Page<User>> {
    const reader = await this.readerFor(org);
    const page = await reader.page<Record<string, unknown>>({
      index: 'GSI1',
      partition: keys.userListing(ownerOf(org)),
      limit: query.limit,
      cursor: query.cursor,
      withTotal: query.withTotal === true && !query.cursor,
    });
    return { items: page.items.map((item) => toDomain<User>(item) as User), nextCursor: page.nextCursor, ...(page.total === undefined ? {} : { total: page.total }) };
  }

  async updateUser(
    org: UserOrg,
    { state: user, events }: Changed<User>,
    expectedVersion: number,
    options: { readonly revokeTokens?: boolean } = {},
  ): Promise<void> {
    const owner = ownerOf(org);
    const key = keys.user(owner, user.id);
    await this.store.commit(
      [
        { kind: 'update', item: { ...key, ...this.userIndex(owner, user), ...user }, expectedVersion, entity: 'user' },
        // The sign-in record mirrors role and status, so a disabled user cannot sign in again.
        {
          kind: 'patch',
          key: keys.credential(user.username),
          set: {
            principal: principalOf(user),
            disabled: user.disabled,
            displayName: user.displayName,
            ...(options.revokeTokens ? { tokenVersion: user.version } : {}),
          },
          entity: 'credential',
        },
      ],
      this.outbox(org, events),
    );
  }

  async getCredential(username: string): Promise<Credential | undefined> {
    return this.store.get<Credential>(keys.credential(username));
  }

  async admitSignIn(
    username: string,
    policy: { readonly now: Date; readonly maxAttempts: number; readonly lockMinutes: number },
  ): Promise<SignInAdmission | undefined> {
    if (!this.doc) throw new Error('DynamoPlatformRepository: admitSignIn needs the document client');
    const now = policy.now.toISOString();
    const lockUntil = new Date(policy.now.getTime() + policy.lockMinutes * 60_000).toISOString();
    const last = policy.maxAttempts - 1;
    const unlocked = '(attribute_not_exists(#locked) OR attribute_type(#locked, :nullType))';
    // Each round reads the record, then takes a slot with the one update its state calls for, guarded so that
    // a concurrent attempt that moved the state first makes this one fail and read again. Bounded: a slot is
    // taken (or the lock seen) within a few rounds however many attempts race.
    for (let round = 0; round < policy.maxAttempts + 5; round += 1) {
      const credential = await this.store.get<Credential>(keys.credential(username));
      if (!credential) return undefined;
      const lockedUntil = typeof credential.lockedUntil === 'string' ? credential.lockedUntil : undefined;
      if (lockedUntil && lockedUntil > now) return { admitted: false, lockedUntil };
      const count = lockedUntil ? 0 : (credential.failedAttempts ?? 0);
      if (!lockedUntil && count > last) {
        // Counted full without a lock (a record from before): lock it now, from this attempt.
        await this.slot(username, 'SET #locked = :until', `${unlocked} AND #failed > :last`, { ':until': lockUntil, ':last': last });
        continue;
      }
      const taken = lockedUntil
        ? // The lock has run out: a new window, this attempt its first.
          await this.slot(username, 'SET #failed = :one, #locked = :null', '#locked = :seen', { ':seen': lockedUntil, ':one': 1 })
        : count < last
          ? await this.slot(username, 'SET #failed = if_not_exists(#failed, :zero) + :one', `${unlocked} AND (attribute_not_exists(#failed) OR #failed < :last)`, {
              ':zero': 0,
              ':one': 1,
              ':last': last,
            })
          : // The last slot of the window sets the lock with it; a right password lifts it again.
            await this.slot(username, 'SET #failed = #failed + :one, #locked = :until', `${unlocked} AND #failed = :last`, {
              ':one': 1,
              ':last': last,
              ':until': lockUntil,
            });
      if (taken) return { admitted: true, credential };
    }
    return { admitted: false, lockedUntil: lockUntil };
  }

  /** One guarded UpdateItem on a sign-in record; false when its condition did not hold (someone was first). */
  private async slot(username: string, update: string, condition: string, values: Record<string, unknown>): Promise<boolean> {
    const names: Record<string, string> = { '#failed': 'failedAttempts', '#locked': 'lockedUntil' };
    const all = { ...values, ...(condition.includes(':nullType') ? { ':nullType': 'NULL' } : {}), ...(update.includes(':null') ? { ':null': null } : {}) };
    const used = (name: string) => update.includes(name) || condition.includes(name);
    try {
      await this.doc?.send(
        new UpdateCommand({
          TableName: this.store.tableName,
          Key: keys.credential(username),
          UpdateExpression: update,
          ConditionExpression: `attribute_exists(PK) AND ${condition}`,
          ExpressionAttributeNames: Object.fromEntries(Object.entries(names).filter(([name]) => used(name))),
          ExpressionAttributeValues: Object.fromEntries(Object.entries(all).filter(([name]) => used(name))),
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof Error && error.name === 'ConditionalCheckFailedException') return false;
      throw error;
    }
  }

  async clearSignInFailures(username: string, at?: string): Promise<void> {
    const set = { failedAttempts: 0, lockedUntil: null, ...(at ? { lastSignInAt: at } : {}) };
    await this.store.commit(
      [{ kind: 'patch', key: keys.credential(username), set, entity: 'credential' }],
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
      tokenVersion: user.version,
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
