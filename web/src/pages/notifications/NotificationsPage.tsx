import { Button, Empty, Flex, List, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useI18n } from '../../i18n';
import { formatWhole } from '../../i18n/format';
import { PageHeading, QueryFallback } from '../../kit';
import { NotificationPreferencesForm } from './NotificationPreferencesForm';
import { useInbox, useMarkAllRead, useMarkRead, type ConsoleNotification } from './notifications-api';

const KIND_COLOURS: Record<ConsoleNotification['kind'], string> = {
  REMINDER_DUE: 'gold',
  REMINDER_OVERDUE: 'red',
  COMPLAINT: 'volcano',
  SERVICE: 'blue',
  SUPERVISION: 'purple',
  MONITORING: 'magenta',
  WEBHOOK: 'purple',
};

/**
 * Issue 16: 消息通知 — the person's inbox, newest first: each opens its item in the console (and is then read),
 * one or all can be marked read; the person's notification settings below. Every role has it, for itself only.
 */
export function NotificationsPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const inbox = useInbox();
  const markRead = useMarkRead();
  const markAllRead = useMarkAllRead();
  const items = inbox.data?.pages.flatMap((page) => page.items) ?? [];
  const unread = inbox.data?.pages[0]?.unread ?? 0;
  // Issue 15: the inbox's first page counts the whole inbox (共 N 条), whatever has been loaded below.
  const total = inbox.data?.pages[0]?.total;

  const open = async (notification: ConsoleNotification) => {
    if (!notification.readAt) await markRead.mutateAsync(notification.id);
    void navigate(notification.link);
  };

  return (
    <Flex vertical gap={16}>
      <PageHeading
        title={t('ntf.title')}
        extra={
          <Flex align="center" gap={8} wrap>
            {total !== undefined && (
              <Typography.Text type="secondary" data-testid="table-total">
                {t('table.total', { count: formatWhole(total) })} ·
              </Typography.Text>
            )}
            <Typography.Text type="secondary" data-testid="notification-unread">
              {t('ntf.unreadCount', { count: unread })}
            </Typography.Text>
            {unread > 0 && (
              <Button size="small" onClick={() => markAllRead.mutate()} loading={markAllRead.isPending}>
                {t('ntf.markAllRead')}
              </Button>
            )}
          </Flex>
        }
      />
      {inbox.isError ? (
        <QueryFallback query={inbox} onRetry={() => void inbox.refetch()} />
      ) : (
        <List
          bordered
          // Actions under the text, not beside it: on a phone the message keeps the whole width.
          itemLayout="vertical"
          loading={inbox.isLoading}
          dataSource={items}
          locale={{ emptyText: <Empty description={t('ntf.empty')} /> }}
          data-testid="notification-list"
          renderItem={(notification) => (
            <List.Item
              key={notification.id}
              style={{ background: notification.readAt ? undefined : 'rgba(22, 119, 255, 0.04)' }}
              actions={[
                <Button key="open" size="small" type="link" onClick={() => void open(notification)}>
                  {t('ntf.open')}
                </Button>,
                ...(notification.readAt
                  ? []
                  : [
                      <Button key="read" size="small" type="link" onClick={() => markRead.mutate(notification.id)}>
                        {t('ntf.markRead')}
                      </Button>,
                    ]),
              ]}
            >
              <List.Item.Meta
                style={{ minWidth: 0 }}
                title={
                  <Flex gap={6} align="center" wrap>
                    <Tag color={KIND_COLOURS[notification.kind]} style={{ marginInlineEnd: 0 }}>
                      {t(`ntf.kind.${notification.kind}`)}
                    </Tag>
                    <Typography.Text strong={!notification.readAt} style={{ overflowWrap: 'anywhere' }}>
                      {notification.title}
                    </Typography.Text>
                    {!notification.readAt && <Tag color="blue">{t('ntf.unread')}</Tag>}
                  </Flex>
                }
                description={
                  <Flex vertical gap={2}>
                    <span style={{ overflowWrap: 'anywhere' }}>{notification.body}</span>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {new Date(notification.createdAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' })}
                      {notification.dueOn ? ` · ${t('ntf.dueOn', { date: notification.dueOn })}` : ''}
                    </Typography.Text>
                  </Flex>
                }
              />
            </List.Item>
          )}
          loadMore={
            inbox.hasNextPage ? (
              <Flex justify="center" style={{ padding: 12 }}>
                <Button onClick={() => void inbox.fetchNextPage()} loading={inbox.isFetchingNextPage}>
                  {t('ntf.loadMore')}
                </Button>
              </Flex>
            ) : undefined
          }
        />
      )}
      <NotificationPreferencesForm />
    </Flex>
  );
}
