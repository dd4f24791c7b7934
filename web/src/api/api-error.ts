/** One entry of a 400 answer's `details`: `field` is a dotted path such as `admin.username`. */
export interface FieldIssue {
  readonly field: string;
  readonly message: string;
  readonly rule?: string;
}

/**
 * Any failed call to the API, shaped after its error body `{"error":{"code","message","details"}}`.
 * `status` 0 means the request never got an answer (network down, aborted).
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    /** The error's own `rule` (a 409 Conflict names its rule there, with no details). */
    private readonly ruleId?: string,
  ) {
    super(message);
  }

  /** The field issues of a 400 answer; empty for every other error. */
  get fieldIssues(): readonly FieldIssue[] {
    return this.status === 400 ? this.issues : [];
  }

  /**
   * The `details` that are `{field, message, rule?}`, whatever the status: a 409 names its field too
   * (REG-1 at `enterpriseUscc`, UW-9 at `periodStart`), and UW-8 lists one per failing criterion.
   */
  get issues(): readonly FieldIssue[] {
    return Array.isArray(this.details) ? this.details.filter(isFieldIssue) : [];
  }

  /** The rule id a 409 (or 400) names, e.g. `UW-3`, when the server gave one (`error.rule` or in `details`). */
  get rule(): string | undefined {
    if (this.ruleId) return this.ruleId;
    const details: unknown = this.details;
    if (isObject(details) && typeof details.rule === 'string') return details.rule;
    return this.fieldIssues.find((issue) => issue.rule)?.rule;
  }

  get isNetworkError(): boolean {
    return this.status === 0;
  }
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

const isFieldIssue = (value: unknown): value is FieldIssue =>
  isObject(value) && typeof value.field === 'string' && typeof value.message === 'string';

/** Builds an ApiError from a non-2xx response, tolerating bodies that are not the documented shape. */
export async function apiErrorFrom(response: Response): Promise<ApiError> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  const error = isObject(body) && isObject(body.error) ? body.error : {};
  const code = typeof error.code === 'string' ? error.code : `HTTP_${response.status}`;
  const message = typeof error.message === 'string' ? error.message : response.statusText;
  const rule = typeof error.rule === 'string' ? error.rule : undefined;
  return new ApiError(response.status, code, message, error.details, rule);
}
