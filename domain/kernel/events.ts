import type { ZodMiniType } from 'zod/mini';

/**
 * Domain events (ARCHITECTURE.md §6): what a change of an aggregate tells the rest of the platform and, by
 * webhook, other systems. Each context names and shapes its events in `domain/<context>/events.ts`; a
 * transition returns the new state with the events it raised ({@link Changed}); adapters only persist them
 * in the outbox, in the same transaction as the state (so a change and its event are never split).
 */

/** Who an event is about: one aggregate at its version after the change (events of one aggregate are ordered by it). */
export interface EventSubject {
  readonly id: string;
  readonly version: number;
  readonly tenantId?: string;
}

/** One event of one aggregate, as the domain raises it. */
export interface DomainEvent<Name extends string = string, Payload = unknown> {
  /** Past-tense `context.entity.verb`, e.g. `underwriting.policy.issued`. */
  readonly type: Name;
  /** The payload's schema version: a breaking change of the payload is a new version, never an edit. */
  readonly version: number;
  readonly aggregate: { readonly type: string; readonly id: string };
  /** The aggregate's version after the change. */
  readonly sequence: number;
  readonly tenantId?: string;
  readonly data: Payload;
}

/** A kind of event: its name, version, the aggregate it reports on, its payload schema and what it means. */
export interface EventType<Name extends string = string, Payload = unknown> {
  readonly name: Name;
  readonly version: number;
  readonly aggregate: string;
  readonly summary: string;
  /** The payload's schema: the AsyncAPI catalogue (/api/v1/asyncapi.json) documents it, webhook readers rely on it. */
  readonly payload: ZodMiniType<Payload>;
  /** This event for `subject`, carrying `data`. */
  of(subject: EventSubject, data: Payload): DomainEvent<Name, Payload>;
}

/**
 * Declares a kind of event.
 *
 * @example
 * export const policyIssued = defineEvent({
 *   name: 'underwriting.policy.issued', version: 1, aggregate: 'policy',
 *   summary: 'A policy was issued (UW-1..10)', payload: policyEventPayload,
 * });
 * const event = policyIssued.of(policy, { policyId: policy.id, … });
 */
export function defineEvent<const Name extends string, Payload>(spec: {
  readonly name: Name;
  readonly version: number;
  readonly aggregate: string;
  readonly summary: string;
  readonly payload: ZodMiniType<Payload>;
}): EventType<Name, Payload> {
  return {
    ...spec,
    of: (subject, data) => ({
      type: spec.name,
      version: spec.version,
      aggregate: { type: spec.aggregate, id: subject.id },
      sequence: subject.version,
      ...(subject.tenantId === undefined ? {} : { tenantId: subject.tenantId }),
      data,
    }),
  };
}

/** What a transition returns: the aggregate as it is now and the events the change raised. */
export interface Changed<State> {
  readonly state: State;
  readonly events: readonly DomainEvent[];
}

/** Any kind of event, whatever its payload: what catalogues and subscription tables hold. */
export type AnyEventType = EventType<string, unknown>;
