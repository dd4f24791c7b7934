import { shanghaiDateOf } from '../kernel/calendar/local-date.js';
import { instantOf } from '../kernel/calendar/instant.js';
import { RuleViolation } from '../kernel/errors.js';
import { reviewFlagsOf } from './evidence-flags.js';
import type { FollowUpInput, OnSiteSignatureInput } from './service.schema.js';
import type { ConfirmingParty, PreventionService, Signature } from './service.js';
import type { Changed } from '../kernel/events.js';
import { serviceArchived, serviceChanged, serviceConfirmed, serviceFollowedUp, servicePayloadOf, serviceSigned } from './events.js';
import { advance, dayOfInput, refuseUnless, requireText } from './service-guards.js';

/** SVC-8..10: after the record — the follow-up, both parties' signatures, and the write-once archive. */

/**
 * SVC-8: the follow-up (回访) — channel, satisfaction 1..5 and comments. COMPLETED → FOLLOWED_UP. A follow-up
 * after its due date is recorded, marked late, never refused: refusing would only hide that it happened.
 *
 * @throws RuleViolation (SVC-8, `status`, 409) unless COMPLETED; (SVC-8, `satisfaction`, 400) outside 1..5.
 * @example
 * recordFollowUp(completed, { channel: 'PHONE', satisfaction: 5, comments: '满意' }, { now, by }).state.followUp?.late; // false
 */
export function recordFollowUp(
  service: PreventionService,
  input: FollowUpInput,
  ctx: { readonly now: Date; readonly by: string },
): Changed<PreventionService> {
  refuseUnless(service, ['COMPLETED'], 'SVC-8', 'followed up');
  if (!Number.isInteger(input.satisfaction) || input.satisfaction < 1 || input.satisfaction > 5) {
    throw new RuleViolation('SVC-8', 'satisfaction', `SVC-8: satisfaction is a whole score from 1 to 5, got ${input.satisfaction}`, 400);
  }
  const today = shanghaiDateOf(ctx.now);
  const dueOn = service.deadlines?.followUp.dueOn;
  const followedUp = advance(
    service,
    {
      status: 'FOLLOWED_UP',
      followUp: {
        channel: input.channel,
        satisfaction: input.satisfaction,
        comments: input.comments,
        at: instantOf(ctx.now),
        by: ctx.by,
        late: dueOn !== undefined && today > dueOn,
      },
    },
    ctx.now,
  );
  return serviceChanged(serviceFollowedUp, followedUp);
}

/**
 * SVC-9, SVC-13: one party's confirmation of the record — a named person's signature. The record stays
 * FOLLOWED_UP until both insurer and enterprise have signed, then it is CONFIRMED. A signature dated before the
 * record was written is accepted and flagged (CONFIRMATION_BEFORE_RECORD). Raises `services.service.confirmed`
 * once both have signed, `services.service.signed` before.
 *
 * @throws RuleViolation (SVC-9, `status`, 409) unless FOLLOWED_UP; (SVC-9, `party`, 409) when that party has
 * already signed; (SVC-9, `signerName`, 400) when no one is named; (CAL-1, `signedAt`, 400) for an unreadable
 * instant.
 * @example
 * const once = confirmRecord(followedUp, { party: 'INSURER', signerName: '王五', signedAt }, { now, by }).state;
 * confirmRecord(once, { party: 'ENTERPRISE', signerName: '李四', signedAt }, { now, by }).state.status; // 'CONFIRMED'
 */
export function confirmRecord(
  service: PreventionService,
  input: SignatureInput,
  ctx: { readonly now: Date; readonly by: string },
): Changed<PreventionService> {
  return sign(service, input, ctx, undefined);
}

/** SVC-9: one party's named signer, as the party's own user (or the on-site capture) gives it. */
export interface SignatureInput {
  readonly party: ConfirmingParty;
  readonly signerName: string;
  readonly signerTitle?: string | undefined;
  readonly signedAt: string;
}

/**
 * SVC-9 (由双方确认后归档), SVC-13: the enterprise's signature captured on the insurer staff's device — for an
 * enterprise with no account on the platform only, since one with an account confirms through its own login
 * (an insurer alone must not take a record to archived). Stored with `onSite` and flagged
 * ENTERPRISE_SIGNED_ON_INSURER_DEVICE wherever the record is shown; without the device's position also
 * LOCATION_MISSING.
 *
 * @throws RuleViolation (SVC-9, `enterprise.uscc`, 409) when the enterprise has an active account; otherwise as
 * {@link confirmRecord}.
 * @example
 * captureOnSiteSignature(followedUp, { signerName: '孙总', signedAt, location }, { now, by, enterpriseHasAccount: false }).state.confirmations.enterprise?.onSite;
 */
