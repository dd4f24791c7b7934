import { computeSheet, type ComputedResult } from '../../../domain/evaluations/computed-items.js';
import { reportPeriodFor, type EvaluationPeriod } from '../../../domain/evaluations/period.js';
import { ruleSetForYear } from '../../../domain/fees/compliance.js';
import type { RegulatorPrincipal } from '../../../domain/identity/principal.js';
import { isActiveOn } from '../../../domain/register/blacklist.js';
import { evaluationScoreSheetOf, type EvaluationScoreSheet } from '../../../domain/kernel/rule-set/evaluation-score-sheet.js';
import { selectRuleSet } from '../../../domain/kernel/rule-set/rule-set-registry.js';
import { computeReportFigures } from '../../../domain/reports/figures.js';
import type { Evaluation } from '../../../domain/evaluations/evaluation.js';
import type { EvaluationsRoot } from './composition-root.js';

/**
 * RPT-3: the score sheet in force on the period's last day (RULES-1: the rules the insurer worked under), with
 * the version it came from.
 */
export async function sheetFor(root: EvaluationsRoot, period: EvaluationPeriod): Promise<{ sheet: EvaluationScoreSheet; ruleSetVersion: string }> {
  const ruleSet = selectRuleSet(await root.ruleSets.versions(), period.to);
  return { sheet: evaluationScoreSheetOf(ruleSet), ruleSetVersion: `${ruleSet.id} v${ruleSet.version}` };
}

/**
 * RPT-3: the computed items from the insurer's records — the same figures its RPT-1 report would state for the
 * period (RPT-4's pure computation, fees judged by the year's rule set as `GET /fees/summary`), read through the
 * caller's read-only regulator session, and the register check of the enterprises it insured (REG-1).
 */
export async function computeItemsFor(
  root: EvaluationsRoot,
  regulator: RegulatorPrincipal,
  insurer: { readonly tenantId: string; readonly insurerName: string },
  period: EvaluationPeriod,
  sheet: EvaluationScoreSheet,
): Promise<ReadonlyMap<string, ComputedResult>> {
  const reportPeriod = reportPeriodFor(period);
  const records = await (await root.records(regulator)).recordsOf(insurer.tenantId, reportPeriod);
  const figures = computeReportFigures(records, {
    tenantId: insurer.tenantId,
    insurerName: insurer.insurerName,
    period: reportPeriod,
    ruleSet: ruleSetForYear(await root.ruleSets.versions(), period.year),
    generatedAt: root.clock.now().toISOString(),
  });
  const insured = [...new Set(records.policies.filter((policy) => policy.periodStart >= period.from && policy.periodStart <= period.to).map((policy) => policy.enterprise.uscc))];
  const registered = insured.length === 0 ? new Set<string>() : await root.register.registered(insured);
  return computeSheet(sheet, figures, { insuredEnterprises: insured.length, inRegister: insured.filter((uscc) => registered.has(uscc)).length });
}

/** BLK-1: the listings (通报) that followed this evaluation. */
export async function noticesOf(root: EvaluationsRoot, evaluation: Evaluation, today: string) {
  if (evaluation.status !== 'PUBLISHED' || evaluation.published?.passed) return [];
  const entries = await root.blacklist.entriesOf(evaluation.tenantId);
  return entries
    .filter((entry) => entry.evaluationId === evaluation.id)
    .map((entry) => ({ id: entry.id, listedOn: entry.listedOn, reason: entry.reason, activeToday: isActiveOn(entry, today) }));
}
