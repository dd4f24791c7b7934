import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Form, Input, InputNumber, Modal, Table, Tag, Tooltip, Typography } from 'antd';
import { useCallback, useState } from 'react';
import type { InsurerFiling, RecordPaperFilingRequest } from '../../api';
import { queryKeys } from '../../api/query-keys';
import { useApi } from '../../app/ServicesContext';
import { useI18n } from '../../i18n';
import { describeApiError, FormFailureAlert, labelledTable, PageHeading, useApiForm } from '../../kit';
import { DateField } from '../../kit/DateField';
import { useInvalidate } from '../../kit/useInvalidate';
import { shanghaiToday } from '../complaints/due-dates';
import { requiredRule } from '../platform/account-rules';

/**
 * 资质报送 (QUAL-6), the city EMB's view: every insurer's filing of a year — the day it counts as submitted and
 * where that day comes from (the platform's stamp when the filing was first complete, or the city EMB's record of
 * an earlier paper submission), what is missing, and the insurer's eligibility today. The city EMB records a
 * paper submission here; the insurer cannot state its own filing day.
 */
export function QualificationFilingsPage() {
  const { t } = useI18n();
  const api = useApi();
  const { message } = App.useApp();
  const [year, setYear] = useState(() => Number(shanghaiToday().slice(0, 4)));
  const [recording, setRecording] = useState<InsurerFiling>();
  const invalidate = useInvalidate('underwriting');
  const filings = useQuery({ queryKey: [...queryKeys.underwriting, `filings:${year}`], queryFn: ({ signal }) => api.filings.list(year, signal) });

  const source = (filing: InsurerFiling['filing']) =>
    filing?.filedOnSource === 'RECORDED' ? t('qual.filedOn.RECORDED') : filing?.filedOnSource === 'PLATFORM' ? t('qual.filedOn.PLATFORM') : '';

  return (
    <>
      <PageHeading title={t('filings.title')} />
      <Typography.Paragraph type="secondary">{t('filings.intro', { due: `${year}-06-15` })}</Typography.Paragraph>
      <Flex gap={8} align="center" style={{ marginBottom: 12 }}>
        <label htmlFor="filings-year">{t('filings.year')}</label>
        <InputNumber id="filings-year" min={2024} max={2100} value={year} onChange={(value) => value && setYear(value)} />
      </Flex>
      {filings.error && <Alert type="error" showIcon message={describeApiError(filings.error, t)} />}
      <Table<InsurerFiling>
        components={{ table: labelledTable(t('filings.title')) }}
        loading={filings.isLoading}
        rowKey={(row) => row.insurerTenantId}
        dataSource={filings.data?.items ?? []}
        pagination={false}
        columns={[
          { key: 'insurer', title: t('filings.insurer'), render: (_, row) => row.branchName },
          {
            key: 'filedOn',
            title: t('qual.filedOnRecorded'),
            render: (_, row) =>
              row.filing?.filedOn
                ? `${row.filing.filedOn}（${source(row.filing)}）`
                : row.paperFiling
                  ? t('filings.paperOnly', { date: row.paperFiling.filedOn })
                  : t('filings.notFiled'),
          },
          { key: 'platformFiledOn', title: t('filings.platformFiledOn'), render: (_, row) => row.filing?.platformFiledOn ?? '—' },
          {
            key: 'complete',
            title: t('filings.complete'),
            render: (_, row) =>
              row.filing === undefined ? '—' : row.filing.complete ? <Tag color="green">{t('filings.completeYes')}</Tag> : <Tag>{t('filings.missing', { count: row.filing.missingAnnex1Items.length })}</Tag>,
          },
          {
            key: 'eligible',
            title: t('filings.eligibleToday'),
            render: (_, row) =>
              row.eligibility.eligible ? (
                <Tag color="green">{t('filings.eligible')}</Tag>
              ) : (
                // Issue 15: the failing criteria by their Chinese names; the rule ids, which staff quote, in a tooltip.
                <Tooltip title={row.eligibility.criteria.filter((c) => !c.passed).map((c) => c.rule).join('、')}>
                  <Tag color="red">
                    {t('filings.notEligible', { rules: row.eligibility.criteria.filter((c) => !c.passed).map((c) => t(`qual.rule.${c.rule}`)).join('、') })}
                  </Tag>
                </Tooltip>
              ),
          },
          {
            key: 'actions',
            title: t('table.actions'),
            render: (_, row) => (
              <Button size="small" type="link" onClick={() => setRecording(row)}>
                {t('filings.recordPaper')}
              </Button>
            ),
          },
        ]}
      />
      <Modal open={recording !== undefined} title={t('filings.recordPaperTitle')} footer={null} onCancel={() => setRecording(undefined)} destroyOnHidden>
        {recording && (
          <PaperFilingForm
            row={recording}
            year={year}
            onDone={() => {
              setRecording(undefined);
              void message.success(t('filings.recorded'));
              invalidate();
            }}
            onCancel={() => setRecording(undefined)}
          />
        )}
      </Modal>
    </>
  );
}

function PaperFilingForm({ row, year, onDone, onCancel }: { readonly row: InsurerFiling; readonly year: number; readonly onDone: () => void; readonly onCancel: () => void }) {
  const { t } = useI18n();
  const api = useApi();
  const submit = useCallback(
    (values: RecordPaperFilingRequest, key: string) => api.filings.recordPaperFiling(row.insurerTenantId, year, { filedOn: values.filedOn, note: values.note.trim() }, key),
    [api, row.insurerTenantId, year],
  );
  const { form, onFinish, submitting, failure } = useApiForm<RecordPaperFilingRequest, unknown>({ submit, onSuccess: onDone });
  return (
    <>
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        {t('filings.recordPaperIntro', { insurer: row.branchName, year })}
      </Typography.Paragraph>
      <FormFailureAlert failure={failure} />
      <Form<RecordPaperFilingRequest> form={form} name="paper-filing" layout="vertical" onFinish={onFinish} initialValues={row.paperFiling ? { filedOn: row.paperFiling.filedOn, note: row.paperFiling.note } : {}}>
        <Form.Item name="filedOn" label={t('filings.paperFiledOn')} rules={[requiredRule(t, t('filings.paperFiledOn'))]}>
          <DateField style={{ width: 170 }} />
        </Form.Item>
        <Form.Item name="note" label={t('filings.note')} extra={t('filings.noteHint')} rules={[requiredRule(t, t('filings.note'))]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={500} />
        </Form.Item>
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onCancel}>{t('form.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={submitting}>
            {t('filings.recordPaper')}
          </Button>
        </Flex>
      </Form>
    </>
  );
}
