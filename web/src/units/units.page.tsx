import { PlusOutlined } from '@ant-design/icons';
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
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { t } from '../../../common/i18n/index';
import { UNIT_SORTS, type Unit } from '../../../common/units/units.schema';
import { useAllowed } from '../access/access.hooks';
import { errorMessage } from '../api/client';
import { ErrorState } from '../common/error-state.component';
import { PageHeader } from '../common/page-header.component';
import { useDeleteUnit, useSetUnitActive, useUnitList } from './units.api';
import { UnitFormModal } from './units.form';
import { hasUnitFilters, useUnitListSearch } from './units.hooks';
import { UnitsFilter } from './units-filter.component';

const PAGE_SIZES = [10, 20, 50, 100];
type UnitSort = (typeof UNIT_SORTS)[number];

const isUnitSort = (value: unknown): value is UnitSort => UNIT_SORTS.includes(value as UnitSort);
const formatTime = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm');

export function UnitsPage() {
  const [params, update, reset] = useUnitListSearch();
  const list = useUnitList(params);
  const setActive = useSetUnitActive();
  const remove = useDeleteUnit();
  const { message, modal } = App.useApp();
  // buttons only for what the policy table allows these roles (the server checks the scope)
  const allowed = useAllowed();
  const canCreate = allowed('units.create');
  const canUpdate = allowed('units.update');
  const canDelete = allowed('units.delete');
  const screens = Grid.useBreakpoint();
  const wide = screens.md !== false;
  /** The form: closed (null), creating ({unit: null}) or editing. */
  const [editing, setEditing] = useState<{ unit: Unit | null } | null>(null);

  // past the last page (e.g. after deleting its only row): go to the last page there is
  const data = list.data;
  useEffect(() => {
    if (data && data.items.length === 0 && data.total > 0 && params.page > 1) {
      update({ page: Math.max(1, Math.ceil(data.total / params.pageSize)) });
    }
  }, [data, params.page, params.pageSize, update]);

  const sortOrderOf = (key: UnitSort): TableColumnType<Unit>['sortOrder'] =>
    params.sort === key ? (params.order === 'asc' ? 'ascend' : 'descend') : null;

  const toggleActive = async (unit: Unit) => {
    const active = !unit.active;
    try {
      const saved = await setActive.mutateAsync({ unit, active });
      message.success(t(active ? 'units.activated' : 'units.deactivated', { name: saved.name }));
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  const confirmDelete = (unit: Unit) => {
    modal.confirm({
      title: t('units.confirmDelete', { name: unit.name }),
      content: t('units.confirmDeleteHint'),
      okText: t('common.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await remove.mutateAsync(unit);
          message.success(t('units.deleted', { name: unit.name }));
        } catch (error) {
          modal.error({
            title: t('units.deleteRefused'),
            content: errorMessage(error),
            okText: t('common.confirm'),
          });
        }
      },
    });
  };

  // widths fit 1366 px with the menu open; narrower screens scroll the table sideways
  const allColumns: TableColumnsType<Unit> = [
    {
      key: 'name',
      dataIndex: 'name',
      title: t('units.col.name'),
      sorter: true,
      sortOrder: sortOrderOf('name'),
      render: (name: string) => <Typography.Text strong>{name}</Typography.Text>,
    },
    {
      key: 'kind',
      dataIndex: 'kind',
      title: t('units.col.kind'),
      sorter: true,
      sortOrder: sortOrderOf('kind'),
      width: 96,
      render: (kind: Unit['kind']) => t(`unitKind.${kind}`),
    },
    {
      key: 'regionCode',
      dataIndex: 'regionName',
      title: t('units.col.region'),
      sorter: true,
      sortOrder: sortOrderOf('regionCode'),
    },
    { key: 'parentName', dataIndex: 'parentName', title: t('units.col.parent') },
    { key: 'contactName', dataIndex: 'contactName', title: t('units.col.contactName'), width: 84 },
    { key: 'contactPhone', dataIndex: 'contactPhone', title: t('units.col.contactPhone'), width: 128 },
    {
      key: 'active',
      dataIndex: 'active',
      title: t('units.col.status'),
      width: 72,
      render: (active: boolean) =>
        active ? <Tag color="success">{t('units.active')}</Tag> : <Tag>{t('units.inactive')}</Tag>,
    },
    {
      key: 'updatedAt',
      dataIndex: 'updatedAt',
      title: t('units.col.updatedAt'),
      sorter: true,
      sortOrder: sortOrderOf('updatedAt'),
      width: 146,
      render: formatTime,
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: canDelete ? 148 : 104,
      fixed: wide ? 'right' : undefined,
      render: (_: unknown, unit: Unit) => (
        <Flex gap={0} wrap={false}>
          {canUpdate ? (
            <>
              <Button type="link" size="small" onClick={() => setEditing({ unit })}>
                {t('common.edit')}
              </Button>
              <Popconfirm
                title={t(unit.active ? 'units.confirmDeactivate' : 'units.confirmActivate', {
                  name: unit.name,
                })}
                description={unit.active ? t('units.confirmDeactivateHint') : undefined}
                okText={unit.active ? t('units.deactivate') : t('units.activate')}
                cancelText={t('common.cancel')}
                onConfirm={() => toggleActive(unit)}
              >
                <Button type="link" size="small">
                  {unit.active ? t('units.deactivate') : t('units.activate')}
                </Button>
              </Popconfirm>
            </>
          ) : null}
          {canDelete ? (
            <Button type="link" size="small" danger onClick={() => confirmDelete(unit)}>
              {t('common.delete')}
            </Button>
          ) : null}
        </Flex>
      ),
    },
  ];

  // no 操作 column for those who may only read
  const columns = canUpdate || canDelete ? allColumns : allColumns.filter((c) => c.key !== 'actions');

  const onTableChange: TableProps<Unit>['onChange'] = (pagination, _filters, sorter, extra) => {
    if (extra.action === 'sort') {
      const one = Array.isArray(sorter) ? sorter[0] : sorter;
      const key = one?.columnKey;
      if (one?.order && isUnitSort(key))
        update({ sort: key, order: one.order === 'ascend' ? 'asc' : 'desc' });
      else update({ sort: undefined, order: undefined });
      return;
    }
    if (extra.action === 'paginate') {
      const pageSize = pagination.pageSize ?? params.pageSize;
      update({ page: pageSize === params.pageSize ? (pagination.current ?? 1) : 1, pageSize });
    }
  };

  const filtered = hasUnitFilters(params);

  return (
    <>
      <PageHeader
        title={t('units.title')}
        extra={
          canCreate ? (
            <Button
              type="primary"
              icon={<PlusOutlined aria-hidden />}
              onClick={() => setEditing({ unit: null })}
            >
              {t('units.create')}
            </Button>
          ) : undefined
        }
      />
      <Card className="list-card">
        <UnitsFilter params={params} onChange={update} onReset={reset} />
        {list.isError && !data ? (
          <ErrorState
            title={t('units.loadFailed')}
            error={list.error}
            onRetry={() => void list.refetch()}
            retrying={list.isFetching}
          />
        ) : (
          <Table<Unit>
            rowKey="id"
            columns={columns}
            dataSource={data?.items ?? []}
            loading={list.isFetching}
            onChange={onTableChange}
            scroll={{ x: 1060 }}
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
                      ? t('units.emptyFiltered')
                      : canCreate
                        ? t('units.emptyAll')
                        : t('units.emptyReadOnly')
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
      <UnitFormModal open={editing !== null} unit={editing?.unit ?? null} onClose={() => setEditing(null)} />
    </>
  );
}
