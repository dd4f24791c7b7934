import { App, Button, Modal, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { type Complaint, type ComplaintStatus } from '../../api';
import { queryKeys } from '../../api/query-keys';
import { useApi } from '../../app/ServicesContext';
import { useI18n } from '../../i18n';
import { DataTable, dateTimeColumn, PageHeading, type DataColumn, type DataTablePageRequest, type FilterField } from '../../kit';
import { COMPLAINT_STATUSES } from '../../reference/domain';
import { useMyInsurers } from '../enterprise/insurer-names';
import { complaintPath, type ComplaintAudience } from './complaint-audience';
import { complaintStatusText } from './complaint-text';
import { ComplaintStatusTag } from './ComplaintStatusTag';
import { DueDateBadge } from './DueDateBadge';
import { shanghaiToday } from './due-dates';
import { RecordComplaintForm } from './RecordComplaintForm';
import { EnterpriseName } from '../../kit/EnterpriseName';

/**
 * A list of complaints, newest first, filtered by status in the URL, each with its binding reply deadline.
 *
 * - The insurer's inbox (CMP-1…8): the complainant and the channel, an overdue filter; complaints received by
 *   phone, letter, visit or online are recorded here.
 * - 我的投诉 (ACL-5): the enterprise's complaints across insurers, with the insurer's name, and "file a complaint".
 */
export function ComplaintListPage({ audience }: { readonly audience: ComplaintAudience }) {
  const { t } = useI18n();
  const api = useApi();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const insurerReads = audience === 'insurer';
  const { nameOf } = useMyInsurers({ enabled: !insurerReads });
  const [recording, setRecording] = useState(false);
  const today = shanghaiToday();
  const title = insurerReads ? t('complaint.inbox.title') : t('complaint.my.title');

  const filters = useMemo<FilterField[]>(
    () => [
      { kind: 'select', name: 'status', label: t('complaint.status'), options: COMPLAINT_STATUSES.map((value) => ({ value, label: complaintStatusText(value, t) })) },
      ...(insurerReads
        ? [{ kind: 'select' as const, name: 'overdue', label: t('complaint.filter.overdue'), options: [{ value: 'true', label: t('complaint.filter.overdueOnly') }] }]
        : []),
    ],
    [t, insurerReads],
  );

  const columns = useMemo<DataColumn<Complaint>[]>(() => {
    const linkTo = (complaint: Complaint) => complaintPath(audience, complaint);
    const counterpart: DataColumn<Complaint>[] = insurerReads
      ? [
          {
            key: 'enterprise',
            title: t('complaint.enterprise'),
            width: 240,
            value: (complaint) => complaint.enterpriseUscc,
            render: (complaint) => <EnterpriseName uscc={complaint.enterpriseUscc} />,
          },
          { key: 'channel', title: t('complaint.channel'), width: 90, value: (complaint) => t(`complaint.channel.${complaint.channel}`) },
        ]
      : [{ key: 'insurer', title: t('complaint.insurer'), width: 200, value: (complaint) => nameOf(complaint.tenantId) }];
    return [
      dateTimeColumn<Complaint>('receivedAt', insurerReads ? t('complaint.receivedAt') : t('complaint.filedAt'), (complaint) => complaint.receivedAt),
      ...counterpart,
      {
        key: 'request',
        title: t('complaint.request'),
        ellipsis: true,
        value: (complaint) => complaint.request,
        render: (complaint) => (
          <Link to={linkTo(complaint)} title={complaint.request}>
            {complaint.request}
          </Link>
        ),
      },
      {
        key: 'status',
        title: t('complaint.status'),
        width: insurerReads ? 110 : 130,
        value: (complaint) => complaintStatusText(complaint.status, t),
        render: (complaint) => <ComplaintStatusTag status={complaint.status} />,
      },
      {
        key: 'due',
        title: t('complaint.due.column'),
        width: 250,
        value: (complaint) => complaint.deadlines.binding.dueOn,
        ...(insurerReads && { csv: (complaint: Complaint) => `${complaint.deadlines.binding.dueOn} ${t(`complaint.clock.${complaint.deadlines.binding.clock}`)}` }),
        render: (complaint) => <DueDateBadge complaint={complaint} today={today} />,
      },
      {
        key: 'actions',
        title: t('table.actions'),
        width: 80,
        csv: false,
        render: (complaint) => <Link to={linkTo(complaint)}>{insurerReads ? t('complaint.handle') : t('complaint.view')}</Link>,
      },
    ];
  }, [t, today, audience, insurerReads, nameOf]);

  const fetchPage = useCallback(
    ({ cursor, limit, filters: values }: DataTablePageRequest, signal: AbortSignal) => {
      const status = (values.status || undefined) as ComplaintStatus | undefined;
      return insurerReads
        ? api.complaints.list({ cursor, limit, status, overdue: values.overdue === 'true' }, signal)
        : api.myComplaints.list({ cursor, limit, status }, signal);
    },
    [api, insurerReads],
  );

  const onRecorded = useCallback(
    (complaint: Complaint) => {
      setRecording(false);
      void message.success(t('complaint.record.recorded'));
      void navigate(complaintPath('insurer', complaint));
    },
    [message, navigate, t],
  );

  return (
    <>
      <PageHeading title={title} />
      <DataTable<Complaint>
        queryKey={[...queryKeys.complaints, insurerReads ? '/api/v1/complaints' : '/api/v1/me/complaints']}
        caption={title}
        columns={columns}
        rowKey={(complaint) => complaint.id}
        fetchPage={fetchPage}
        filters={filters}
        exportName={insurerReads ? 'complaints' : 'my-complaints'}
        toolbar={
          insurerReads ? (
            <Button type="primary" onClick={() => setRecording(true)}>
              {t('complaint.inbox.record')}
            </Button>
          ) : (
            <Button type="primary" onClick={() => void navigate('/my/complaints/new')}>
              {t('complaint.my.new')}
            </Button>
          )
        }
      />
      {insurerReads && (
        <Modal open={recording} title={t('complaint.record.title')} footer={null} onCancel={() => setRecording(false)} destroyOnHidden width={620}>
          <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
            {t('complaint.due.intro')}
          </Typography.Paragraph>
          <RecordComplaintForm onRecorded={onRecorded} onCancel={() => setRecording(false)} />
        </Modal>
      )}
    </>
  );
}

/** The insurer's complaint inbox (`/insurer/complaints`). */
export const ComplaintInboxPage = () => <ComplaintListPage audience="insurer" />;
/** 我的投诉 (`/my/complaints`). */
export const MyComplaintsPage = () => <ComplaintListPage audience="enterprise" />;
