import { useQuery, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../api/query-keys';
import { Alert, App, Button, Card, Descriptions, Flex, Form, Input, Modal, Skeleton, Tag, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useParams, useNavigate } from 'react-router';
import type { Tenant, TenantUser } from '../../api';
import { newIdempotencyKey } from '../../api/idempotency-key';
import { useApi } from '../../app/ServicesContext';
import { useI18n } from '../../i18n';
import { DataTable, DateTime, dateTimeColumn, describeApiError, PageHeading, type DataColumn, type DataTablePageRequest } from '../../kit';
import { TenantStatusTag } from './TenantStatusTag';

type StatusAction = 'suspend' | 'resume';

/**
 * A tenant's profile, its status with suspend / resume (ACL-3, issue 15: a reason and a confirmation; the tenant's
 * users are refused from their next request), and its users' profiles — never the tenant's business data.
 */
export function TenantDetailPage() {
  const { t } = useI18n();
  const api = useApi();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const tenantId = useParams().tenantId ?? '';
  const queryKey = useMemo(() => [...queryKeys.platform, `tenant:${tenantId}`], [tenantId]);
  const query = useQuery({ queryKey, queryFn: ({ signal }) => api.platform.getTenant(tenantId, signal) });
  const tenant = query.data;
  const [action, setAction] = useState<StatusAction>();

  const onChanged = useCallback(
    (changed: Tenant) => {
      setAction(undefined);
      queryClient.setQueryData(queryKey, changed);
      void queryClient.invalidateQueries({ queryKey: [...queryKeys.platform, '/api/v1/platform/tenants'] });
    },
    [queryClient, queryKey],
  );

  const columns = useMemo<DataColumn<TenantUser>[]>(
    () => [
      { key: 'displayName', title: t('tenant.user.displayName'), value: (user) => user.displayName },
      { key: 'username', title: t('tenant.user.username'), value: (user) => user.username },
      {
        key: 'role',
        title: t('tenant.user.role'),
        value: (user) => t(`role.${user.role}`),
        render: (user) => <Tag color={user.role.endsWith('admin') ? 'gold' : 'blue'}>{t(`role.${user.role}`)}</Tag>,
      },
      {
        key: 'status',
        title: t('tenant.user.status'),
        width: 90,
        value: (user) => (user.disabled ? t('tenant.user.disabled') : t('tenant.user.active')),
        render: (user) => (user.disabled ? <Tag color="red">{t('tenant.user.disabled')}</Tag> : <Tag color="green">{t('tenant.user.active')}</Tag>),
      },
      {
        ...dateTimeColumn<TenantUser>('lastSignInAt', t('tenant.user.lastSignIn'), (user) => user.lastSignInAt),
        render: (user) => (user.lastSignInAt ? <DateTime value={user.lastSignInAt} /> : t('tenant.user.never')),
      },
    ],
    [t],
  );

  const fetchUsers = useCallback(
    ({ cursor, limit }: DataTablePageRequest, signal: AbortSignal) => api.platform.tenantUsers(tenantId, { cursor, limit }, signal),
    [api, tenantId],
  );

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
        <Flex vertical gap={16}>
          <Card
            style={{ maxWidth: 880 }}
            title={t('tenant.profile')}
            extra={
              tenant.status === 'ACTIVE' ? (
                <Button danger onClick={() => setAction('suspend')}>
                  {t('tenant.suspend')}
                </Button>
              ) : (
                <Button type="primary" onClick={() => setAction('resume')}>
                  {t('tenant.resume')}
                </Button>
              )
            }
          >
            <Descriptions bordered size="small" column={1} styles={{ label: { width: 160 } }}>
              <Descriptions.Item label={t('tenant.name')}>{tenant.name}</Descriptions.Item>
              <Descriptions.Item label={t('tenant.branchName')}>{tenant.branchName}</Descriptions.Item>
              <Descriptions.Item label={t('tenant.uscc')}>{tenant.uscc}</Descriptions.Item>
              <Descriptions.Item label={t('tenant.status')}>
                <TenantStatusTag status={tenant.status} />
              </Descriptions.Item>
              {tenant.statusReason && <Descriptions.Item label={t('tenant.statusReason')}>{tenant.statusReason}</Descriptions.Item>}
              {tenant.statusChangedAt && (
                <Descriptions.Item label={t('tenant.statusChangedAt')}>
                  <DateTime value={tenant.statusChangedAt} />
                </Descriptions.Item>
              )}
              <Descriptions.Item label={t('tenant.createdAt')}>
                <DateTime value={tenant.createdAt} />
              </Descriptions.Item>
              <Descriptions.Item label={t('tenant.id')}>{tenant.id}</Descriptions.Item>
            </Descriptions>
          </Card>
          <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
            {t('tenant.users')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('tenant.usersNote')}</Typography.Text>
          <DataTable<TenantUser>
            queryKey={[...queryKeys.platform, `tenant-users:${tenantId}`]}
            caption={t('tenant.users')}
            columns={columns}
            rowKey={(user) => user.id}
            fetchPage={fetchUsers}
            exportName="tenant-users"
          />
          {action && <StatusModal tenant={tenant} action={action} onCancel={() => setAction(undefined)} onChanged={onChanged} />}
        </Flex>
      )}
    </>
  );
}

/** ACL-3: the confirmation of a suspension or resumption, with its reason (required, as the API requires). */
function StatusModal({
  tenant,
  action,
  onCancel,
  onChanged,
}: {
  readonly tenant: Tenant;
  readonly action: StatusAction;
  readonly onCancel: () => void;
  readonly onChanged: (tenant: Tenant) => void;
}) {
  const { t } = useI18n();
  const api = useApi();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  const [key] = useState(newIdempotencyKey);

  const submit = async ({ reason }: { reason: string }) => {
    setBusy(true);
    try {
      const changed = await api.platform.setTenantStatus(tenant.id, action, reason.trim(), key);
      void message.success(t(action === 'suspend' ? 'tenant.suspended' : 'tenant.resumed', { name: tenant.name }));
      onChanged(changed);
    } catch (error) {
      void message.error(describeApiError(error, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t(action === 'suspend' ? 'tenant.suspendTitle' : 'tenant.resumeTitle', { name: tenant.name })}
      okText={t(action === 'suspend' ? 'tenant.suspend' : 'tenant.resume')}
      okButtonProps={{ danger: action === 'suspend', loading: busy }}
      onOk={() => form.submit()}
      onCancel={onCancel}
      destroyOnHidden
    >
      <Typography.Paragraph>{t(action === 'suspend' ? 'tenant.suspendHint' : 'tenant.resumeHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(values) => void submit(values)}>
        <Form.Item
          name="reason"
          label={t('tenant.reason')}
          rules={[{ required: true, whitespace: true, min: 2, message: t('tenant.reasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={200} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
