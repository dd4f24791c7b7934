import { queryKeys } from '../../api/query-keys';
import { App, Button, Modal, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { type Complaint, type ComplaintStatus } from '../../api';
import { COMPLAINT_STATUSES } from '../../reference/domain';
import { useApi } from '../../app/ServicesContext';
import { useI18n } from '../../i18n';
import { DataTable, dateTimeColumn, PageHeading, type DataColumn, type DataTablePageRequest, type FilterField } from '../../kit';
import { complaintStatusText } from '../complaints/complaint-text';
import { ComplaintStatusTag } from '../complaints/ComplaintStatusTag';
import { DueDateBadge } from '../complaints/DueDateBadge';
import { shanghaiToday } from '../complaints/due-dates';
import { RecordComplaintForm } from './RecordComplaintForm';

export const complaintPagePath = (complaint: Pick<Complaint, 'id'>): string => `/insurer/complaints/${encodeURIComponent(complaint.id)}`;

/**
 * The insurer's complaint inbox (CMP-1…8): newest first, filtered by status and overdue in the URL, each
 * with its binding reply deadline; complaints received by phone, letter, visit or online are recorded here.
 */
export function ComplaintInboxPage() {
  const { t } = useI18n();
  const api = useApi();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [recording, setRecording] = useState(false);
  const today = shanghaiToday();

  const filters = useMemo<FilterField[]>(
    () => [
      { kind: 'select', name: 'status', label: t('complaint.status'), options: COMPLAINT_STATUSES.map((value) => ({ value, label: complaintStatusText(value, t) })) },
      { kind: 'select', name: 'overdue', label: t('complaint.filter.overdue'), options: [{ value: 'true', label: t('complaint.filter.overdueOnly') }] },
    ],
    [t],
  );

  const columns = useMemo<DataColumn<Complaint>[]>(
    () => [
      dateTimeColumn<Complaint>('receivedAt', t('complaint.receivedAt'), (complaint) => complaint.receivedAt),
      {
        key: 'enterprise',
        title: t('complaint.enterprise'),
        width: 175,
        value: (complaint) => complaint.enterpriseUscc,
        render: (complaint) => <span style={{ fontFamily: 'monospace' }}>{complaint.enterpriseUscc}</span>,
      },
      { key: 'channel', title: t('complaint.channel'), width: 90, value: (complaint) => t(`complaint.channel.${complaint.channel}`) },
      {
        key: 'request',
        title: t('complaint.request'),
        ellipsis: true,
        value: (complaint) => complaint.request,
        render: (complaint) => (
          <Link to={complaintPagePath(complaint)} title={complaint.request}>
            {complaint.request}
          </Link>
        ),
      },
      {
        key: 'status',
        title: t('complaint.status'),
        width: 110,
        value: (complaint) => complaintStatusText(complaint.status, t),
        render: (complaint) => <ComplaintStatusTag status={complaint.status} />,
      },
      {
        key: 'due',
        title: t('complaint.due.column'),
        width: 250,
        value: (complaint) => complaint.deadlines.binding.dueOn,
        csv: (complaint) => `${complaint.deadlines.binding.dueOn} ${t(`complaint.clock.${complaint.deadlines.binding.clock}`)}`,
        render: (complaint) => <DueDateBadge complaint={complaint} today={today} />,
      },
      {
        key: 'actions',
        title: t('table.actions'),
        width: 80,
        csv: false,
        render: (complaint) => <Link to={complaintPagePath(complaint)}>{t('complaint.handle')}</Link>,
      },
    ],
    [t, today],
  );

  const fetchPage = useCallback(
    ({ cursor, limit, filters: values }: DataTablePageRequest, signal: AbortSignal) =>
      api.complaints.list(
        { cursor, limit, status: (values.status || undefined) as ComplaintStatus | undefined, overdue: values.overdue === 'true' },
        signal,
      ),
    [api],
  );

  const onRecorded = useCallback(
    (complaint: Complaint) => {
      setRecording(false);
      void message.success(t('complaint.record.recorded'));
      void navigate(complaintPagePath(complaint));
    },
    [message, navigate, t],
  );

  return (
    <>
      <PageHeading title={t('complaint.inbox.title')} />
      <DataTable<Complaint>
queryKey={[...queryKeys.complaints, '/api/v1/complaints']}         caption={t('complaint.inbox.title')}
        columns={columns}
        rowKey={(complaint) => complaint.id}
        fetchPage={fetchPage}
        filters={filters}
        exportName="complaints"
        toolbar={
          <Button type="primary" onClick={() => setRecording(true)}>
            {t('complaint.inbox.record')}
          </Button>
        }
      />
      <Modal open={recording} title={t('complaint.record.title')} footer={null} onCancel={() => setRecording(false)} destroyOnHidden width={620}>
        <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
          {t('complaint.due.intro')}
        </Typography.Paragraph>
        <RecordComplaintForm onRecorded={onRecorded} onCancel={() => setRecording(false)} />
      </Modal>
    </>
  );
}
