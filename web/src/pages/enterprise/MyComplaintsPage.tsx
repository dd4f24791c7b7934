import { queryKeys } from '../../api/query-keys';
import { Button } from 'antd';
import { useCallback, useMemo } from 'react';
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
import { useMyInsurers } from './insurer-names';

export const myComplaintPath = (complaint: Pick<Complaint, 'id'>): string => `/my/complaints/${encodeURIComponent(complaint.id)}`;

/** 我的投诉: the enterprise's complaints across insurers (ACL-5), newest first, and "file a complaint". */
export function MyComplaintsPage() {
  const { t } = useI18n();
  const api = useApi();
  const navigate = useNavigate();
  const { nameOf } = useMyInsurers();
  const today = shanghaiToday();

  const filters = useMemo<FilterField[]>(
    () => [{ kind: 'select', name: 'status', label: t('complaint.status'), options: COMPLAINT_STATUSES.map((value) => ({ value, label: complaintStatusText(value, t) })) }],
    [t],
  );

  const columns = useMemo<DataColumn<Complaint>[]>(
    () => [
      dateTimeColumn<Complaint>('receivedAt', t('complaint.filedAt'), (complaint) => complaint.receivedAt),
      { key: 'insurer', title: t('complaint.insurer'), width: 200, value: (complaint) => nameOf(complaint.tenantId) },
      {
        key: 'request',
        title: t('complaint.request'),
        ellipsis: true,
        value: (complaint) => complaint.request,
        render: (complaint) => (
          <Link to={myComplaintPath(complaint)} title={complaint.request}>
            {complaint.request}
          </Link>
        ),
      },
      {
        key: 'status',
        title: t('complaint.status'),
        width: 130,
        value: (complaint) => complaintStatusText(complaint.status, t),
        render: (complaint) => <ComplaintStatusTag status={complaint.status} />,
      },
      {
        key: 'due',
        title: t('complaint.due.column'),
        width: 250,
        value: (complaint) => complaint.deadlines.binding.dueOn,
        render: (complaint) => <DueDateBadge complaint={complaint} today={today} />,
      },
      { key: 'actions', title: t('table.actions'), width: 80, csv: false, render: (complaint) => <Link to={myComplaintPath(complaint)}>{t('complaint.view')}</Link> },
    ],
    [t, nameOf, today],
  );

  const fetchPage = useCallback(
    ({ cursor, limit, filters: values }: DataTablePageRequest, signal: AbortSignal) =>
      api.myComplaints.list({ cursor, limit, status: (values.status || undefined) as ComplaintStatus | undefined }, signal),
    [api],
  );

  return (
    <>
      <PageHeading title={t('complaint.my.title')} />
      <DataTable<Complaint>
queryKey={[...queryKeys.complaints, '/api/v1/me/complaints']}         caption={t('complaint.my.title')}
        columns={columns}
        rowKey={(complaint) => complaint.id}
        fetchPage={fetchPage}
        filters={filters}
        exportName="my-complaints"
        toolbar={
          <Button type="primary" onClick={() => void navigate('/my/complaints/new')}>
            {t('complaint.my.new')}
          </Button>
        }
      />
    </>
  );
}
