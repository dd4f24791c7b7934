import { Conflict } from '../../../domain/kernel/errors.js';
import type { DomainEvent } from '../../../domain/kernel/events.js';
import type { RuleSet } from '../../../domain/kernel/rule-set/rule-set.js';
import type { RecordedRuleSet } from '../../../domain/kernel/rule-set/rule-set-source.port.js';
import type { RuleSetRepository } from '../../../domain/register/rule-set.repository.js';
import { builtInVersions, type RuleSetVersion } from '../../../domain/register/rule-set-version.js';
import { PUBLISHED_RULE_SETS } from '../../../domain/kernel/rule-set/published.js';
import { systemClock } from '../clock.js';
import { mainTableName, sharedDynamoDb } from './client.js';
import { keys } from './keys.js';
import { outboxOf, Store } from './store.js';
import { entityOf } from './stored-item.js';

/** How long a container trusts the versions it read: new versions take effect a day after publishing at the earliest. */
const CACHE_MILLISECONDS = 30_000;
const PAGE = 100;
const VERSION_KIND = 'RULE_SET_VERSION';

interface Cached {
  readonly at: number;
  readonly versions: readonly RuleSetVersion[];
}
/** Per table, per container: every context reads the versions on most requests. */
const cache = new Map<string, Cached>();

const sameVersion = (ruleSet: RuleSet, recorded: RecordedRuleSet): boolean =>
  ruleSet.id === recorded.ruleSetId && ruleSet.version === recorded.ruleSetVersion;

/**
 * RULES-1: the built-in versions and those the city EMB published, in one regulator-owned partition
 * (`R#rule-sets#VERSIONS`). A published version is created once (conditional put) and never updated; the
 * built-in ones win over a table item with the same series and number (none can be published: numbers are
 * taken after the latest).
 */
export class DynamoRuleSetRepository implements RuleSetRepository {
  constructor(
    private readonly store: Store,
    private readonly builtIn: readonly RuleSet[],
    private readonly clock: { now(): Date } = { now: () => new Date() },
  ) {}

  async versions(recorded?: RecordedRuleSet): Promise<readonly RuleSet[]> {
    let versions = await this.cached(false);
    if (recorded !== undefined && !versions.some((version) => sameVersion(version.ruleSet, recorded))) versions = await this.cached(true);
    return versions.map((version) => version.ruleSet);
  }

  async list(): Promise<readonly RuleSetVersion[]> {
    return this.cached(true);
  }

  async publish(version: RuleSetVersion, events: readonly DomainEvent[]): Promise<void> {
    const key = keys.ruleSetVersion(version.ruleSet.id, version.ruleSet.version);
    await this.store.commit(
      [
        {
          kind: 'create',
          item: { ...version, ...key, kind: VERSION_KIND },
          onExists: () => new Conflict(`RULES-1: ${version.ruleSet.id} v${version.ruleSet.version} was published meanwhile; start from it`),
        },
      ],
      events.map((event) => outboxOf(event, key)),
    );
    cache.delete(this.store.tableName);
  }

  private async cached(fresh: boolean): Promise<readonly RuleSetVersion[]> {
    const now = this.clock.now().getTime();
    const hit = cache.get(this.store.tableName);
    if (!fresh && hit !== undefined && now - hit.at < CACHE_MILLISECONDS) return hit.versions;
    const published: RuleSetVersion[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.store.page<Record<string, unknown>>({ partition: keys.ruleSetVersions, limit: PAGE, cursor, consistent: true });
      // The partition also holds the outbox items of the publications (they share the aggregate's key).
      published.push(...page.items.filter((item) => item.kind === VERSION_KIND).map((item) => entityOf<RuleSetVersion>(item)));
      cursor = page.nextCursor;
    } while (cursor !== undefined);
    const builtIn = builtInVersions(this.builtIn);
    const versions = [
      ...builtIn,
      ...published.filter((version) => !this.builtIn.some((ruleSet) => ruleSet.id === version.ruleSet.id && ruleSet.version === version.ruleSet.version)),
    ];
    cache.set(this.store.tableName, { at: now, versions });
    return versions;
  }
}

/**
 * RULES-1: the versions as every context reads them — the built-in xinzhou-2024 and the published ones —
 * through the function's own role (`R#rule-sets#*` is read by every context). Cheap to build: the versions
 * are cached per table and container, not per instance.
 */
export function sharedRuleSets(): DynamoRuleSetRepository {
  return new DynamoRuleSetRepository(new Store(sharedDynamoDb().doc, mainTableName(), systemClock), PUBLISHED_RULE_SETS, systemClock);
}
