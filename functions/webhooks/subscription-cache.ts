import type { DomainEvent } from '../../domain/kernel/events.js';
import type { PageOf, WebhookRouteDirectory, WebhookSubscriptions } from '../../domain/webhooks/ports.js';
import type { WebhookOwner, WebhookRoute, WebhookSubscription } from '../../domain/webhooks/subscription.js';

interface Entry<T> {
  readonly at: number;
  readonly generation: number;
  readonly value: Promise<T>;
}

/** Subscriptions remembered for attempts; past this many the map starts afresh, so memory stays flat. */
const MAX_SUBSCRIPTIONS = 10_000;

/**
 * Issue 17 (throughput): the routing directory and the subscriptions the dispatcher reads, remembered for a short
 * time instead of read from DynamoDB for every event and every attempt (a Query and a GetItem per message were
 * most of the bench's 60 messages/s).
 *
 * Freshness: every write made through this object (the API's create, update, delete, rotation, and the
 * dispatcher's own health updates) forgets everything at once, so in one process — the local platform — an event
 * after a change is always routed by the changed directory, and an attempt after a deletion, a disable or a
 * rotation sees it. A write made by another process (on AWS the API function writes, the webhooks functions read)
 * is seen within `ttlMs`: a new subscription can miss events of its first second, a deleted or disabled endpoint
 * can receive attempts for up to a second after, and a rotated secret is taken up within a second (the old one
 * still verifies for 24 h). A read that was under way while a write happened is not kept.
 *
 * `get` used by the API (its version checks) is never cached: only {@link forAttempts} is.
 */
export class SubscriptionCache implements WebhookSubscriptions, WebhookRouteDirectory {
  private generation = 0;
  private routesEntry: Entry<readonly WebhookRoute[]> | undefined;
  private readonly subscriptions = new Map<string, Entry<WebhookSubscription | undefined>>();

  constructor(
    private readonly inner: WebhookSubscriptions & WebhookRouteDirectory,
    private readonly ttlMs = 1000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Forgets every remembered read (and makes reads under way not kept). */
  invalidate(): void {
    this.generation += 1;
    this.routesEntry = undefined;
    this.subscriptions.clear();
  }

  private fresh<T>(entry: Entry<T> | undefined): entry is Entry<T> {
    return entry !== undefined && entry.generation === this.generation && this.now() - entry.at < this.ttlMs;
  }

  private remember<T>(read: () => Promise<T>, keep: (entry: Entry<T> | undefined) => void): Promise<T> {
    const generation = this.generation;
    const entry: Entry<T> = { at: this.now(), generation, value: read() };
    keep(entry);
    // A failed read is not remembered: the next caller reads again.
    entry.value.catch(() => keep(undefined));
    return entry.value;
  }

  private async written<T>(write: () => Promise<T>): Promise<T> {
    this.invalidate();
    try {
      return await write();
    } finally {
      this.invalidate();
    }
  }

  routes(): Promise<readonly WebhookRoute[]> {
    if (this.fresh(this.routesEntry)) return this.routesEntry.value;
    return this.remember(
      () => this.inner.routes(),
      (entry) => {
        if (!entry || entry.generation === this.generation) this.routesEntry = entry;
      },
    );
  }

  /** The subscription an attempt signs and sends with (deleted or disabled: nothing is sent). */
  readonly forAttempts = {
    get: (owner: WebhookOwner, id: string): Promise<WebhookSubscription | undefined> => {
      const key = `${owner.kind === 'tenant' ? `T:${owner.tenantId}` : `R:${owner.agency}:${owner.county ?? ''}`}/${id}`;
      const known = this.subscriptions.get(key);
      if (this.fresh(known)) return known.value;
      if (this.subscriptions.size >= MAX_SUBSCRIPTIONS) this.subscriptions.clear();
      return this.remember(
        () => this.inner.get(owner, id),
        (entry) => {
          if (!entry) this.subscriptions.delete(key);
          else if (entry.generation === this.generation) this.subscriptions.set(key, entry);
        },
      );
    },
  };

  create(subscription: WebhookSubscription): Promise<void> {
    return this.written(() => this.inner.create(subscription));
  }

  get(owner: WebhookOwner, id: string): Promise<WebhookSubscription | undefined> {
    return this.inner.get(owner, id);
  }

  list(owner: WebhookOwner, limit: number, cursor?: string, withTotal?: boolean): Promise<PageOf<WebhookSubscription>> {
    return this.inner.list(owner, limit, cursor, withTotal);
  }

  update(subscription: WebhookSubscription, expectedVersion: number, events?: readonly DomainEvent[]): Promise<void> {
    return this.written(() => this.inner.update(subscription, expectedVersion, events));
  }

  remove(subscription: WebhookSubscription): Promise<void> {
    return this.written(() => this.inner.remove(subscription));
  }
}
