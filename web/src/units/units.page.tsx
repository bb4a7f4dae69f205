import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Popconfirm, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { formatTime } from '../../../common/format/date-time';
import { t } from '../../../common/i18n/index';
import { UNIT_SORTS, type Unit, type UnitView } from '../../../common/units/units.schema';
import { useAllowed } from '../access/access.hooks';
import { errorMessage } from '../api/client';
import { useConfirmAction } from '../common/confirm-action.hooks';
import { ListTable } from '../common/list-table.component';
import { useListTable, useWide } from '../common/list-table.hooks';
import { PageHeader } from '../common/page-header.component';
import { exportUrl } from '../excel/excel.api';
import { ExcelButtons } from '../excel/excel-buttons.component';
import { useDeleteUnit, useSetUnitActive, useUnitList } from './units.api';
import { UnitFormModal } from './units.form';
import { hasUnitFilters, useUnitListSearch } from './units.hooks';
import { UnitsFilter } from './units-filter.component';

export function UnitsPage() {
  const [params, update, reset] = useUnitListSearch();
  const list = useUnitList(params);
  const setActive = useSetUnitActive();
  const remove = useDeleteUnit();
  const { message } = App.useApp();
  const confirm = useConfirmAction();
  // buttons only for what the policy table allows these roles (the server checks the scope)
  const allowed = useAllowed();
  const canCreate = allowed('units.create');
  // the 操作 column for roles that change units; each row's buttons are those its answer lists (ADR 027)
  const canUpdate = allowed('units.update');
  const canDelete = allowed('units.delete');
  const canExport = allowed('excel.exportUnits');
  const wide = useWide();
  /** The form: closed (null), creating ({unit: null}) or editing. */
  const [editing, setEditing] = useState<{ unit: Unit | null } | null>(null);

  const data = list.data;
  const table = useListTable({ params, update, data, sorts: UNIT_SORTS });

  const toggleActive = async (unit: Unit) => {
    const active = !unit.active;
    try {
      const saved = await setActive.mutateAsync({ unit, active });
      message.success(t(active ? 'units.activated' : 'units.deactivated', { name: saved.name }));
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  const confirmDelete = (unit: Unit) =>
    confirm({
      title: t('units.confirmDelete', { name: unit.name }),
      hint: t('units.confirmDeleteHint'),
      run: () => remove.mutateAsync(unit),
      done: t('units.deleted', { name: unit.name }),
    });

  // widths fit 1366 px with the menu open; narrower screens scroll the table sideways
  const allColumns: TableColumnsType<UnitView> = [
    {
      key: 'name',
      dataIndex: 'name',
      title: t('units.col.name'),
      sorter: true,
      sortOrder: table.sortOrderOf('name'),
      render: (name: string) => <Typography.Text strong>{name}</Typography.Text>,
    },
    {
      key: 'kind',
      dataIndex: 'kind',
      title: t('units.col.kind'),
      sorter: true,
      sortOrder: table.sortOrderOf('kind'),
      width: 96,
      render: (kind: Unit['kind']) => t(`unitKind.${kind}`),
    },
    {
      key: 'regionCode',
      dataIndex: 'regionName',
      title: t('units.col.region'),
      sorter: true,
      sortOrder: table.sortOrderOf('regionCode'),
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
      sortOrder: table.sortOrderOf('updatedAt'),
      width: 146,
      render: formatTime,
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: canDelete ? 148 : 104,
      fixed: wide ? 'right' : undefined,
      render: (_: unknown, unit: UnitView) => (
        <Flex gap={0} wrap={false}>
          {unit.actions.includes('update') ? (
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
          {unit.actions.includes('delete') ? (
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

  const filtered = hasUnitFilters(params);

  return (
    <>
      <PageHeader
        title={t('units.title')}
        extra={
          <Flex gap={8} wrap>
            {canCreate ? (
              <Button
                type="primary"
                icon={<PlusOutlined aria-hidden />}
                onClick={() => setEditing({ unit: null })}
              >
                {t('units.create')}
              </Button>
            ) : null}
            <ExcelButtons kind="units" exportHref={canExport ? exportUrl('units', params) : undefined} />
          </Flex>
        }
      />
      <Card className="list-card">
        <UnitsFilter params={params} onChange={update} onReset={reset} />
        <ListTable<UnitView>
          list={list}
          loadFailed={t('units.loadFailed')}
          empty={
            filtered ? t('units.emptyFiltered') : canCreate ? t('units.emptyAll') : t('units.emptyReadOnly')
          }
          columns={columns}
          onChange={table.onChange}
          pagination={table.pagination}
          scroll={{ x: 1060 }}
        />
      </Card>
      <UnitFormModal open={editing !== null} unit={editing?.unit ?? null} onClose={() => setEditing(null)} />
    </>
  );
}
