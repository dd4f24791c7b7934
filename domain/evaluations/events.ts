import * as z from 'zod/mini';
import { defineEvent, type AnyEventType } from '../kernel/events.js';
import { EVALUATION_TERMS } from './period.js';

const described = (description: string) => z.meta({ description });

/** What every evaluation event carries, so a subscriber needs no read-back. */
export const evaluationEventPayload = z.object({
  evaluationId: z.string(),
  tenantId: z.string(),
  insurerName: z.string(),
  year: z.int(),
  term: z.enum(EVALUATION_TERMS),
  revision: z.int(),
});

export const evaluationPublishedPayload = z.extend(evaluationEventPayload, {
  total: z.int(),
  passMark: z.int(),
  passed: z.boolean().check(described('RPT-3: the total reached the pass mark; a fail may lead to a BLK-1 notice')),
  late: z.boolean().check(described('RPT-3: a year’s evaluation published after March 31 (Asia/Shanghai)')),
  publishedAt: z.string(),
  xlsxSha256: z.string(),
  pdfSha256: z.string(),
});

/** The evaluations context's events (ARCHITECTURE.md §6). */
export const evaluationEvents = {
  drafted: defineEvent({
    name: 'evaluations.evaluation.drafted',
    version: 1,
    aggregate: 'evaluation',
    summary: 'RPT-3: the city EMB opened an evaluation of an insurer for a period, its computed items filled from the platform',
    payload: evaluationEventPayload,
  }),
  scored: defineEvent({
    name: 'evaluations.evaluation.scored',
    version: 1,
    aggregate: 'evaluation',
    summary: 'RPT-3: manual items of a draft evaluation were scored with their reasons (or its computed items recomputed)',
    payload: evaluationEventPayload,
  }),
  published: defineEvent({
    name: 'evaluations.evaluation.published',
    version: 1,
    aggregate: 'evaluation',
    summary: 'RPT-3: an evaluation was published to its insurer; its XLSX and PDF are archived write-once with their SHA-256',
    payload: evaluationPublishedPayload,
  }),
} as const satisfies Readonly<Record<string, AnyEventType>>;
