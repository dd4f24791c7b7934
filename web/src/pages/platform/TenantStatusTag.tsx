import { Tag } from 'antd';
import type { TenantStatus } from '../../api';
import { useI18n } from '../../i18n';

export function TenantStatusTag({ status }: { readonly status: TenantStatus }) {
  const { t } = useI18n();
  if (status === 'ACTIVE') return <Tag color="green">{t('tenant.status.ACTIVE')}</Tag>;
  if (status === 'SUSPENDED') return <Tag color="red">{t('tenant.status.SUSPENDED')}</Tag>;
  return <Tag>{status}</Tag>;
}

export function tenantStatusText(status: TenantStatus, t: ReturnType<typeof useI18n>['t']): string {
  if (status === 'ACTIVE') return t('tenant.status.ACTIVE');
  if (status === 'SUSPENDED') return t('tenant.status.SUSPENDED');
  return status;
}
