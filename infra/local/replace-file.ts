import { randomUUID } from 'node:crypto';
import { closeSync, openSync, renameSync, writeSync } from 'node:fs';

/**
 * Replaces a file of the data folder whole: the content is written under a fresh name beside it and renamed over
 * it, which is atomic on one disk. `writeFileSync` truncates first and writes after, so a kill -9 between the two (the
 * relay saves its stream positions after every batch) left an empty file that the next `npm start` could not parse.
 * Now a reader, or a restart, sees the old content or the new, never a part. No fsync: the page cache outlives a
 * killed process, and on a power cut the worst is an older position, whose events the consumers already dedupe.
 */
export function replaceFileSync(path: string, content: string, mode = 0o644): void {
  const temporary = `${path}.${randomUUID()}.tmp`;
  const fd = openSync(temporary, 'wx', mode);
  try {
    writeSync(fd, content);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, path);
}
