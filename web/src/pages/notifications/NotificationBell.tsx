import { BellOutlined } from '@ant-design/icons';
import { Badge, Button } from 'antd';
import { useNavigate } from 'react-router';
import { useI18n } from '../../i18n';
import { useUnreadCount } from './notifications-api';

/** Issue 16: the header's bell for every role — the unread count as its badge, a click opens the inbox. */
export function NotificationBell() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const unread = useUnreadCount().data ?? 0;
  return (
    <Badge count={unread} size="small" overflowCount={99} data-testid="notification-badge">
      <Button
        type="text"
        size="small"
        icon={<BellOutlined />}
        aria-label={unread > 0 ? t('ntf.bellUnread', { count: unread }) : t('ntf.bell')}
        data-testid="notification-bell"
        onClick={() => navigate('/notifications')}
        style={{ flex: 'none' }}
      />
    </Badge>
  );
}
