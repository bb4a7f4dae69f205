import { Alert, Descriptions, Drawer, Flex, Grid, Typography } from 'antd';
import type { ReactNode } from 'react';
import { formatTime } from '../../../common/format/date-time';
import { t } from '../../../common/i18n/index';
import type { Post } from '../../../common/posts/posts.schema';
import { pendingState } from '../common/query-state.component';
import { areasOf, PostStatusTag, TagList } from './post-tags.component';
import { usePost } from './posts.api';

const orNone = (value: ReactNode): ReactNode =>
  value === null || value === '' ? (
    <Typography.Text type="secondary">{t('posts.none')}</Typography.Text>
  ) : (
    value
  );

export interface PostDetailDrawerProps {
  /** The request shown; null when closed. */
  id: string | null;
  onClose: () => void;
}

/** 岗位需求详情: every field, the status and the latest review (comment and time). */
export function PostDetailDrawer({ id, onClose }: PostDetailDrawerProps) {
  const screens = Grid.useBreakpoint();
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      title={t('posts.detailTitle')}
      size={screens.md === false ? '100%' : 560}
      destroyOnHidden
      closable={{ 'aria-label': t('common.close') }}
    >
      {id ? <PostDetail id={id} /> : null}
    </Drawer>
  );
}

function PostDetail({ id }: { id: string }) {
  const post = usePost(id);
  const pending = pendingState(post, t('posts.loadOneFailed'));
  if (pending || !post.data) return pending;
  const p: Post = post.data;
  const reviewed = p.status === 'approved' || p.status === 'returned' || p.status === 'rejected';
  return (
    <Flex vertical gap={16}>
      {reviewed && p.reviewComment ? (
        <Alert
          type={p.status === 'approved' ? 'success' : p.status === 'returned' ? 'warning' : 'error'}
          showIcon
          title={t('posts.reviewCommentOf', { status: t(`postStatus.${p.status}`) })}
          description={p.reviewComment}
        />
      ) : null}
      <Descriptions
        bordered
        size="small"
        column={1}
        styles={{ label: { width: 120 } }}
        items={[
          {
            key: 'title',
            label: t('field.title'),
            children: <Typography.Text strong>{p.title}</Typography.Text>,
          },
          { key: 'status', label: t('field.status'), children: <PostStatusTag status={p.status} /> },
          { key: 'unit', label: t('posts.field.unit'), children: p.unitName },
          { key: 'region', label: t('posts.col.region'), children: p.regionName },
          { key: 'programme', label: t('posts.col.programme'), children: p.programmeName },
          { key: 'batch', label: t('field.batchId'), children: p.batchName },
          { key: 'level', label: t('field.level'), children: t(`rankLevel.${p.level}`) },
          { key: 'headcount', label: t('field.headcount'), children: p.headcount },
          {
            key: 'in_charge',
            label: t('posts.field.in_charge'),
            children: <TagList items={areasOf(p.duties, 'in_charge')} />,
          },
          {
            key: 'assist',
            label: t('posts.field.assist'),
            children: <TagList items={areasOf(p.duties, 'assist')} />,
          },
          { key: 'expertise', label: t('posts.field.expertise'), children: <TagList items={p.expertise} /> },
          { key: 'notes', label: t('field.notes'), children: orNone(p.notes) },
          { key: 'comment', label: t('posts.col.reviewComment'), children: orNone(p.reviewComment) },
          {
            key: 'reviewedAt',
            label: t('posts.col.reviewedAt'),
            children: orNone(p.reviewedAt ? formatTime(p.reviewedAt) : null),
          },
          { key: 'createdAt', label: t('posts.col.createdAt'), children: formatTime(p.createdAt) },
          { key: 'updatedAt', label: t('posts.col.updatedAt'), children: formatTime(p.updatedAt) },
        ]}
      />
    </Flex>
  );
}
