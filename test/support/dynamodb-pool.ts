import { mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { TestProject } from 'vitest/node';
import { startDynamoDbLocal, type DynamoDbLocal } from '../../infra/local/dynamodb-local.js';

import './dynamodb-lease.js';

/**
 * How many test files share one DynamoDB Local before the next file gets a fresh one. DynamoDB Local keeps the
 * stream of every table ever made, deleted tables included (their streams stay readable for 24 hours, as on AWS),
 * and every write gets slower with them: measured on 2026-12-07, a put and a query took 5.7 ms each on a fresh JVM,
 * 15.6 ms after 10 table sets of 1,000 items had been made and deleted, and 43 ms after 40 (2.4 ms without
 * streams). One JVM for the whole run made the system files that come last 2–5× slower than alone (the demo's
 * seed 23 s → 126 s, the attack suite 57 s → 123 s) and pushed FEE-2's 50 concurrent expenses into 503s.
 */
const FILES_PER_JVM = Number(process.env.ANZE_TEST_FILES_PER_DYNAMODB ?? 4);
/** A retired JVM is stopped this long after its last lease ends, so a file that read `current` just before it was retired still finds it. */
const RETIRE_GRACE_MS = 5_000;

/**
 * Vitest's main process (the root's globalSetup) keeps a current DynamoDB Local and one spare booting beside it.
 * A test file leases the current one (dynamoDbEndpoint() in dynamodb-lease.ts); after {@link FILES_PER_JVM} leases the spare
 * becomes current and the old one is stopped once its last file is done.
 *
 * The folder holds `current` (the current JVM's number), `jvm-N.json` (its endpoint), `lease-N-<id>` (a file
 * using JVM N), `ended-N-<id>` (a lease that ended) and `failed.txt` (the last start's error).
 */
export function setupDynamoDbPool(project: TestProject): () => Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'anze-dynamodb-pool-'));
  project.provide('dynamoDbPool', dir);
  const jvms = new Map<number, { local: DynamoDbLocal; retiredAt?: number }>();
  let current = 0;
  let spare: { n: number; local?: DynamoDbLocal; starting: boolean } | undefined;
  let serial = 0;
  let closing = false;

  const leasesOf = (n: number, prefix: 'lease' | 'ended') => readdirSync(dir).filter((name) => name.startsWith(`${prefix}-${n}-`)).length;
  const bootSpare = () => {
    serial += 1;
    const booting: { n: number; local?: DynamoDbLocal; starting: boolean } = { n: serial, starting: true };
    spare = booting;
    startDynamoDbLocal({})
      .then((local) => {
        booting.local = local;
        if (closing) void local.stop();
      })
      .catch((error: unknown) => writeFileSync(join(dir, 'failed.txt'), (error as Error).message))
      .finally(() => (booting.starting = false));
  };
  const makeCurrent = (n: number, local: DynamoDbLocal) => {
    const old = jvms.get(current);
    if (old) old.retiredAt = Date.now();
    jvms.set(n, { local });
    writeFileSync(join(dir, `jvm-${n}.json`), JSON.stringify({ endpoint: local.endpoint }));
    writeFileSync(join(dir, 'current.tmp'), String(n));
    renameSync(join(dir, 'current.tmp'), join(dir, 'current'));
    current = n;
  };

  const tick = () => {
    if (closing) return;
    if (!spare) bootSpare();
    if (current > 0 && leasesOf(current, 'lease') + leasesOf(current, 'ended') >= FILES_PER_JVM && spare?.local) {
      makeCurrent(spare.n, spare.local);
      spare = undefined;
    }
    for (const [n, jvm] of jvms) {
      if (jvm.retiredAt === undefined || Date.now() - jvm.retiredAt < RETIRE_GRACE_MS || leasesOf(n, 'lease') > 0) continue;
      jvms.delete(n);
      void jvm.local.stop();
    }
  };

  const ready = (async () => {
    serial += 1;
    makeCurrent(serial, await startDynamoDbLocal({}));
  })();
  const timer = setInterval(tick, 100);
  timer.unref();

  return async () => {
    clearInterval(timer);
    closing = true;
    await ready.catch(() => undefined);
    while (spare?.starting) await sleep(100);
    await Promise.all([...[...jvms.values()].map((jvm) => jvm.local.stop()), spare?.local?.stop()]);
    rmSync(dir, { recursive: true, force: true });
  };
}
