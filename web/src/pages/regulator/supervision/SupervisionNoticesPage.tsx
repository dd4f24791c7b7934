import { App, Button, Flex, Form, Input, Modal, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { Notice, NoticeStatus } from '../../../api';
import { queryKeys } from '../../../api/query-keys';
import { useApi } from '../../../app/ServicesContext';
import { useI18n } from '../../../i18n';
import { DataTable, FormFailureAlert, PageHeading, dateTimeColumn, useApiForm, type DataColumn, type DataTablePageRequest, type FilterField } from '../../../kit';
import { useInvalidate } from '../../../kit/useInvalidate';
import { asAreaCode, countyName, XINZHOU_COUNTIES } from '../../../reference/xinzhou-counties';
import { requiredRule } from '../../platform/account-rules';
import { useSessionUser } from '../../underwriting/session';
import { NoticeStatusTag, agencyText, noticeSubjectText } from './notice-text';
import { supervisionPaths } from './paths';

const STATUSES: readonly NoticeStatus[] = ['ISSUED', 'ANSWERED', 'CLOSED'];

/** Where the item of a notice is read, on the insurer's supervision pages. */
function subjectPath(notice: Notice): string {
  switch (notice.subject.kind) {
    case 'SERVICE':
      return supervisionPaths.service(notice.tenantId, notice.subject.id);
    case 'HAZARD':
      return supervisionPaths.hazards(notice.tenantId);
    case 'COMPLAINT':
      return supervisionPaths.complaints(notice.tenantId);
    case 'FEE_YEAR':
      return supervisionPaths.fees(notice.tenantId);
  }
}

/**
 * 督办 (SUP-1..SUP-5) for the regulators: the notices issued to insurers, newest first — a county EMB its county's
 * (ACL-4). Notices are issued from the insurers' pages (a service, a hazard, a complaint, the fee year); here the
 * issuing agency closes an answered one with a remark.
 */
export function SupervisionNoticesPage() {
  const { t, locale } = useI18n();
  const api = useApi();
  const user = useSessionUser();
  const countyWide = user?.agency !== 'EMB_COUNTY';
  const [closing, setClosing] = useState<Notice>();
  const { message } = App.useApp();
  const invalidate = useInvalidate('supervision');
  // SUP-4: the issuing agency (a county EMB: of the same county) closes an answered notice.
  const mayClose = useCallback(
    (notice: Notice) =>
      notice.status === 'ANSWERED' && notice.issuedBy.agency === user?.agency && (user.agency !== 'EMB_COUNTY' || notice.issuedBy.county === user.county),
    [user],
  );

  const filters = useMemo<FilterField[]>(
    () => [
      { kind: 'select', name: 'status', label: t('notice.status'), options: STATUSES.map((value) => ({ value, label: t(`notice.status.${value}`) })) },
      ...(countyWide
        ? [{ kind: 'select' as const, name: 'county', label: t('policy.county'), options: XINZHOU_COUNTIES.map((county) => ({ value: county.code, label: countyName(county.code, locale) })) }]
        : []),
    ],
    [t, locale, countyWide],
  );

  const columns = useMemo<DataColumn<Notice>[]>(
    () => [
      dateTimeColumn<Notice>('issuedAt', t('notice.issuedAt'), (notice) => notice.issuedAt),
      { key: 'insurer', title: t('notice.insurer'), width: 200, ellipsis: true, value: (notice) => notice.insurerName },
      {
        key: 'subject',
        title: t('notice.subject'),
        width: 260,
        ellipsis: true,
        value: (notice) => noticeSubjectText(notice, t),
        render: (notice) => <Link to={subjectPath(notice)}>{noticeSubjectText(notice, t)}</Link>,
      },
      { key: 'county', title: t('policy.county'), width: 90, value: (notice) => (notice.subject.county ? countyName(notice.subject.county, locale) : '') },
      { key: 'text', title: t('notice.text'), width: 240, ellipsis: true, value: (notice) => notice.text },
      { key: 'dueOn', title: t('notice.dueOn'), width: 110, value: (notice) => notice.dueOn },
      {
        key: 'status',
        title: t('notice.status'),
        width: 130,
        value: (notice) => `${t(`notice.status.${notice.status}`)}${notice.overdue ? ` ${t('notice.overdue')}` : ''}`,
        render: (notice) => <NoticeStatusTag notice={notice} t={t} />,
      },
      { key: 'agency', title: t('notice.issuedBy'), width: 130, value: (notice) => agencyText(notice.issuedBy.agency, t) },
      { key: 'answer', title: t('notice.answer'), width: 240, ellipsis: true, value: (notice) => notice.answer?.text ?? '' },
      { key: 'closing', title: t('notice.remark'), width: 200, ellipsis: true, value: (notice) => notice.closing?.remark ?? '' },
      {
        key: 'actions',
        title: t('table.actions'),
        width: 90,
        csv: false,
        render: (notice) =>
          mayClose(notice) ? (
            <Button size="small" onClick={() => setClosing(notice)}>
              {t('notice.close')}
            </Button>
          ) : null,
      },
    ],
    [t, locale, mayClose],
  );

  const fetchPage = useCallback(
    ({ cursor, limit, filters: values }: DataTablePageRequest, signal: AbortSignal) =>
      api.notices.list(
        { cursor, limit, status: (values.status || undefined) as NoticeStatus | undefined, county: countyWide ? asAreaCode(values.county) : undefined },
        signal,
      ),
    [api, countyWide],
  );

  return (
    <>
      <PageHeading title={t('notice.title')} />
      <Typography.Paragraph type="secondary">{t(countyWide ? 'notice.intro' : 'notice.introCounty')}</Typography.Paragraph>
      <DataTable<Notice>
        queryKey={[...queryKeys.supervision, '/api/v1/regulator/notices']}
        caption={t('notice.title')}
        columns={columns}
        rowKey={(notice) => notice.id}
        fetchPage={fetchPage}
        filters={filters}
        exportName="supervision-notices"
      />
      <Modal open={closing !== undefined} title={t('notice.closeTitle')} footer={null} onCancel={() => setClosing(undefined)} destroyOnHidden>
        {closing && (
          <CloseNoticeForm
            notice={closing}
            onDone={() => {
              setClosing(undefined);
              void message.success(t('notice.closed'));
              invalidate();
            }}
            onCancel={() => setClosing(undefined)}
          />
        )}
      </Modal>
    </>
  );
}

function CloseNoticeForm({ notice, onDone, onCancel }: { readonly notice: Notice; readonly onDone: () => void; readonly onCancel: () => void }) {
  const { t } = useI18n();
  const api = useApi();
  const submit = useCallback((values: { remark: string }, key: string) => api.notices.close(notice.id, values.remark.trim(), key), [api, notice.id]);
  const { form, onFinish, submitting, failure } = useApiForm<{ remark: string }, unknown>({ submit, onSuccess: onDone });
  return (
    <>
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        {noticeSubjectText(notice, t)}
      </Typography.Paragraph>
      <Typography.Paragraph>
        {t('notice.answer')}：{notice.answer?.text}
      </Typography.Paragraph>
      <FormFailureAlert failure={failure} />
      <Form<{ remark: string }> form={form} name="close-notice" layout="vertical" onFinish={onFinish}>
        <Form.Item name="remark" label={t('notice.remark')} rules={[requiredRule(t, t('notice.remark'))]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
        </Form.Item>
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onCancel}>{t('form.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={submitting}>
            {t('notice.close')}
          </Button>
        </Flex>
      </Form>
    </>
  );
}
