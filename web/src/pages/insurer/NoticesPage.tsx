import { App, Button, Flex, Form, Input, Modal, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import type { Notice, NoticeStatus } from '../../api';
import { queryKeys } from '../../api/query-keys';
import { useApi } from '../../app/ServicesContext';
import { useI18n } from '../../i18n';
import { DataTable, FormFailureAlert, PageHeading, dateTimeColumn, useApiForm, type DataColumn, type DataTablePageRequest, type FilterField } from '../../kit';
import { useInvalidate } from '../../kit/useInvalidate';
import { requiredRule } from '../platform/account-rules';
import { NoticeStatusTag, agencyText, noticeSubjectText } from '../regulator/supervision/notice-text';

const STATUSES: readonly NoticeStatus[] = ['ISSUED', 'ANSWERED', 'CLOSED'];

/**
 * 督办 (SUP-3) for the insurer: the notices regulators addressed to it, newest first, with their due days (逾期
 * once past unanswered); its staff answer an issued one once. The regulator closes it afterwards.
 */
export function NoticesPage() {
  const { t } = useI18n();
  const api = useApi();
  const { message } = App.useApp();
  const [answering, setAnswering] = useState<Notice>();
  const invalidate = useInvalidate('supervision');

  const filters = useMemo<FilterField[]>(
    () => [{ kind: 'select', name: 'status', label: t('notice.status'), options: STATUSES.map((value) => ({ value, label: t(`notice.status.${value}`) })) }],
    [t],
  );

  const columns = useMemo<DataColumn<Notice>[]>(
    () => [
      dateTimeColumn<Notice>('issuedAt', t('notice.issuedAt'), (notice) => notice.issuedAt),
      { key: 'agency', title: t('notice.issuedBy'), width: 130, value: (notice) => agencyText(notice.issuedBy.agency, t) },
      { key: 'subject', title: t('notice.subject'), width: 260, ellipsis: true, value: (notice) => noticeSubjectText(notice, t) },
      { key: 'text', title: t('notice.text'), width: 260, ellipsis: true, value: (notice) => notice.text },
      { key: 'dueOn', title: t('notice.dueOn'), width: 110, value: (notice) => notice.dueOn },
      {
        key: 'status',
        title: t('notice.status'),
        width: 130,
        value: (notice) => `${t(`notice.status.${notice.status}`)}${notice.overdue ? ` ${t('notice.overdue')}` : ''}`,
        render: (notice) => <NoticeStatusTag notice={notice} t={t} />,
      },
      { key: 'answer', title: t('notice.answer'), width: 240, ellipsis: true, value: (notice) => notice.answer?.text ?? '' },
      { key: 'closing', title: t('notice.remark'), width: 200, ellipsis: true, value: (notice) => notice.closing?.remark ?? '' },
      {
        key: 'actions',
        title: t('table.actions'),
        width: 90,
        csv: false,
        render: (notice) =>
          notice.status === 'ISSUED' ? (
            <Button size="small" type="primary" onClick={() => setAnswering(notice)}>
              {t('notice.answerAction')}
            </Button>
          ) : null,
      },
    ],
    [t],
  );

  const fetchPage = useCallback(
    ({ cursor, limit, filters: values }: DataTablePageRequest, signal: AbortSignal) =>
      api.notices.mine({ cursor, limit, status: (values.status || undefined) as NoticeStatus | undefined }, signal),
    [api],
  );

  return (
    <>
      <PageHeading title={t('notice.mine.title')} />
      <Typography.Paragraph type="secondary">{t('notice.mine.intro')}</Typography.Paragraph>
      <DataTable<Notice>
        queryKey={[...queryKeys.supervision, '/api/v1/notices']}
        caption={t('notice.mine.title')}
        columns={columns}
        rowKey={(notice) => notice.id}
        fetchPage={fetchPage}
        filters={filters}
        exportName="notices"
      />
      <Modal open={answering !== undefined} title={t('notice.answerTitle')} footer={null} onCancel={() => setAnswering(undefined)} destroyOnHidden>
        {answering && (
          <AnswerForm
            notice={answering}
            onDone={() => {
              setAnswering(undefined);
              void message.success(t('notice.answered'));
              invalidate();
            }}
            onCancel={() => setAnswering(undefined)}
          />
        )}
      </Modal>
    </>
  );
}

function AnswerForm({ notice, onDone, onCancel }: { readonly notice: Notice; readonly onDone: () => void; readonly onCancel: () => void }) {
  const { t } = useI18n();
  const api = useApi();
  const submit = useCallback((values: { text: string }, key: string) => api.notices.answer(notice.id, values.text.trim(), key), [api, notice.id]);
  const { form, onFinish, submitting, failure } = useApiForm<{ text: string }, unknown>({ submit, onSuccess: onDone });
  return (
    <>
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        {noticeSubjectText(notice, t)} · {t('notice.dueOn')} {notice.dueOn}
      </Typography.Paragraph>
      <Typography.Paragraph>{notice.text}</Typography.Paragraph>
      <FormFailureAlert failure={failure} />
      <Form<{ text: string }> form={form} name="answer-notice" layout="vertical" onFinish={onFinish}>
        <Form.Item name="text" label={t('notice.answer')} rules={[requiredRule(t, t('notice.answer'))]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} />
        </Form.Item>
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onCancel}>{t('form.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={submitting}>
            {t('notice.answerAction')}
          </Button>
        </Flex>
      </Form>
    </>
  );
}
