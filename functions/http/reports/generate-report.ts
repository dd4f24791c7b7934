import { tenantArchive } from '../../../domain/archive/archive-store.js';
import { ruleSetForYear } from '../../../domain/fees/compliance.js';
import { INSURER } from '../../../domain/identity/access.js';
import { shanghaiDateOf } from '../../../domain/kernel/calendar/local-date.js';
import { NotFound } from '../../../domain/kernel/errors.js';
import { computeReportFigures } from '../../../domain/reports/figures.js';
import { assertPeriodStarted, periodKeyOf, reportPeriodOf } from '../../../domain/reports/period.js';
import { REPORT_CONTENT_TYPES, REPORT_FORMATS, type ReportFile } from '../../../domain/reports/report.js';
import { generateReport } from '../../../domain/reports/report.rules.js';
import { satisfactionOf, selfEvaluationFormOf } from '../../../domain/reports/self-evaluation.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { reportFilesRoot } from './files-composition-root.js';
import { generateReportBody, reportDetailOf, reportDetailSchema } from './schemas.js';

/**
 * A draft's files are under review, not yet a record: kept write-once like every archive object, but only for
 * this long. Submission copies them to the version's own keys, kept the rule set's years (SVC-10).
 */
const DRAFT_RETENTION_DAYS = 30;

/**
 * RPT-1, RPT-4: generates the period's report from the insurer's data — never typed — as a DRAFT for review
 * (during the period: the figures so far, which cannot be submitted until generated again after it):
 * the figures (figures.ts), and the XLSX and PDF rendered from them and put in the archive. A second call for
 * the same period generates again (a correction, once a version is submitted); submitted versions stay as
 * they are. 201 for the period's first report, 200 when generated again.
 */
export const generateReportRoute = defineRoute({
  method: 'POST',
  path: '/api/v1/reports',
  access: INSURER,
  summary: 'Generate (or generate again) the half-year or year report of a period from the data (RPT-1, RPT-4)',
  tags: ['reports'],
  body: generateReportBody,
  response: reportDetailSchema,
  successStatus: 201,
  async handle(input) {
    const { tenantId, userId } = callerOf(input, 'insurer');
    const { forTenant, tenants, files, archive, sha256, ruleSets, clock, newId } = reportFilesRoot();
    const now = clock.now();
    const period = reportPeriodOf(input.body.year, input.body.kind);
    assertPeriodStarted(period, shanghaiDateOf(now));
    const tenant = await tenants.getTenant(tenantId);
    if (!tenant) throw new NotFound('insurer');
    const ruleSet = ruleSetForYear(await ruleSets.versions(), period.year);
    const { reports, records } = await forTenant(tenantId);
    const existing = await reports.byPeriod(tenantId, periodKeyOf(period));
    const source = await records.recordsOf(tenantId, period);
    const figures = computeReportFigures(source, {
      tenantId,
      insurerName: tenant.name,
      period,
      ruleSet,
      generatedAt: now.toISOString(),
    });
    // RPT-2: the self-evaluation's form — the rule set's items, their figures from the same records; what the
    // insurer wrote on the draft (or on the last version, for a correction) is kept.
    const versions = existing && existing.submittedVersions > 0 ? await reports.versions(tenantId, existing.id) : [];
    const evaluation =
      period.kind === 'SELF_EVALUATION'
        ? selfEvaluationFormOf(ruleSet, figures, satisfactionOf(source.services, period), existing?.draft?.evaluation ?? versions.at(-1)?.evaluation)
        : undefined;
    const rendered = await files.render(figures, evaluation);
    const reportId = existing?.id ?? newId(now);
    const draftId = newId(now);
    const retainUntil = new Date(now.getTime() + DRAFT_RETENTION_DAYS * 86_400_000);
    const stored = {} as Record<(typeof REPORT_FORMATS)[number], ReportFile>;
    for (const format of REPORT_FORMATS) {
      const key = `tenants/${tenantId}/reports/${reportId}/draft-${draftId}/${periodKeyOf(period)}.${format}`;
      const object = await archive(tenantArchive(tenantId)).put({ key, body: rendered[format], contentType: REPORT_CONTENT_TYPES[format], retainUntil, now });
      stored[format] = { key, sha256: object.sha256, size: object.size, contentType: object.contentType };
    }
    const change = generateReport(existing, { id: reportId, draft: { figures, files: stored, generatedBy: userId, ...(evaluation ? { evaluation } : {}) }, now });
    if (existing) await reports.save(change, existing.version);
    else await reports.create(change);
    return { status: existing ? 200 : 201, body: reportDetailOf(change.state, versions) };
  },
});
