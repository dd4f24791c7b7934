import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Space, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { newIdempotencyKey, type ReportDetail } from '../../api';
import { queryKeys } from '../../api/query-keys';
import { useApi } from '../../app/ServicesContext';
import { formatInstant, useI18n } from '../../i18n';
import { describeApiError, PageHeading, QueryFallback, SectionCard } from '../../kit';
import { useInvalidate } from '../../kit/useInvalidate';
import { EvaluationEditor } from './EvaluationParts';
import { FileHashes, periodLabel, ReportFacts, ReportFiguresView, ReportFileButtons, ReportVersions } from './ReportParts';

/**
 * 报告详情 (RPT-1, RPT-4), the insurer's: the draft under review — its figures, its files to download — then
 * 报送 after a confirmation (the version is archived write-once; late after the due day), or 重新生成 from the
 * current data (a correction once a version was submitted); below, every submitted version with its SHA-256.
 */
export function ReportPage() {
  const { t } = useI18n();
  const api = useApi();
  const reportId = useParams().reportId ?? '';
  const detail = useQuery({ queryKey: [...queryKeys.reports, 'detail', reportId], queryFn: ({ signal }) => api.reports.get(reportId, signal) });

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
      <PageHeading title={`${periodLabel(t, report.period)} · ${t('rpt.detailTitle')}`} />
      <ReportFacts detail={detail.data} />
      <DraftSection detail={detail.data} />
      {versions.length > 0 && (
        <>
          <Typography.Title level={2} style={{ fontSize: 16, marginTop: 24 }}>
            {t('rpt.versions')}
          </Typography.Title>
          <ReportVersions versions={versions} fileOf={(format, version) => api.reports.file(report.id, format, version)} />
        </>
      )}
    </>
  );
}

function DraftSection({ detail }: { readonly detail: ReportDetail }) {
  const { t } = useI18n();
  const api = useApi();
  const { message, modal } = App.useApp();
  const invalidate = useInvalidate('reports');
  const [busy, setBusy] = useState<'submit' | 'regenerate'>();
  const { report } = detail;
  const draft = report.draft;

  const regenerate = async () => {
    setBusy('regenerate');
    try {
      await api.reports.generate({ year: report.period.year, kind: report.period.kind }, newIdempotencyKey());
      void message.success(t('rpt.regenerated'));
      invalidate();
    } catch (error) {
      void message.error(describeApiError(error, t));
    } finally {
      setBusy(undefined);
    }
  };

  const submit = () => {
    const key = newIdempotencyKey();
    modal.confirm({
      title: t('rpt.submitTitle', { period: periodLabel(t, report.period) }),
      content: t('rpt.submitText', { due: report.period.dueOn }),
      okText: t('rpt.submit'),
      cancelText: t('form.cancel'),
      onOk: async () => {
        setBusy('submit');
        try {
          const submitted = await api.reports.submit(report.id, key);
          const last = submitted.report.lastSubmission;
          const version = last?.version ?? submitted.report.submittedVersions;
          if (last?.late) void message.warning(t('rpt.submittedLate', { version }));
          else void message.success(t('rpt.submitted', { version }));
          invalidate();
        } catch (error) {
          void message.error(describeApiError(error, t));
        } finally {
          setBusy(undefined);
        }
      },
    });
  };

  const regenerateButton = (
    <Button onClick={() => void regenerate()} loading={busy === 'regenerate'} data-testid="report-regenerate">
      {t('rpt.regenerate')}
    </Button>
  );

  if (!draft) {
    return <Alert type="info" showIcon message={t('rpt.noDraft')} action={regenerateButton} />;
  }
  return (
    <SectionCard title={t('rpt.draft')} data-testid="report-draft">
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        {t('rpt.draftIntro', { generatedAt: formatInstant(draft.figures.generatedAt) })}
      </Typography.Paragraph>
      <Flex wrap gap={8} justify="space-between" style={{ marginBottom: 12 }}>
        <ReportFileButtons fileOf={(format) => api.reports.file(report.id, format, undefined)} />
        <Space wrap>
          {regenerateButton}
          <Button type="primary" onClick={submit} loading={busy === 'submit'} data-testid="report-submit">
            {t('rpt.submit')}
          </Button>
        </Space>
      </Flex>
      <FileHashes files={draft.files} />
      {/* RPT-2: the evaluation is written beside the year's figures; the key renews the form when the draft changes. */}
      {draft.evaluation && (
        <div style={{ margin: '12px 0' }}>
          <EvaluationEditor key={`${draft.files.pdf.sha256}`} detail={detail} />
        </div>
      )}
      <ReportFiguresView figures={draft.figures} />
    </SectionCard>
  );
}
