import * as z from 'zod/mini';
import { compareLocalDates, localDateSchema, shanghaiDateOf } from '../kernel/calendar/local-date.js';
import type { LocalDate } from '../kernel/calendar/local-date.js';
import { instantOf } from '../kernel/calendar/instant.js';
import { RuleViolation } from '../kernel/errors.js';
import type { Changed } from '../kernel/events.js';
import { requiredText, strictObject } from '../kernel/schema-parts.js';
import { validateWith as validate } from '../kernel/validation.js';
import { about, date } from './fields.schema.js';
import { paperFilingRecorded } from './events.js';
import type { QualificationFiling } from './qualification.js';

// QUAL-6: the day an insurer's materials reached the city EMB on paper (报送市应急管理局), as the city EMB
// records it. The insurer never states its own filing date: the platform stamps the day its filing is first
// complete here, and only the city EMB — who received the paper — can record an earlier one. The record is the
// regulator's own (`R#…`), kept apart from the insurer's filing, and merged into it where eligibility is computed.

/** The longest note the city EMB writes on a paper filing record. */
export const PAPER_FILING_NOTE_MAX_LENGTH = 500;

/** QUAL-6: `POST /regulator/qualifications/{insurerTenantId}/{year}/paper-filing`. */
export const recordPaperFilingBody = strictObject({
  filedOn: date('QUAL-6: filedOn is the day the city EMB received the paper materials (YYYY-MM-DD)'),
  note: requiredText(
    'QUAL-6: note is required: how the paper filing was received (e.g. 收文登记号)',
    PAPER_FILING_NOTE_MAX_LENGTH,
  ),
});
export type RecordPaperFilingBody = z.output<typeof recordPaperFilingBody>;

/** QUAL-6: the city EMB's record of a paper filing, as stored and returned. */
export const paperFilingSchema = z.object({
  insurerTenantId: about(z.string(), 'The insurer whose materials were received'),
  year: about(z.int(), 'The filing year'),
  filedOn: about(localDateSchema, 'QUAL-6: the day the paper materials were received by the city EMB'),
  note: about(z.string(), 'How it was received, e.g. the registry number (收文登记号)'),
  recordedBy: about(z.string(), 'The city EMB user who recorded it'),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: about(z.int(), 'Optimistic lock: 1 when first recorded, + 1 on every correction'),
});
export type PaperFiling = z.output<typeof paperFilingSchema>;

/** Who records a paper filing, and when. */
export interface PaperFilingContext {
  readonly insurerTenantId: string;
  readonly year: number;
  readonly now: Date;
  /** The city EMB user. */
  readonly by: string;
}

/**
 * QUAL-6: the city EMB records (or corrects) the day an insurer's filing for `year` reached it on paper.
 * The day is not after today, and not before the year before the filing's year (a filing for 2025 cannot
 * have been received in 2023). Raises `underwriting.qualification.paper_filing_recorded`.
 *
 * @throws ValidationFailed for a malformed body; RuleViolation (QUAL-6, `filedOn`, 400) for a day after today
 *   or too early.
 * @example
 * const { state, events } = recordPaperFiling(undefined, { filedOn: '2026-06-01', note: '收文第 12 号' },
 *   { insurerTenantId: 't-1', year: 2026, now, by: 'u-city' });
 */
export function recordPaperFiling(
  previous: PaperFiling | undefined,
  input: RecordPaperFilingBody,
  context: PaperFilingContext,
): Changed<PaperFiling> {
  const body = validate(recordPaperFilingBody, input, 'paper filing');
  const at = instantOf(context.now);
  const today = shanghaiDateOf(at);
  if (compareLocalDates(body.filedOn, today) > 0) {
    throw new RuleViolation('QUAL-6', 'filedOn', `QUAL-6: a paper filing cannot be received after today (${today})`, 400);
  }
  const earliest = `${context.year - 1}-01-01`;
  if (compareLocalDates(body.filedOn, earliest) < 0) {
    throw new RuleViolation(
      'QUAL-6',
      'filedOn',
      `QUAL-6: the ${context.year} filing cannot have been received before ${earliest}; ${body.filedOn} is earlier`,
      400,
    );
  }
  const state: PaperFiling = {
    insurerTenantId: context.insurerTenantId,
    year: context.year,
    filedOn: body.filedOn,
    note: body.note,
    recordedBy: context.by,
    createdAt: previous?.createdAt ?? at,
    updatedAt: at,
    version: (previous?.version ?? 0) + 1,
  };
  const subject = { id: `${state.insurerTenantId}-${state.year}`, version: state.version, tenantId: state.insurerTenantId };
  return { state, events: [paperFilingRecorded.of(subject, { year: state.year, version: state.version, filedOn: state.filedOn })] };
}

/**
 * QUAL-6: the filing as eligibility sees it — its `filedOn` is the earlier of the day the platform stamped
 * and the day the city EMB recorded a paper filing (`RECORDED`). Completeness is still the filing's own: a
 * paper date makes a filing count from that day only once every Annex 1 item is attached here.
 *
 * @example
 * withPaperFiling(filing, paper)?.filedOnSource; // 'RECORDED' when the paper day is earlier
 */
export function withPaperFiling(
  filing: QualificationFiling | undefined,
  paper: PaperFiling | undefined,
): QualificationFiling | undefined {
  if (filing === undefined || paper === undefined || paper.year !== filing.year) return filing;
  if (filing.filedOn !== undefined && compareLocalDates(filing.filedOn, paper.filedOn) <= 0) return filing;
  return { ...filing, filedOn: paper.filedOn as LocalDate, filedOnSource: 'RECORDED' };
}
