import type { DomainEvent } from '../kernel/events.js';
import type { DeliveryStatus, WebhookDelivery } from './delivery.js';
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

/** Issue 17: messages and their attempts (the delivery log), and the due index the retries are driven by. */
export interface WebhookDeliveries {
  /** Creates the message unless one with its id exists (the bus delivers at least once); true when created. */
  createIfAbsent(delivery: WebhookDelivery): Promise<boolean>;
  getDelivery(owner: WebhookOwner, id: string): Promise<WebhookDelivery | undefined>;
  save(delivery: WebhookDelivery): Promise<void>;
  listDeliveries(owner: WebhookOwner, filter: DeliveryFilter): Promise<PageOf<WebhookDelivery>>;
  /** One subscription's messages made at or after `since`, oldest first, at most `limit`. */
  since(owner: WebhookOwner, subscriptionId: string, since: Date, limit: number): Promise<WebhookDelivery[]>;
  /** Messages due at or before `now` (the local retry loop; a safety sweep on AWS). */
  due(now: Date, limit: number): Promise<WebhookDelivery[]>;
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
  enqueue(delivery: Pick<WebhookDelivery, 'id' | 'owner' | 'nextAttemptAt'>): Promise<void>;
}
