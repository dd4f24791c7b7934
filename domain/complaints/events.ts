import type { AnyEventType } from '../kernel/events.js';

/**
 * The events of this context (ARCHITECTURE.md §6), each declared with defineEvent (domain/kernel/events.ts):
 * name, payload version, aggregate and payload schema. The AsyncAPI catalogue and the subscription table read
 * this object.
 */
export const complaintEvents = {} as const satisfies Readonly<Record<string, AnyEventType>>;
