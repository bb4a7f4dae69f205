import { App, Button, Card, Empty, Flex, List, Popconfirm, Select, Typography } from 'antd';
import { useState } from 'react';
import { t } from '../../../common/i18n/index';
import {
  WORKLOG_CATEGORIES,
  type WorklogCategory,
  type WorklogEntry,
} from '../../../common/worklog/worklog.schema';
import { useAllowed } from '../access/access.hooks';
import { errorMessage } from '../api/client';
import { PageHeader } from '../common/page-header.component';
import { useDeleteEntry, useWorklogList } from './worklog.api';
import { WorklogFormModal } from './worklog.form';
import { Attachments, CategoryTag } from './worklog-parts.component';

const PAGE_SIZE = 10;

/**
 * 工作纪实: the cadre's own entries, newest first, as cards that fit a phone (375 px), with 记一条,
 * 修改 and 删除 (confirmed); the posting's other owners see the entries they reach, read-only.
 */
export function WorklogPage() {
  const allowed = useAllowed();
  const { message } = App.useApp();
  const [page, setPage] = useState(1);
  const [category, setCategory] = useState<WorklogCategory | undefined>();
  const list = useWorklogList({ page, pageSize: PAGE_SIZE, order: 'asc', category });
  const [editing, setEditing] = useState<WorklogEntry | 'new' | null>(null);
  const remove = useDeleteEntry();

  return (
    <>
      <PageHeader
        title={t('worklog.title')}
        extra={
          allowed('worklog.write') ? (
            <Button type="primary" onClick={() => setEditing('new')}>
              {t('worklog.new')}
            </Button>
          ) : null
        }
      />
      <Select
        allowClear
        placeholder={t('worklog.allCategories')}
        aria-label={t('field.category')}
        style={{ width: 160, marginBottom: 12 }}
        value={category}
        onChange={(v) => {
          setPage(1);
          setCategory(v);
        }}
        options={WORKLOG_CATEGORIES.map((k) => ({ value: k, label: t(`worklogCategory.${k}`) }))}
      />
      {list.isError ? <Typography.Text type="danger">{t('worklog.loadFailed')}</Typography.Text> : null}
      <List<WorklogEntry>
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: <Empty description={t('worklog.empty')} /> }}
        pagination={
          (list.data?.total ?? 0) > PAGE_SIZE
            ? {
                current: page,
                pageSize: PAGE_SIZE,
                total: list.data?.total ?? 0,
                onChange: setPage,
                size: 'small',
              }
            : false
        }
        renderItem={(e) => (
          <List.Item style={{ display: 'block', padding: '6px 0' }}>
            <Card size="small" data-testid="worklog-entry">
              <Flex justify="space-between" align="center" wrap gap={4}>
                <Typography.Text strong>{e.title}</Typography.Text>
                <CategoryTag category={e.category} />
              </Flex>
              <Typography.Text type="secondary">
                {e.entryDate}
                {e.place ? ` · ${e.place}` : ''}
                {allowed('worklog.write') ? '' : ` · ${e.cadreName}`}
              </Typography.Text>
              <Typography.Paragraph ellipsis={{ rows: 3, expandable: true }} style={{ margin: '6px 0' }}>
                {e.body}
              </Typography.Paragraph>
              <Attachments entryId={e.id} files={e.attachments} />
              {e.editable ? (
                <Flex gap={8} justify="flex-end">
                  <Button size="small" onClick={() => setEditing(e)}>
                    {t('worklog.edit')}
                  </Button>
                  <Popconfirm
                    title={t('worklog.deleteConfirm')}
                    okText={t('worklog.delete')}
                    okButtonProps={{ danger: true }}
                    cancelText={t('common.cancel')}
                    onConfirm={() =>
                      remove
                        .mutateAsync({ id: e.id, version: e.version })
                        .catch((err) => message.error(errorMessage(err)))
                    }
                  >
                    <Button size="small" danger>
                      {t('worklog.delete')}
                    </Button>
                  </Popconfirm>
                </Flex>
              ) : null}
            </Card>
          </List.Item>
        )}
      />
      <WorklogFormModal
        open={editing !== null}
        entry={editing === 'new' ? null : editing}
        onClose={() => setEditing(null)}
      />
    </>
  );
}
