import { ValidationFailed } from '../../../domain/kernel/errors.js';
import { urlProblem, type UrlPolicy } from '../../../domain/webhooks/address-guard.js';
import { eventTypeProblems } from '../../../domain/webhooks/event-patterns.js';
import { ALL_EVENT_TYPES } from '../../events/catalogue.js';

/** The catalogue's event names a subscription may name (webhooks' own events included: an endpoint's disabling). */
export const CATALOGUE_NAMES: readonly string[] = ALL_EVENT_TYPES.map((type) => type.name);

/** Issue 17: a URL the SSRF guard refuses at subscription is a 400 naming `url` (the attempt refuses it again). */
export function checkUrl(url: string, policy: UrlPolicy): void {
  const problem = urlProblem(url, policy);
  if (problem) throw new ValidationFailed([{ field: 'url', message: problem }]);
}

/** Issue 17: every event type must be the catalogue's, or a wildcard reaching at least one of them. */
export function checkEventTypes(eventTypes: readonly string[]): void {
  const problems = eventTypeProblems(eventTypes, CATALOGUE_NAMES);
  if (problems.length > 0) throw new ValidationFailed(problems);
}
