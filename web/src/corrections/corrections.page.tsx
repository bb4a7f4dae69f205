import { App, Button, Card, Flex, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import {
  CORRECTION_SORTS,
  type Correction,
  type CorrectionStatus,
} from '../../../common/corrections/corrections.schema';
import { formatTime } from '../../../common/format/date-time';
import { t } from '../../../common/i18n/index';
import { useAllowed } from '../access/access.hooks';
import { errorMessage } from '../api/client';
import { ListTable } from '../common/list-table.component';
import { useListTable, useWide } from '../common/list-table.hooks';
import { PageHeader } from '../common/page-header.component';
import { CorrectionDiffList } from './correction-diff.component';
import { CorrectionStatusTag } from './correction-status.component';
import { useCorrectionList, useReviewCorrection } from './corrections.api';
import { useCorrectionListSearch } from './corrections.hooks';
import { CorrectionsFilter } from './corrections-filter.component';
import { RejectModal } from './review-reject.form';

/** 信息更正审核: the requests of the unit's cadres, field by field; 同意 applies them, 驳回 needs a comment. */
export function CorrectionsPage() {
  const [params, update, reset] = useCorrectionListSearch();
  const list = useCorrectionList(params);
  const review = useReviewCorrection();
  const { modal, message } = App.useApp();
  const canReview = useAllowed()('corrections.review');
  const wide = useWide();
  const [rejecting, setRejecting] = useState<Correction | null>(null);

  const data = list.data;
  const table = useListTable({ params, update, data, sorts: CORRECTION_SORTS });

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

  const columns: TableColumnsType<Correction> = [
    {
      key: 'cadreName',
      dataIndex: 'cadreName',
      title: t('corrections.col.cadre'),
      width: 96,
      sorter: true,
      sortOrder: table.sortOrderOf('cadreName'),
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
      sortOrder: table.sortOrderOf('status'),
      render: (status: CorrectionStatus) => <CorrectionStatusTag status={status} />,
    },
    {
      key: 'createdAt',
      dataIndex: 'createdAt',
      title: t('corrections.col.createdAt'),
      width: 140,
      sorter: true,
      sortOrder: table.sortOrderOf('createdAt'),
      render: formatTime,
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

  return (
    <>
      <PageHeader title={t('corrections.title')} />
      <Card className="list-card">
        <CorrectionsFilter params={params} onChange={update} onReset={reset} />
        <ListTable<Correction>
          list={list}
          loadFailed={t('common.loadFailed')}
          empty={t('corrections.empty')}
          columns={columns}
          onChange={table.onChange}
          pagination={table.pagination}
          scroll={{ x: 1000 }}
        />
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
