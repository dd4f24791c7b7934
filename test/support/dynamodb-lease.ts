import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The folder through which test files lease a DynamoDB Local (dynamodb-pool.ts). */
    dynamoDbPool: string;
  }
}

let leased: Promise<string> | undefined;
let leaseFile: string | undefined;

/**
 * This test file's DynamoDB Local: the pool's current one, leased on the first call and given back after the
 * file's last test (the lease is the file's, whatever the number of platforms it starts).
 */
export function dynamoDbEndpoint(): Promise<string> {
  leased ??= lease();
  return leased;
}

async function lease(): Promise<string> {
  const dir = inject('dynamoDbPool');
  const deadline = Date.now() + 60_000;
  for (;;) {
    const failed = join(dir, 'failed.txt');
    if (existsSync(failed)) throw new Error(`DynamoDB Local did not start: ${readFileSync(failed, 'utf8')}`);
    if (existsSync(join(dir, 'current'))) {
      const n = readFileSync(join(dir, 'current'), 'utf8');
      const name = `lease-${n}-${randomUUID()}`;
      writeFileSync(join(dir, name), '');
      // Retired between the read and the lease: count it as ended and take the new one.
      if (readFileSync(join(dir, 'current'), 'utf8') !== n) {
        renameSync(join(dir, name), join(dir, name.replace('lease-', 'ended-')));
        continue;
      }
      leaseFile = join(dir, name);
      return (JSON.parse(readFileSync(join(dir, `jvm-${n}.json`), 'utf8')) as { endpoint: string }).endpoint;
    }
    if (Date.now() > deadline) throw new Error(`no DynamoDB Local became ready in ${dir} within 60 s`);
    await sleep(50);
  }
}

/** Gives the file's lease back (test/support/setup.ts, after the file's last test); nothing if it took none. */
export function endDynamoDbLease(): void {
  if (leaseFile && existsSync(leaseFile)) renameSync(leaseFile, leaseFile.replace(/lease-(?=[^/]*$)/, 'ended-'));
  leaseFile = undefined;
  leased = undefined;
}
