import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { replaceFileSync } from '../../infra/local/replace-file.js';

/**
 * A reader in another thread that parses the file as often as it can for `ms`, as a restarted `npm start` would read
 * it at any instant. Resolves once the reader runs (`started`); `result` gives how many reads it made and how many
 * found something that is not one whole JSON document.
 */
async function readConcurrently(file: string, ms: number): Promise<{ readonly result: Promise<{ reads: number; torn: number }> }> {
  const source = `
    const { readFileSync } = require('node:fs');
    const { parentPort, workerData } = require('node:worker_threads');
    let reads = 0, torn = 0;
    parentPort.postMessage('started');
    const until = Date.now() + workerData.ms;
    while (Date.now() < until) {
      try { JSON.parse(readFileSync(workerData.file, 'utf8')); } catch { torn += 1; }
      reads += 1;
    }
    parentPort.postMessage({ reads, torn });`;
  const worker = new Worker(source, { eval: true, workerData: { file, ms } });
  const result = new Promise<{ reads: number; torn: number }>((resolve, reject) => {
    worker.on('message', (message: unknown) => {
      if (message !== 'started') resolve(message as { reads: number; torn: number });
    });
    worker.on('error', reject);
  });
  await new Promise<void>((resolve, reject) => {
    worker.once('message', () => resolve());
    worker.once('error', reject);
  });
  return { result };
}

/** Writes of different lengths, one after another, for `ms` (the relay saves its positions after every batch). */
function writeFor(ms: number, write: (content: string) => void): number {
  let writes = 0;
  const until = Date.now() + ms;
  while (Date.now() < until) {
    write(JSON.stringify({ shard: 'shardId-00000001', position: String(writes).repeat(1 + (writes % 50)) }));
    writes += 1;
  }
  return writes;
}

describe('the local runtime replaces its state files whole (kill -9 safe)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'anze-replace-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('a reader never sees a part of the relay’s positions while they are rewritten, where writeFileSync shows it an empty or cut file', async () => {
    const atomic = join(dir, 'relay-positions.json');
    const plain = join(dir, 'plain-positions.json');
    replaceFileSync(atomic, '{}');
    writeFileSync(plain, '{}');

    // The writes start once the reader runs, and last longer than it reads.
    const reader = await readConcurrently(atomic, 700);
    const writes = writeFor(900, (content) => replaceFileSync(atomic, content));
    const seen = await reader.result;
    expect(writes).toBeGreaterThan(100);
    expect(seen.reads).toBeGreaterThan(100);
    expect(seen.torn).toBe(0);

    // The same reader against writeFileSync, to show the test can see a torn file at all on this machine.
    const plainReader = await readConcurrently(plain, 700);
    writeFor(900, (content) => writeFileSync(plain, content));
    expect((await plainReader.result).torn).toBeGreaterThan(0);
  });

  it('leaves no temporary file, replaces what was there, and keeps the mode asked for (0600 for keys and secrets)', () => {
    const file = join(dir, 'jwt-keys.json');
    replaceFileSync(file, '{"first":1}', 0o600);
    replaceFileSync(file, '{"second":2}', 0o600);
    expect(readFileSync(file, 'utf8')).toBe('{"second":2}');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['jwt-keys.json']);
  });
});
