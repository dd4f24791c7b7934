import { Button, Tag } from 'antd';
import { useCallback, useMemo } from 'react';
import { useNavigate, useParams } from 'react-router';
import type { ComplaintStatus, SupervisedComplaint } from '../../../api';
import { queryKeys } from '../../../api/query-keys';
import { useApi } from '../../../app/ServicesContext';
import { useI18n } from '../../../i18n';
import { DataTable, PageHeading, type DataColumn, type DataTablePageRequest, type FilterField } from '../../../kit';
import { asAreaCode, countyName, XINZHOU_COUNTIES } from '../../../reference/xinzhou-counties';
import { ComplaintStatusTag } from '../../complaints/ComplaintStatusTag';
import { useSessionUser } from '../../underwriting/session';
import { InsurerTabs } from './InsurerTabs';
import { IssueNoticeButton } from './IssueNoticeButton';
import { supervisionPaths } from './paths';
import { useInsurerHeading } from './useInsurerHeading';

const STATUSES: readonly ComplaintStatus[] = ['OPEN', 'REPLIED', 'ACCEPTED', 'ESCALATED'];
const TIMELINESS_COLOR: Record<SupervisedComplaint['timeliness'], string> = { REPLIED_ON_TIME: 'green', REPLIED_LATE: 'orange', AWAITING: 'blue', OVERDUE: 'red' };

/**
 * Every complaint against one insurer for the regulators (issue 14; CMP-1..8, ACL-2, ACL-4) — not only the
 * escalated ones — with the enterprise's name and the reply's timeliness against the binding due day; 督办 on any.
 */
export function SupervisionComplaintsPage() {
  const { t, locale } = useI18n();
  const api = useApi();
  const navigate = useNavigate();
  const tenantId = useParams().tenantId ?? '';
  const countyWide = useSessionUser()?.agency !== 'EMB_COUNTY';
  const { insurer, remember } = useInsurerHeading();

  const filters = useMemo<FilterField[]>(
    () => [
      { kind: 'select', name: 'status', label: t('sup.complaints.status'), options: STATUSES.map((value) => ({ value, label: t(`complaint.status.${value}`) })) },
      ...(countyWide
        ? [{ kind: 'select' as const, name: 'county', label: t('policy.county'), options: XINZHOU_COUNTIES.map((county) => ({ value: county.code, label: countyName(county.code, locale) })) }]
        : []),
    ],
    [t, locale, countyWide],
  );

  const columns = useMemo<DataColumn<SupervisedComplaint>[]>(
    () => [
      { key: 'receivedOn', title: t('sup.complaints.receivedOn'), width: 110, value: (complaint) => complaint.receivedOn },
      {
        key: 'enterprise',
        title: t('svc.field.enterprise'),
        width: 220,
        ellipsis: true,
        value: (complaint) => complaint.enterpriseName ?? complaint.enterpriseUscc,
        csv: (complaint) => `${complaint.enterpriseName ?? ''}（${complaint.enterpriseUscc}）`,
      },
      { key: 'county', title: t('policy.county'), width: 90, value: (complaint) => (complaint.county ? countyName(complaint.county, locale) : '') },
      { key: 'request', title: t('sup.complaints.request'), width: 260, ellipsis: true, value: (complaint) => complaint.request },
      { key: 'dueOn', title: t('sup.complaints.dueOn'), width: 110, value: (complaint) => complaint.deadlines.binding.dueOn },
      {
        key: 'timeliness',
        title: t('sup.complaints.timeliness'),
        width: 110,
        value: (complaint) => t(`sup.complaints.timeliness.${complaint.timeliness}`),
        render: (complaint) => <Tag color={TIMELINESS_COLOR[complaint.timeliness]}>{t(`sup.complaints.timeliness.${complaint.timeliness}`)}</Tag>,
      },
      { key: 'status', title: t('sup.complaints.status'), width: 130, value: (complaint) => t(`complaint.status.${complaint.status}`), render: (complaint) => <ComplaintStatusTag status={complaint.status} /> },
      {
        key: 'actions',
        title: t('table.actions'),
        width: 90,
        csv: false,
        render: (complaint) => (
          <IssueNoticeButton size="small" tenantId={tenantId} kind="COMPLAINT" subjectId={complaint.id} label={`${complaint.enterpriseName ?? complaint.enterpriseUscc} · ${complaint.receivedOn}`} />
        ),
      },
    ],
    [t, locale, tenantId],
  );

  const fetchPage = useCallback(
    ({ cursor, limit, filters: values }: DataTablePageRequest, signal: AbortSignal) =>
      api.supervisionRecords
        .complaints(tenantId, { cursor, limit, status: (values.status || undefined) as ComplaintStatus | undefined, county: countyWide ? asAreaCode(values.county) : undefined }, signal)
        .then(remember),
    [api, tenantId, countyWide, remember],
  );

  return (
    <>
      <PageHeading
        title={t('sup.complaints.title', { insurer: insurer?.name ?? t('sup.insurer.unknown') })}
        extra={<Button onClick={() => void navigate(supervisionPaths.insurers)}>{t('sup.insurer.back')}</Button>}
      />
      <InsurerTabs tenantId={tenantId} active="complaints" />
      <DataTable<SupervisedComplaint>
        queryKey={[...queryKeys.supervision, '/api/v1/regulator/insurers/{tenantId}/complaints', tenantId]}
        caption={t('sup.complaints.caption')}
        columns={columns}
        rowKey={(complaint) => complaint.id}
        fetchPage={fetchPage}
        filters={filters}
        exportName="insurer-complaints"
      />
    </>
  );
}
