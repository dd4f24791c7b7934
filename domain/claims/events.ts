import * as z from 'zod/mini';
import { defineEvent } from '../kernel/events.js';
import type { AnyEventType, DomainEvent } from '../kernel/events.js';
import { CLAIM_OUTCOMES, CLAIM_STATUSES } from './claim.js';
import type { Claim } from './claim.js';

/** What every claim event carries, so a subscriber (the provincial sync, a webhook reader) needs no read-back. */
export const claimEventPayload = z.object({
  claimId: z.string(),
  policyId: z.string(),
  enterpriseUscc: z.string(),
  county: z.string(),
  status: z.enum(CLAIM_STATUSES),
  outcome: z.optional(z.enum(CLAIM_OUTCOMES)),
  claimedFen: z.int(),
  payableFen: z.optional(z.int()),
  paidFen: z.int(),
});
export type ClaimEventPayload = z.output<typeof claimEventPayload>;

const claimEvent = <const Name extends string>(name: Name, summary: string) =>
  defineEvent({ name, version: 1, aggregate: 'claim', summary, payload: claimEventPayload });

/** The events of the claims context (ARCHITECTURE.md §6); the catalogue and the subscription table read them. */
export const claimEvents = {
  registered: claimEvent('claims.claim.registered', 'CLM-1: a claim was registered against a policy'),
  decided: claimEvent('claims.claim.decided', 'CLM-1: the claim was paid in full, in part or declined — a cut or a decline with its reason'),
  paid: claimEvent('claims.claim.paid', 'CLM-1: a payout was recorded on a decided claim'),
} as const satisfies Readonly<Record<string, AnyEventType>>;

export function claimEventPayloadOf(claim: Claim): ClaimEventPayload {
  return {
    claimId: claim.id,
    policyId: claim.policyId,
    enterpriseUscc: claim.enterprise.uscc,
    county: claim.enterprise.county,
    status: claim.status,
    ...(claim.decision ? { outcome: claim.decision.outcome, payableFen: claim.decision.totalPayableFen } : {}),
    claimedFen: claim.claimedFen,
    paidFen: claim.paidFen,
  };
}

/** `type` about `claim` at its current version, in its insurer's stream. */
export function claimEventOf(type: (typeof claimEvents)[keyof typeof claimEvents], claim: Claim): DomainEvent {
  return type.of(claim, claimEventPayloadOf(claim));
}
