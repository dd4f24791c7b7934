import type { DomainEvent } from '../kernel/events.js';
import type { DeliveryStatus, WebhookDelivery } from './delivery.js';
import type { DeliveryPage } from './pages.js';
import type { WebhookOwner, WebhookRoute, WebhookSubscription } from './subscription.js';

export interface PageOf<T> {
  readonly items: T[];
  readonly nextCursor?: string;
  /** Issue 15: the rows matching the query, on its first page. */
  readonly total?: number;
}

/** Issue 17: an owner's webhook subscriptions (and the routing directory kept with them in the same writes). */
export interface WebhookSubscriptions {
  create(subscription: WebhookSubscription): Promise<void>;
  get(owner: WebhookOwner, id: string): Promise<WebhookSubscription | undefined>;
  list(owner: WebhookOwner, limit: number, cursor?: string, withTotal?: boolean): Promise<PageOf<WebhookSubscription>>;
  /** Optimistic: fails (412) unless the stored version is `expectedVersion`; `events` go to the outbox with it. */
  update(subscription: WebhookSubscription, expectedVersion: number, events?: readonly DomainEvent[]): Promise<void>;
  remove(subscription: WebhookSubscription): Promise<void>;
}

/** Every subscription's routing facts (no secret, no URL), for the dispatcher. */
export interface WebhookRouteDirectory {
  routes(): Promise<readonly WebhookRoute[]>;
}

export interface DeliveryFilter {
  readonly subscriptionId?: string;
  readonly status?: DeliveryStatus;
  readonly limit: number;
  readonly cursor?: string;
  /** Issue 15: answer the total with the first page (the list route only: it costs a count). */
  readonly withTotal?: boolean;
}

/** What the retry loop finds due: messages whose next attempt has come, and OPEN pages whose lease is over. */
export interface DueWork {
  readonly messages: WebhookDelivery[];
  readonly pages: DeliveryPage[];
}

/**
 * Issue 17: messages and their attempts (the delivery log) — a message with an item of its own, or one of a page
 * of first attempts that delivered (./pages.ts) — and the due index the retries are driven by. Reads answer both
 * alike: a page's message has the id `pageEntryId` (./pages.ts) gives it.
 */
export interface WebhookDeliveries {
  /** Creates the message unless one with its id exists (the bus delivers at least once); true when created. */
  createIfAbsent(delivery: WebhookDelivery): Promise<boolean>;
  getDelivery(owner: WebhookOwner, id: string): Promise<WebhookDelivery | undefined>;
  /** Writes a message's own item; a page's message (a replay) gets one, and its page entry is no longer listed. */
  save(delivery: WebhookDelivery): Promise<void>;
  /** Writes a page OPEN (before its messages are sent) or CLOSED (after: its delivered messages; none: removed). */
  savePage(page: DeliveryPage): Promise<void>;
  listDeliveries(owner: WebhookOwner, filter: DeliveryFilter): Promise<PageOf<WebhookDelivery>>;
  /** One subscription's messages made at or after `since`, oldest first, at most `limit`. */
  since(owner: WebhookOwner, subscriptionId: string, since: Date, limit: number): Promise<WebhookDelivery[]>;
  /** Messages due at or before `now`, and OPEN pages whose lease ended by then (the local retry loop). */
  due(now: Date, limit: number): Promise<DueWork>;
}

/** An HTTP answer, as much as the log keeps. */
export interface TransportResponse {
  readonly status: number;
  readonly body: string;
}

/** A refused endpoint: the SSRF guard said no; the attempt is logged with this reason and no socket is opened. */
export class RefusedEndpoint extends Error {
  override readonly name = 'RefusedEndpoint';
}

/**
 * Sends one message to an endpoint. The implementation resolves the host, refuses every address the SSRF guard
 * refuses (domain/webhooks/address-guard.ts) and connects only to a checked address.
 */
export interface WebhookTransport {
  post(url: string, headers: Readonly<Record<string, string>>, body: string): Promise<TransportResponse>;
}

/** Hands a due message to whatever attempts it: in-process locally, an SQS message (with a delay) on AWS. */
export interface DeliveryQueue {
  /** A stored message (its own item), due now or at `nextAttemptAt`. */
  enqueue(delivery: Pick<WebhookDelivery, 'id' | 'owner' | 'nextAttemptAt'>): Promise<void>;
  /**
   * New messages for their first attempt, not stored yet: they travel whole (body included) and are stored in
   * pages by whoever attempts them. Resolves once they are in the queue's hands.
   */
  enqueueFirst(deliveries: readonly WebhookDelivery[]): Promise<void>;
}
