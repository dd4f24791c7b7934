import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { NotFound } from '../../../domain/kernel/errors.js';
import type { InboxOwner, InboxPage, InboxRepository } from '../../../domain/notifications/inbox.repository.js';
import type { Notification, NotificationPreferences } from '../../../domain/notifications/notification.js';
import type { UserOrg } from '../../../domain/platform/user-org.js';
import type { Clock } from '../clock.js';
import { keys, type Owner } from './keys.js';
import { Store } from './store.js';

/** One transaction holds at most 100 items; one of them is the unread counter. */
const MARK_PER_TRANSACTION = 99;
const MAX_ATTEMPTS = 5;

const ownerOf = (org: UserOrg): Owner => org;

/** Stored with the table's own `kind` (the item type); the notification's kind is kept as `notificationKind`. */
const notificationOf = (item: Record<string, unknown>): Notification => {
  const { PK: _pk, SK: _sk, kind: _kind, notificationKind, ...rest } = item;
  return { ...rest, kind: notificationKind } as unknown as Notification;
};

const conditionFailed = (error: unknown): boolean =>
  error instanceof TransactionCanceledException && (error.CancellationReasons ?? []).some((reason) => reason.Code === 'ConditionalCheckFailed');

/**
 * Issue 16: the inbox in the user's own partition (keys.inbox). A notification and the unread counter change in
 * one transaction, so the count in the response is the count of the items. `clientFor` gives an insurer user's
 * inbox the tenant-scoped client (IAM layer 2) and every other inbox the function's own.
 */
export class DynamoInboxRepository implements InboxRepository {
  constructor(
    private readonly clientFor: (org: UserOrg) => Promise<DynamoDBDocumentClient>,
    private readonly tableName: string,
    private readonly clock: Clock,
  ) {}

