import { App, Button, Flex, Form, InputNumber, Modal, Radio, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { GenerateReportRequest, ReportDetail, ReportSummary } from '../../api';
import { queryKeys } from '../../api/query-keys';
import { useApi } from '../../app/ServicesContext';
import { useI18n } from '../../i18n';
import { DataTable, dateTimeColumn, FormFailureAlert, PageHeading, useApiForm, type DataColumn, type DataTablePageRequest } from '../../kit';
import { useInvalidate } from '../../kit/useInvalidate';
import { shanghaiToday } from '../complaints/due-dates';
import { periodLabel, ReportStatusTag } from './ReportParts';
import { defaultReportPeriod } from './report-values';

/**
 * 报告报送 (RPT-1, RPT-4): the insurer's half-year and year reports — period, due day, status (草稿, 已报送,
 * 逾期报送) and versions — and 生成报告, which generates a period's report from the data as a draft to review
 * and submit on its own page.
 */
export function ReportsPage() {
  const { t } = useI18n();
  const api = useApi();
  const [generating, setGenerating] = useState(false);

  const columns = useMemo<DataColumn<ReportSummary>[]>(
    () => [
      {
        key: 'period',
        title: t('rpt.period'),
        value: (report) => periodLabel(t, report.period),
        render: (report) => <Link to={`/insurer/reports/${encodeURIComponent(report.id)}`}>{periodLabel(t, report.period)}</Link>,
      },
      { key: 'dueOn', title: t('rpt.dueOn'), width: 120, value: (report) => report.period.dueOn },
      {
        key: 'status',
        title: t('rpt.status'),
        width: 110,
        value: (report) => (report.status === 'DRAFT' ? t('rpt.status.DRAFT') : report.lastSubmission?.late ? t('rpt.status.late') : t('rpt.status.SUBMITTED')),
        render: (report) => <ReportStatusTag report={report} />,
      },
      {
        key: 'versions',
        title: t('rpt.versions'),
        width: 110,
        value: (report) => (report.submittedVersions > 0 ? t('rpt.versionN', { version: report.submittedVersions }) : t('rpt.notSubmitted')),
      },
      dateTimeColumn('lastSubmittedAt', t('rpt.lastSubmittedAt'), (report) => report.lastSubmission?.submittedAt),
    ],
    [t],
  );

  const fetchPage = useCallback(({ cursor, limit }: DataTablePageRequest, signal: AbortSignal) => api.reports.list({ cursor, limit }, signal), [api]);

  return (
    <>
      <PageHeading title={t('rpt.title')} />
      <Typography.Paragraph type="secondary">{t('rpt.intro')}</Typography.Paragraph>
      <DataTable<ReportSummary>
        queryKey={[...queryKeys.reports, '/api/v1/reports']}
        caption={t('rpt.caption')}
        columns={columns}
        rowKey={(report) => report.id}
        fetchPage={fetchPage}
        exportName="reports"
        toolbar={
          <Button type="primary" onClick={() => setGenerating(true)} data-testid="report-generate">
            {t('rpt.generate')}
          </Button>
        }
      />
      <Modal open={generating} title={t('rpt.generate')} footer={null} onCancel={() => setGenerating(false)} destroyOnHidden>
        <GenerateReportForm onCancel={() => setGenerating(false)} />
      </Modal>
    </>
  );
}

/** RPT-4: which period to generate — the year and 半年度/年度; the figures come from the data. */
function GenerateReportForm({ onCancel }: { readonly onCancel: () => void }) {
  const { t } = useI18n();
  const api = useApi();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const invalidate = useInvalidate('reports');
  const submit = useCallback((values: GenerateReportRequest, key: string) => api.reports.generate({ year: values.year, kind: values.kind }, key), [api]);
  const { form, onFinish, submitting, failure } = useApiForm<GenerateReportRequest, ReportDetail>({
    submit,
    onSuccess: (detail) => {
      void message.success(t('rpt.generated'));
      invalidate();
      void navigate(`/insurer/reports/${encodeURIComponent(detail.report.id)}`);
    },
  });
  const thisYear = Number(shanghaiToday().slice(0, 4));
  return (
    <>
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        {t('rpt.generateIntro')}
      </Typography.Paragraph>
      <FormFailureAlert failure={failure} />
      <Form<GenerateReportRequest> form={form} name="generate-report" layout="vertical" onFinish={onFinish} initialValues={defaultReportPeriod(shanghaiToday())}>
        <Form.Item name="year" label={t('rpt.year')} rules={[{ required: true }]}>
          <InputNumber min={2024} max={thisYear} precision={0} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="kind" label={t('rpt.kind')} rules={[{ required: true }]}>
          <Radio.Group
            options={[
              { value: 'HALF_YEAR', label: t('rpt.kind.HALF_YEAR') },
              { value: 'YEAR', label: t('rpt.kind.YEAR') },
              { value: 'SELF_EVALUATION', label: t('rpt.kind.SELF_EVALUATION') },
            ]}
          />
        </Form.Item>
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onCancel}>{t('form.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={submitting} data-testid="report-generate-submit">
            {t('rpt.generate')}
          </Button>
        </Flex>
      </Form>
    </>
  );
}
