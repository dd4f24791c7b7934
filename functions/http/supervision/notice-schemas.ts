import * as z from 'zod/mini';
import { AGENCIES } from '../../../domain/identity/role.js';
import { areaCodeSchema } from '../../../domain/kernel/area.js';
import { localDateSchema } from '../../../domain/kernel/calendar/local-date.js';
import { NOTICE_STATUSES, NOTICE_SUBJECT_KINDS } from '../../../domain/supervision/notice.js';
import { NOTICE_TEXT_MAX } from '../../../domain/supervision/notice.rules.js';
import { idParam, pageQuery, pageTotal } from '../zod.js';

const who = z.object({ userId: z.string(), username: z.string() });
const text = z.string().check(z.minLength(1), z.maxLength(NOTICE_TEXT_MAX));

/** A 督办 notice as both sides read it (SUP-1..SUP-5): the insurer and the item by name. */
export const noticeSchema = z.object({
  id: z.string(),
  tenantId: z.string(),
  insurerName: z.string(),
  subject: z.object({
    kind: z.enum(NOTICE_SUBJECT_KINDS),
    id: z.string(),
    label: z.string(),
    county: z.optional(z.string()),
  }),
  text: z.string(),
  dueOn: localDateSchema,
  status: z.enum(NOTICE_STATUSES),
  overdue: z.boolean().check(z.meta({ description: 'Still unanswered after dueOn' })),
  issuedAt: z.string(),
  issuedOn: localDateSchema,
  issuedBy: z.object({ userId: z.string(), username: z.string(), agency: z.enum(AGENCIES), county: z.optional(z.string()) }),
  answer: z.optional(z.object({ text: z.string(), answeredAt: z.string(), answeredBy: who })),
  closing: z.optional(z.object({ remark: z.string(), closedAt: z.string(), closedBy: who })),
  version: z.int(),
});

export const noticePageSchema = z.object({ items: z.array(noticeSchema), nextCursor: z.optional(z.string()), total: pageTotal });
export const noticeParams = z.object({ noticeId: idParam });

/** `POST /regulator/notices`: the item as chosen on the insurer's pages (SUP-1). */
export const issueNoticeBody = z.object({
  tenantId: idParam,
  subject: z.object({
    kind: z.enum(NOTICE_SUBJECT_KINDS, `subject.kind must be one of ${NOTICE_SUBJECT_KINDS.join(', ')}`),
    id: idParam,
  }),
  dueOn: localDateSchema,
  text,
});

export const regulatorNoticesQuery = z.object({
  ...pageQuery,
  tenantId: z.optional(idParam),
  county: z.optional(areaCodeSchema),
  status: z.optional(z.enum(NOTICE_STATUSES, `status must be one of ${NOTICE_STATUSES.join(', ')}`)),
});
export const insurerNoticesQuery = z.object({
  ...pageQuery,
  status: z.optional(z.enum(NOTICE_STATUSES, `status must be one of ${NOTICE_STATUSES.join(', ')}`)),
});

export const answerNoticeBody = z.object({ text });
export const closeNoticeBody = z.object({ remark: text });

/** `GET /access-log`: one agency's reads, or every one. */
export const accessLogQuery = z.object({
  ...pageQuery,
  agency: z.optional(z.enum(AGENCIES, `agency must be one of ${AGENCIES.join(', ')}`)),
});
export const accessLogPageSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      at: z.string(),
      reader: z.object({ userId: z.string(), username: z.string(), agency: z.enum(AGENCIES), county: z.optional(z.string()) }),
      route: z.string(),
      itemId: z.optional(z.string()),
      query: z.optional(z.string()),
    }),
  ),
  nextCursor: z.optional(z.string()),
  total: pageTotal,
});
