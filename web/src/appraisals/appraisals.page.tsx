import { ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Select, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router';
import { APPRAISAL_STATUSES, type AppraisalStatus } from '../../../common/appraisals/appraisal-moves';
import {
  type Appraisal,
  type AppraisalListParams,
  zAppraisalListQuery,
} from '../../../common/appraisals/appraisals.schema';
import { formatTime } from '../../../common/format/date-time';
import { t } from '../../../common/i18n/index';
import { useAllowed } from '../access/access.hooks';
import { BatchSelect } from '../common/batch-select.component';
import { useListSearch } from '../common/list-search.hooks';
import { ListTable } from '../common/list-table.component';
import { useListTable } from '../common/list-table.hooks';
import { PageHeader } from '../common/page-header.component';
import { AppraisalDetailDrawer, AppraisalStatusTag } from './appraisal-detail.component';
import { useAppraisalList } from './appraisals.api';
import { AppraisalCreateModal } from './appraisals.form';

const URL_KEYS = ['page', 'pageSize', 'order', 'status', 'batchId'] as const;

/**
 * 期满鉴定: the appraisals the caller reaches — the receiving unit drafts and submits them, the
 * cadre attaches the term summary, the 组织部 countersigns or returns, the sending unit reads —
 * filtered by status and batch. The open appraisal is in the path (`/appraisals/:id`), so a
 * notification links to it.
 */
export function AppraisalsPage() {
  const allowed = useAllowed();
  const [params, update, reset] = useListSearch<AppraisalListParams>(zAppraisalListQuery, URL_KEYS);
  const list = useAppraisalList(params);
  // the server lists `order=asc` latest change first (its default): the arrow shows the times' order
  const table = useListTable({
    params,
    update: (change: Partial<AppraisalListParams>) =>
      update(change.order ? { ...change, order: change.order === 'asc' ? 'desc' : 'asc' } : change),
    data: list.data,
  });
  const viewing = useParams().id ?? null;
  const navigate = useNavigate();
  const { search } = useLocation();
  const open = (id: string | null) =>
    navigate(`/appraisals${id ? `/${encodeURIComponent(id)}` : ''}${search}`);
  const [creating, setCreating] = useState(false);
  const filtered = Boolean(params.status || params.batchId);

  const columns: TableColumnsType<Appraisal> = [
    {
      key: 'cadre',
      dataIndex: 'cadreName',
      title: t('appraisals.col.cadre'),
      render: (name: string, r) => (
        <Flex vertical>
          <Typography.Text strong>{name}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.sendingUnitName}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'post',
      title: t('appraisals.col.post'),
      render: (_: unknown, r) => `${r.receivingUnitName} · ${r.postingTitle}`,
    },
    {
      key: 'term',
      title: t('appraisals.col.term'),
      width: 200,
      responsive: ['lg'],
      render: (_: unknown, r) => t('appraisals.term', { from: r.startDate ?? '', to: r.endDate }),
    },
    {
      key: 'summary',
      dataIndex: 'hasSummary',
      title: t('appraisals.col.summary'),
      width: 90,
      render: (has: boolean) =>
        has ? (
          <Tag color="success">{t('appraisals.summaryIn')}</Tag>
        ) : (
          <Tag>{t('appraisals.summaryOut')}</Tag>
        ),
    },
    {
      key: 'status',
      dataIndex: 'status',
      title: t('appraisals.col.status'),
      width: 96,
      render: (s: AppraisalStatus) => <AppraisalStatusTag status={s} />,
    },
    {
      key: 'updatedAt',
      dataIndex: 'updatedAt',
      title: t('appraisals.col.updatedAt'),
      width: 150,
      sorter: true,
      sortOrder: params.order === 'asc' ? 'descend' : 'ascend',
      responsive: ['md'],
      render: formatTime,
    },
    {
      key: 'open',
      title: t('common.actions'),
      width: 80,
      render: (_: unknown, r) => (
        <Button
          type="link"
          size="small"
          onClick={() => open(r.id)}
          aria-label={`${t('appraisals.open')} ${r.cadreName}`}
        >
          {t('appraisals.open')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('appraisals.title')}
        extra={
          allowed('appraisals.write') ? (
            <Button type="primary" onClick={() => setCreating(true)}>
              {t('appraisals.new')}
            </Button>
          ) : null
        }
      />
      <Card className="list-card">
        <Flex wrap gap={8} className="filter-bar" role="search">
          <Select<AppraisalStatus>
            className="filter-bar__select"
            allowClear
            value={params.status}
            onChange={(status) => update({ status: status ?? undefined })}
            options={APPRAISAL_STATUSES.map((s) => ({ value: s, label: t(`appraisalStatus.${s}`) }))}
            placeholder={t('appraisals.filter.status')}
            aria-label={t('appraisals.filter.status')}
          />
          {allowed('batches.read') ? (
            <BatchSelect
              className="filter-bar__region"
              allowClear
              value={params.batchId}
              onChange={(batchId) => update({ batchId })}
              placeholder={t('appraisals.filter.batch')}
              aria-label={t('appraisals.filter.batch')}
            />
          ) : null}
          <Button icon={<ReloadOutlined aria-hidden />} onClick={reset}>
            {t('appraisals.reset')}
          </Button>
        </Flex>
        <ListTable<Appraisal>
          list={list}
          loadFailed={t('appraisals.loadFailed')}
          empty={filtered ? t('appraisals.emptyFiltered') : t('appraisals.empty')}
          columns={columns}
          onChange={table.onChange}
          pagination={table.pagination}
          scroll={{ x: 800 }}
        />
      </Card>
      <AppraisalCreateModal open={creating} onClose={() => setCreating(false)} onCreated={(id) => open(id)} />
      <AppraisalDetailDrawer id={viewing} onClose={() => open(null)} />
    </>
  );
}
