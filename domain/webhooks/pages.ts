import type { AttemptOutcome, WebhookDelivery } from './delivery.js';
import type { WebhookOwner } from './subscription.js';

/**
 * Issue 17 (throughput): messages whose FIRST attempt delivers are kept in pages — one stored item per batch of up
 * to {@link PAGE_MAX_MESSAGES} messages of one endpoint, with each message's body and its one attempt — instead of a
 * message item before sending and an attempt log item after (two writes a message; DynamoDB's per-item write cost
 * capped delivery at ~100 messages/s). A message that does not deliver at once gets an item of its own with its
 * due-index entry, and from there the retry schedule goes on exactly as before.
 *
 * A page is written twice: OPEN before anything is sent (the messages, and a due-index entry at the end of its
 * lease) and CLOSED after (only the delivered messages, each with its attempt). A process that stops in between
 * leaves the page OPEN; when its lease is over, the retry loop sends its messages again with the same
 * `webhook-id` — at-least-once, as Standard Webhooks expects receivers to handle. Where the messages wait in a
 * durable queue until the page is closed (SQS on AWS), the OPEN write is left out: the queue sends them again.
 */
export const PAGE_MAX_MESSAGES = 100;
/**
 * The bodies a page carries at most. With 100 answers of ≤ 1 KB (RESPONSE_SNIPPET_MAX) and each entry's ids, the
 * page item stays under 350 KB — DynamoDB's item limit is 400 KB. A message alone over it (a body ≤ 20 KB never
 * is) would still make a page of one.
 */
export const PAGE_MAX_BODY_BYTES = 160 * 1024;
/** How long an OPEN page may wait for its close before the retry loop takes its process for stopped. */
export const PAGE_LEASE_MS = 60_000;

export interface DeliveryPage {
  /** `<subscriptionId>_<time-ordered id>`: it sorts with the endpoint's own message items by time. */
  readonly id: string;
  readonly subscriptionId: string;
  readonly owner: WebhookOwner;
  readonly createdAt: string;
  /** OPEN: the messages as made, none attempted yet. CLOSED: only the delivered ones, each with its attempt. */
  readonly state: 'OPEN' | 'CLOSED';
  readonly messages: readonly WebhookDelivery[];
  /** While OPEN: when the retry loop may take it as abandoned. */
  readonly leaseUntil?: string;
}

const bytes = (text: string) => new TextEncoder().encode(text).length;

/**
 * The pages a batch of new messages makes: per endpoint (a page is one endpoint's, in its owner's partition), in
 * the order given, at most {@link PAGE_MAX_MESSAGES} messages and {@link PAGE_MAX_BODY_BYTES} of bodies each.
 */
export function packPages(messages: readonly WebhookDelivery[]): WebhookDelivery[][] {
  const byEndpoint = new Map<string, WebhookDelivery[][]>();
  const sizes = new Map<WebhookDelivery[], number>();
  for (const message of messages) {
    const pages = byEndpoint.get(message.subscriptionId) ?? [];
    if (pages.length === 0) byEndpoint.set(message.subscriptionId, pages);
    const size = bytes(message.body);
    let last = pages[pages.length - 1];
    if (!last || last.length >= PAGE_MAX_MESSAGES || (sizes.get(last) ?? 0) + size > PAGE_MAX_BODY_BYTES) {
      last = [];
      pages.push(last);
    }
    last.push(message);
    sizes.set(last, (sizes.get(last) ?? 0) + size);
  }
  return [...byEndpoint.values()].flat();
}

/**
 * The id the delivery log shows for a message kept in a page: its delivery id and nine characters of the page's
 * time (the page is found again by them, with one Query of the endpoint's partition). 53 + 10 characters: inside
 * the API's 64-character ids. A replay keeps it as the id of the message's own item.
 */
export function pageEntryId(deliveryId: string, pageId: string): string {
  return `${deliveryId}-${pageLocator(pageId)}`;
}

/** The page's time, as its id begins after the endpoint's id: the time-ordered id's 10 characters but the first. */
export function pageLocator(pageId: string): string {
  const time = pageId.slice(pageId.indexOf('_') + 1);
  return time.slice(1, 10);
}

/** The key prefix of the pages {@link pageEntryId} may point at, within the endpoint's partition. */
export function pagePrefix(subscriptionId: string, locator: string): string {
  return `${subscriptionId}_0${locator}`;
}

const ENTRY_ID = /^([A-Za-z0-9]+_[A-Za-z0-9_]+)-([0-9a-z]{9})$/;

/** A page entry's id taken apart; undefined for the id of a message with an item of its own. */
export function pageEntryParts(id: string): { readonly deliveryId: string; readonly locator: string } | undefined {
  const match = ENTRY_ID.exec(id);
  return match ? { deliveryId: match[1] as string, locator: match[2] as string } : undefined;
}

/**
 * Issue 17: an endpoint's health after a page's first attempts, made together: a 410 (or 5 days failing) disables
 * it; one delivery clears its failing-since (the endpoint answers); all failing starts it (or keeps the earlier).
 */
export function healthAfterPage(
  failingSince: string | undefined,
  outcomes: readonly AttemptOutcome[],
): { readonly failingSince: string | undefined; readonly disable?: string } {
  const disable = outcomes.find((outcome) => outcome.disable)?.disable;
  const failures = outcomes.filter((outcome) => outcome.failingSince !== undefined);
  const anyDelivered = outcomes.some((outcome) => outcome.delivery.status === 'DELIVERED');
  const since =
    anyDelivered && !disable
      ? undefined
      : (failingSince ?? failures.map((outcome) => outcome.failingSince as string).sort()[0]);
  return { failingSince: since, ...(disable ? { disable } : {}) };
}
