import { Button, Popconfirm, Space } from 'antd';
import type { Role, User } from '../../api';
import { useI18n } from '../../i18n';

interface UserRowActionsProps {
  readonly user: User;
  readonly roles: readonly Role[];
  readonly busy: boolean;
  readonly onUpdate: (user: User, change: { role?: Role; disabled?: boolean }) => void;
}

/** Switch a member between the assignable roles, and disable (with confirmation) or enable them. */
export function UserRowActions({ user, roles, busy, onUpdate }: UserRowActionsProps) {
  const { t } = useI18n();
  const otherRoles = roles.filter((role) => role !== user.role);
  return (
    <Space size={4} wrap>
      {otherRoles.map((role) => (
        <Button key={role} size="small" type="link" disabled={busy} onClick={() => onUpdate(user, { role })}>
          {t('team.makeRole', { role: t(`role.${role}`) })}
        </Button>
      ))}
      {user.disabled ? (
        <Button size="small" type="link" disabled={busy} onClick={() => onUpdate(user, { disabled: false })}>
          {t('team.enable')}
        </Button>
      ) : (
        <Popconfirm title={t('team.disableConfirm', { username: user.username })} onConfirm={() => onUpdate(user, { disabled: true })}>
          <Button size="small" type="link" danger disabled={busy}>
            {t('team.disable')}
          </Button>
        </Popconfirm>
      )}
    </Space>
  );
}
