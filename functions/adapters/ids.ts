import { randomBytes } from 'node:crypto';
import type { NewId } from '../../domain/kernel/new-id.port.js';

const CROCKFORD = '0123456789abcdefghjkmnpqrstvwxyz';

/**
 * Time-ordered ids (ULID layout, lower-case Crockford base32): 10 characters of milliseconds and 16 of
 * randomness. Sorting by id sorts by creation, which keeps listings stable without a second sort key, and
 * the alphabet has no `#`, so an id is always safe inside a key. The {@link NewId} port's one implementation.
 */
export const newId = ((now: Date = new Date()): string => {
  let time = now.getTime();
  let head = '';
  for (let i = 0; i < 10; i += 1) {
    head = CROCKFORD[time % 32] + head;
    time = Math.floor(time / 32);
  }
  const random = randomBytes(16);
  let tail = '';
  for (const byte of random) tail += CROCKFORD[byte % 32];
  return head + tail;
}) satisfies NewId;
