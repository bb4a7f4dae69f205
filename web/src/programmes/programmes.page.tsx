import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { formatTime } from '../../../common/format/date-time';
import { t } from '../../../common/i18n/index';
import type {
  Programme,
  ProgrammeListParams,
  ProgrammeView,
} from '../../../common/programmes/programmes.schema';
import { useAllowed } from '../access/access.hooks';
import { useConfirmAction } from '../common/confirm-action.hooks';
import { ListTable } from '../common/list-table.component';
import { useListTable, useWide } from '../common/list-table.hooks';
import { PageHeader } from '../common/page-header.component';
import { ProgrammeFormModal } from './programme.form';
import { useDeleteRecord, useProgrammeList } from './programmes.api';
import { hasProgrammeFilters, useProgrammeListSearch } from './programmes.hooks';
import { programmeUrl } from './programmes.utils';
import { ProgrammesFilter } from './programmes-filter.component';

type ProgrammeSort = ProgrammeListParams['sort'];
const SORTS: readonly ProgrammeSort[] = ['name', 'createdAt', 'updatedAt'];

/** 挂职项目: search by name / pinyin, filter by kind and region, sort, page; create, edit, delete. */
export function ProgrammesPage() {
  const [params, update, reset] = useProgrammeListSearch();
  const list = useProgrammeList(params);
  const remove = useDeleteRecord('/api/programmes');
  const confirm = useConfirmAction();
  // buttons only for what the policy table allows these roles (the server checks the scope)
  const allowed = useAllowed();
  const canCreate = allowed('programmes.create');
  const canUpdate = allowed('programmes.update');
  const canDelete = allowed('programmes.delete');
  const wide = useWide();
  /** The form: closed (null), creating ({programme: null}) or editing. */
  const [editing, setEditing] = useState<{ programme: Programme | null } | null>(null);

  const data = list.data;
  const table = useListTable({ params, update, data, sorts: SORTS });

  const askDelete = (programme: Programme) =>
    confirm({
      title: t('programmes.confirmDelete', { name: programme.name }),
      hint: t('programmes.confirmDeleteHint'),
      run: () => remove.mutateAsync(programme),
      done: t('programmes.deleted', { name: programme.name }),
    });

  const allColumns: TableColumnsType<ProgrammeView> = [
    {
      key: 'name',
      dataIndex: 'name',
      title: t('programmes.col.name'),
      sorter: true,
      sortOrder: table.sortOrderOf('name'),
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
      sortOrder: table.sortOrderOf('createdAt'),
      width: 146,
      render: formatTime,
    },
    {
      key: 'updatedAt',
      dataIndex: 'updatedAt',
      title: t('programmes.col.updatedAt'),
      sorter: true,
      sortOrder: table.sortOrderOf('updatedAt'),
      width: 146,
      render: formatTime,
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 104,
      fixed: wide ? 'right' : undefined,
      // each row's buttons are those its answer lists (ADR 027)
      render: (_: unknown, programme: ProgrammeView) => (
        <Flex gap={0} wrap={false}>
          {programme.actions.includes('update') ? (
            <Button type="link" size="small" onClick={() => setEditing({ programme })}>
              {t('common.edit')}
            </Button>
          ) : null}
          {programme.actions.includes('delete') ? (
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
        <ListTable<ProgrammeView>
          list={list}
          loadFailed={t('programmes.loadFailed')}
          empty={
            filtered
              ? t('programmes.emptyFiltered')
              : canCreate
                ? t('programmes.emptyAll')
                : t('programmes.emptyReadOnly')
          }
          columns={columns}
          onChange={table.onChange}
          pagination={table.pagination}
          scroll={{ x: 900 }}
        />
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
