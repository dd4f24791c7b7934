import type { BusEvent } from '../../../domain/kernel/event-publisher.port.js';

/** PutEvents takes at most ten entries a call. */
export const PUT_EVENTS_MAX_ENTRIES = 10;
/** …and at most 256 KB of entries in total, as EventBridge counts them ({@link putEventsEntrySize}). */
export const PUT_EVENTS_MAX_BYTES = 256 * 1024;

/** The PutEvents entry of a bus event, as the publisher sends it (the bus name is not part of its size). */
export function putEventsEntryOf(event: BusEvent): { readonly Source: 'anze'; readonly DetailType: string; readonly Time: Date; readonly Detail: string } {
  return { Source: 'anze', DetailType: event.type, Time: new Date(event.time), Detail: JSON.stringify(event) };
}

/**
 * An entry's size as EventBridge computes it ("Calculating PutEvents event entry size"): 14 bytes for a
 * timestamp, plus the UTF-8 bytes of the source, the detail type and the detail (anze sends no resources).
 * A Chinese character is three bytes, so counting characters would let a batch of Chinese text through
 * here and have AWS refuse it.
 */
export function putEventsEntrySize(event: BusEvent): number {
  const entry = putEventsEntryOf(event);
  return 14 + Buffer.byteLength(entry.Source) + Buffer.byteLength(entry.DetailType) + Buffer.byteLength(entry.Detail);
}

/**
 * Cuts events into PutEvents calls, in order: at most ten entries and {@link PUT_EVENTS_MAX_BYTES} a call.
 * An event too large for any call is the caller's to handle (the relay parks it); here it is an error.
 */
export function putEventsBatches<T extends BusEvent>(events: readonly T[]): T[][] {
  const batches: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const event of events) {
    const size = putEventsEntrySize(event);
    // No retry will ever deliver it: a RangeError, not a transient failure.
    if (size > PUT_EVENTS_MAX_BYTES) throw new RangeError(oversizedReason(event, size));
    if (current.length === PUT_EVENTS_MAX_ENTRIES || bytes + size > PUT_EVENTS_MAX_BYTES) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(event);
    bytes += size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/** Why an event cannot be put on the bus as it is: its entry alone exceeds what one PutEvents call may carry. */
export function oversizedReason(event: BusEvent, size: number): string {
  return `event ${event.id} (${event.type}) is ${size} bytes as a PutEvents entry; EventBridge takes at most ${PUT_EVENTS_MAX_BYTES} a call`;
}
