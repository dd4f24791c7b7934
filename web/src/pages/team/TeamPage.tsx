import { useInvalidate } from '../../kit/useInvalidate';
import { queryKeys } from '../../api/query-keys';
import { App, Button, Modal, Tag } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import type { Role, User } from '../../api';
import { useApi, useAuth } from '../../app/ServicesContext';
import { useI18n } from '../../i18n';
import { DataTable, dateTimeColumn, describeApiError, PageHeading, type DataColumn, type DataTablePageRequest } from '../../kit';
import { assignableRoles } from '../../navigation/access';
import { CreateUserForm } from './CreateUserForm';
import { UserRowActions } from './UserRowActions';

/**
 * The admin's team: insurer-admins manage their tenant's users, regulator-admins their agency's.
 * Users cannot change or disable themselves here.
 */
export function TeamPage() {
  const { t } = useI18n();
  const api = useApi();
  const { state } = useAuth();
  const { message } = App.useApp();
  const me = state.status === 'signed-out' ? undefined : state.session.user;
  const roles = useMemo(() => (me ? assignableRoles(me.role) : []), [me]);
  const [creating, setCreating] = useState(false);
  const invalidate = useInvalidate('users');
  const [busyUserId, setBusyUserId] = useState<string>();

  const update = useCallback(
    async (user: User, change: { role?: Role; disabled?: boolean }) => {
      setBusyUserId(user.id);
      try {
        await api.users.update(user.id, change);
        void message.success(t('team.updated', { username: user.username }));
        invalidate();
      } catch (error) {
        void message.error(describeApiError(error, t));
      } finally {
        setBusyUserId(undefined);
      }
    },
    [api, message, t],
  );

  const columns = useMemo<DataColumn<User>[]>(
    () => [
      { key: 'username', title: t('team.username'), value: (user) => user.username },
      {
        key: 'displayName',
        title: t('team.displayName'),
        value: (user) => user.displayName,
        render: (user) => (
          <>
            {user.displayName} {user.id === me?.id && <Tag>{t('team.you')}</Tag>}
          </>
        ),
      },
      {
        key: 'role',
        title: t('team.role'),
        value: (user) => t(`role.${user.role}`),
        render: (user) => <Tag color={user.role.endsWith('admin') ? 'gold' : 'blue'}>{t(`role.${user.role}`)}</Tag>,
      },
      {
        key: 'status',
        title: t('team.status'),
        width: 90,
        value: (user) => (user.disabled ? t('team.status.disabled') : t('team.status.active')),
        render: (user) =>
          user.disabled ? <Tag color="red">{t('team.status.disabled')}</Tag> : <Tag color="green">{t('team.status.active')}</Tag>,
      },
      dateTimeColumn<User>('createdAt', t('team.createdAt'), (user) => user.createdAt),
      {
        key: 'actions',
        title: t('table.actions'),
        csv: false,
        render: (user) =>
          user.id === me?.id ? null : (
            <UserRowActions user={user} roles={roles} busy={busyUserId === user.id} onUpdate={(u, change) => void update(u, change)} />
          ),
      },
    ],
    [t, me?.id, roles, busyUserId, update],
  );

  const fetchPage = useCallback(
    ({ cursor, limit }: DataTablePageRequest, signal: AbortSignal) => api.users.list({ cursor, limit }, signal),
    [api],
  );

  const onCreated = useCallback(
    (user: User) => {
      setCreating(false);
      void message.success(t('team.created', { username: user.username }));
      invalidate();
    },
    [message, t],
  );

  return (
    <>
      <PageHeading title={t('team.title')} />
      <DataTable<User>
queryKey={[...queryKeys.users, '/api/v1/users']}         caption={t('team.title')}
        columns={columns}
        rowKey={(user) => user.id}
        fetchPage={fetchPage}
        exportName="team"
        toolbar={
          <Button type="primary" onClick={() => setCreating(true)}>
            {t('team.create')}
          </Button>
        }
      />
      <Modal open={creating} title={t('team.createTitle')} footer={null} onCancel={() => setCreating(false)} destroyOnHidden>
        <CreateUserForm roles={roles} onCreated={onCreated} onCancel={() => setCreating(false)} />
      </Modal>
    </>
  );
}
