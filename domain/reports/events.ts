import * as z from 'zod/mini';
import { localDateSchema } from '../kernel/calendar/local-date.js';
import { defineEvent } from '../kernel/events.js';
import type { AnyEventType } from '../kernel/events.js';
import { reportKindSchema } from './report-figures.js';

const described = (description: string) => z.meta({ description });

/** What every report event carries, so a subscriber (the regulators' notification, a webhook) needs no read-back. */
export const reportEventPayload = z.object({
  reportId: z.string(),
  tenantId: z.string(),
  insurerName: z.string(),
  year: z.int(),
  kind: reportKindSchema,
  dueOn: localDateSchema,
});

export const reportSubmittedPayload = z.extend(reportEventPayload, {
  version: z.int().check(described('RPT-1: 1 for the first submission, then one more per correction')),
  late: z.boolean().check(described('RPT-1: submitted after the due day (Asia/Shanghai)')),
  submittedAt: z.string(),
  xlsxSha256: z.string(),
  pdfSha256: z.string(),
});

/** The reports context's events (ARCHITECTURE.md §6). */
export const reportEvents = {
  reportGenerated: defineEvent({
    name: 'reports.report.generated',
    version: 1,
    aggregate: 'report',
    summary: 'RPT-1, RPT-4: an insurer generated (or regenerated) the draft of a half-year or year report from its data',
    payload: reportEventPayload,
  }),
  evaluationWritten: defineEvent({
    name: 'reports.self-evaluation.written',
    version: 1,
    aggregate: 'report',
    summary: "RPT-2: an insurer wrote its yearly self-evaluation's narratives or attached a third-party evaluation; the draft's files were rendered again",
    payload: z.extend(reportEventPayload, { mode: z.enum(['SELF', 'THIRD_PARTY']) }),
  }),
  reportSubmitted: defineEvent({
    name: 'reports.report.submitted',
    version: 1,
    aggregate: 'report',
    summary: 'RPT-1, RPT-2: an insurer submitted (报送) a version of its report or yearly service-quality evaluation to the city EMB and the NFRA; its files are archived write-once',
    payload: reportSubmittedPayload,
  }),
} as const satisfies Readonly<Record<string, AnyEventType>>;
