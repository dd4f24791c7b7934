import { useQuery } from '@tanstack/react-query';
import { Tag, Typography } from 'antd';
import { useCallback, useMemo } from 'react';
import { Link, useParams } from 'react-router';
import type { ReportKind, SubmittedReport } from '../../api';
import { queryKeys } from '../../api/query-keys';
import { useApi } from '../../app/ServicesContext';
import { useI18n } from '../../i18n';
import { DataTable, dateTimeColumn, PageHeading, QueryFallback, type DataColumn, type DataTablePageRequest, type FilterField } from '../../kit';
import { shanghaiToday } from '../complaints/due-dates';
import { periodLabel, ReportFacts, ReportVersions } from './ReportParts';

const FIRST_YEAR = 2024;

/**
 * 报告查阅 (RPT-1): the city EMB's and the NFRA's list of every insurer's submitted reports, newest first, by
 * year and kind; each opens with its versions, files and SHA-256.
 */
export function RegulatorReportsPage() {
  const { t } = useI18n();
  const api = useApi();

  const filters = useMemo<FilterField[]>(() => {
    const thisYear = Number(shanghaiToday().slice(0, 4));
    const years = Array.from({ length: thisYear - FIRST_YEAR + 1 }, (_, index) => String(thisYear - index));
    return [
      { kind: 'select', name: 'year', label: t('rpt.year'), options: years.map((year) => ({ value: year, label: year })) },
      {
        kind: 'select',
        name: 'kind',
        label: t('rpt.kind'),
        options: [
          { value: 'HALF_YEAR', label: t('rpt.kind.HALF_YEAR') },
          { value: 'YEAR', label: t('rpt.kind.YEAR') },
          { value: 'SELF_EVALUATION', label: t('rpt.kind.SELF_EVALUATION') },
        ],
      },
    ];
  }, [t]);

  const columns = useMemo<DataColumn<SubmittedReport>[]>(
    () => [
      { key: 'insurer', title: t('rpt.reg.insurer'), value: (row) => row.insurerName },
      {
        key: 'period',
        title: t('rpt.period'),
        width: 140,
        value: (row) => periodLabel(t, row.period),
        render: (row) => <Link to={`/regulator/reports/${encodeURIComponent(row.reportId)}`}>{periodLabel(t, row.period)}</Link>,
      },
      { key: 'version', title: t('rpt.reg.version'), width: 90, value: (row) => t('rpt.versionN', { version: row.version }) },
      dateTimeColumn('submittedAt', t('rpt.submittedAt'), (row) => row.submittedAt),
      {
        key: 'late',
        title: t('rpt.status'),
        width: 110,
        value: (row) => (row.late ? t('rpt.status.late') : t('rpt.onTime')),
        render: (row) => (row.late ? <Tag color="red">{t('rpt.status.late')}</Tag> : <Tag color="green">{t('rpt.onTime')}</Tag>),
      },
    ],
    [t],
  );

  const fetchPage = useCallback(
    ({ cursor, limit, filters: values }: DataTablePageRequest, signal: AbortSignal) => {
      const year = values['year'] ? Number(values['year']) : undefined;
      // The API takes a kind only within a year: without one, every kind is listed.
      const kind = year !== undefined && values['kind'] ? (values['kind'] as ReportKind) : undefined;
      return api.regulatorReports.list({ cursor, limit, year, kind }, signal);
    },
    [api],
  );

  return (
    <>
      <PageHeading title={t('rpt.reg.title')} />
      <Typography.Paragraph type="secondary">{t('rpt.reg.intro')}</Typography.Paragraph>
      <DataTable<SubmittedReport>
        queryKey={[...queryKeys.reports, '/api/v1/regulator/reports']}
        caption={t('rpt.reg.caption')}
        columns={columns}
        rowKey={(row) => `${row.reportId}#${row.version}`}
        fetchPage={fetchPage}
        filters={filters}
        exportName="submitted-reports"
      />
    </>
  );
}

/** One insurer's submitted report, as the city EMB and the NFRA read it: every version, its files and SHA-256. */
export function RegulatorReportPage() {
  const { t } = useI18n();
  const api = useApi();
  const reportId = useParams().reportId ?? '';
  const detail = useQuery({
    queryKey: [...queryKeys.reports, 'regulator', reportId],
    queryFn: ({ signal }) => api.regulatorReports.get(reportId, signal),
  });
  if (!detail.data) {
    return (
      <>
        <PageHeading title={t('rpt.detailTitle')} />
        <QueryFallback query={detail} onRetry={() => void detail.refetch()} />
      </>
    );
  }
  const { report, versions } = detail.data;
  return (
    <>
      <PageHeading title={`${report.insurerName} · ${periodLabel(t, report.period)}`} />
      <ReportFacts detail={detail.data} />
      <ReportVersions versions={versions} fileOf={(format, version) => api.regulatorReports.file(report.id, format, version)} />
    </>
  );
}
