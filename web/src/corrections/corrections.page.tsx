import {
  App,
  Button,
  Card,
  Empty,
  Flex,
  Grid,
  Table,
  type TableColumnsType,
  type TableColumnType,
  type TableProps,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import {
  CORRECTION_SORTS,
  type Correction,
  type CorrectionStatus,
} from '../../../common/corrections/corrections.schema';
import { t } from '../../../common/i18n/index';
import { useAllowed } from '../access/access.hooks';
import { errorMessage } from '../api/client';
import { ErrorState } from '../common/error-state.component';
import { PageHeader } from '../common/page-header.component';
import { CorrectionDiffList } from './correction-diff.component';
import { CorrectionStatusTag } from './correction-status.component';
import { useCorrectionList, useReviewCorrection } from './corrections.api';
import { useCorrectionListSearch } from './corrections.hooks';
import { CorrectionsFilter } from './corrections-filter.component';
import { RejectModal } from './review-reject.form';

const PAGE_SIZES = [10, 20, 50, 100];
type Sort = (typeof CORRECTION_SORTS)[number];
const isSort = (value: unknown): value is Sort => CORRECTION_SORTS.includes(value as Sort);
const when = (iso: string | null) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '');

/** 信息更正审核: the requests of the unit's cadres, field by field; 同意 applies them, 驳回 needs a comment. */
export function CorrectionsPage() {
  const [params, update, reset] = useCorrectionListSearch();
  const list = useCorrectionList(params);
  const review = useReviewCorrection();
  const { modal, message } = App.useApp();
  const canReview = useAllowed()('corrections.review');
  const wide = Grid.useBreakpoint().md !== false;
  const [rejecting, setRejecting] = useState<Correction | null>(null);

  const data = list.data;
  useEffect(() => {
    if (data && data.items.length === 0 && data.total > 0 && params.page > 1) {
      update({ page: Math.max(1, Math.ceil(data.total / params.pageSize)) });
    }
  }, [data, params.page, params.pageSize, update]);

  const approve = (c: Correction) =>
    modal.confirm({
      title: t('corrections.approve'),
      content: t('corrections.approveConfirm', { name: c.cadreName }),
      okText: t('corrections.approve'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await review.mutateAsync({ id: c.id, decision: 'approve', version: c.version });
          message.success(t('corrections.approved'));
        } catch (error) {
          message.error(errorMessage(error));
        }
      },
    });

  const reject = async (comment: string) => {
    if (!rejecting) return;
    try {
      await review.mutateAsync({ id: rejecting.id, decision: 'reject', comment, version: rejecting.version });
      message.success(t('corrections.rejected'));
      setRejecting(null);
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  const sortOrderOf = (key: Sort): TableColumnType<Correction>['sortOrder'] =>
    params.sort === key ? (params.order === 'asc' ? 'ascend' : 'descend') : null;

  const columns: TableColumnsType<Correction> = [
    {
      key: 'cadreName',
      dataIndex: 'cadreName',
      title: t('corrections.col.cadre'),
      width: 96,
      sorter: true,
      sortOrder: sortOrderOf('cadreName'),
      render: (name: string) => <Typography.Text strong>{name}</Typography.Text>,
    },
    { key: 'unitName', dataIndex: 'unitName', title: t('corrections.col.unit'), width: 160 },
    {
      key: 'diff',
      title: t('corrections.col.changes'),
      render: (_: unknown, c: Correction) => (
        <>
          <CorrectionDiffList diff={c.diff} />
          {c.note ? (
            <Typography.Text type="secondary">
              {t('corrections.col.note')}：{c.note}
            </Typography.Text>
          ) : null}
        </>
      ),
    },
    {
      key: 'status',
      dataIndex: 'status',
      title: t('corrections.col.status'),
      width: 90,
      sorter: true,
      sortOrder: sortOrderOf('status'),
      render: (status: CorrectionStatus) => <CorrectionStatusTag status={status} />,
    },
    {
      key: 'createdAt',
      dataIndex: 'createdAt',
      title: t('corrections.col.createdAt'),
      width: 140,
      sorter: true,
      sortOrder: sortOrderOf('createdAt'),
      render: when,
    },
    {
      key: 'reviewComment',
      dataIndex: 'reviewComment',
      title: t('corrections.col.comment'),
      width: 160,
      render: (comment: string | null) => comment ?? '',
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 130,
      fixed: wide ? 'right' : undefined,
      render: (_: unknown, c: Correction) =>
        c.status === 'pending' && canReview ? (
          <Flex gap={4}>
            <Button type="link" size="small" onClick={() => approve(c)}>
              {t('corrections.approve')}
            </Button>
            <Button type="link" size="small" danger onClick={() => setRejecting(c)}>
              {t('corrections.reject')}
            </Button>
          </Flex>
        ) : null,
    },
  ];

  const onTableChange: TableProps<Correction>['onChange'] = (pagination, _filters, sorter, extra) => {
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
      <PageHeader title={t('corrections.title')} />
      <Card className="list-card">
        <CorrectionsFilter params={params} onChange={update} onReset={reset} />
        {list.isError && !data ? (
          <ErrorState
            title={t('common.loadFailed')}
            error={list.error}
            onRetry={() => void list.refetch()}
            retrying={list.isFetching}
          />
        ) : (
          <Table<Correction>
            rowKey="id"
            columns={columns}
            dataSource={data?.items ?? []}
            loading={list.isFetching}
            onChange={onTableChange}
            scroll={{ x: 1000 }}
            size={wide ? 'middle' : 'small'}
            sortDirections={['ascend', 'descend']}
            showSorterTooltip={false}
            locale={{
              emptyText: list.isPending ? (
                <div style={{ height: 120 }} />
              ) : (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('corrections.empty')} />
              ),
            }}
            pagination={{
              current: params.page,
              pageSize: params.pageSize,
              total: data?.total ?? 0,
              showSizeChanger: true,
              pageSizeOptions: PAGE_SIZES,
              showTotal: (total) => t('common.total', { total }),
              size: wide ? 'medium' : 'small',
            }}
          />
        )}
      </Card>
      <RejectModal
        correction={rejecting}
        pending={review.isPending}
        onReject={reject}
        onClose={() => setRejecting(null)}
      />
    </>
  );
}
