import { queryKeys } from '../../api/query-keys';
import { Button } from 'antd';
import { useCallback, useMemo } from 'react';
import { Link, useNavigate } from 'react-router';
import type { Tenant } from '../../api';
import { useApi } from '../../app/ServicesContext';
import { useI18n } from '../../i18n';
import { DataTable, dateTimeColumn, PageHeading, type DataColumn, type DataTablePageRequest, type FilterField } from '../../kit';
import { TenantStatusTag, tenantStatusText } from './TenantStatusTag';

/** The platform's insurers: search by name, page through, export, and onboard a new one. */
export function TenantListPage() {
  const { t } = useI18n();
  const api = useApi();
  const navigate = useNavigate();

  const filters = useMemo<FilterField[]>(
    () => [{ kind: 'text', name: 'q', label: t('tenant.q'), placeholder: t('tenant.qPlaceholder') }],
    [t],
  );

  const columns = useMemo<DataColumn<Tenant>[]>(
    () => [
      {
        key: 'name',
        title: t('tenant.name'),
        value: (tenant) => tenant.name,
        render: (tenant) => <Link to={`/platform/tenants/${encodeURIComponent(tenant.id)}`}>{tenant.name}</Link>,
      },
      { key: 'branchName', title: t('tenant.branchName'), value: (tenant) => tenant.branchName },
      { key: 'uscc', title: t('tenant.uscc'), value: (tenant) => tenant.uscc, width: 190 },
      {
        key: 'status',
        title: t('tenant.status'),
        width: 90,
        value: (tenant) => tenantStatusText(tenant.status, t),
        render: (tenant) => <TenantStatusTag status={tenant.status} />,
      },
      dateTimeColumn<Tenant>('createdAt', t('tenant.createdAt'), (tenant) => tenant.createdAt),
      { key: 'id', title: t('tenant.id'), value: (tenant) => tenant.id, ellipsis: true, width: 160 },
    ],
    [t],
  );

  const fetchPage = useCallback(
    ({ cursor, limit, filters: values }: DataTablePageRequest, signal: AbortSignal) =>
      api.platform.listTenants({ cursor, limit, q: values.q || undefined }, signal),
    [api],
  );

  return (
    <>
      <PageHeading title={t('tenant.listTitle')} />
      <DataTable<Tenant>
queryKey={[...queryKeys.platform, '/api/v1/platform/tenants']}         caption={t('tenant.listTitle')}
        columns={columns}
        rowKey={(tenant) => tenant.id}
        fetchPage={fetchPage}
        filters={filters}
        exportName="tenants"
        toolbar={
          <Button type="primary" onClick={() => void navigate('/platform/tenants/new')}>
            {t('tenant.create')}
          </Button>
        }
      />
    </>
  );
}
