import { PlusOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  Descriptions,
  Flex,
  Table,
  type TableColumnsType,
  type TablePaginationConfig,
  Tag,
  Typography,
} from 'antd';
import type { SortOrder } from 'antd/es/table/interface';
import { useState } from 'react';
import { formatTime } from '../../../common/format/date-time';
import { t } from '../../../common/i18n/index';
import type {
  Batch,
  BatchRecordAction,
  BatchView,
  ProgrammeView,
} from '../../../common/programmes/programmes.schema';
import { useAllowed } from '../access/access.hooks';
import { useConfirmAction } from '../common/confirm-action.hooks';
import { ListTable } from '../common/list-table.component';
import { nextPage, showTotalOf, useWide } from '../common/list-table.hooks';
import { BatchFormModal } from './batch.form';
import { BatchAdvanceModal } from './batch-advance.form';
import { useBatchList, useDeleteRecord } from './programmes.api';
import { AGE_BANDS, nextStatus, quotaTotal, STATUS_COLORS } from './programmes.utils';

const PAGE_SIZES = [10, 20, 50, 100];

/**
 * The columns every batch table shows: planned dates, term, status and quota total. `sortOrderOf`
 * makes the planned dates sortable (the 批次 list across programmes sorts; a programme's own
 * batches come in planned order).
 */
export function batchInfoColumns<B extends Batch = Batch>(
  sortOrderOf?: (key: 'plannedStart') => SortOrder | undefined,
): TableColumnsType<B> {
  return [
    {
      key: 'plannedStart',
      ...(sortOrderOf ? { sorter: true, sortOrder: sortOrderOf('plannedStart') } : {}),
      title: t('batches.col.planned'),
      width: 210,
      render: (_: unknown, b: B) => t('batches.range', { start: b.plannedStart, end: b.plannedEnd }),
    },
    { key: 'termMonths', dataIndex: 'termMonths', title: t('batches.col.termMonths'), width: 110 },
    {
      key: 'status',
      dataIndex: 'status',
      title: t('batches.col.status'),
      width: 88,
      render: (status: B['status']) => <Tag color={STATUS_COLORS[status]}>{t(`batchStatus.${status}`)}</Tag>,
    },
    {
      key: 'quota',
      title: t('batches.col.quota'),
      width: 96,
      render: (_: unknown, b: B) => quotaTotal(b),
    },
  ];
}

/** 批次 of one programme: the table, its dialogs, and each batch's quotas, rules and history when expanded. */
export function BatchesCard({ programme }: { programme: ProgrammeView }) {
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const list = useBatchList({ programmeId: programme.id, sort: 'plannedStart', order: 'asc', ...paging });
  const remove = useDeleteRecord('/api/batches');
  const confirm = useConfirmAction();
  const allowed = useAllowed();
  // 新建批次 as the programme's answer lists it; each batch's buttons as its own lists (ADR 027);
  // the 操作 column and the dialogs for roles that change batches
  const canCreate = programme.actions.includes('createBatch');
  const canUpdate = allowed('batches.update');
  const canAdvance = allowed('batches.advance');
  const canDelete = allowed('batches.delete');
  const may = (batch: BatchView, action: BatchRecordAction) => batch.actions.includes(action);
  const wide = useWide();
  /** The batch form: closed (null), creating ({batch: null}) or editing. */
  const [editing, setEditing] = useState<{ batch: Batch | null } | null>(null);
  const [advancing, setAdvancing] = useState<Batch | null>(null);

  const askDelete = (batch: Batch) =>
    confirm({
      title: t('batches.confirmDelete', { name: batch.name }),
      hint: t('batches.confirmDeleteHint'),
      run: () => remove.mutateAsync(batch),
      done: t('batches.deleted', { name: batch.name }),
    });

  const allColumns: TableColumnsType<BatchView> = [
    {
      key: 'name',
      dataIndex: 'name',
      title: t('batches.col.name'),
      width: 140,
      render: (name: string) => <Typography.Text strong>{name}</Typography.Text>,
    },
    ...batchInfoColumns<BatchView>(),
    {
      key: 'actions',
      title: t('common.actions'),
      width: 200,
      fixed: wide ? 'right' : undefined,
      render: (_: unknown, batch: BatchView) => (
        <Flex gap={0} wrap={false}>
          {/* a finished batch can no longer change; only one still preparing can be deleted */}
          {may(batch, 'advance') && nextStatus(batch.status) ? (
            <Button type="link" size="small" onClick={() => setAdvancing(batch)}>
              {t('batches.advance')}
            </Button>
          ) : null}
          {may(batch, 'update') && batch.status !== 'finished' ? (
            <Button type="link" size="small" onClick={() => setEditing({ batch })}>
              {t('common.edit')}
            </Button>
          ) : null}
          {may(batch, 'delete') && batch.status === 'preparing' ? (
            <Button type="link" size="small" danger onClick={() => askDelete(batch)}>
              {t('common.delete')}
            </Button>
          ) : null}
        </Flex>
      ),
    },
  ];
  const columns =
    canUpdate || canAdvance || canDelete ? allColumns : allColumns.filter((c) => c.key !== 'actions');

  const onChange = (pagination: TablePaginationConfig) => {
    setPaging(nextPage(pagination, paging.pageSize));
  };

  return (
    <Card
      title={t('batches.title')}
      extra={
        canCreate ? (
          <Button
            type="primary"
            icon={<PlusOutlined aria-hidden />}
            onClick={() => setEditing({ batch: null })}
          >
            {t('batches.create')}
          </Button>
        ) : null
      }
    >
      <ListTable<BatchView>
        list={list}
        loadFailed={t('batches.loadFailed')}
        empty={canCreate ? t('batches.emptyAll') : t('batches.emptyReadOnly')}
        columns={columns}
        onChange={onChange}
        scroll={{ x: 820 }}
        expandable={{
          expandedRowRender: (batch) => <BatchDetails batch={batch} />,
        }}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: PAGE_SIZES,
          showTotal: showTotalOf(list.data),
          hideOnSinglePage: true,
          size: wide ? 'medium' : 'small',
        }}
      />
      {canCreate || canUpdate ? (
        <BatchFormModal
          open={editing !== null}
          programmeId={programme.id}
          batch={editing?.batch ?? null}
          onClose={() => setEditing(null)}
        />
      ) : null}
      {canAdvance ? <BatchAdvanceModal batch={advancing} onClose={() => setAdvancing(null)} /> : null}
    </Card>
  );
}

