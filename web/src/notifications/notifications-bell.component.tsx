import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Empty, List, Popover, Spin, Typography } from 'antd';
import { t } from '../../../common/i18n/index';
import { useMarkRead, useNotifications } from './notifications.api';

/** The bell in the header: the unread count, and the newest notifications in a popover. */
export function NotificationsBell() {
  const notifications = useNotifications();
  const markRead = useMarkRead();
  const unread = notifications.data?.unread ?? 0;

  let content: React.ReactNode;
  if (notifications.isPending) content = <Spin aria-label={t('notifications.loading')} />;
  else if (notifications.isError)
    content = <Typography.Text type="danger">{t('notifications.error')}</Typography.Text>;
  else if (notifications.data.items.length === 0)
    content = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />;
  else
    content = (
      <List
        size="small"
        dataSource={notifications.data.items}
        renderItem={(item) => (
          <List.Item
            actions={
              item.readAt
                ? []
                : [
                    <Button key="read" type="link" size="small" onClick={() => markRead.mutate(item.id)}>
                      {t('notifications.markRead')}
                    </Button>,
                  ]
            }
          >
            <List.Item.Meta
              title={<Typography.Text strong={!item.readAt}>{item.message}</Typography.Text>}
              description={new Date(item.createdAt).toLocaleString('zh-CN')}
            />
          </List.Item>
        )}
      />
    );

  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      title={t('notifications.title')}
      content={<div style={{ width: 340, maxWidth: '80vw' }}>{content}</div>}
    >
      <Button
        type="text"
        className="shell-notifications"
        aria-label={unread ? t('notifications.unreadCount', { count: unread }) : t('notifications.title')}
      >
        <Badge count={unread} size="small">
          <BellOutlined aria-hidden />
        </Badge>
      </Button>
    </Popover>
  );
}
