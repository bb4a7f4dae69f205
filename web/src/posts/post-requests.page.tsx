import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Popconfirm, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { formatTime } from '../../../common/format/date-time';
import { t } from '../../../common/i18n/index';
import type { PostView as Post, PostListParams } from '../../../common/posts/posts.schema';
import { useAllowed } from '../access/access.hooks';
import { errorMessage } from '../api/client';
import { ListTable } from '../common/list-table.component';
import { useListTable, useWide } from '../common/list-table.hooks';
import { PageHeader } from '../common/page-header.component';
import { ExcelButtons } from '../excel/excel-buttons.component';
import { PostFormModal } from './post.form';
import { PostDetailDrawer } from './post-detail.component';
import { PostReviewModal, type PostReviewModalProps } from './post-review.form';
import { DutyList, PostStatusTag } from './post-tags.component';
import { type ReviewDecision, usePostAction, usePostList } from './posts.api';
import { hasPostFilters, usePostListSearch } from './posts.hooks';
import { PostsFilter } from './posts-filter.component';

type PostSort = PostListParams['sort'];
const POST_SORTS: readonly PostSort[] = ['createdAt', 'title', 'status'];
const DECISIONS: readonly ReviewDecision[] = ['approve', 'return', 'reject'];
const editable = (post: Post) => post.status === 'draft' || post.status === 'returned';

/**
 * 岗位需求: the receiving manager writes, submits and deletes the unit's requests; the 组织部
 * reviews the submitted ones (通过 / 退回 / 不通过). Filters, sort and page live in the URL.
 */