type HistoryRow = Batch['history'][number];

const historyColumns: TableColumnsType<HistoryRow> = [
  { key: 'at', dataIndex: 'at', title: t('batches.history.at'), width: 146, render: formatTime },
  {
    key: 'change',
    title: t('batches.history.change'),
    width: 150,
    render: (_: unknown, h: HistoryRow) =>
      t('batches.history.fromTo', { from: t(`batchStatus.${h.from}`), to: t(`batchStatus.${h.to}`) }),
  },
  { key: 'reason', dataIndex: 'reason', title: t('batches.history.reason') },
  {
    key: 'by',
    dataIndex: 'by',
    title: t('batches.history.by'),
    width: 120,
    render: (by: string | null) => by ?? t('batches.history.unknown'),
  },
];

/** A batch expanded: quotas per receiving region, eligibility rules, status history. */
function BatchDetails({ batch }: { batch: Batch }) {
  const { ageCaps, minEducation, reserveFirst } = batch.eligibility;
  return (
    <Flex vertical gap={16} data-testid="batch-details">
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: 'quotas',
            label: t('batches.field.quotas'),
            children: batch.quotas.length ? (
              <Flex wrap gap={4}>
                {batch.quotas.map((q) => (
                  <Tag key={q.regionCode} style={{ marginInlineEnd: 0, whiteSpace: 'normal' }}>
                    {t('batches.quotaItem', { region: q.regionName, quota: q.quota })}
                  </Tag>
                ))}
              </Flex>
            ) : (
              <Typography.Text type="secondary">{t('batches.field.quotasNone')}</Typography.Text>
            ),
          },
          {
            key: 'ageCaps',
            label: t('batches.ageCaps'),
            children: AGE_BANDS.map((band) =>
              t('batches.ageCapItem', { band: t(`rankBand.${band}`), cap: ageCaps[band] }),
            ).join(t('batches.listSeparator')),
          },
          {
            key: 'minEducation',
            label: t('batches.field.minEducation'),
            children: minEducation ? t(`education.${minEducation}`) : t('batches.field.anyEducation'),
          },
          {
            key: 'reserveFirst',
            label: t('batches.field.reserveFirst'),
            children: reserveFirst ? t('common.yes') : t('common.no'),
          },
        ]}
      />
      <div>
        <Typography.Title level={5}>{t('batches.history.title')}</Typography.Title>
        <Table<HistoryRow>
          rowKey={(h) => `${h.at}-${h.to}`}
          columns={historyColumns}
          dataSource={batch.history}
          pagination={false}
          size="small"
          locale={{ emptyText: t('batches.history.empty') }}
        />
      </div>
    </Flex>
  );
}
