import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Agency } from '../../../domain/identity/role.js';
import { accessLogExpiresAt, type AccessLogEntry, type AccessLogReader, type AccessLogWriter } from '../../../domain/supervision/access-log.js';
import type { Page } from '../../../domain/supervision/supervision-reads.port.js';
import { keys } from './keys.js';
import type { Store } from './store.js';
import { entityOf } from './stored-item.js';

/**
 * Issue 14's access log: `T#<tenantId>#ACCESS-LOG` / `<at>#<id>`, one PutItem per read, no transaction and no
 * outbox — an entry is a record of a read, not a state change anyone subscribes to. `attribute_not_exists`
 * keeps it append-only (an entry is never overwritten); `expiresAt` lets TTL remove it after five years.
 */
export class DynamoAccessLogWriter implements AccessLogWriter {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async record(entry: AccessLogEntry): Promise<void> {
    const sortKey = `${entry.at}#${entry.id}`;
    await this.doc.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          ...entry,
          PK: keys.accessLog(entry.tenantId),
          SK: sortKey,
          kind: 'ACCESS-LOG',
          GSI1PK: keys.accessLogOfAgency(entry.tenantId, entry.reader.agency),
          GSI1SK: sortKey,
          expiresAt: accessLogExpiresAt(new Date(entry.at)),
        },
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    );
  }
}

/** The insurer's reading of its own log, through its tenant role. */
export class DynamoAccessLogReader implements AccessLogReader {
  constructor(private readonly store: Store) {}

  async list(tenantId: string, query: { limit: number; cursor?: string; agency?: Agency; withTotal?: boolean }): Promise<Page<AccessLogEntry>> {
    const page = await this.store.page<Record<string, unknown>>(
      query.agency
        ? { index: 'GSI1', partition: keys.accessLogOfAgency(tenantId, query.agency), limit: query.limit, cursor: query.cursor, newestFirst: true, withTotal: query.withTotal === true && !query.cursor }
        : { partition: keys.accessLog(tenantId), limit: query.limit, cursor: query.cursor, newestFirst: true, withTotal: query.withTotal === true && !query.cursor },
    );
    return {
      items: page.items.map((item) => entityOf<AccessLogEntry>(item, ['expiresAt'])),
      nextCursor: page.nextCursor,
      ...(page.total === undefined ? {} : { total: page.total }),
    };
  }
}
