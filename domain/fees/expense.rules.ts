import { compareLocalDates, shanghaiDateOf, yearOf } from '../kernel/calendar/local-date.js';
import type { LocalDate } from '../kernel/calendar/local-date.js';
import { instantOf } from '../kernel/calendar/instant.js';
import { RuleViolation } from '../kernel/errors.js';
import { selectRuleSet } from '../kernel/rule-set/rule-set-registry.js';
import { expenseBookedEvents } from './events.js';
import { EXPENSE_CATEGORIES, REFUSED_CATEGORY_NAMES, REFUSED_EXPENSE_CATEGORIES, balanceChangeOf, ledgerEntryId } from './ledger-entry.js';
import type { ExpenseCategory, ExpenseEntry, RefusedExpenseCategory } from './ledger-entry.js';
import type { BookExpenseBody } from './ledger-entry.schema.js';
import { checkBalance, openLedger, requireAmount, yuan } from './ledger.rules.js';
import type { BookingContext, EntryBooked } from './ledger.rules.js';
import { appendToYear } from './year-ledger.js';
import type { YearLedger } from './year-ledger.js';

export interface ExpenseContext extends BookingContext {
  /** The ledger of the expense's year, as read (absent before its first entry). */
  readonly ledger: YearLedger | undefined;
  /** FEE-2: what the archive holds under `document.archiveId`, looked up when the expense cites a document. */
  readonly document?: ArchivedDocumentFacts | undefined;
}

const isRefused = (category: string): category is RefusedExpenseCategory =>
  (REFUSED_EXPENSE_CATEGORIES as readonly string[]).includes(category);

/**
 * FEE-3: an expense must be of an allowed category. Internal management costs, diverting (挪用), squeezing
 * (挤占) and pre-accruing (预提) are refused, each by name.
 *
 * @throws RuleViolation (FEE-3, `category`, 400).
 */
export function checkExpenseCategory(category: string): asserts category is ExpenseCategory {
  if (isRefused(category)) {
    throw new RuleViolation(
      'FEE-3',
      'category',
      `FEE-3: ${REFUSED_CATEGORY_NAMES[category]} is not a prevention expense; allowed: ${EXPENSE_CATEGORIES.join(', ')}`,
      400,
    );
  }
  if (!(EXPENSE_CATEGORIES as readonly string[]).includes(category)) {
    throw new RuleViolation('FEE-3', 'category', `FEE-3: category must be one of ${EXPENSE_CATEGORIES.join(', ')}`, 400);
  }
}

/**
 * FEE-3: expenses are booked as incurred (据实列支); one dated after today is money not yet spent — pre-accrual
 * (预提) — and refused.
 *
 * @throws RuleViolation (FEE-3, `spentOn`, 400).
 */
export function checkNotPreAccrued(spentOn: LocalDate, today: LocalDate): void {
  if (compareLocalDates(spentOn, today) > 0) {
    throw new RuleViolation(
      'FEE-3',
      'spentOn',
      `FEE-3: an expense is booked when incurred; spentOn ${spentOn} is after today (${today}), which would pre-accrue it (预提)`,
      400,
    );
  }
}

/**
 * FEE-2: every expense names what it paid for — the prevention service or the archived document.
 *
 * @throws RuleViolation (FEE-2, `serviceId`, 400).
 */
export function checkExpenseLink(input: Pick<BookExpenseBody, 'serviceId' | 'document'>): void {
  if (input.serviceId === undefined && input.document === undefined) {
    throw new RuleViolation(
      'FEE-2',
      'serviceId',
      'FEE-2: an expense links to the service (serviceId) or the archived document (document) it pays for',
      400,
    );
  }
}

/**
 * FEE-2, SVC-10: what the insurer's write-once archive holds under a cited archive id — the digest the table
 * recorded when it was archived, and the digest of the bytes the store holds (absent when it holds none).
 * `undefined` when the insurer's archive has no such id (another tenant's id is never found: the lookup runs
 * in the caller's tenant only).
 */
export interface ArchivedDocumentFacts {
  readonly recordedSha256: string;
  readonly storedSha256: string | undefined;
}

/**
 * FEE-2: an expense citing a document cites one that is in this insurer's archive, with the digest given: a
 * made-up id, or a real one with another digest (an all-zero one), is refused, so the ledger's link to what
 * the money paid for can always be followed and verified (SVC-10).
 *
 * @throws RuleViolation (FEE-2, `document.archiveId` or `document.sha256`, 409).
 */
export function checkExpenseDocument(document: NonNullable<BookExpenseBody['document']>, facts: ArchivedDocumentFacts | undefined): void {
  if (facts === undefined) {
    throw new RuleViolation('FEE-2', 'document.archiveId', `FEE-2: this insurer’s archive holds no document ${document.archiveId}; archive the document first and cite its archive id`, 409);
  }
  if (facts.storedSha256 === undefined) {
    throw new RuleViolation('FEE-2', 'document.archiveId', `FEE-2: the file of archive ${document.archiveId} is not in the archive store yet`, 409);
  }
  if (facts.recordedSha256 !== document.sha256 || facts.storedSha256 !== facts.recordedSha256) {
    throw new RuleViolation('FEE-2', 'document.sha256', `FEE-2: document.sha256 is not the SHA-256 of archive ${document.archiveId} as archived`, 409);
  }
}

/**
 * FEE-2, FEE-3: books prevention money spent, in the ledger of its year, as the year's next entry.
 *
 * Checks, in order: the category (FEE-3), the date (FEE-3, not pre-accrued), the link to what it paid for
 * (FEE-2, a cited document in the archive with its digest), a rule set in force that day (RULES-1), the balance (FEE-2).
 *
 * @example
 * bookExpense({ spentOn: '2024-08-15', category: 'OFFLINE_SERVICE', amountFen: 800_000, description: '体检式精查',
 *   serviceId: 's1' }, context).entry.sequence; // the year's next number
 */
export function bookExpense(input: BookExpenseBody, context: ExpenseContext): EntryBooked<ExpenseEntry> {
  checkExpenseCategory(input.category);
  requireAmount(input.amountFen, 'amountFen', 'FEE-2');
  const recordedAt = instantOf(context.now);
  checkNotPreAccrued(input.spentOn, shanghaiDateOf(context.now));
  checkExpenseLink(input);
  if (input.document !== undefined) checkExpenseDocument(input.document, context.document);
  const ruleSet = selectRuleSet(context.ruleSets, input.spentOn);
  const year = yearOf(input.spentOn);
  const ledger = openLedger(context.ledger, context.tenantId, year, recordedAt);
  const sequence = ledger.lastSequence + 1;
  const draft: ExpenseEntry = {
    id: ledgerEntryId(year, sequence, context.idSuffix),
    tenantId: context.tenantId,
    year,
    sequence,
    kind: 'EXPENSE',
    date: input.spentOn,
    amountFen: input.amountFen,
    advance: false,
    ruleSetId: ruleSet.id,
    ruleSetVersion: ruleSet.version,
    recordedAt,
    recordedBy: context.by,
    category: input.category,
    description: input.description,
    ...(input.serviceId === undefined ? {} : { serviceId: input.serviceId }),
    ...(input.document === undefined ? {} : { document: input.document }),
  };
  const advance = checkBalance(ledger, balanceChangeOf(draft), input.advance === true, `an expense of ${yuan(input.amountFen)}`);
  const entry: ExpenseEntry = { ...draft, advance };
  return { entry, ledger: appendToYear(ledger, entry), events: expenseBookedEvents(entry) };
}