export function captureOnSiteSignature(
  service: PreventionService,
  input: OnSiteSignatureInput,
  ctx: { readonly now: Date; readonly by: string; readonly enterpriseHasAccount: boolean },
): Changed<PreventionService> {
  refuseUnless(service, ['FOLLOWED_UP'], 'SVC-9', 'confirmed');
  if (ctx.enterpriseHasAccount) {
    throw new RuleViolation(
      'SVC-9',
      'enterprise.uscc',
      `SVC-9: ${service.enterprise.name} has an account on the platform; its confirmation is signed by its own user (POST /me/services/{id}/confirm), not on the insurer's device`,
      409,
    );
  }
  const { location, ...signature } = input;
  return sign(service, { ...signature, party: 'ENTERPRISE' }, ctx, { ...(location === undefined ? {} : { location }) });
}

function sign(
  service: PreventionService,
  input: SignatureInput,
  ctx: { readonly now: Date; readonly by: string },
  onSite: Signature['onSite'],
): Changed<PreventionService> {
  refuseUnless(service, ['FOLLOWED_UP'], 'SVC-9', 'confirmed');
  const key = input.party === 'INSURER' ? 'insurer' : 'enterprise';
  if (service.confirmations[key] !== undefined) {
    throw new RuleViolation('SVC-9', 'party', `SVC-9: the ${key} has already confirmed service ${service.id}'s record`, 409);
  }
  const signerName = requireText(input.signerName, 'SVC-9', 'signerName', 'the name of the person who signs');
  dayOfInput(input.signedAt, 'signedAt');
  const signature: Signature = {
    party: input.party,
    signerName,
    ...(input.signerTitle === undefined ? {} : { signerTitle: input.signerTitle }),
    signedAt: input.signedAt,
    recordedAt: instantOf(ctx.now),
    userId: ctx.by,
    ...(onSite === undefined ? {} : { onSite }),
  };
  const confirmations = { ...service.confirmations, [key]: signature };
  const both = confirmations.insurer !== undefined && confirmations.enterprise !== undefined;
  const signed = advance(
    service,
    {
      status: both ? 'CONFIRMED' : 'FOLLOWED_UP',
      confirmations,
      reviewFlags: reviewFlagsOf({ record: service.record, evidence: service.evidence, confirmations }),
    },
    ctx.now,
  );
  return serviceChanged(both ? serviceConfirmed : serviceSigned, signed);
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
/** SVC-9: only a record confirmed by both parties is archived — checked before a byte goes to the write-once store. */
export function requireArchivable(service: PreventionService): void {
  refuseUnless(service, ['CONFIRMED'], 'SVC-9', 'archived');
}

/**
 * SVC-9, SVC-10: the confirmed record is in the write-once archive under `archiveId` (at `archiveKey`) with
 * digest `sha256`. CONFIRMED → ARCHIVED. Archiving after the SVC-9 due date is recorded as late, never refused.
 * Raises `services.service.archived`, with where the record's bytes sit in the write-once store.
 *
 * @throws RuleViolation (SVC-9, `status`, 409) unless CONFIRMED; (SVC-10, `sha256`, 400) for a digest that is
 * not 64 lower-case hex digits.
 * @example
 * archiveService(confirmed, { now, by, archiveId: 'a-1', archiveKey, sha256 }).state.archive?.late; // false
 */
export function archiveService(
  service: PreventionService,
  ctx: { readonly now: Date; readonly by: string; readonly archiveId: string; readonly archiveKey: string; readonly sha256: string },
): Changed<PreventionService> {
  requireArchivable(service);
  if (!SHA256_HEX.test(ctx.sha256)) {
    throw new RuleViolation('SVC-10', 'sha256', 'SVC-10: the archive digest must be a lower-case hex SHA-256', 400);
  }
  const archivedOn = shanghaiDateOf(ctx.now);
  const dueOn = service.deadlines?.archive.dueOn;
  const archived = advance(
    service,
    {
      status: 'ARCHIVED',
      archive: {
        archiveId: ctx.archiveId,
        archivedAt: instantOf(ctx.now),
        archivedOn,
        sha256: ctx.sha256,
        late: dueOn !== undefined && archivedOn > dueOn,
      },
    },
    ctx.now,
  );
  const event = serviceArchived.of(archived, {
    ...servicePayloadOf(archived),
    archiveId: ctx.archiveId,
    sha256: ctx.sha256,
    archiveKey: ctx.archiveKey,
  });
  return { state: archived, events: [event] };
}
