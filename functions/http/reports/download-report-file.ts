import { tenantArchive } from '../../../domain/archive/archive-store.js';
import { INSURER } from '../../../domain/identity/access.js';
import { NotFound } from '../../../domain/kernel/errors.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { reportFilesRoot } from './files-composition-root.js';
import { loadOwnReport } from './load-own-report.js';
import { reportFileLink, reportFileOf } from './report-file-link.js';
import { reportFileLinkSchema, reportFileParams, reportFileQuery } from './schemas.js';

/**
 * RPT-1: a report file (XLSX or PDF) by a short-lived link to the archive: the draft under review, or a
 * submitted version (`?version=`); without a draft, the latest version.
 */
export const downloadReportFileRoute = defineRoute({
  method: 'GET',
  path: '/api/v1/reports/{reportId}/files/{format}',
  access: INSURER,
  summary: 'A link to download a report file (xlsx or pdf): the draft, or a submitted version (RPT-1)',
  tags: ['reports'],
  params: reportFileParams,
  query: reportFileQuery,
  response: reportFileLinkSchema,
  async handle(input) {
    const { tenantId } = callerOf(input, 'insurer');
    const root = reportFilesRoot();
    const { report, reports } = await loadOwnReport(tenantId, input.params.reportId);
    const { format } = input.params;
    const deps = { archive: root.archive(tenantArchive(tenantId)), sha256: root.sha256, clock: root.clock };
    const wanted = input.query.version;
    if (wanted === undefined && report.draft) {
      return { body: await reportFileLink(deps, reportFileOf(report.draft.files, report.draft.evaluation, format), { period: report.period, format }) };
    }
    const versions = report.submittedVersions > 0 ? await reports.versions(tenantId, report.id) : [];
    const version = wanted === undefined ? versions.at(-1) : versions.find((candidate) => candidate.version === wanted);
    if (!version) throw new NotFound('report version');
    return { body: await reportFileLink(deps, reportFileOf(version.files, version.evaluation, format), { period: report.period, format, version: version.version }) };
  },
});