export function PostRequestsPage() {
  const [params, update, reset] = usePostListSearch();
  const list = usePostList(params);
  const action = usePostAction();
  const { message } = App.useApp();
  const allowed = useAllowed();
  const canCreate = allowed('posts.create');
  const canUpdate = allowed('posts.update');
  const canReview = allowed('posts.review');
  const wide = useWide();
  /** The form: closed (null), creating ({post: null}) or editing. */
  const [editing, setEditing] = useState<{ post: Post | null } | null>(null);
  const [reviewing, setReviewing] = useState<PostReviewModalProps['review']>(null);
  const [viewing, setViewing] = useState<string | null>(null);

  const data = list.data;
  const table = useListTable({ params, update, data, sorts: POST_SORTS });

  const run = async (kind: 'submit' | 'delete', post: Post) => {
    try {
      await action.mutateAsync({ kind, post });
      message.success(t(kind === 'submit' ? 'posts.submitted' : 'posts.deleted', { title: post.title }));
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  // each row's buttons are those its answer lists (ADR 027), when its status allows the move
  const rowActions = (post: Post) => (
    <Flex gap={0} wrap className="row-actions">
      <Button type="link" size="small" onClick={() => setViewing(post.id)}>
        {t('posts.view')}
      </Button>
      {post.actions.includes('update') && editable(post) ? (
        <Button type="link" size="small" onClick={() => setEditing({ post })}>
          {t('common.edit')}
        </Button>
      ) : null}
      {post.actions.includes('submit') && editable(post) ? (
        <Popconfirm
          title={t('posts.confirmSubmit', { title: post.title })}
          description={t('posts.confirmSubmitHint')}
          okText={t('posts.submit')}
          cancelText={t('common.cancel')}
          onConfirm={() => run('submit', post)}
        >
          <Button type="link" size="small">
            {t('posts.submit')}
          </Button>
        </Popconfirm>
      ) : null}
      {post.actions.includes('delete') && post.status === 'draft' ? (
        <Popconfirm
          title={t('posts.confirmDelete', { title: post.title })}
          description={t('posts.confirmDeleteHint')}
          okText={t('common.delete')}
          okButtonProps={{ danger: true }}
          cancelText={t('common.cancel')}
          onConfirm={() => run('delete', post)}
        >
          <Button type="link" size="small" danger>
            {t('common.delete')}
          </Button>
        </Popconfirm>
      ) : null}
      {post.actions.includes('review') && post.status === 'submitted'
        ? DECISIONS.map((decision) => (
            <Button
              key={decision}
              type="link"
              size="small"
              danger={decision === 'reject'}
              onClick={() => setReviewing({ post, decision })}
            >
              {t(`posts.decision.${decision}`)}
            </Button>
          ))
        : null}
    </Flex>
  );

  // widths fit 1366 px with the menu open; narrower screens scroll the table sideways
  const columns: TableColumnsType<Post> = [
    {
      key: 'title',
      dataIndex: 'title',
      title: t('field.title'),
      sorter: true,
      sortOrder: table.sortOrderOf('title'),
      render: (title: string, post) => (
        <Flex vertical>
          <Typography.Text strong>{title}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(`rankLevel.${post.level}`)}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'unit',
      dataIndex: 'unitName',
      title: t('posts.field.unit'),
      render: (unitName: string, post) => (
        <Flex vertical>
          <span>{unitName}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {post.regionName}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'batch',
      dataIndex: 'batchName',
      title: t('field.batchId'),
      render: (batchName: string, post) => (
        <Flex vertical>
          <span>{batchName}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {post.programmeName}
          </Typography.Text>
        </Flex>
      ),
    },
    { key: 'headcount', dataIndex: 'headcount', title: t('field.headcount'), width: 64, align: 'right' },
    {
      key: 'duties',
      dataIndex: 'duties',
      title: t('field.duties'),
      render: (duties: Post['duties']) => <DutyList duties={duties} />,
    },
    {
      key: 'status',
      dataIndex: 'status',
      title: t('field.status'),
      sorter: true,
      sortOrder: table.sortOrderOf('status'),
      width: 180,
      render: (status: Post['status'], post) => (
        <Flex vertical gap={4} align="start">
          <PostStatusTag status={status} />
          {(status === 'returned' || status === 'rejected') && post.reviewComment ? (
            <Typography.Text type={status === 'rejected' ? 'danger' : 'warning'} style={{ fontSize: 12 }}>
              {t('posts.commentShort', { comment: post.reviewComment })}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
    {
      key: 'createdAt',
      dataIndex: 'createdAt',
      title: t('posts.col.createdAt'),
      sorter: true,
      sortOrder: table.sortOrderOf('createdAt'),
      width: 146,
      render: formatTime,
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: canReview ? 200 : 168,
      fixed: wide ? 'right' : undefined,
      render: (_: unknown, post: Post) => rowActions(post),
    },
  ];

  const filtered = hasPostFilters(params);

  return (
    <>
      <PageHeader
        title={t('menu.demands')}
        extra={
          <Flex gap={8} wrap>
            {canCreate ? (
              <Button
                type="primary"
                icon={<PlusOutlined aria-hidden />}
                onClick={() => setEditing({ post: null })}
              >
                {t('posts.create')}
              </Button>
            ) : null}
            <ExcelButtons kind="posts" />
          </Flex>
        }
      />
      <Card className="list-card">
        <PostsFilter
          params={params}
          onChange={update}
          onReset={reset}
          withUnit={canReview}
          unitName={data?.items.find((post) => post.unitId === params.unitId)?.unitName}
        />
        <ListTable<Post>
          list={list}
          loadFailed={t('posts.loadFailed')}
          empty={
            filtered ? t('posts.emptyFiltered') : canCreate ? t('posts.emptyAll') : t('posts.emptyReadOnly')
          }
          columns={columns}
          onChange={table.onChange}
          pagination={table.pagination}
          scroll={{ x: 1100 }}
        />
      </Card>
      {canCreate || canUpdate ? (
        <PostFormModal
          open={editing !== null}
          post={editing?.post ?? null}
          onClose={() => setEditing(null)}
        />
      ) : null}
      {canReview ? <PostReviewModal review={reviewing} onClose={() => setReviewing(null)} /> : null}
      <PostDetailDrawer id={viewing} onClose={() => setViewing(null)} />
    </>
  );
}
