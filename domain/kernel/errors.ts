/**
 * The closed set of errors the domain raises. Each carries a stable `code`; the HTTP middleware maps codes to
 * statuses in one place, so domain code never speaks HTTP (except {@link RuleViolation}, whose rule decides
 * between 400 and 409).
 *
 * Every class sets `name` literally rather than from `new.target.name`, because a minifying bundler renames
 * classes and the name would then be useless in logs.
 */
export abstract class DomainError extends Error {
  abstract readonly code: string;
}

/**
 * A rule of DOMAIN.md refused the request; `ruleId` lets a reader go from the response back to the notice.
 *
 * @example
 * throw new RuleViolation('UW-4', 'deathLimitFen', 'death limit per person is below 300,000 CNY', 400);
 */
export class RuleViolation extends DomainError {
  readonly code = 'RULE_VIOLATION' as const;
  override readonly name = 'RuleViolation';

  constructor(
    readonly ruleId: string,
    readonly field: string | undefined,
    message: string,
    /** 400 when the request itself is malformed under the rule (UW-2), 409 when it clashes with state (UW-8). */
    readonly status: 400 | 409 = 409,
    /**
     * Several findings behind one refusal (UW-8 names every failing QUAL criterion); the error envelope lists
     * them as its details. Without them the envelope's one detail is this violation's field and message.
     */
    readonly findings?: readonly FieldProblem[],
  ) {
    super(message);
  }
}

/** One problem with one input field; `rule` names the DOMAIN.md rule when a rule, not mere shape, failed. */
export interface FieldProblem {
  field: string;
  message: string;
  rule?: string;
}

/** The input failed schema validation; all problems are reported at once so a form can mark every field. */
export class ValidationFailed extends DomainError {
  readonly code = 'VALIDATION_FAILED' as const;
  override readonly name = 'ValidationFailed';
  readonly details: readonly FieldProblem[];

  constructor(details: FieldProblem[]) {
    super(
      details.length === 0
        ? 'validation failed'
        : `validation failed: ${details.map((problem) => `${problem.field}: ${problem.message}`).join('; ')}`,
    );
    this.details = [...details];
  }
}

/**
 * The entity does not exist — or exists but is outside the caller's scope: ACL-1 answers both alike so that
 * another tenant's identifiers cannot be probed.
 */
export class NotFound extends DomainError {
  readonly code = 'NOT_FOUND' as const;
  override readonly name = 'NotFound';

  constructor(readonly entity: string) {
    super(`${entity} not found`);
  }
}

/** The request clashes with current state for a reason that is not a single rule's field check. */
export class Conflict extends DomainError {
  readonly code = 'CONFLICT' as const;
  override readonly name = 'Conflict';

  constructor(
    message: string,
    readonly ruleId?: string,
  ) {
    super(message);
  }
}

/** Optimistic locking lost: someone else changed the entity since the caller read it; reload and retry. */
export class StaleVersion extends DomainError {
  readonly code = 'STALE_VERSION' as const;
  override readonly name = 'StaleVersion';

  constructor(readonly entity: string) {
    super(`${entity} was changed by someone else; reload it and try again`);
  }
}

/** The caller is known but its role or scope does not allow the action (ACL-1..5). */
export class Forbidden extends DomainError {
  readonly code = 'FORBIDDEN' as const;
  override readonly name = 'Forbidden';

  constructor(message = 'forbidden') {
    super(message);
  }
}

/** The caller could not be identified (no token, or one that fails verification). */
export class Unauthorized extends DomainError {
  readonly code = 'UNAUTHORIZED' as const;
  override readonly name = 'Unauthorized';

  constructor(message = 'unauthorized') {
    super(message);
  }
}
