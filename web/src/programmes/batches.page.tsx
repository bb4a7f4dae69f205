import { Card, type TableColumnsType, Typography } from 'antd';
import { Link } from 'react-router';
import { formatTime } from '../../../common/format/date-time';
import { t } from '../../../common/i18n/index';
import type { BatchView as Batch, BatchListParams } from '../../../common/programmes/programmes.schema';
import { ListTable } from '../common/list-table.component';
import { useListTable } from '../common/list-table.hooks';
import { PageHeader } from '../common/page-header.component';
import { batchInfoColumns } from './batches.component';
import { BatchesFilter } from './batches-filter.component';
import { useBatchList } from './programmes.api';
import { hasBatchFilters, useBatchListSearch } from './programmes.hooks';
import { programmeUrl } from './programmes.utils';

type BatchSort = BatchListParams['sort'];
const SORTS: readonly BatchSort[] = ['name', 'plannedStart', 'createdAt'];

/**
 * 批次一览: every batch of the programmes in the caller's scope — search by batch or programme
 * name, filter by status, sort, page. A batch is changed on its programme's page (linked).
 */
export function BatchesPage() {
  const [params, update, reset] = useBatchListSearch();
  const list = useBatchList(params);
  const table = useListTable({ params, update, data: list.data, sorts: SORTS });

  const columns: TableColumnsType<Batch> = [
    {
      key: 'name',
      dataIndex: 'name',
      title: t('batches.col.name'),
      sorter: true,
      sortOrder: table.sortOrderOf('name'),
      width: 140,
      render: (name: string) => <Typography.Text strong>{name}</Typography.Text>,
    },
    {
      key: 'programme',
      title: t('batches.col.programme'),
      render: (_: unknown, batch: Batch) => (
        <Link to={programmeUrl(batch.programmeId)}>{batch.programmeName}</Link>
      ),
    },
    ...batchInfoColumns<Batch>(table.sortOrderOf),
    {
      key: 'createdAt',
      dataIndex: 'createdAt',
      title: t('batches.col.createdAt'),
      sorter: true,
      sortOrder: table.sortOrderOf('createdAt'),
      width: 146,
      render: formatTime,
    },
  ];

  return (
    <>
      <PageHeader title={t('batches.listTitle')} />
      <Card className="list-card">
        <BatchesFilter params={params} onChange={update} onReset={reset} />
        <ListTable<Batch>
          list={list}
          loadFailed={t('batches.loadFailed')}
          empty={hasBatchFilters(params) ? t('batches.emptyFiltered') : t('batches.emptyList')}
          columns={columns}
          onChange={table.onChange}
          pagination={table.pagination}
          scroll={{ x: 900 }}
        />
      </Card>
    </>
  );
}
