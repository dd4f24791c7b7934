import { regulatorArchive } from '../../../domain/archive/archive-store.js';
import { REPORT_OVERSIGHT } from '../../../domain/identity/access.js';
import { NotFound } from '../../../domain/kernel/errors.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { reportFilesRoot } from './files-composition-root.js';
import { reportFileLink, reportFileOf } from './report-file-link.js';
import { reportFileLinkSchema, reportFileParams, reportFileQuery } from './schemas.js';

/**
 * RPT-1, SVC-10: a submitted report's file by a short-lived link to the archive, the latest version unless
 * `?version=`; `verified` says the archived bytes still hash to the SHA-256 recorded at submission.
 */
export const downloadSubmittedReportFileRoute = defineRoute({
  method: 'GET',
  path: '/api/v1/regulator/reports/{reportId}/files/{format}',
  access: REPORT_OVERSIGHT,
  summary: "A link to a submitted report's file (xlsx or pdf), verified against its SHA-256 (RPT-1, SVC-10)",
  tags: ['regulator'],
  params: reportFileParams,
  query: reportFileQuery,
  response: reportFileLinkSchema,
  async handle(input) {
    const caller = callerOf(input, 'regulator');
    const root = reportFilesRoot();
    const found = await (await root.regulatorViews(caller)).findSubmitted(input.params.reportId);
    if (!found) throw new NotFound('report');
    const wanted = input.query.version;
    const version = wanted === undefined ? found.versions.at(-1) : found.versions.find((candidate) => candidate.version === wanted);
    if (!version) throw new NotFound('report version');
    const { format } = input.params;
    return {
      body: await reportFileLink({ archive: root.archive(regulatorArchive(caller)), sha256: root.sha256, clock: root.clock }, reportFileOf(version.files, version.evaluation, format), {
        period: found.report.period,
        format,
        version: version.version,
      }),
    };
  },
});
