import { compareLocalDates, type LocalDate } from '../kernel/calendar/local-date.js';
import { RuleViolation } from '../kernel/errors.js';
import type { Changed } from '../kernel/events.js';
import { ruleSetSchema, type RuleSet } from '../kernel/rule-set/rule-set.js';
import { ruleSetPublished } from './events.js';
import type { PublishRuleSetBody, RuleSetVersion } from './rule-set-version.js';

/** What publishing needs besides the body: every version so far, the day, the time and the agency. */
export interface PublicationContext {
  readonly versions: readonly RuleSet[];
  readonly today: LocalDate;
  readonly now: Date;
  readonly by: string;
}

/** The figures of `next` that differ from `base`, by name (the SVC-1 table and VAT rates as whole figures). */
export function changedFigures(base: RuleSet, next: RuleSet): string[] {
  return (Object.keys(next) as (keyof RuleSet)[])
    .filter((name) => name !== 'version')
    .filter((name) => JSON.stringify(base[name]) !== JSON.stringify(next[name]));
}

/**
 * RULES-1: the city EMB publishes the next version of a series — a copy of its latest version with figures
 * edited — effective from a day after today. Versions are never changed once published, and decisions keep
 * the version they recorded; so a new version can only govern decisions not yet taken, and a version taking
 * effect today would govern some of today's decisions and not others.
 *
 * @throws RuleViolation (RULES-1, `basedOn.ruleSetId`, 409) for an unknown series; (RULES-1,
 * `basedOn.ruleSetVersion`, 409) when it is not the series' latest (another was published meanwhile);
 * (RULES-1, `figures.effectiveFrom`, 400) unless after today and not before the latest's effective day;
 * (RULES-1, `figures`, 400) when nothing changes.
 * @example
 * publishRuleSet({ basedOn: { ruleSetId: 'xinzhou-2024', ruleSetVersion: 1 }, note: '…', figures }, { versions: [XINZHOU_2024], today, now, by: 'emb-city' })
 *   .state.ruleSet.version; // 2
 */
export function publishRuleSet(body: PublishRuleSetBody, context: PublicationContext): Changed<RuleSetVersion> {
  const series = context.versions.filter((candidate) => candidate.id === body.basedOn.ruleSetId);
  if (series.length === 0) {
    throw new RuleViolation('RULES-1', 'basedOn.ruleSetId', `RULES-1: there is no rule set ${body.basedOn.ruleSetId} to continue`, 409);
  }
  const latest = series.reduce((a, b) => (b.version > a.version ? b : a));
  if (body.basedOn.ruleSetVersion !== latest.version) {
    throw new RuleViolation(
      'RULES-1',
      'basedOn.ruleSetVersion',
      `RULES-1: ${latest.id} is at version ${latest.version}; a new version copies the latest, not v${body.basedOn.ruleSetVersion}`,
      409,
    );
  }
  const effectiveFrom = body.figures.effectiveFrom;
  if (compareLocalDates(effectiveFrom, context.today) <= 0) {
    throw new RuleViolation(
      'RULES-1',
      'figures.effectiveFrom',
      `RULES-1: a new version takes effect after today (${context.today}); ${effectiveFrom} would change decisions already taken under v${latest.version}`,
      400,
    );
  }
  if (compareLocalDates(effectiveFrom, latest.effectiveFrom) < 0) {
    throw new RuleViolation('RULES-1', 'figures.effectiveFrom', `RULES-1: v${latest.version} takes effect on ${latest.effectiveFrom}; a later version cannot take effect before it`, 400);
  }
  const ruleSet: RuleSet = ruleSetSchema.parse({ ...body.figures, id: latest.id, version: latest.version + 1, region: latest.region });
  const changed = changedFigures(latest, ruleSet).filter((name) => name !== 'effectiveFrom');
  if (changed.length === 0) {
    throw new RuleViolation('RULES-1', 'figures', `RULES-1: the figures are those of v${latest.version}; a new version changes at least one`, 400);
  }
  const version: RuleSetVersion = {
    ruleSet,
    builtIn: false,
    publishedAt: context.now.toISOString(),
    publishedBy: context.by,
    basedOnVersion: latest.version,
    note: body.note,
  };
  const event = ruleSetPublished.of(
    { id: ruleSet.id, version: ruleSet.version },
    { ruleSetId: ruleSet.id, ruleSetVersion: ruleSet.version, basedOnVersion: latest.version, effectiveFrom, changed, publishedBy: context.by },
  );
  return { state: version, events: [event] };
}
