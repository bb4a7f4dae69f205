import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Empty, Flex, List, Popover, Spin, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { t } from '../../../common/i18n/index';
import { NotificationItem } from './notification-item.component';
import { useMarkAllRead, useMarkRead, useNotifications } from './notifications.api';

/** The bell in the header: the unread count, and the newest notifications in a popover. */
export function NotificationsBell() {
  const notifications = useNotifications();
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const [open, setOpen] = useState(false);
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
          <NotificationItem item={item} onRead={(id) => markRead.mutate(id)} onOpen={() => setOpen(false)} />
        )}
      />
    );

  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={setOpen}
      title={t('notifications.title')}
      content={
        <div style={{ width: 360, maxWidth: '80vw' }}>
          {content}
          <Flex justify="space-between" style={{ marginTop: 8 }}>
            <Link to="/inbox" onClick={() => setOpen(false)}>
              {t('inbox.viewAll')}
            </Link>
            {unread > 0 ? (
              <Button type="link" size="small" loading={markAll.isPending} onClick={() => markAll.mutate()}>
                {t('inbox.markAllRead')}
              </Button>
            ) : null}
          </Flex>
        </div>
      }
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
