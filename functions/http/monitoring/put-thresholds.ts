import { INSURER } from '../../../domain/identity/access.js';
import { instantOf } from '../../../domain/kernel/calendar/instant.js';
import { RuleViolation } from '../../../domain/kernel/errors.js';
import { MONITORING_KINDS, type Threshold } from '../../../domain/monitoring/kinds.js';
import { ZONE_THRESHOLD } from '../../../domain/monitoring/positions.js';
import { publicSource, type ThresholdChange } from '../../../domain/monitoring/source.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { monitoringRoot } from './composition-root.js';
import { loadSource } from './load-source.js';
import { forgetSource } from './source-of-key.js';
import { sourceIdParams, sourceSchema, thresholdsBody } from './schemas.js';

/**
 * MON-2: the insurer's thresholds for this mine over the rule set's, by data kind (null drops an override), and
 * its zones' limits of persons (`ZONE.<zone>`, MON-1 人员定位: e.g. a face's 核定人数, or 1 for a zone no one may enter).
 * Every change is kept on the source: who, when, from what to what.
 */
export const putThresholds = defineRoute({
  method: 'PUT',
  path: '/api/v1/monitoring/sources/{sourceId}/thresholds',
  access: INSURER,
  summary: "Set a mine's thresholds over the rule set's (MON-2, audited)",
  tags: ['monitoring'],
  params: sourceIdParams,
  body: thresholdsBody,
  response: sourceSchema,
  async handle(input) {
    const { tenantId, userId } = callerOf(input, 'insurer');
    for (const [kind, threshold] of Object.entries(input.body.thresholds)) {
      const field = `thresholds.${kind}`;
      // MON-1 人员定位: `ZONE.<zone>` is a zone's limit of persons (at or above it), never below.
      const zone = ZONE_THRESHOLD.test(kind);
      if (!zone && (!Object.hasOwn(MONITORING_KINDS, kind) || kind === 'VIDEO_ALARM')) {
        throw new RuleViolation('MON-1', field, `MON-1: ${kind} is not a data kind with readings, nor ZONE.<zone id> (persons in a zone)`, 400);
      }
      if (zone && threshold && threshold.direction !== 'ABOVE') {
        throw new RuleViolation('MON-2', `${field}.direction`, 'MON-2: a zone’s limit is a number of persons at or above which it alarms (ABOVE)', 400);
      }
      if (threshold && threshold.warning === undefined && threshold.major === undefined) {
        throw new RuleViolation('MON-2', field, 'MON-2: a threshold names a warning level, a major level or both', 400);
      }
      if (threshold?.warning !== undefined && threshold.major !== undefined) {
        const inOrder = threshold.direction === 'ABOVE' ? threshold.warning <= threshold.major : threshold.warning >= threshold.major;
        if (!inOrder) throw new RuleViolation('MON-2', field, 'MON-2: the warning level comes before the major one', 400);
      }
    }
    const { monitoring, source } = await loadSource(tenantId, input.params.sourceId);
    const at = instantOf(monitoringRoot().clock.now());
    const thresholds: Record<string, Threshold> = { ...(source.thresholds as Record<string, Threshold>) };
    const changes: ThresholdChange[] = [];
    for (const [kind, threshold] of Object.entries(input.body.thresholds)) {
      const from = thresholds[kind] ?? null;
      if (JSON.stringify(from) === JSON.stringify(threshold)) continue;
      if (threshold) thresholds[kind] = threshold;
      else delete thresholds[kind];
      changes.push({ at, by: userId, kind, from, to: threshold });
    }
    if (changes.length === 0) return { body: publicSource(source) };
    const changed = { ...source, thresholds, thresholdChanges: [...source.thresholdChanges, ...changes], version: source.version + 1 };
    await monitoring.saveSource(changed, source.version);
    forgetSource(source);
    return { body: publicSource(changed) };
  },
});
