import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../api/query-keys';
import { Alert, Button, Card, Descriptions, Skeleton } from 'antd';
import { useParams, useNavigate } from 'react-router';
import { useApi } from '../../app/ServicesContext';
import { useI18n } from '../../i18n';
import { DateTime, describeApiError, PageHeading } from '../../kit';
import { TenantStatusTag } from './TenantStatusTag';

/** A tenant's profile (ACL-3: the operator sees the profile only, never the tenant's data). */
export function TenantDetailPage() {
  const { t } = useI18n();
  const api = useApi();
  const navigate = useNavigate();
  const tenantId = useParams().tenantId ?? '';
  const query = useQuery({ queryKey: [...queryKeys.platform, `tenant:${tenantId}`], queryFn: ({ signal }) => api.platform.getTenant(tenantId, signal) });
  const tenant = query.data;

  return (
    <>
      <PageHeading
        title={tenant?.name ?? t('tenant.detailTitle')}
        extra={<Button onClick={() => void navigate('/platform/tenants')}>{t('tenant.backToList')}</Button>}
      />
      {Boolean(query.error) && (
        <Alert
          type="error"
          showIcon
          title={describeApiError(query.error, t)}
          action={
            <Button size="small" onClick={() => void query.refetch()}>
              {t('table.retry')}
            </Button>
          }
        />
      )}
      {query.isFetching && !tenant && <Skeleton active />}
      {tenant && (
        <Card style={{ maxWidth: 880 }}>
          <Descriptions bordered size="small" column={1} styles={{ label: { width: 200 } }}>
            <Descriptions.Item label={t('tenant.name')}>{tenant.name}</Descriptions.Item>
            <Descriptions.Item label={t('tenant.branchName')}>{tenant.branchName}</Descriptions.Item>
            <Descriptions.Item label={t('tenant.uscc')}>{tenant.uscc}</Descriptions.Item>
            <Descriptions.Item label={t('tenant.status')}>
              <TenantStatusTag status={tenant.status} />
            </Descriptions.Item>
            <Descriptions.Item label={t('tenant.createdAt')}>
              <DateTime value={tenant.createdAt} />
            </Descriptions.Item>
            <Descriptions.Item label={t('tenant.id')}>{tenant.id}</Descriptions.Item>
          </Descriptions>
        </Card>
      )}
    </>
  );
}
