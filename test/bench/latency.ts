import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { hashPassword, verifyPassword } from '../../functions/adapters/auth/password.js';
import { localKeyPair, verifyLocalToken } from '../../functions/adapters/auth/local-tokens.js';
import { dynamoDbClientConfig } from '../../functions/adapters/dynamodb/client.js';
import { prepareReplay } from './bare-replay.js';
import {
  callsPerRequest,
  handlerClients,
  payloadBytes,
  recordCalls,
  resetCalls,
  shapeOf,
  type CallsPerRequest,
} from './dynamodb-calls.js';
import type { Operation, Scenario } from './operations.js';
import { summarize, timeInTurns, warmUp, type Repetitions, type Step, type Summary, type Turn } from './stats.js';

export type ScryptKind = NonNullable<Operation['scrypt']>;

export interface OperationLatency {
  readonly name: string;
  readonly note?: string;
  /** Untimed requests before the timed ones (fewer for scrypt-bound requests, see below). */
  readonly warmup: number;
  readonly gateway: Summary;
  /** Absent when the request makes no DynamoDB call (health). */
  readonly bare?: Summary;
  /** The request's deliberate password work, timed alone in turns with it (every 4th round). */
  readonly scrypt?: { readonly kind: ScryptKind; readonly alone: Summary };
  readonly calls: CallsPerRequest;
  readonly expectedCalls: CallsPerRequest;
  /** The calls of one recorded request, in order, as replayed by the bare run. */
  readonly shapes: readonly string[];
  readonly payloadBytes: number;
  readonly samples: { readonly gateway: readonly number[]; readonly bare?: readonly number[]; readonly scrypt?: readonly number[] };
}

export interface LatencySection {
  readonly repetitions: Repetitions;
  readonly operations: readonly OperationLatency[];
  /** The gateway's ES256 token check (`verifyLocalToken`) alone: part of every authenticated request. */
  readonly tokenCheck: Summary;
}

const slug = (name: string): string => name.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase();

/**
 * scrypt (≈ 60–100 ms a run by design) would otherwise take most of the bench's time: requests that do it
 * warm up with at most 10 runs (the shared code path is warm already from the others), and scrypt alone is
 * timed every 4th round — 50 samples for 200 requests, enough for the median that is subtracted.
 */
const SCRYPT_REQUEST_WARMUP = 10;
const SCRYPT_WARMUP = 3;
const SCRYPT_EVERY = 4;

/**
 * For one operation: warm-up through the gateway; one request recorded; its DynamoDB calls prepared for
 * replay and warmed up; then the timed rounds, in turns: the request, its bare replay, and — for requests
 * that hash or verify a password — scrypt alone. Calls are counted over the timed requests only.
 */
async function measureOperation(
  operation: Operation,
  repetitions: Repetitions,
  bareClient: DynamoDBClient,
  scryptSteps: Readonly<Record<ScryptKind, Step>>,
  handlerClientList: readonly DynamoDBClient[],
): Promise<OperationLatency> {
  const request: Step = (i) => operation.request(i);
  const warmup = operation.scrypt ? Math.min(repetitions.warmup, SCRYPT_REQUEST_WARMUP) : repetitions.warmup;
  const probe = await warmUp(request, warmup);
  const recorded = await recordCalls(handlerClientList, () => operation.request(probe));

  const turns: Turn[] = [{ step: request, from: probe + 1 }];
  let bareTurn: Turn | undefined;
  if (recorded.length > 0) {
    const replay = await prepareReplay(bareClient, recorded, slug(operation.name));
    bareTurn = { step: replay, from: await warmUp(replay, warmup) };
    turns.push(bareTurn);
  }
  let scryptTurn: Turn | undefined;
  if (operation.scrypt) {
    const alone = scryptSteps[operation.scrypt];
    scryptTurn = { step: alone, from: await warmUp(alone, SCRYPT_WARMUP), every: SCRYPT_EVERY };
    turns.push(scryptTurn);
  }

  resetCalls();
  const samples = await timeInTurns(turns, repetitions.runs);
  const calls = callsPerRequest(repetitions.runs);
  const of = (turn: Turn | undefined) => (turn ? samples[turns.indexOf(turn)] : undefined);
  const gateway = samples[0] ?? [];
  const bare = of(bareTurn);
  const scrypt = of(scryptTurn);
  return {
    name: operation.name,
    note: operation.note,
    warmup,
    gateway: summarize(gateway),
    bare: bare ? summarize(bare) : undefined,
    scrypt: operation.scrypt && scrypt ? { kind: operation.scrypt, alone: summarize(scrypt) } : undefined,
    calls,
    expectedCalls: operation.expectedCalls,
    shapes: recorded.map(shapeOf),
    payloadBytes: payloadBytes(recorded),
    samples: { gateway, bare, scrypt },
  };
}

export async function measureLatency(scenario: Scenario, repetitions: Repetitions, progress: (line: string) => void): Promise<LatencySection> {
  const stored = await hashPassword(scenario.password);
  const scryptSteps: Record<ScryptKind, Step> = {
    hash: () => hashPassword(scenario.password),
    verify: () => verifyPassword(scenario.password, stored),
  };
  const bareClient = new DynamoDBClient(dynamoDbClientConfig());
  try {
    const operations: OperationLatency[] = [];
    for (const operation of scenario.operations) {
      progress(`latency: ${operation.name}`);
      const measured = await measureOperation(operation, repetitions, bareClient, scryptSteps, await handlerClients(scenario.tenantId));
      if (Object.keys(operation.expectedCalls).length > 0 && measured.shapes.length === 0) {
        throw new Error(
          `${operation.name} made no DynamoDB call the bench could see: the bench must share the handlers' ` +
            'module instance of functions/adapters/dynamodb/client.ts (same file URL)',
        );
      }
      operations.push(measured);
    }

    progress('latency: the token check alone');
    const keyPair = localKeyPair();
    if (!keyPair) throw new Error('the platform configured no local key pair');
    const check: Step = () => verifyLocalToken(keyPair, scenario.token);
    const [tokenSamples = []] = await timeInTurns([{ step: check, from: await warmUp(check, repetitions.warmup) }], repetitions.runs);
    return { repetitions, operations, tokenCheck: summarize(tokenSamples) };
  } finally {
    bareClient.destroy();
  }
}
