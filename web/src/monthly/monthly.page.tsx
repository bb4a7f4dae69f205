import { ReloadOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Flex, Select, type TableColumnsType, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router';
import { formatTime } from '../../../common/format/date-time';
import { t } from '../../../common/i18n/index';
import {
  type MonthlyListParams,
  type MonthlyReport,
  zMonthlyListQuery,
} from '../../../common/monthly/monthly.schema';
import { MONTHLY_STATUSES, type MonthlyStatus } from '../../../common/monthly/monthly-moves';
import { useAllowed } from '../access/access.hooks';
import { BatchSelect } from '../common/batch-select.component';
import { useListSearch } from '../common/list-search.hooks';
import { ListTable } from '../common/list-table.component';
import { useListTable } from '../common/list-table.hooks';
import { PageHeader } from '../common/page-header.component';
import { useMonthlyList } from './monthly.api';
import { MonthlyCreateModal } from './monthly.form';
import { MonthlyDetailDrawer, MonthlyStatusTag } from './monthly-detail.component';

const URL_KEYS = ['page', 'pageSize', 'order', 'month', 'status', 'batchId'] as const;
/**
 * 情况报送: the monthly reports the caller reaches (the cadre its own and 生成月度草稿, the
 * receiving unit those to sign off, the sending unit and the 组织部 theirs to read), filtered by
 * month, status and batch, newest month first. The open report is in the path (`/monthly/:id`),
 * so a notification links to it.
 */
export function MonthlyPage() {
  const allowed = useAllowed();
  const [params, update, reset] = useListSearch<MonthlyListParams>(zMonthlyListQuery, URL_KEYS);
  const list = useMonthlyList(params);
  // the server lists `order=asc` newest month first (its default): the arrows show the months' order
  const table = useListTable({
    params,
    update: (change: Partial<MonthlyListParams>) =>
      update(change.order ? { ...change, order: change.order === 'asc' ? 'desc' : 'asc' } : change),
    data: list.data,
  });
  const viewing = useParams().id ?? null;
  const navigate = useNavigate();
  const { search } = useLocation();
  const open = (id: string | null) => navigate(`/monthly${id ? `/${encodeURIComponent(id)}` : ''}${search}`);
  const [creating, setCreating] = useState(false);
  const filtered = Boolean(params.month || params.status || params.batchId);

  const columns: TableColumnsType<MonthlyReport> = [
    {
      key: 'month',
      dataIndex: 'month',
      title: t('monthly.col.month'),
      sorter: true,
      sortOrder: params.order === 'asc' ? 'descend' : 'ascend',
      width: 110,
    },
    {
      key: 'cadre',
      dataIndex: 'cadreName',
      title: t('monthly.col.cadre'),
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
      title: t('monthly.col.post'),
      render: (_: unknown, r) => `${r.receivingUnitName} · ${r.postingTitle}`,
    },
    {
      key: 'status',
      dataIndex: 'status',
      title: t('monthly.col.status'),
      width: 96,
      render: (s: MonthlyStatus) => <MonthlyStatusTag status={s} />,
    },
    {
      key: 'updatedAt',
      dataIndex: 'updatedAt',
      title: t('monthly.col.updatedAt'),
      width: 150,
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
          aria-label={`${t('monthly.open')} ${r.cadreName} ${r.month}`}
        >
          {t('monthly.open')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('monthly.title')}
        extra={
          allowed('monthly.write') ? (
            <Button type="primary" onClick={() => setCreating(true)}>
              {t('monthly.new')}
            </Button>
          ) : null
        }
      />
      <Card className="list-card">
        <Flex wrap gap={8} className="filter-bar" role="search">
          <DatePicker
            picker="month"
            value={params.month ? dayjs(`${params.month}-01`) : null}
            onChange={(d) => update({ month: d ? d.format('YYYY-MM') : undefined })}
            placeholder={t('monthly.filter.month')}
            aria-label={t('monthly.filter.month')}
          />
          <Select<MonthlyStatus>
            className="filter-bar__select"
            allowClear
            value={params.status}
            onChange={(status) => update({ status: status ?? undefined })}
            options={MONTHLY_STATUSES.map((s) => ({ value: s, label: t(`monthlyStatus.${s}`) }))}
            placeholder={t('monthly.filter.status')}
            aria-label={t('monthly.filter.status')}
          />
          {allowed('batches.read') ? (
            <BatchSelect
              className="filter-bar__region"
              allowClear
              value={params.batchId}
              onChange={(batchId) => update({ batchId })}
              placeholder={t('monthly.filter.batch')}
              aria-label={t('monthly.filter.batch')}
            />
          ) : null}
          <Button icon={<ReloadOutlined aria-hidden />} onClick={reset}>
            {t('monthly.reset')}
          </Button>
        </Flex>
        <ListTable<MonthlyReport>
          list={list}
          loadFailed={t('monthly.loadFailed')}
          empty={filtered ? t('monthly.emptyFiltered') : t('monthly.empty')}
          columns={columns}
          onChange={table.onChange}
          pagination={table.pagination}
          scroll={{ x: 800 }}
        />
      </Card>
      <MonthlyCreateModal open={creating} onClose={() => setCreating(false)} onCreated={(id) => open(id)} />
      <MonthlyDetailDrawer id={viewing} onClose={() => open(null)} />
    </>
  );
}