  async deliver(owner: InboxOwner, notification: Notification): Promise<boolean> {
    const doc = await this.clientFor(owner.org);
    const key = keys.notification(ownerOf(owner.org), owner.userId, notification.id);
    try {
      await doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.tableName,
                Item: { ...notification, ...key, kind: 'NOTIFICATION', notificationKind: notification.kind },
                // The id is made from the event's id: a redelivered event finds its notification already there.
                ConditionExpression: 'attribute_not_exists(PK)',
              },
            },
            {
              Update: {
                TableName: this.tableName,
                Key: keys.inboxCounter(ownerOf(owner.org), owner.userId),
                UpdateExpression: 'ADD unread :one',
                ExpressionAttributeValues: { ':one': 1 },
              },
            },
          ],
        }),
      );
      return true;
    } catch (error) {
      if (conditionFailed(error)) return false;
      throw error;
    }
  }

  async list(owner: InboxOwner, query: { readonly limit: number; readonly cursor?: string; readonly withTotal?: boolean }): Promise<InboxPage> {
    const doc = await this.clientFor(owner.org);
    const partition = keys.inbox(ownerOf(owner.org), owner.userId);
    const [page, counter] = await Promise.all([
      new Store(doc, this.tableName, this.clock).page<Record<string, unknown>>({
        partition,
        limit: query.limit,
        cursor: query.cursor,
        newestFirst: true,
        sortKey: { beginsWith: keys.notificationPrefix },
        consistent: true,
        withTotal: query.withTotal === true && !query.cursor,
      }),
      doc.send(new GetCommand({ TableName: this.tableName, Key: keys.inboxCounter(ownerOf(owner.org), owner.userId), ConsistentRead: true })),
    ]);
    const unread = Math.max(0, Number(counter.Item?.unread ?? 0));
    return { items: page.items.map(notificationOf), unread, ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}), ...(page.total === undefined ? {} : { total: page.total }) };
  }

  async markRead(owner: InboxOwner, notificationId: string, at: string): Promise<Notification> {
    const doc = await this.clientFor(owner.org);
    const key = keys.notification(ownerOf(owner.org), owner.userId, notificationId);
    const read = async () => (await doc.send(new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: true }))).Item;
    const item = await read();
    if (!item) throw new NotFound('notification');
    if (item.readAt !== undefined) return notificationOf(item);
    try {
      await doc.send(new TransactWriteCommand({ TransactItems: this.markItems(owner, [key], at) }));
    } catch (error) {
      // Marked read meanwhile (another tab, read-all): nothing left to count down.
      if (!conditionFailed(error)) throw error;
    }
    return notificationOf((await read()) ?? item);
  }

  async markAllRead(owner: InboxOwner, at: string): Promise<number> {
    const doc = await this.clientFor(owner.org);
    const partition = keys.inbox(ownerOf(owner.org), owner.userId);
    let marked = 0;
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
      const unread = await this.unreadKeys(doc, partition);
      if (unread.length === 0) return marked;
      try {
        for (let start = 0; start < unread.length; start += MARK_PER_TRANSACTION) {
          const batch = unread.slice(start, start + MARK_PER_TRANSACTION);
          await doc.send(new TransactWriteCommand({ TransactItems: this.markItems(owner, batch, at) }));
          marked += batch.length;
        }
        return marked;
      } catch (error) {
        // One was marked read meanwhile: read the unread ones again and mark the rest.
        if (!conditionFailed(error)) throw error;
      }
    }
    return marked;
  }

  async preferences(owner: InboxOwner): Promise<NotificationPreferences | undefined> {
    const doc = await this.clientFor(owner.org);
    const out = await doc.send(
      new GetCommand({ TableName: this.tableName, Key: keys.notificationPreferences(ownerOf(owner.org), owner.userId), ConsistentRead: true }),
    );
    if (!out.Item) return undefined;
    const { kinds, channels, email, mobile } = out.Item as NotificationPreferences;
    return { kinds, channels, ...(email ? { email } : {}), ...(mobile ? { mobile } : {}) };
  }

  async savePreferences(owner: InboxOwner, preferences: NotificationPreferences): Promise<void> {
    const doc = await this.clientFor(owner.org);
    await doc.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          ...keys.notificationPreferences(ownerOf(owner.org), owner.userId),
          kind: 'NOTIFICATION_PREFERENCES',
          ...preferences,
          updatedAt: this.clock.now().toISOString(),
        },
      }),
    );
  }

  /** Each notification set read only if still unread, and the counter down by as many, all or nothing. */
  private markItems(owner: InboxOwner, itemKeys: readonly { PK: string; SK: string }[], at: string) {
    return [
      ...itemKeys.map((key) => ({
        Update: {
          TableName: this.tableName,
          Key: key,
          UpdateExpression: 'SET readAt = :at',
          ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(readAt)',
          ExpressionAttributeValues: { ':at': at },
        },
      })),
      {
        Update: {
          TableName: this.tableName,
          Key: keys.inboxCounter(ownerOf(owner.org), owner.userId),
          UpdateExpression: 'ADD unread :minus',
          ExpressionAttributeValues: { ':minus': -itemKeys.length },
        },
      },
    ];
  }

  /** The keys of every unread notification: one Query of the inbox partition (a person's inbox is small). */
  private async unreadKeys(doc: DynamoDBDocumentClient, partition: string): Promise<{ PK: string; SK: string }[]> {
    const found: { PK: string; SK: string }[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const out = await doc.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :n)',
          FilterExpression: 'attribute_not_exists(readAt)',
          ProjectionExpression: 'PK, SK',
          ExpressionAttributeValues: { ':pk': partition, ':n': keys.notificationPrefix },
          ConsistentRead: true,
          ExclusiveStartKey: start,
        }),
      );
      found.push(...((out.Items ?? []) as { PK: string; SK: string }[]));
      start = out.LastEvaluatedKey;
    } while (start);
    return found;
  }
}
