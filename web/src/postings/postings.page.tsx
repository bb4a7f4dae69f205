import { Button, Card, Flex, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router';
import { formatTime } from '../../../common/format/date-time';
import { t } from '../../../common/i18n/index';
import type { PostingMove } from '../../../common/postings/posting-moves';
import type { Posting, PostingDetail, PostingListParams } from '../../../common/postings/postings.schema';
import { useAllowed } from '../access/access.hooks';
import { ListTable } from '../common/list-table.component';
import { useListTable, useWide } from '../common/list-table.hooks';
import { PageHeader } from '../common/page-header.component';
import { DutyList } from '../posts/post-tags.component';
import { PostingDetailDrawer } from './posting-detail.component';
import { PostingMoveModal } from './posting-move.form';
import { PostingStatusTag } from './posting-tags.component';
import { usePostingList } from './postings.api';
import { hasPostingFilters, usePostingListSearch } from './postings.hooks';
import { PostingsFilter } from './postings-filter.component';

type PostingSort = PostingListParams['sort'];
const SORTS: readonly PostingSort[] = ['createdAt', 'endDate', 'status', 'cadreName'];

const secondary = (text: string) => (
  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
    {text}
  </Typography.Text>
);

/**
 * 挂职: every posting the caller reaches (the cadre their own, each unit its cadres sent or
 * received, the 组织部 its regions' and programmes'), with the detail drawer, its timeline and
 * the moves the caller may make. Filters, sort and page live in the URL, the open posting in the
 * path (`/postings/:id`).
 */
export function PostingsPage() {
  const [params, update, reset] = usePostingListSearch();
  const list = usePostingList(params);
  const allowed = useAllowed();
  const wide = useWide();
  // the open posting is in the path (/postings/:id), so a home page or a notification links to it
  const viewing = useParams().id ?? null;
  const navigate = useNavigate();
  const { search } = useLocation();
  const setViewing = (id: string | null) =>
    navigate(`/postings${id ? `/${encodeURIComponent(id)}` : ''}${search}`);
  const [moving, setMoving] = useState<{ posting: PostingDetail; move: PostingMove } | null>(null);
  const data = list.data;
  const table = useListTable({ params, update, data, sorts: SORTS });

  const columns: TableColumnsType<Posting> = [
    {
      key: 'cadreName',
      dataIndex: 'cadreName',
      title: t('postings.col.cadre'),
      sorter: true,
      sortOrder: table.sortOrderOf('cadreName'),
      render: (name: string, p) => (
        <Flex vertical>
          <Typography.Text strong>{name}</Typography.Text>
          {secondary(p.sendingUnitName)}
        </Flex>
      ),
    },
    {
      key: 'post',
      dataIndex: 'title',
      title: t('postings.col.post'),
      render: (title: string, p) => (
        <Flex vertical>
          <span>{title}</span>
          {secondary(`${p.receivingUnitName} · ${p.receivingRegionName}`)}
        </Flex>
      ),
    },
    {
      key: 'batch',
      dataIndex: 'batchName',
      title: t('field.batchId'),
      render: (batchName: string, p) => (
        <Flex vertical>
          <span>{batchName}</span>
          {secondary(p.programmeName)}
        </Flex>
      ),
    },
    {
      key: 'duties',
      dataIndex: 'duties',
      title: t('field.duties'),
      render: (duties: Posting['duties']) => <DutyList duties={duties} />,
    },
    {
      key: 'endDate',
      dataIndex: 'endDate',
      title: t('postings.col.term'),
      sorter: true,
      sortOrder: table.sortOrderOf('endDate'),
      width: 200,
      render: (endDate: string, p) =>
        p.startDate
          ? t('postings.termActual', { start: p.startDate, end: endDate })
          : t('postings.termPlanned', { start: p.plannedStart, end: endDate }),
    },
    {
      key: 'status',
      dataIndex: 'status',
      title: t('field.status'),
      sorter: true,
      sortOrder: table.sortOrderOf('status'),
      width: 96,
      render: (status: Posting['status']) => <PostingStatusTag status={status} />,
    },
    {
      key: 'createdAt',
      dataIndex: 'createdAt',
      title: t('postings.col.createdAt'),
      sorter: true,
      sortOrder: table.sortOrderOf('createdAt'),
      width: 146,
      render: formatTime,
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 80,
      fixed: wide ? 'right' : undefined,
      render: (_: unknown, p: Posting) => (
        <Button
          type="link"
          size="small"
          onClick={() => setViewing(p.id)}
          aria-label={`${t('postings.view')} ${p.cadreName}`}
        >
          {t('postings.view')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageHeader title={t('menu.postings')} />
      <Card className="list-card">
        <PostingsFilter
          params={params}
          onChange={update}
          onReset={reset}
          withBatch={allowed('batches.read')}
          withUnit={allowed('postings.extend')}
          unitName={
            data?.items.find((p) => p.sendingUnitId === params.unitId)?.sendingUnitName ??
            data?.items.find((p) => p.receivingUnitId === params.unitId)?.receivingUnitName
          }
        />
        <ListTable<Posting>
          list={list}
          loadFailed={t('postings.loadFailed')}
          empty={hasPostingFilters(params) ? t('postings.emptyFiltered') : t('postings.emptyAll')}
          columns={columns}
          onChange={table.onChange}
          pagination={table.pagination}
          scroll={{ x: 1100 }}
        />
      </Card>
      <PostingDetailDrawer
        id={viewing}
        onClose={() => setViewing(null)}
        onMove={(posting, move) => setMoving({ posting, move })}
      />
      <PostingMoveModal target={moving} onClose={() => setMoving(null)} />
    </>
  );
}
