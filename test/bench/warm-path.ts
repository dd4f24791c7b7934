import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Context } from 'aws-lambda';
import { dynamoDbClientConfig } from '../../functions/adapters/dynamodb/client.js';
import { prepareReplay } from './bare-replay.js';
import type { CapturedEvent, EventTap } from './captured-events.js';
import { handlerClients, recordCalls } from './dynamodb-calls.js';
import type { Operation } from './operations.js';
import { summarize, timeInTurns, warmUp, type Repetitions, type Step, type Summary } from './stats.js';
import { markdownTable, ms, ratio, verdict } from './table.js';

/** Issue 20: the handler in-process may add at most 15 % at p50 over the bare DynamoDB calls it makes. */
export const WARM_PATH_TARGET = 1.15;

export type WarmKind = 'get' | 'list' | 'write';

export interface WarmPathOperation {
  readonly name: string;
  readonly kind: WarmKind;
  readonly gateway: Summary;
  readonly inProcess: Summary;
  readonly bare: Summary;
}

export interface WarmPathSection {
  readonly repetitions: Repetitions;
  readonly operations: readonly WarmPathOperation[];
}

/** gets, lists and writes: what the issue asks for. Password requests (scrypt on purpose) and `/health` (no table) are not. */
export function warmKindOf(operation: Operation): WarmKind | undefined {
  if (operation.scrypt) return undefined;
  const calls = operation.expectedCalls;
  if (calls.TransactWriteItems) return 'write';
  if (calls.Query) return 'list';
  if (calls.GetItem) return 'get';
  return undefined;
}

const lambdaContext = (name: string): Context => ({
  callbackWaitsForEmptyEventLoop: false,
  functionName: `anze-${name}`,
  functionVersion: '$LATEST',
  invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:anze-${name}`,
  memoryLimitInMB: '1024',
  awsRequestId: 'bench-warm',
  logGroupName: `/aws/lambda/anze-${name}`,
  logStreamName: 'local',
  getRemainingTimeInMillis: () => 29_000,
  done: () => undefined,
  fail: () => undefined,
  succeed: () => undefined,
});

const slug = (name: string): string => `warm-${name.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase()}`;

/**
 * Per operation, three series in turns: the request through the local gateway, the very handler called in-process
 * with the event the gateway made for it (two captured events taken in turns, so a write alternates its body as
 * the HTTP request does), and the bare replay of its DynamoDB calls (bare-replay.ts). In-process ÷ bare is the
 * goal; gateway − in-process is the local gateway's own hop (HTTP, token check, event), reported apart.
 */
export async function measureWarmPath(tap: EventTap, tenantId: string, operations: readonly Operation[], repetitions: Repetitions, progress: (line: string) => void): Promise<WarmPathSection> {
  const bareClient = new DynamoDBClient(dynamoDbClientConfig());
  try {
    const measured: WarmPathOperation[] = [];
    for (const operation of operations) {
      const kind = warmKindOf(operation);
      if (!kind) continue;
      progress(`warm path: ${operation.name}`);
      const request: Step = (i) => operation.request(i);
      let next = await warmUp(request, repetitions.warmup);
      const events: CapturedEvent[] = [];
      for (let i = 0; i < 2; i += 1) {
        const at = next++;
        const captured = await tap.capture(() => operation.request(at));
        if (!captured) throw new Error(`${operation.name}: the gateway handed no event to a handler`);
        events.push(captured);
      }
      const handler = tap.handlers.get(events[0]?.context ?? '');
      if (!handler) throw new Error(`${operation.name}: no handler for ${events[0]?.context}`);
      const context = lambdaContext(events[0]?.context ?? 'bench');
      const inProcess: Step = async (i) => {
        const captured = events[i % 2];
        if (!captured) return;
        const result = await handler(structuredClone(captured.event), context);
        if (result.statusCode !== captured.statusCode) {
          throw new Error(`${operation.name} in-process answered ${result.statusCode}, ${captured.statusCode} through the gateway: ${result.body?.slice(0, 300)}`);
        }
      };
      const recorded = await recordCalls(await handlerClients(tenantId), () => operation.request(next++));
      const made = Object.values(events[0]?.calls ?? {}).reduce((sum, calls) => sum + calls, 0);
      if (recorded.length !== made) throw new Error(`${operation.name}: recorded ${recorded.length} DynamoDB calls of the ${made} the request made`);
      const replay = await prepareReplay(bareClient, recorded, slug(operation.name));
      const turns = [
        { step: request, from: next },
        { step: inProcess, from: await warmUp(inProcess, repetitions.warmup) },
        { step: replay, from: await warmUp(replay, repetitions.warmup) },
      ];
      const [gateway = [], inProc = [], bare = []] = await timeInTurns(turns, repetitions.runs);
      measured.push({ name: operation.name, kind, gateway: summarize(gateway), inProcess: summarize(inProc), bare: summarize(bare) });
    }
    return { repetitions, operations: measured };
  } finally {
    bareClient.destroy();
  }
}

export const warmRatio = (operation: WarmPathOperation): number => operation.inProcess.p50 / operation.bare.p50;

export function warmPathTable(section: WarmPathSection): string {
  return markdownTable(
    ['operation', 'kind', 'bare DDB p50 ms', 'handler in-process p50 ms', 'in-process ÷ bare', `met (≤ ${WARM_PATH_TARGET}×)`, 'gateway p50 ms', 'gateway hop p50 ms'],
    section.operations.map((operation) => [
      operation.name,
      operation.kind,
      ms(operation.bare.p50),
      ms(operation.inProcess.p50),
      ratio(warmRatio(operation)),
      verdict(warmRatio(operation) <= WARM_PATH_TARGET),
      ms(operation.gateway.p50),
      ms(operation.gateway.p50 - operation.inProcess.p50),
    ]),
    [2, 3, 4, 6, 7],
  );
}
