import * as z from 'zod/mini';
import { AGENCIES } from '../identity/role.js';
import { localDateSchema } from '../kernel/calendar/local-date.js';
import { defineEvent } from '../kernel/events.js';
import type { AnyEventType, DomainEvent } from '../kernel/events.js';
import { NOTICE_STATUSES, NOTICE_SUBJECT_KINDS } from './notice.js';
import type { SupervisionNotice } from './notice.js';

const described = (description: string) => z.meta({ description });

/**
 * What every notice event carries, so a subscriber (the insurer's notification, the issuing agency's) needs no
 * read-back: the insurer by id and name, the item, the day it is due, who issued it and where it stands.
 */
export const noticeEventPayload = z.object({
  noticeId: z.string(),
  tenantId: z.string().check(described('The insurer the notice is addressed to')),
  insurerName: z.string(),
  subject: z.object({
    kind: z.enum(NOTICE_SUBJECT_KINDS),
    id: z.string(),
    label: z.string().check(described('The item by name: the enterprise, or the fee year')),
  }),
  dueOn: localDateSchema.check(described('SUP-1: the day the insurer must answer by')),
  agency: z.enum(AGENCIES).check(described('SUP-4: the issuing agency, which alone closes it')),
  county: z.optional(z.string().check(described("ACL-4: the item's county (absent for a fee year)"))),
  status: z.enum(NOTICE_STATUSES).check(described('Where the notice stands after the change')),
});
export type NoticeEventPayload = z.output<typeof noticeEventPayload>;

const noticeEvent = <const Name extends string>(name: Name, summary: string) =>
  defineEvent({ name, version: 1, aggregate: 'notice', summary, payload: noticeEventPayload });

/** The supervision context's events (ARCHITECTURE.md §6): a 督办 notice's three steps. */
export const supervisionEvents = {
  noticeIssued: noticeEvent('supervision.notice.issued', 'SUP-1: a regulator issued a 督办 notice to an insurer about one of its items'),
  noticeAnswered: noticeEvent('supervision.notice.answered', 'SUP-3: the insurer answered the notice'),
  noticeClosed: noticeEvent('supervision.notice.closed', 'SUP-4: the issuing agency closed the answered notice'),
} as const satisfies Readonly<Record<string, AnyEventType>>;

export function noticeEventPayloadOf(notice: SupervisionNotice): NoticeEventPayload {
  return {
    noticeId: notice.id,
    tenantId: notice.tenantId,
    insurerName: notice.insurerName,
    subject: { kind: notice.subject.kind, id: notice.subject.id, label: notice.subject.label },
    dueOn: notice.dueOn,
    agency: notice.issuedBy.agency,
    ...(notice.subject.county === undefined ? {} : { county: notice.subject.county }),
    status: notice.status,
  };
}

/** `type` about `notice` at its current version, in the insurer's stream. */
export function noticeEventOf(type: (typeof supervisionEvents)[keyof typeof supervisionEvents], notice: SupervisionNotice): DomainEvent {
  return type.of({ id: notice.id, version: notice.version, tenantId: notice.tenantId }, noticeEventPayloadOf(notice));
}
