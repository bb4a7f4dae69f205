import { App, Button, Empty, List, Segmented } from 'antd';
import { useState } from 'react';
import { t } from '../../../common/i18n/index';
import { ErrorState } from '../common/error-state.component';
import { PageHeader } from '../common/page-header.component';
import { NotificationItem } from './notification-item.component';
import { useInbox, useMarkAllRead, useMarkRead } from './notifications.api';

/** 消息中心: every notification of the caller, all or unread, paged; mark one or all read. */
export function InboxPage() {
  const { message } = App.useApp();
  const [unread, setUnread] = useState(false);
  const [page, setPage] = useState(1);
  const inbox = useInbox({ page, unread });
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const unreadCount = inbox.data?.unread ?? 0;

  return (
    <>
      <PageHeader
        title={t('inbox.title')}
        extra={
          <Button
            disabled={unreadCount === 0}
            loading={markAll.isPending}
            onClick={() =>
              markAll.mutate(undefined, {
                onSuccess: (r) => message.success(t('inbox.markedAll', { count: r.marked })),
              })
            }
          >
            {t('inbox.markAllRead')}
          </Button>
        }
      />
      <Segmented
        style={{ marginBottom: 16 }}
        value={unread ? 'unread' : 'all'}
        onChange={(v) => {
          setUnread(v === 'unread');
          setPage(1);
        }}
        options={[
          { value: 'all', label: t('inbox.all') },
          { value: 'unread', label: `${t('inbox.unread')}（${unreadCount}）` },
        ]}
      />
      {inbox.isError ? (
        <ErrorState title={t('notifications.error')} error={inbox.error} onRetry={() => inbox.refetch()} />
      ) : (
        <List
          bordered
          loading={inbox.isPending}
          dataSource={inbox.data?.items ?? []}
          locale={{
            emptyText: (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={unread ? t('inbox.emptyUnread') : t('inbox.empty')}
              />
            ),
          }}
          pagination={
            (inbox.data?.total ?? 0) > 20
              ? {
                  current: page,
                  pageSize: 20,
                  total: inbox.data?.total,
                  onChange: setPage,
                  showSizeChanger: false,
                }
              : false
          }
          renderItem={(item) => <NotificationItem item={item} onRead={(id) => markRead.mutate(id)} />}
        />
      )}
    </>
  );
}
