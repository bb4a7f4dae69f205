import { PlusOutlined } from '@ant-design/icons';
import {
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
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { t } from '../../../common/i18n/index';
import type { Programme, ProgrammeListParams } from '../../../common/programmes/programmes.schema';
import { useAllowed } from '../access/access.hooks';
import { ErrorState } from '../common/error-state.component';
import { PageHeader } from '../common/page-header.component';
import { useConfirmDelete } from './confirm-delete.hooks';
import { ProgrammeFormModal } from './programme.form';
import { useDeleteRecord, useProgrammeList } from './programmes.api';
import { hasProgrammeFilters, useProgrammeListSearch } from './programmes.hooks';
import { formatTime, programmeUrl } from './programmes.utils';
import { ProgrammesFilter } from './programmes-filter.component';

const PAGE_SIZES = [10, 20, 50, 100];
type ProgrammeSort = ProgrammeListParams['sort'];
const SORTS: readonly ProgrammeSort[] = ['name', 'createdAt', 'updatedAt'];
const isProgrammeSort = (value: unknown): value is ProgrammeSort => SORTS.includes(value as ProgrammeSort);

/** 挂职项目: search by name / pinyin, filter by kind and region, sort, page; create, edit, delete. */
export function ProgrammesPage() {
  const [params, update, reset] = useProgrammeListSearch();
  const list = useProgrammeList(params);
  const remove = useDeleteRecord('/api/programmes');
  const confirmDelete = useConfirmDelete();
  // buttons only for what the policy table allows these roles (the server checks the scope)
  const allowed = useAllowed();
  const canCreate = allowed('programmes.create');
  const canUpdate = allowed('programmes.update');
  const canDelete = allowed('programmes.delete');
  const screens = Grid.useBreakpoint();
  const wide = screens.md !== false;
  /** The form: closed (null), creating ({programme: null}) or editing. */
  const [editing, setEditing] = useState<{ programme: Programme | null } | null>(null);

  // past the last page (e.g. after deleting its only row): go to the last page there is
  const data = list.data;
  useEffect(() => {
    if (data && data.items.length === 0 && data.total > 0 && params.page > 1) {
      update({ page: Math.max(1, Math.ceil(data.total / params.pageSize)) });
    }
  }, [data, params.page, params.pageSize, update]);

  const sortOrderOf = (key: ProgrammeSort): TableColumnType<Programme>['sortOrder'] =>
    params.sort === key ? (params.order === 'asc' ? 'ascend' : 'descend') : null;

  const askDelete = (programme: Programme) =>
    confirmDelete({
      title: t('programmes.confirmDelete', { name: programme.name }),
      hint: t('programmes.confirmDeleteHint'),
      remove: () => remove.mutateAsync(programme),
      done: t('programmes.deleted', { name: programme.name }),
    });

  const allColumns: TableColumnsType<Programme> = [
    {
      key: 'name',
      dataIndex: 'name',
      title: t('programmes.col.name'),
      sorter: true,
      sortOrder: sortOrderOf('name'),
      render: (name: string, programme) => (
        <Link to={programmeUrl(programme.id)}>
          <Typography.Text strong>{name}</Typography.Text>
        </Link>
      ),
    },
    {
      key: 'kind',
      dataIndex: 'kind',
      title: t('programmes.col.kind'),
      width: 108,
      render: (kind: Programme['kind']) => t(`programmeKind.${kind}`),
    },
    { key: 'regionName', dataIndex: 'regionName', title: t('programmes.col.region') },
    { key: 'batchCount', dataIndex: 'batchCount', title: t('programmes.col.batchCount'), width: 84 },
    {
      key: 'createdAt',
      dataIndex: 'createdAt',
      title: t('programmes.col.createdAt'),
      sorter: true,
      sortOrder: sortOrderOf('createdAt'),
      width: 146,
      render: formatTime,
    },
    {
      key: 'updatedAt',
      dataIndex: 'updatedAt',
      title: t('programmes.col.updatedAt'),
      sorter: true,
      sortOrder: sortOrderOf('updatedAt'),
      width: 146,
      render: formatTime,
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 104,
      fixed: wide ? 'right' : undefined,
      render: (_: unknown, programme: Programme) => (
        <Flex gap={0} wrap={false}>
          {canUpdate ? (
            <Button type="link" size="small" onClick={() => setEditing({ programme })}>
              {t('common.edit')}
            </Button>
          ) : null}
          {canDelete ? (
            <Button type="link" size="small" danger onClick={() => askDelete(programme)}>
              {t('common.delete')}
            </Button>
          ) : null}
        </Flex>
      ),
    },
  ];

  // no 操作 column for those who may only read
  const columns = canUpdate || canDelete ? allColumns : allColumns.filter((c) => c.key !== 'actions');

  const onTableChange: TableProps<Programme>['onChange'] = (pagination, _filters, sorter, extra) => {
    if (extra.action === 'sort') {
      const one = Array.isArray(sorter) ? sorter[0] : sorter;
      const key = one?.columnKey;
      if (one?.order && isProgrammeSort(key))
        update({ sort: key, order: one.order === 'ascend' ? 'asc' : 'desc' });
      else update({ sort: undefined, order: undefined });
      return;
    }
    if (extra.action === 'paginate') {
      const pageSize = pagination.pageSize ?? params.pageSize;
      update({ page: pageSize === params.pageSize ? (pagination.current ?? 1) : 1, pageSize });
    }
  };

  const filtered = hasProgrammeFilters(params);

  return (
    <>
      <PageHeader
        title={t('programmes.title')}
        extra={
          canCreate ? (
            <Button
              type="primary"
              icon={<PlusOutlined aria-hidden />}
              onClick={() => setEditing({ programme: null })}
            >
              {t('programmes.create')}
            </Button>
          ) : undefined
        }
      />
      <Card className="list-card">
        <ProgrammesFilter params={params} onChange={update} onReset={reset} />
        {list.isError && !data ? (
          <ErrorState
            title={t('programmes.loadFailed')}
            error={list.error}
            onRetry={() => void list.refetch()}
            retrying={list.isFetching}
          />
        ) : (
          <Table<Programme>
            rowKey="id"
            columns={columns}
            dataSource={data?.items ?? []}
            loading={list.isFetching}
            onChange={onTableChange}
            scroll={{ x: 900 }}
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
                    filtered
                      ? t('programmes.emptyFiltered')
                      : canCreate
                        ? t('programmes.emptyAll')
                        : t('programmes.emptyReadOnly')
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
      {canCreate || canUpdate ? (
        <ProgrammeFormModal
          open={editing !== null}
          programme={editing?.programme ?? null}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </>
  );
}
