import { existsSync, readFileSync } from 'node:fs';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type _Record,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { relayStreamBatch } from '../../functions/relay/handler.js';
import type { BusEvent } from '../../functions/relay/bus-event.js';
import { replaceFileSync } from './replace-file.js';

/**
 * The local outbox relay: reads the table's stream like the Lambda event source mapping does and hands
 * each batch to the very same `relayStreamBatch` the AWS relay runs, publishing to the in-process bus.
 * Positions are saved to a file, so a restart resumes after the last delivered record instead of replaying.
 */
export class LocalOutboxRelay {
  private readonly client: DynamoDBStreamsClient;
  private readonly iterators = new Map<string, string | undefined>();
  private positions: Record<string, string> = {};
  private running = false;
  private loop: Promise<void> | undefined;

  constructor(
    endpoint: string,
    private readonly streamArn: string,
    private readonly publish: (events: readonly BusEvent[]) => Promise<void>,
    private readonly positionsFile: string,
    private readonly intervalMs = 200,
  ) {
    this.client = new DynamoDBStreamsClient({
      endpoint,
      region: 'cn-north-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    if (existsSync(positionsFile)) this.positions = JSON.parse(readFileSync(positionsFile, 'utf8')) as Record<string, string>;
  }

  start(): void {
    this.running = true;
    this.loop = (async () => {
      while (this.running) {
        try {
          const delivered = await this.pollOnce();
          if (delivered === 0) await new Promise((resolve) => setTimeout(resolve, this.intervalMs));
        } catch (error) {
          if (this.running) console.error('outbox relay:', (error as Error).message);
          await new Promise((resolve) => setTimeout(resolve, 1000));
        }
      }
    })();
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
    this.client.destroy();
  }

  /** One pass over every open shard; returns how many records it read. */
  async pollOnce(): Promise<number> {
    const description = await this.client.send(new DescribeStreamCommand({ StreamArn: this.streamArn }));
    let read = 0;
    for (const shard of description.StreamDescription?.Shards ?? []) {
      const shardId = shard.ShardId;
      if (!shardId || (this.iterators.has(shardId) && this.iterators.get(shardId) === undefined)) continue;
      let iterator = this.iterators.get(shardId) ?? (await this.iteratorFor(shardId));
      if (!iterator) continue;
      const out = await this.client.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 100 }));
      const records = out.Records ?? [];
      if (records.length > 0) {
        const result = await relayStreamBatch(toLambdaEvent(records), this.publish);
        const failed = result.batchItemFailures[0]?.itemIdentifier;
        const delivered = failed ? records.slice(0, records.findIndex((r) => r.dynamodb?.SequenceNumber === failed)) : records;
        const last = delivered.at(-1)?.dynamodb?.SequenceNumber;
        if (last) this.savePosition(shardId, last);
        if (failed) {
          this.iterators.delete(shardId); // re-read from the saved position next pass
          continue;
        }
        read += records.length;
      }
      iterator = out.NextShardIterator;
      this.iterators.set(shardId, iterator); // undefined: a closed shard, fully read
    }
    return read;
  }

  private async iteratorFor(shardId: string): Promise<string | undefined> {
    const after = this.positions[shardId];
    const out = await this.client.send(
      new GetShardIteratorCommand({
        StreamArn: this.streamArn,
        ShardId: shardId,
        ShardIteratorType: after ? 'AFTER_SEQUENCE_NUMBER' : 'TRIM_HORIZON',
        SequenceNumber: after,
      }),
    );
    return out.ShardIterator;
  }

  private savePosition(shardId: string, sequenceNumber: string): void {
    this.positions[shardId] = sequenceNumber;
    replaceFileSync(this.positionsFile, JSON.stringify(this.positions));
  }
}

/** Stream records as the Lambda event source mapping would hand them over. */
function toLambdaEvent(records: readonly _Record[]): DynamoDBStreamEvent {
  return {
    Records: records.map((record) => ({
      eventID: record.eventID,
      eventName: record.eventName,
      eventSource: 'aws:dynamodb',
      dynamodb: {
        NewImage: record.dynamodb?.NewImage as never,
        Keys: record.dynamodb?.Keys as never,
        SequenceNumber: record.dynamodb?.SequenceNumber,
        StreamViewType: record.dynamodb?.StreamViewType,
      },
    })),
  };
}
