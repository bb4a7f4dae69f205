import { UserAddOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Empty,
  Flex,
  Grid,
  Popconfirm,
  Table,
  type TableColumnsType,
  type TableColumnType,
  type TableProps,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { t } from '../../../common/i18n/index';
import type {
  Nomination,
  NominationListParams,
  NominationStatus,
} from '../../../common/nominations/nominations.schema';
import { useAllowed } from '../access/access.hooks';
import { errorMessage } from '../api/client';
import { ErrorState } from '../common/error-state.component';
import { PageHeader } from '../common/page-header.component';
import { Eligibility } from './eligibility.component';
import { NominateModal } from './nominate.form';
import { useNominationList, useWithdrawNomination } from './nominations.api';
import { hasNominationFilters, useNominationListSearch } from './nominations.hooks';
import { NominationsFilter } from './nominations-filter.component';
import { ReviewModal, type ReviewTarget } from './review.form';

const PAGE_SIZES = [10, 20, 50, 100];
type NominationSort = NominationListParams['sort'];
const SORTS: readonly NominationSort[] = ['createdAt', 'status'];
const isSort = (value: unknown): value is NominationSort => SORTS.includes(value as NominationSort);

const STATUS_COLORS: Record<NominationStatus, string> = {
  submitted: 'processing',
  accepted: 'success',
  refused: 'error',
  withdrawn: 'default',
};

/**
 * 选派推荐: the sending liaison nominates its unit's cadres (with a justification when one falls
 * outside the batch's rules) and withdraws; the 组织部 accepts or refuses. Filters, sort and
 * page live in the URL.
 */
export function NominationsPage() {
  const [params, update, reset] = useNominationListSearch();
  const list = useNominationList(params);
  const allowed = useAllowed();
  const canNominate = allowed('nominations.create');
  const canWithdraw = allowed('nominations.withdraw');
  const canReview = allowed('nominations.review');
  const { message } = App.useApp();
  const withdraw = useWithdrawNomination();
  const screens = Grid.useBreakpoint();
  const wide = screens.md !== false;
  const [nominating, setNominating] = useState(false);
  const [reviewing, setReviewing] = useState<ReviewTarget | null>(null);

  // past the last page: go to the last page there is
  const data = list.data;
  useEffect(() => {
    if (data && data.items.length === 0 && data.total > 0 && params.page > 1) {
      update({ page: Math.max(1, Math.ceil(data.total / params.pageSize)) });
    }
  }, [data, params.page, params.pageSize, update]);

  const sortOrderOf = (key: NominationSort): TableColumnType<Nomination>['sortOrder'] =>
    params.sort === key ? (params.order === 'asc' ? 'ascend' : 'descend') : null;

  const withdrawOne = async (n: Nomination) => {
    try {
      await withdraw.mutateAsync({ id: n.id, version: n.version });
      message.success(t('nominations.withdrawn', { name: n.cadreName }));
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  const rowActions = (n: Nomination) => {
    if (n.status !== 'submitted') return null;
    return (
      <Flex wrap className="row-actions">
        {canReview ? (
          <>
            <Button
              type="link"
              size="small"
              onClick={() => setReviewing({ nomination: n, decision: 'accept' })}
            >
              {t('nominations.accept')}
            </Button>
            <Button
              type="link"
              size="small"
              danger
              onClick={() => setReviewing({ nomination: n, decision: 'refuse' })}
            >
              {t('nominations.refuse')}
            </Button>
          </>
        ) : null}
        {canWithdraw ? (
          <Popconfirm
            title={t('nominations.confirmWithdraw', { name: n.cadreName })}
            description={t('nominations.confirmWithdrawHint')}
            okText={t('nominations.withdraw')}
            cancelText={t('common.cancel')}
            onConfirm={() => withdrawOne(n)}
          >
            <Button type="link" size="small" danger>
              {t('nominations.withdraw')}
            </Button>
          </Popconfirm>
        ) : null}
      </Flex>
    );
  };

  const allColumns: TableColumnsType<Nomination> = [
    {
      key: 'cadre',
      dataIndex: 'cadreName',
      title: t('nominations.col.cadre'),
      width: 96,
      render: (name: string, n) => (
        <Link to={`/cadres/${encodeURIComponent(n.cadreId)}`}>
          <Typography.Text strong>{name}</Typography.Text>
        </Link>
      ),
    },
    { key: 'unit', dataIndex: 'unitName', title: t('nominations.col.unit'), width: 180 },
    { key: 'batch', dataIndex: 'batchName', title: t('nominations.col.batch'), width: 120 },
    {
      key: 'status',
      dataIndex: 'status',
      title: t('nominations.col.status'),
      sorter: true,
      sortOrder: sortOrderOf('status'),
      width: 96,
      render: (status: NominationStatus) => (
        <Tag color={STATUS_COLORS[status]}>{t(`nominationStatus.${status}`)}</Tag>
      ),
    },
    {
      key: 'eligibility',
      title: t('nominations.col.eligibility'),
      width: 260,
      render: (_: unknown, n) => <Eligibility eligible={n.eligible} reasons={n.reasons} />,
    },
    {
      key: 'justification',
      dataIndex: 'justification',
      title: t('nominations.col.justification'),
      width: 220,
      render: (text: string | null) => text ?? <Typography.Text type="secondary">-</Typography.Text>,
    },
    {
      key: 'review',
      dataIndex: 'reviewComment',
      title: t('nominations.col.review'),
      width: 160,
      render: (text: string | null) => text ?? <Typography.Text type="secondary">-</Typography.Text>,
    },
    {
      key: 'createdAt',
      dataIndex: 'createdAt',
      title: t('nominations.col.createdAt'),
      sorter: true,
      sortOrder: sortOrderOf('createdAt'),
      width: 160,
      render: (at: string) => new Date(at).toLocaleString('zh-CN', { hour12: false }),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: canReview ? 120 : 72,
      fixed: wide ? 'right' : undefined,
      render: (_: unknown, n) => rowActions(n),
    },
  ];
  // no 操作 column for those who may only read
  const columns =
    canReview || canWithdraw ? allColumns : allColumns.filter((column) => column.key !== 'actions');

  const onTableChange: TableProps<Nomination>['onChange'] = (pagination, _filters, sorter, extra) => {
    if (extra.action === 'sort') {
      const one = Array.isArray(sorter) ? sorter[0] : sorter;
      const key = one?.columnKey;
      if (one?.order && isSort(key)) update({ sort: key, order: one.order === 'ascend' ? 'asc' : 'desc' });
      else update({ sort: undefined, order: undefined });
      return;
    }
    if (extra.action === 'paginate') {
      const pageSize = pagination.pageSize ?? params.pageSize;
      update({ page: pageSize === params.pageSize ? (pagination.current ?? 1) : 1, pageSize });
    }
  };

  return (
    <>
      <PageHeader
        title={t('nominations.title')}
        extra={
          canNominate ? (
            <Button type="primary" icon={<UserAddOutlined aria-hidden />} onClick={() => setNominating(true)}>
              {t('nominations.nominate')}
            </Button>
          ) : null
        }
      />
      <Card className="list-card">
        <NominationsFilter params={params} onChange={update} onReset={reset} byUnit={canReview} />
        {list.isError && !data ? (
          <ErrorState
            title={t('nominations.loadFailed')}
            error={list.error}
            onRetry={() => void list.refetch()}
            retrying={list.isFetching}
          />
        ) : (
          <Table<Nomination>
            rowKey="id"
            columns={columns}
            dataSource={data?.items ?? []}
            loading={list.isFetching}
            onChange={onTableChange}
            scroll={{ x: 1300 }}
            size={wide ? 'middle' : 'small'}
            sortDirections={['ascend', 'descend']}
            showSorterTooltip={false}
            locale={{
              emptyText: list.isPending ? (
                <div style={{ height: 120 }} />
              ) : (
                <Empty
                  image={Empty.PRESENTED_IMAGE_SIMPLE}
                  description={
                    hasNominationFilters(params)
                      ? t('nominations.emptyFiltered')
                      : canNominate
                        ? t('nominations.emptyLiaison')
                        : t('nominations.emptyReadOnly')
                  }
                />
              ),
            }}
            pagination={{
              current: params.page,
              pageSize: params.pageSize,
              total: data?.total ?? 0,
              showSizeChanger: true,
              pageSizeOptions: PAGE_SIZES,
              showTotal: (total) => t('common.total', { total }),
              showQuickJumper: wide,
              size: wide ? 'medium' : 'small',
            }}
          />
        )}
      </Card>
      {canNominate ? <NominateModal open={nominating} onClose={() => setNominating(false)} /> : null}
      {canReview ? <ReviewModal target={reviewing} onClose={() => setReviewing(null)} /> : null}
    </>
  );
}
