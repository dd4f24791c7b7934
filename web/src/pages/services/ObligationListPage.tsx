import { Alert, Tag, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { ObligationRow } from '../../api';
import { queryKeys } from '../../api/query-keys';
import { useApi } from '../../app/ServicesContext';
import { useI18n } from '../../i18n';
import { DataTable, PageHeading, type DataColumn, type DataTablePageRequest, type FilterField } from '../../kit';
import { OVERDUE_COLOR } from '../complaints/DueDateBadge';
import { requirementLabel } from './obligation-rows';
import { serviceTypeText } from './service-text';

const FILTERS = ['overdue', 'due-soon', 'all'] as const;
type Filter = (typeof FILTERS)[number];
const isFilter = (value: string): value is Filter => (FILTERS as readonly string[]).includes(value);

/**
 * 应履行义务 (SVC-11, issue 15): every obligation still owed across the insurer's current policies, the most overdue
 * first, filtered to the overdue ones, those due within 30 days or all not done; each row names the enterprise and
 * the policy number and leads to the policy and to its obligations (服务义务, where its services are planned).
 */
export function ObligationListPage() {
  const { t } = useI18n();
  const api = useApi();
  const [truncatedAt, setTruncatedAt] = useState<number>();

  const filters = useMemo<FilterField[]>(
    () => [{ kind: 'select', name: 'status', label: t('oblList.filter'), options: FILTERS.map((value) => ({ value, label: t(`oblList.filter.${value}`) })) }],
    [t],
  );

  const label = useCallback(
    (row: ObligationRow) => {
      const { key, type, deep } = requirementLabel(row);
      return key === 'obl.req.plan' && type ? t(key, { type: serviceTypeText({ type, deep }, t) }) : t(key);
    },
    [t],
  );

  const columns = useMemo<DataColumn<ObligationRow>[]>(
    () => [
      {
        key: 'daysLeft',
        title: t('obl.daysLeft'),
        width: 110,
        value: (row) => row.daysLeft,
        render: (row) =>
          row.daysLeft < 0 ? (
            <Typography.Text strong style={{ color: OVERDUE_COLOR }}>
              {t('obl.overdueDays', { days: -row.daysLeft })}
            </Typography.Text>
          ) : (
            t('obl.days', { days: row.daysLeft })
          ),
      },
      {
        key: 'enterprise',
        title: t('oblList.enterprise'),
        width: 240,
        value: (row) => row.enterpriseName,
        render: (row) => (
          <>
            <div>{row.enterpriseName}</div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {row.enterpriseUscc}
            </Typography.Text>
          </>
        ),
      },
      {
        key: 'policyNumber',
        title: t('oblList.policyNumber'),
        width: 200,
        value: (row) => row.policyNumber,
        render: (row) => <Link to={`/insurer/underwriting/${encodeURIComponent(row.policyId)}`}>{row.policyNumber}</Link>,
      },
      {
        key: 'requirement',
        title: t('obl.requirement'),
        width: 200,
        value: (row) => label(row),
        render: (row) => (
          <>
            {label(row)}
            {row.planMissing && (
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('oblList.planMissing')}
                </Typography.Text>
              </div>
            )}
          </>
        ),
      },
      {
        key: 'progress',
        title: t('obl.progress'),
        width: 90,
        value: (row) => t('obl.progressText', { done: row.done, required: row.required }),
      },
      { key: 'dueBy', title: t('obl.dueBy'), width: 110, value: (row) => row.dueBy },
      {
        key: 'status',
        title: t('obl.status'),
        width: 90,
        value: (row) => t(`obl.status.${row.status}`),
        render: (row) => (
          <Tag color={row.status === 'OVERDUE' ? OVERDUE_COLOR : 'blue'} variant={row.status === 'OVERDUE' ? 'solid' : undefined} style={{ marginInlineEnd: 0 }}>
            {t(`obl.status.${row.status}`)}
          </Tag>
        ),
      },
      {
        key: 'actions',
        title: t('table.actions'),
        width: 120,
        csv: false,
        render: (row) => <Link to={`/insurer/obligations?policyId=${encodeURIComponent(row.policyId)}`}>{t('oblList.open')}</Link>,
      },
    ],
    [t, label],
  );

  const fetchPage = useCallback(
    async ({ cursor, limit, filters: values }: DataTablePageRequest, signal: AbortSignal) => {
      const status = values.status && isFilter(values.status) ? values.status : undefined;
      const page = await api.services.obligationList({ cursor, limit, status }, signal);
      setTruncatedAt(page.truncated ? 2000 : undefined);
      return page;
    },
    [api],
  );

  return (
    <>
      <PageHeading title={t('oblList.caption')} extra={<Link to="/insurer/obligations">{t('nav.insurer.obligations')}</Link>} />
      <Typography.Paragraph type="secondary">{t('oblList.intro')}</Typography.Paragraph>
      {truncatedAt !== undefined && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('oblList.truncated', { max: truncatedAt })} />}
      <DataTable<ObligationRow>
        queryKey={[...queryKeys.services, '/api/v1/obligations']}
        caption={t('oblList.caption')}
        columns={columns}
        rowKey={(row) => `${row.policyId}:${row.key}`}
        fetchPage={fetchPage}
        filters={filters}
        exportName="obligations"
      />
    </>
  );
}
