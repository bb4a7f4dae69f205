import { Button, List, Typography } from 'antd';
import { Link } from 'react-router';
import { formatTime } from '../../../common/format/date-time';
import { t } from '../../../common/i18n/index';
import type { Notification } from '../../../common/notifications/notifications.schema';

/** One notification: its text (bold while unread), when, a link to its object, mark read. */
export function NotificationItem({
  item,
  onRead,
  onOpen,
}: {
  item: Notification;
  onRead: (id: string) => void;
  onOpen?: () => void;
}) {
  const open = () => {
    if (!item.readAt) onRead(item.id);
    onOpen?.();
  };
  return (
    <List.Item
      actions={[
        ...(item.link
          ? [
              <Link key="open" to={item.link} onClick={open}>
                {t('inbox.open')}
              </Link>,
            ]
          : []),
        ...(item.readAt
          ? []
          : [
              <Button key="read" type="link" size="small" onClick={() => onRead(item.id)}>
                {t('notifications.markRead')}
              </Button>,
            ]),
      ]}
    >
      <List.Item.Meta
        title={<Typography.Text strong={!item.readAt}>{item.message}</Typography.Text>}
        description={formatTime(item.createdAt)}
      />
    </List.Item>
  );
}
