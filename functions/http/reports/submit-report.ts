import { retainUntilFor, tenantArchive } from '../../../domain/archive/archive-store.js';
import { ruleSetForYear } from '../../../domain/fees/compliance.js';
import { INSURER } from '../../../domain/identity/access.js';
import { periodKeyOf } from '../../../domain/reports/period.js';
import { REPORT_FORMATS, type ReportFile } from '../../../domain/reports/report.js';
import { submitReport } from '../../../domain/reports/report.rules.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { reportFilesRoot } from './files-composition-root.js';
import { loadOwnReport } from './load-own-report.js';
import { archiveVersionFile } from './report-archive.js';
import { reportDetailOf, reportDetailSchema, reportParams } from './schemas.js';

/**
 * RPT-1 (报送): the draft under review becomes the next version — its files archived write-once with their
 * SHA-256 and kept five years (SVC-10), the `reports.report.submitted` event in the same transaction, late when
 * submitted after July 31 / January 31 on the platform's clock. A submitted version never changes; a correction
 * is generated again and submitted as the next version.
 */
export const submitReportRoute = defineRoute({
  method: 'POST',
  path: '/api/v1/reports/{reportId}/submit',
  access: INSURER,
  summary: 'Submit (报送) the report under review as its next version to the city EMB and the NFRA (RPT-1)',
  tags: ['reports'],
  params: reportParams,
  response: reportDetailSchema,
  async handle(input) {
    const { tenantId, userId } = callerOf(input, 'insurer');
    const { archive, sha256, ruleSets, clock } = reportFilesRoot();
    const { report, reports } = await loadOwnReport(tenantId, input.params.reportId);
    const now = clock.now();
    const { change, version } = submitReport(report, { now, by: userId });
    const ruleSet = ruleSetForYear(await ruleSets.versions(), report.period.year);
    const retainUntil = retainUntilFor(now, ruleSet.archiveRetentionYears);
    const files = {} as Record<(typeof REPORT_FORMATS)[number], ReportFile>;
    for (const format of REPORT_FORMATS) {
      const key = `tenants/${tenantId}/reports/${report.id}/v${version.version}/${periodKeyOf(report.period)}.${format}`;
      files[format] = await archiveVersionFile({ archive: archive(tenantArchive(tenantId)), sha256 }, version.files[format], key, { retainUntil, now });
    }
    // RPT-2: a third party's evaluation is archived with the version's own files, under the version's key.
    const third = version.evaluation?.thirdParty;
    const evaluation =
      version.evaluation && third
        ? {
            ...version.evaluation,
            thirdParty: {
              ...third,
              file: await archiveVersionFile({ archive: archive(tenantArchive(tenantId)), sha256 }, third.file, `tenants/${tenantId}/reports/${report.id}/v${version.version}/third-party-evaluation.pdf`, { retainUntil, now }),
            },
          }
        : version.evaluation;
    const submitted = { ...version, files, ...(evaluation ? { evaluation } : {}) };
    await reports.submit(change, report.version, submitted);
    return { body: reportDetailOf(change.state, [...(await reports.versions(tenantId, report.id))]) };
  },
});
